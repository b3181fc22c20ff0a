/**
 * Test-automation shapes: injected input sequences, the deterministic game snapshot, and recordings
 * that replay to it. Shared by the bridge, its handlers and e2e helpers.
 */
import { z } from 'zod';
import type { PlayerMode } from './player.ts';
import type { Vec3 } from './vec3.ts';

const hand = z.enum(['left', 'right']);
export const XR_BUTTONS = ['trigger', 'squeeze', 'a-button', 'b-button', 'x-button', 'y-button', 'thumbstick'] as const;
const near = (limit: number) => z.number().finite().min(-limit).max(limit);
const PoseVec = z.object({ x: near(10), y: near(10), z: near(10) }).strict();
const Quat = z.object({ x: near(1), y: near(1), z: near(1), w: near(1) }).strict();

/** One step of an input sequence; steps run in order, `wait` lets frames pass between them. */
export const InputStepSchema = z.discriminatedUnion('type', [
  /** A keyboard key by KeyboardEvent.code (KeyW, Space, ShiftLeft, KeyF, Digit1...); press = down, one frame, up. */
  z.object({ type: z.literal('key'), code: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,23}$/, 'code must be a KeyboardEvent.code such as KeyW'), action: z.enum(['down', 'up', 'press']) }).strict(),
  /** A mouse button as if the pointer were locked: 0 uses the tool, 2 builds. */
  z.object({ type: z.literal('mouse'), button: z.union([z.literal(0), z.literal(1), z.literal(2)]), action: z.enum(['down', 'up', 'click']) }).strict(),
  /** Mouse motion in pixels, as pointer-lock movementX/Y (sensitivity and invert-Y apply). */
  z.object({ type: z.literal('look'), dx: near(5000), dy: near(5000) }).strict(),
  z.object({ type: z.literal('wait'), frames: z.number().int().min(1).max(3600) }).strict(),
  /** Emulated XR device pose in the reference space (needs ?xr=emulate). */
  z.object({ type: z.literal('xr_pose'), device: z.enum(['headset', 'left', 'right']), position: PoseVec, quaternion: Quat.optional() }).strict(),
  z.object({ type: z.literal('xr_button'), hand, button: z.enum(XR_BUTTONS), value: z.number().min(0).max(1) }).strict(),
  z.object({ type: z.literal('xr_stick'), hand, x: near(1), y: near(1) }).strict(),
]);
export type InputStep = z.infer<typeof InputStepSchema>;

export const InputSequenceSchema = z.object({ steps: z.array(InputStepSchema).min(1).max(1000) }).strict();
export type InputSequence = z.infer<typeof InputSequenceSchema>;

/**
 * The game's deterministic state: what a replay must reproduce and what a rejected request must
 * leave unchanged. No clocks, frame counters or timings, which differ between equal runs.
 */
export interface GameSnapshot {
  scene: string | null;
  ready: boolean;
  player: {
    player_id: string; mode: PlayerMode; position: Vec3; rotation: Vec3; velocity: Vec3;
    health: number; oxygen: number; grounded: boolean; deaths: number;
    ship: { position: Vec3; rotation: Vec3 };
  };
  terrain: { seed: number; edit_count: number; edit_log_sha256: string };
  settings_sha256: string;
}

/** Floats per recorded frame of player input (see control/recorder.ts for the order). */
export const INPUT_FIELDS = 19;

export const RecordingSchema = z.object({
  version: z.literal(1),
  scene_path: z.string(),
  /** Seconds simulated in each recorded frame. */
  dt: z.array(z.number().finite().min(0).max(1)).max(216_000),
  /** INPUT_FIELDS numbers per frame. */
  inputs: z.array(z.number().finite()).max(216_000 * INPUT_FIELDS),
  /** Write calls, each answered before frame `frame` was simulated. */
  calls: z.array(z.object({ frame: z.number().int().min(0), method: z.string(), path: z.string(), body: z.unknown() }).strict()).max(10_000),
  snapshot: z.unknown(),
}).strict().refine((r) => r.inputs.length === r.dt.length * INPUT_FIELDS, 'inputs must hold INPUT_FIELDS numbers per frame');
export type Recording = z.infer<typeof RecordingSchema>;
