/**
 * Seed 000 "WebSocket Telemetry API": client messages (zod, so a socket's input is checked before
 * it touches the game), server message types, and the 17-byte binary FPS packet.
 */
import { z } from 'zod';
import { fail, ok, zodFailure, type ErrorCode, type Result } from './errors.ts';
import type { Vec3 } from './vec3.ts';
import type { NetworkReport, StructureInfo } from './net/base-events.ts';
import type { CreatureCommand, CreatureStateName, CreatureTypeName } from './creatures.ts';

/** One list, so later event kinds (creature_spawned, ...) are a one-line change everywhere. */
export const TELEMETRY_EVENTS = ['fps', 'vr_tracking', 'player_position', 'scene_loaded', 'error', 'warning', 'terrain_modified', 'structure_built', 'power_grid_update',
  'creature_spawned', 'ai:thinking', 'ai:action', 'ai:error', 'ai:ready'] as const;
export type TelemetryEvent = (typeof TELEMETRY_EVENTS)[number];

/** Events sent on a timer from the frame loop; the rest are pushed when they happen. */
export const INTERVAL_EVENTS = ['fps', 'vr_tracking', 'player_position'] as const satisfies readonly TelemetryEvent[];

// Interval lower bounds keep one client from asking for more than a message per frame or so.
const seconds = (min: number) => z.number().finite().min(min).max(60);

export const TelemetryConfigSchema = z.strictObject({
  fps_enabled: z.boolean().optional(),
  fps_interval: seconds(0.05).optional(),
  vr_tracking_enabled: z.boolean().optional(),
  tracking_interval: seconds(0.02).optional(),
  player_position_enabled: z.boolean().optional(),
  position_interval: seconds(0.02).optional(),
  /** Not in the seed's example: fps events go out as the binary packet instead of JSON. */
  fps_binary: z.boolean().optional(),
});
export type TelemetryConfigPatch = z.infer<typeof TelemetryConfigSchema>;
/** A connection's effective configuration (every field set). */
export type TelemetryConfig = Required<TelemetryConfigPatch>;

export const DEFAULT_TELEMETRY_CONFIG: Readonly<TelemetryConfig> = Object.freeze({
  fps_enabled: true,
  fps_interval: 1.0,
  vr_tracking_enabled: true,
  tracking_interval: 0.1,
  player_position_enabled: true,
  position_interval: 0.1,
  fps_binary: false,
});

const EventListSchema = z.array(z.enum(TELEMETRY_EVENTS)).min(1);

export const TelemetryClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth'), token: z.string() }),
  z.strictObject({ type: z.literal('subscribe'), events: EventListSchema }),
  z.strictObject({ type: z.literal('unsubscribe'), events: EventListSchema }),
  z.strictObject({ type: z.literal('get_snapshot') }),
  z.strictObject({ type: z.literal('configure'), config: TelemetryConfigSchema }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type TelemetryClientMessage = z.infer<typeof TelemetryClientMessageSchema>;

/** Validates one client message, naming the seed's MISSING_PARAMETER / INVALID_PARAMETER codes. */
export function parseTelemetryClientMessage(raw: unknown): Result<TelemetryClientMessage> {
  const parsed = TelemetryClientMessageSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  if (isObject && !('type' in raw)) return fail('MISSING_PARAMETER', 'type: required');
  return zodFailure(parsed.error, { input: raw });
}

// ---- event payloads ----

export interface FpsData {
  fps: number;
  frame_time_ms: number;
  physics_time_ms: number;
  render_time_ms: number;
}

/** Rotation is Euler degrees, as in GET /vr/tracking. */
export interface PoseData { position: Vec3; rotation: Vec3 }

export interface VrTrackingEventData {
  headset: PoseData;
  left_controller: PoseData;
  right_controller: PoseData;
}

export interface PlayerPositionData {
  player_id: string;
  position: Vec3;
  velocity: Vec3;
  rotation: Vec3;
}

/** Payload of `error` and `warning` events: `source` names the subsystem that raised it. */
export interface TelemetryIssueData { message: string; source?: string }

/** Payload of `scene_loaded`: the scene, how long its load took, and whether it was a reload. */
export interface SceneLoadedData { scene_path: string; load_time_ms: number; reload: boolean }

/** Payload of `terrain_modified`: the brush as applied, and the edit's place in the world's edit log. */
export interface TerrainModifiedData {
  position: Vec3;
  radius: number;
  strength: number;
  operation: string;
  voxels_modified: number;
  sequence: number;
}

/** Payload of `creature_spawned` (seed 000): a creature came into this page's world. */
export interface CreatureSpawnedData {
  creature_id: string;
  creature_type: CreatureTypeName;
  level: number;
  position: Vec3;
  /** Spawned by the world around players rather than asked for. */
  natural: boolean;
  owner: string | null;
}

/**
 * Seed 004's AI events, for the creatures this page simulates (its creature worker). `ai:thinking`:
 * a creature made a decision (picked a target to hunt, started to flee, calmed down).
 */
export interface AiThinkingData { creature_id: string; decision: 'hunt' | 'flee' | 'calm'; target_id: string | null; state: CreatureStateName }
/** `ai:action`: a creature acted: struck another, obeyed a command, died or was tamed. */
export interface AiActionData {
  creature_id: string;
  action: 'attack' | 'command' | 'died' | 'tamed';
  target_id?: string | null;
  damage?: number;
  command?: CreatureCommand;
}
/** `ai:error`: the creature worker failed (crashed or a call was refused); `restarts` so far. */
export interface AiErrorData { message: string; source: 'creature_worker'; restarts: number }
/** `ai:ready`: the creature worker runs (first start, or after a crash with its creatures restored). */
export interface AiReadyData { creatures: number; restored: boolean; restarts: number; tick_hz: number }

export interface TelemetryEventDataMap {
  fps: FpsData;
  vr_tracking: VrTrackingEventData;
  player_position: PlayerPositionData;
  scene_loaded: SceneLoadedData;
  error: TelemetryIssueData;
  warning: TelemetryIssueData;
  terrain_modified: TerrainModifiedData;
  structure_built: StructureInfo;
  power_grid_update: { networks: NetworkReport[]; gone: string[]; tick: number };
  creature_spawned: CreatureSpawnedData;
  'ai:thinking': AiThinkingData;
  'ai:action': AiActionData;
  'ai:error': AiErrorData;
  'ai:ready': AiReadyData;
}

export interface TelemetrySnapshotData {
  fps: number;
  memory_mb: number;
  player_count: number;
  scene: string | null;
  vr_active: boolean;
}

// ---- server -> client ----

/** ISO 8601 time of sending. */
type Stamped = { timestamp: string };

export type AuthSuccessMessage = Stamped & { type: 'auth_success'; client_id: string };
export type AuthFailedMessage = Stamped & { type: 'auth_failed'; reason: string };
export type TelemetryEventMessage = {
  [E in TelemetryEvent]: Stamped & { type: 'event'; event: E; data: TelemetryEventDataMap[E] };
}[TelemetryEvent];
export type SnapshotMessage = Stamped & { type: 'snapshot'; data: TelemetrySnapshotData };
export type PongMessage = Stamped & { type: 'pong' };
export type TelemetryErrorMessage = Stamped & { type: 'error'; code: ErrorCode; message: string };
/** Acks (not in the seed): `events` echoes the request's events, without duplicates. */
export type SubscribedMessage = Stamped & { type: 'subscribed'; events: TelemetryEvent[] };
export type UnsubscribedMessage = Stamped & { type: 'unsubscribed'; events: TelemetryEvent[] };
export type ConfiguredMessage = Stamped & { type: 'configured'; config: TelemetryConfig };

export type TelemetryServerMessage =
  | AuthSuccessMessage | AuthFailedMessage | TelemetryEventMessage | SnapshotMessage | PongMessage
  | TelemetryErrorMessage | SubscribedMessage | UnsubscribedMessage | ConfiguredMessage;

// ---- binary FPS packet ----

export const FPS_PACKET_TYPE = 0x01;
export const FPS_PACKET_BYTES = 17;

/** Writes the packet into `out` (exactly FPS_PACKET_BYTES long) or a new buffer. Values become float32. */
export function encodeFpsPacket(data: FpsData, out: ArrayBuffer = new ArrayBuffer(FPS_PACKET_BYTES)): ArrayBuffer {
  if (out.byteLength !== FPS_PACKET_BYTES) throw new RangeError(`FPS packet buffer must be ${FPS_PACKET_BYTES} bytes, got ${out.byteLength}`);
  const view = new DataView(out);
  view.setUint8(0, FPS_PACKET_TYPE);
  view.setFloat32(1, data.fps, true);
  view.setFloat32(5, data.frame_time_ms, true);
  view.setFloat32(9, data.physics_time_ms, true);
  view.setFloat32(13, data.render_time_ms, true);
  return out;
}

/** null when the bytes are not an FPS packet (wrong length or type byte). */
export function decodeFpsPacket(buf: ArrayBuffer | ArrayBufferView): FpsData | null {
  const view = ArrayBuffer.isView(buf) ? new DataView(buf.buffer, buf.byteOffset, buf.byteLength) : new DataView(buf);
  if (view.byteLength !== FPS_PACKET_BYTES || view.getUint8(0) !== FPS_PACKET_TYPE) return null;
  return {
    fps: view.getFloat32(1, true),
    frame_time_ms: view.getFloat32(5, true),
    physics_time_ms: view.getFloat32(9, true),
    render_time_ms: view.getFloat32(13, true),
  };
}
