/**
 * Player control shapes of seed 000 (POST /player/spawn, /player/teleport, /player/mode and
 * GET /player/position): zod schemas for what comes in, the snapshot type for what goes out.
 * Rotations are degrees; positions are metres and must lie inside the world.
 */
import { z } from 'zod';
import { PositionSchema } from './terrain.ts';
import type { Vec3 } from './vec3.ts';

/** Walking pace in m/s: the walker's speed, and the top of the smooth-locomotion speed setting. */
export const WALK_SPEED = 4.5;

/** The one local player's id (seed 000 examples); multiplayer will hand out others. */
export const DEFAULT_PLAYER_ID = 'player_001';

export const PLAYER_MODES = ['walking', 'spacecraft'] as const;
export type PlayerMode = (typeof PLAYER_MODES)[number];

/** A string first, so a missing mode reads "received undefined" (MISSING_PARAMETER), not an unknown option. */
export const PlayerModeSchema = z.string().pipe(z.enum(PLAYER_MODES));

const degrees = (axis: string) => z.number().finite(`rotation.${axis} must be a finite number of degrees`);

/** Euler angles in degrees: x = pitch, y = yaw (0 looks toward -z, positive turns left), z = roll. */
export const RotationSchema = z.object({ x: degrees('x'), y: degrees('y'), z: degrees('z') });
export type Rotation = z.infer<typeof RotationSchema>;

export const PlayerIdSchema = z.string().min(1).max(64).optional();

export const SpawnRequestSchema = z.object({
  position: PositionSchema,
  rotation: RotationSchema.optional(),
  player_id: PlayerIdSchema,
  mode: PlayerModeSchema.optional(),
});
export type SpawnRequest = z.infer<typeof SpawnRequestSchema>;

export const TeleportRequestSchema = z.object({
  position: PositionSchema,
  rotation: RotationSchema.optional(),
  player_id: PlayerIdSchema,
});
export type TeleportRequest = z.infer<typeof TeleportRequestSchema>;

export const ModeRequestSchema = z.object({
  mode: PlayerModeSchema,
  player_id: PlayerIdSchema,
  /** Not in the seed: skip the distance/speed rules (tests, tools). */
  force: z.boolean().optional(),
});
export type ModeRequest = z.infer<typeof ModeRequestSchema>;

/** GET /player/position fields (the API adds the timestamp), plus a few the game reads. */
export interface PlayerSnapshot {
  player_id: string;
  position: Vec3;
  rotation: Rotation;
  velocity: Vec3;
  mode: PlayerMode;
  health: number;
  oxygen: number;
  grounded: boolean;
  landed: boolean;
  speed: number;
  held: boolean;
  deaths: number;
}
