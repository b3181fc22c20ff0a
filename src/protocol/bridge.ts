import type { Result } from './errors.ts';
import type { BrushEdit, EditOutcome, TerrainInfo } from './terrain.ts';
import type { PlayerMode, PlayerSnapshot } from './player.ts';
import type { SceneCurrent, SceneHistory, SceneLoadResult, SceneReloadResult, SceneValidation } from './scenes.ts';
import type { VrRecenterResult, VrTracking } from './vr.ts';
import type { Settings } from '../state/settings.ts';

export const BRIDGE_VERSION = '0.1.0';

export interface Vec3 { x: number; y: number; z: number }

export interface AimState {
  /** Which pointer aims: the desktop crosshair, or a VR controller ray. */
  source: 'desktop' | 'left' | 'right';
  hit: boolean;
  point: Vec3;
  normal: Vec3;
  distance: number;
}

export interface BridgeState {
  seed: number;
  frame: number;
  chunks: { wanted: number; meshed: number; drawn: number };
  workers: { size: number; meshed: number; replaced: number; queued: number; inflight: number; jobMsMean: number };
  editCount: number;
  render: { drawCalls: number; triangles: number; terrainRevision: number };
  camera: { position: Vec3; direction: Vec3 };
  xr: {
    supported: boolean; reason: string | null; presenting: boolean; frames: number;
    /** The teleport arc: aimed now, and where it lands (valid: ground the player can stand on). */
    teleport: { aiming: boolean; valid: boolean; target: Vec3 };
  };
  /** Running (or loading) scene name, and whether it is playable yet. */
  scene: { name: string | null; ready: boolean };
}

/** A scene in the registry (GET /scenes). */
export interface SceneListing { scene_path: string; name: string; title: string; root_node: string }

export type XrButton = 'trigger' | 'squeeze' | 'a-button' | 'b-button' | 'x-button' | 'y-button' | 'thumbstick';

/** Pose for the emulated headset or a controller (only under ?xr=emulate). */
export interface EmulatedPose { position: Vec3; quaternion?: { x: number; y: number; z: number; w: number } }

/** The typed handle e2e tests and tools use; it grows into the full control API bridge. */
export interface SpacetimeBridge {
  version: string;
  /** Resolves when the spawn area is meshed and the camera placed. */
  ready: Promise<void>;
  state(): BridgeState;
  /** Resolves after `count` more rendered frames. */
  frames(count: number): Promise<void>;
  terrain: {
    info(position: Vec3): Promise<Result<TerrainInfo>>;
    /** Applies a brush; resolves once every touched chunk is re-meshed and in the scene. */
    deform(edit: BrushEdit | unknown): Promise<Result<EditOutcome>>;
    chunkHash(cx: number, cy: number, cz: number): Promise<Result<string>>;
    columnHeight(x: number, z: number): Promise<number>;
  };
  /** The brush target of the active pointer this frame. */
  aim(): AimState;
  camera: {
    /** Puts the player in the spacecraft, hovering still at this pose; yaw/pitch in degrees (yaw 0 looks toward −z). */
    set(position: Vec3, yawDeg: number, pitchDeg: number): Result<Vec3>;
  };
  /** Seed 000 player routes' game side (bodies use the seed's field names). */
  player: {
    position(): PlayerSnapshot;
    spawn(body: unknown): Result<{ player_id: string; position: Vec3; mode: PlayerMode }>;
    teleport(body: unknown): Result<{ player_id: string; new_position: Vec3 }>;
    mode(body: unknown): Result<{ player_id: string; mode: PlayerMode }>;
  };
  /** Seed 000 scene routes' game side. Loads resolve once the scene is playable. */
  scenes: {
    list(): SceneListing[];
    load(body: unknown): Promise<Result<SceneLoadResult>>;
    reload(body?: unknown): Promise<Result<SceneReloadResult>>;
    current(): Result<SceneCurrent>;
    history(): SceneHistory;
    validate(body: unknown): Result<SceneValidation>;
  };
  vr: {
    /** Headset and controllers in tracking space (tracking_valid false outside VR). */
    tracking(): VrTracking;
    recenter(): Result<VrRecenterResult>;
  };
  settings: {
    get(): Settings;
    /** Validates the whole patch; a bad field changes nothing. */
    update(patch: unknown): Result<Settings>;
  };
  workers: { crash(index: number): Result<{ index: number }> };
  debug: {
    /** Hides the terrain so a test can prove its pixel check fails on a sky-only view. */
    setTerrainVisible(visible: boolean): void;
    /** Stops or resumes drawing frames; streaming and edits go on. */
    pauseRendering(paused: boolean): void;
  };
  xr: {
    enter(): Promise<void>;
    exit(): Promise<void>;
    /** Emulator controls; present only with ?xr=emulate. */
    emulator?: {
      setHeadset(pose: EmulatedPose): void;
      setController(hand: 'left' | 'right', pose: EmulatedPose): void;
      setButton(hand: 'left' | 'right', button: XrButton, value: number): void;
      /** Thumbstick deflection, −1..1 (y: pushed forward is −1). */
      setStick(hand: 'left' | 'right', x: number, y: number): void;
    };
  };
}

declare global {
  interface Window {
    spacetime?: SpacetimeBridge;
  }
}
