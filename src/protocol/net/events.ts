/**
 * The socket.io event maps of the relay link, typed once here for both ends. Names are seed 000's
 * RPC names where the seed has one (`sync_player_position`, `sync_terrain_deform`,
 * `request_terrain_chunk`, `receive_terrain_chunk`, `sync_player_mode`, `authenticate`) and seed
 * 003's for presence, typing, notifications and debug. Every client→relay payload has a zod schema
 * here; the relay parses each one before acting. Reliable events take an acknowledgement callback.
 */
import { z } from 'zod';
import { BrushEditSchema, ChunkCoordSchema } from '../terrain.ts';
import { PLAYER_MODES, type PlayerMode } from '../player.ts';
import type { Vec3 } from '../vec3.ts';
import type { Ack, RelayError } from './errors.ts';
import { CHAT_MAX_CHARS } from './limits.ts';
import { WorldIdSchema, type WorldSummary } from './worlds.ts';
import { ClientIdSchema, type ApiCall, type ApiReply } from './api-forward.ts';
import type { TelemetryChannelSchema, TelemetryIn, TelemetryOut } from './telemetry-forward.ts';
import type { BaseClientEvents, BaseJoin, BaseRelayEvents } from './base-events.ts';
import type { CreatureClientEvents, CreatureJoin, CreatureRelayEvents } from './creature-events.ts';

/** Seed 000 writes chunk coordinates as {x, y, z}. */
export const ChunkCoordsSchema = z.object({
  x: ChunkCoordSchema.shape.cx, y: ChunkCoordSchema.shape.cy, z: ChunkCoordSchema.shape.cz,
}).strict();
export type ChunkCoords = z.infer<typeof ChunkCoordsSchema>;

const finite = z.number().finite();
const Vec3Schema = z.object({ x: finite, y: finite, z: finite }).strict();

// ---- client → relay payloads -------------------------------------------------------------

export const AuthenticateSchema = z.object({
  protocol_version: z.number().int(),
  /** An API token (a later issue); until accounts exist, guests send none. */
  token: z.string().max(4096).optional(),
  /** The browser's generated guest identity, kept in localStorage. */
  guest_id: z.string().regex(/^guest_[a-z0-9]{6,32}$/, 'guest_id must look like guest_<letters and digits>'),
  name: z.string().trim().min(1).max(32),
  /** A game page that serves the control API to the relay's HTTP door names itself (X-Spacetime-Client). */
  client_id: ClientIdSchema.optional(),
}).strict();

export const JoinWorldSchema = z.object({
  /** Omitted: the relay's default world. */
  world_id: WorldIdSchema.optional(),
}).strict();

/** The page finished loading a scene (its telemetry `scene_loaded`), told to the relay for webhooks. */
export const SceneLoadedEventSchema = z.object({
  scene_path: z.string().min(1).max(256),
  load_time_ms: z.number().finite().min(0).max(3_600_000),
  reload: z.boolean(),
}).strict();

export const PlayerModeEventSchema = z.object({ mode: z.enum(PLAYER_MODES) }).strict();

/** Saved so the player comes back where they left (seed 000 `players`). */
export const PlayerStateSchema = z.object({
  position: Vec3Schema,
  rotation: Vec3Schema,
  health: z.number().finite().min(0).max(1000),
  oxygen: z.number().finite().min(0).max(1000),
  mode: z.enum(PLAYER_MODES),
}).strict();
export type SavedPlayerState = z.infer<typeof PlayerStateSchema>;

export const TerrainDeformSchema = BrushEditSchema.strict();
export const RequestChunkSchema = z.object({ chunk_coords: ChunkCoordsSchema }).strict();
export const RequestEditsSchema = z.object({ since_seq: z.number().int().min(0) }).strict();
export const ChecksumReportSchema = z.object({
  edit_seq: z.number().int().min(1),
  chunks: z.array(z.object({ chunk_coords: ChunkCoordsSchema, checksum: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).min(1).max(64),
}).strict();
export const TerrainSyncSchema = z.object({ chunk_coords: ChunkCoordsSchema, force_sync: z.boolean().optional() }).strict();
export const ChatSchema = z.object({ text: z.string().trim().min(1).max(CHAT_MAX_CHARS) }).strict();
export const TypingSchema = z.object({}).strict().optional();
export const NotificationReadSchema = z.object({ notification_id: z.string().min(1).max(64) }).strict();
export const DebugModeSchema = z.object({ enabled: z.boolean() }).strict();

// ---- relay → client payloads -------------------------------------------------------------

/** One player in the world: `peer_id` is the u16 that their pose records carry. */
export interface PeerInfo {
  user_id: string;
  name: string;
  peer_id: number;
  mode: PlayerMode;
}

/** An edit in the world's order, as broadcast to every client (the sender's own included). */
export interface SequencedEdit {
  edit_seq: number;
  player_id: string;
  position: Vec3;
  radius: number;
  strength: number;
  operation: 'add' | 'remove' | 'smooth';
}

/** An edited chunk: its voxels (fflate-deflated density then material bytes) as of `edit_seq`. */
export interface ChunkPayload {
  chunk_coords: ChunkCoords;
  data: Uint8Array | ArrayBuffer;
  /** SHA-256 (hex) of the uncompressed bytes: the same hash GET /terrain/sync's chunk_hash gives. */
  checksum: string;
  edit_seq: number;
  /** Why it was sent: asked for, a repair after a checksum mismatch, or POST /terrain/sync. */
  reason: 'requested' | 'repair' | 'sync';
}

export interface ChatMessage {
  id: number;
  user_id: string;
  name: string;
  text: string;
  timestamp: string;
}

export interface AuthResult {
  user: { id: string; name: string; role: 'guest' | 'player' };
  permissions: string[];
  socketId: string;
}

export interface JoinResult {
  world: WorldSummary;
  player_id: string;
  peer_id: number;
  /** The last acknowledged edit. */
  edit_seq: number;
  /** Chunk snapshots cover every edit up to this; the log holds the ones after it. */
  folded_seq: number;
  /** Every chunk the world's edits changed, as of folded_seq: fetch these, nearest first. */
  edited_chunks: Array<{ chunk_coords: ChunkCoords; checksum: string }>;
  /** Where the player left off in this world (null the first time). */
  player_state: SavedPlayerState | null;
  players: PeerInfo[];
  chat: ChatMessage[];
  /** Inventory, structures, grid and clock (base-events.ts); absent from a relay without a database. */
  base?: BaseJoin;
  /** Every creature and the zone authorities (creature-events.ts); absent from a relay without a database. */
  creatures?: CreatureJoin;
}

export interface Notification {
  id: string;
  type: 'player_joined' | 'player_left' | 'world';
  title: string;
  message: string;
  data: Record<string, unknown>;
  timestamp: string;
  read: boolean;
}

// ---- the maps socket.io is typed with ----------------------------------------------------

type Reply<T> = (ack: Ack<T>) => void;

export interface ClientToRelayEvents extends BaseClientEvents, CreatureClientEvents {
  authenticate(payload: z.input<typeof AuthenticateSchema>, reply: Reply<AuthResult>): void;
  join_world(payload: z.input<typeof JoinWorldSchema>, reply: Reply<JoinResult>): void;
  leave_world(payload: Record<string, never>, reply: Reply<{ left: boolean }>): void;
  /** One binary pose record (pose-codec.ts); volatile, never acknowledged. */
  sync_player_position(record: Uint8Array | ArrayBuffer): void;
  sync_player_mode(payload: z.input<typeof PlayerModeEventSchema>, reply: Reply<{ mode: PlayerMode }>): void;
  save_player_state(payload: z.input<typeof PlayerStateSchema>, reply: Reply<{ saved: boolean }>): void;
  /** Not acknowledged: the relay only passes it on to webhooks. */
  scene_loaded(payload: z.input<typeof SceneLoadedEventSchema>): void;
  /** Acknowledged with the edit's sequence number once it is durable. */
  sync_terrain_deform(payload: z.input<typeof TerrainDeformSchema>, reply: Reply<{ edit_seq: number }>): void;
  /** The chunk comes back as a receive_terrain_chunk event. */
  request_terrain_chunk(payload: z.input<typeof RequestChunkSchema>, reply: Reply<{ queued: boolean }>): void;
  /** The edits after since_seq, in order (after an outage); RESYNC_REQUIRED if they were folded away. */
  request_terrain_edits(payload: z.input<typeof RequestEditsSchema>, reply: Reply<{ edits: SequencedEdit[]; edit_seq: number }>): void;
  /** Hashes of chunks an edit touched, after applying it; a mismatch is repaired by a resend. */
  report_chunk_checksums(payload: z.input<typeof ChecksumReportSchema>): void;
  /** POST /terrain/sync: push a chunk to the world's other clients. */
  terrain_sync(payload: z.input<typeof TerrainSyncSchema>, reply: Reply<{ synced_to_clients: number; checksum: string; edit_seq: number }>): void;
  chat_message(payload: z.input<typeof ChatSchema>, reply: Reply<ChatMessage>): void;
  typing_start(payload?: z.input<typeof TypingSchema>): void;
  typing_stop(payload?: z.input<typeof TypingSchema>): void;
  notification_read(payload: z.input<typeof NotificationReadSchema>): void;
  debug_mode(payload: z.input<typeof DebugModeSchema>, reply: Reply<{ enabled: boolean }>): void;
  /** A telemetry message for the relay's /telemetry client on this channel (telemetry-forward.ts). */
  telemetry_out(payload: TelemetryOut): void;
  /** The page closed the channel (its hub dropped the connection). */
  telemetry_close(payload: z.input<typeof TelemetryChannelSchema>): void;
}

export interface RelayToClientEvents extends BaseRelayEvents, CreatureRelayEvents {
  connected(data: { socketId: string; timestamp: string; protocol_version: number }): void;
  authenticated(data: AuthResult): void;
  authentication_error(data: { error: string; code: RelayError['code'] }): void;
  /** Poses of the players in range, concatenated records (pose-codec.ts). Volatile. */
  sync_player_position(records: Uint8Array | ArrayBuffer): void;
  sync_player_mode(data: { player_id: string; mode: PlayerMode }): void;
  sync_terrain_deform(edit: SequencedEdit): void;
  receive_terrain_chunk(chunk: ChunkPayload): void;
  user_online(data: PeerInfo & { last_seen: string }): void;
  user_offline(data: { user_id: string; peer_id: number; last_seen: string }): void;
  user_typing(data: { user_id: string; name: string; typing: boolean }): void;
  chat_message(message: ChatMessage): void;
  notification(data: Notification): void;
  notification_updated(data: { notification_id: string; read: boolean; read_at: string }): void;
  connection_stats(data: { active_connections: number; total_connections: number; rooms: number; world_players: number }): void;
  memory_usage(data: { rss_mb: number; heap_used_mb: number; heap_total_mb: number; external_mb: number }): void;
  event_metrics(data: { events_per_minute: number; by_event: Record<string, number>; refused: number }): void;
  error(data: RelayError): void;
  /** A control-API call through the relay's HTTP door, for a page that gave a client_id (api-forward.ts). */
  api_request(call: ApiCall, reply: (answer: ApiReply) => void): void;
  /** A /telemetry client authenticated for this page: open a hub connection for the channel. */
  telemetry_open(payload: z.input<typeof TelemetryChannelSchema>): void;
  telemetry_in(payload: TelemetryIn): void;
  telemetry_close(payload: z.input<typeof TelemetryChannelSchema>): void;
}
