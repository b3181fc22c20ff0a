/**
 * Per-frame state: plain records that systems mutate in place every frame and the HUD and control
 * API read. Each record has exactly one writer, named beside it; everything else only reads. No
 * three.js here (the core builds these before the 3D scene has loaded).
 */
import type { AimState } from '../protocol/bridge.ts';
import type { BrushOperation } from '../protocol/terrain.ts';
import { emptyTracking, type VrTracking } from '../protocol/vr.ts';
import { createCameraPose, createPlayerInput, type CameraPose, type PlayerInput } from '../engine/player/player-state.ts';
import type { Viewer } from '../threads/chunk-streamer.ts';

export interface FrameCounters {
  frame: number;
  xrFrames: number;
  drawCalls: number;
  triangles: number;
  physicsMs: number;
  renderMs: number;
}

/** Where a VR teleport arc lands this frame, and whether the player could stand there. */
export interface TeleportReading { aiming: boolean; valid: boolean; x: number; y: number; z: number }

/** Held desktop keys (KeyboardEvent.code) and mouse buttons, and a boarding key press not yet acted on. */
export interface HeldKeys {
  keys: Set<string>;
  buttons: Set<number>;
  /** Buttons pressed since the placement system last looked: a click shorter than a frame still counts. */
  clicked: Set<number>;
  boardPressed: boolean;
}

export interface FrameState {
  /** Writers: the input systems (desktop keys, VR locomotion) and a replay; the player step consumes look, turns and teleports. */
  input: PlayerInput;
  /** Writers: the desktop's DOM listeners and input injection (POST /input/...). Read by the desktop input and aim systems. */
  held: HeldKeys;
  /** Writer: the XR input system (headset, controllers; seed GET /vr/tracking). */
  tracking: VrTracking;
  /** Writer: the aim systems (desktop crosshair, or a VR controller ray; one of the two per frame). */
  aim: AimState;
  /** Writer: the aim systems: the tool the player is using this frame (null: none). Read by the brush system. */
  tool: { operation: BrushOperation | null };
  /** Writer: the VR locomotion system. */
  teleport: TeleportReading;
  /** Writer: the player step system (the eyes, interpolated between ticks). */
  camera: CameraPose;
  /** Writer: the streaming system (the rendered camera), or the core while no frames are drawn (loading). */
  viewer: Viewer;
  /** Writer: the frame loop (frame, xrFrames, physicsMs) and the control system (draw calls, triangles); renderMs the renderer. */
  counters: FrameCounters;
}

export function createFrameState(): FrameState {
  return {
    input: createPlayerInput(),
    held: { keys: new Set(), buttons: new Set(), clicked: new Set(), boardPressed: false },
    tracking: emptyTracking(),
    aim: { source: 'desktop', hit: false, distance: 0, point: { x: 0, y: 0, z: 0 }, normal: { x: 0, y: 1, z: 0 } },
    tool: { operation: null },
    teleport: { aiming: false, valid: false, x: 0, y: 0, z: 0 },
    camera: createCameraPose(),
    viewer: { x: 0, y: 60, z: 0, dx: 0, dy: 0, dz: -1 },
    counters: { frame: 0, xrFrames: 0, drawCalls: 0, triangles: 0, physicsMs: 0, renderMs: 0 },
  };
}
