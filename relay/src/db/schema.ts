/**
 * The kysely view of the relay's tables: seed 000's (users, worlds, players, structures, creatures,
 * terrain_chunks, metrics, sessions) under the seed's column names, plus ours (terrain_edits,
 * chat_messages, and worlds' kind / edit_seq / folded_seq). Timestamps are ISO strings written by the
 * relay (PostgreSQL may hand back Date objects: read them through iso() in rows.ts).
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { WebhookDeliveriesTable, WebhooksTable } from '../webhooks/webhook-tables.ts';
import type { JobsTable } from '../jobs/job-types.ts';

/** A timestamp with a default: optional on insert. */
type Timestamp = ColumnType<string | Date, string | undefined, string>;
type RequiredTimestamp = ColumnType<string | Date, string, string>;
type NullableTimestamp = ColumnType<string | Date | null, string | null | undefined, string | null>;
/** better-sqlite3 returns Buffer, node-postgres Buffer too: both are Uint8Array. */
type Bytes = Uint8Array;
/** PostgreSQL returns BIGINT as a string; SQLite as a number. */
type BigIntColumn = ColumnType<number | string, number, number>;
type NullableBigInt = ColumnType<number | string | null, number | null | undefined, number | null>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string;
  password_hash: string;
  /** Ours: the name a guest chose (username is the guest id). */
  display_name: string | null;
  created_at: Timestamp;
  last_login: NullableTimestamp;
  active: Generated<number | boolean>;
  api_tokens: string | null;
  /** Seed 001's role: Player, WorldBuilder, Admin, Superuser. */
  role: Generated<string>;
  /** Made by /register or /register-guest: purged 24 h after created_at. */
  is_temporary: Generated<number | boolean>;
}

export interface WorldsTable {
  id: Generated<number>;
  world_name: string;
  owner_id: number | null;
  seed: BigIntColumn;
  created_at: Timestamp;
  last_played: NullableTimestamp;
  play_time_seconds: Generated<number>;
  difficulty: Generated<string>;
  world_data: string | null;
  kind: 'planet' | 'arena';
  /** Seed 001: 'open', or 'invite' (only accounts in world_access may make characters there). */
  access_mode: Generated<string>;
  /** The last durable edit's sequence number. */
  edit_seq: Generated<number>;
  /** terrain_chunks holds every edit up to this. */
  folded_seq: Generated<number>;
  /** World time is now minus this (ms); null: since created_at (migration 007). */
  clock_epoch_ms: NullableBigInt;
}

export interface PlayersTable {
  id: Generated<number>;
  user_id: number;
  world_id: number;
  player_name: string;
  position_x: number; position_y: number; position_z: number;
  rotation_x: number; rotation_y: number; rotation_z: number;
  health: number;
  oxygen: number;
  mode: string;
  inventory: string | null;
  stats: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** False for a character made from the account page until it first enters its world. */
  placed: Generated<number | boolean>;
}

interface PlacedThing {
  id: Generated<number>;
  world_id: number;
  position_x: number; position_y: number; position_z: number;
  health: Generated<number>;
  state: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StructuresTable extends PlacedThing {
  structure_id: string;
  owner_id: number | null;
  structure_type: string;
  rotation_x: Generated<number>; rotation_y: Generated<number>; rotation_z: Generated<number>;
}

export interface CreaturesTable extends PlacedThing {
  creature_id: string;
  creature_type: string;
  level: Generated<number>;
  tamed: Generated<number | boolean>;
  owner_id: number | null;
}

export interface TerrainChunksTable {
  id: Generated<number>;
  world_id: number;
  chunk_x: number; chunk_y: number; chunk_z: number;
  data: Bytes;
  checksum: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The edit_seq this version of the chunk is at; readers take the newest at or below folded_seq. */
  fold_seq: number;
}

export interface MetricsTable {
  id: Generated<number>;
  metric_name: string;
  metric_value: number;
  labels: string | null;
  timestamp: Timestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  user_id: number;
  session_token: string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  expires_at: RequiredTimestamp;
  last_activity: NullableTimestamp;
  /** The character selected for this session (players.id). */
  character_id: number | null;
}

/** The last number handed out per kind of id (migration 008): `creature` → the n of creature_<n>. */
export interface IdCountersTable { name: string; value: BigIntColumn }

export interface WorldAccessTable { world_id: number; user_id: number }
export interface RefreshFamiliesTable { id: string; sub: string; created_at: BigIntColumn; revoked_at: NullableBigInt }
export interface RefreshTokensTable { hash: string; family_id: string; issued_at: BigIntColumn; expires_at: BigIntColumn; used_at: NullableBigInt }
export interface RevokedAccessTokensTable { hash: string; expires_at: BigIntColumn }

export interface TerrainEditsTable {
  world_id: number;
  edit_seq: number;
  player_id: string;
  x: number; y: number; z: number;
  radius: number;
  strength: number;
  operation: 'add' | 'remove' | 'smooth';
  created_at: RequiredTimestamp;
}

export interface ChatMessagesTable {
  id: Generated<number>;
  world_id: number;
  user_id: string;
  name: string;
  text: string;
  created_at: RequiredTimestamp;
}

export interface Database {
  users: UsersTable;
  worlds: WorldsTable;
  players: PlayersTable;
  structures: StructuresTable;
  creatures: CreaturesTable;
  terrain_chunks: TerrainChunksTable;
  metrics: MetricsTable;
  sessions: SessionsTable;
  terrain_edits: TerrainEditsTable;
  chat_messages: ChatMessagesTable;
  world_access: WorldAccessTable;
  refresh_families: RefreshFamiliesTable;
  refresh_tokens: RefreshTokensTable;
  revoked_access_tokens: RevokedAccessTokensTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  jobs: JobsTable;
  id_counters: IdCountersTable;
}

export type SqlDialect = 'sqlite' | 'postgres';
export type WorldsRow = Selectable<WorldsTable>;

/** A timestamp column as an ISO string, whichever driver read it. */
export const iso = (v: string | Date): string => (v instanceof Date ? v.toISOString() : v);
export const isoOrNull = (v: string | Date | null): string | null => (v === null ? null : iso(v));
