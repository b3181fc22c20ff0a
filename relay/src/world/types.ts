/** The world API the socket layer calls (helper B's relay/src/socket/**). */
import type { ChunkCoords, ChunkPayload, SequencedEdit } from '../../../src/protocol/net/events.ts';
import type { BrushEdit } from '../../../src/protocol/terrain.ts';
import type { CreateWorld } from '../../../src/protocol/net/worlds.ts';
import type { WorldRow } from '../db/worlds-repo.ts';
import type { UsersRepo } from '../db/users-repo.ts';
import type { PlayersRepo } from '../db/players-repo.ts';
import type { ChatRepo } from '../db/chat-repo.ts';
import type { AppliedLedger } from '../terrain/messages.ts';
import type { PlacementResult } from '../../../src/engine/base/placement.ts';
import type { PlacedStructure } from '../../../src/engine/base/footprint.ts';
import type { StructureTypeId } from '../../../src/engine/base/structure-types.ts';

export type { WorldRow };

export interface JoinManifest {
  folded_seq: number;
  edit_seq: number;
  edited_chunks: Array<{ chunk_coords: ChunkCoords; checksum: string }>;
  /** Lets folding go on; idempotent, and automatic after 30 s. */
  release(): void;
}

export interface WorldHub {
  list(): Promise<WorldRow[]>;
  create(input: CreateWorld): Promise<WorldRow>;
  get(worldId: number): Promise<WorldRow | null>;
  /** Creates DEFAULT_WORLD (protocol/net/worlds.ts) on first call. */
  defaultWorld(): Promise<WorldRow>;
  /** Loads the world's replica once, cached; null if there is no such world. */
  open(worldId: number): Promise<WorldService | null>;
  health(): Promise<{ database: { ok: boolean; response_ms: number }; engine: { ok: boolean } }>;
  users: UsersRepo;
  players: PlayersRepo;
  chat: ChatRepo;
  /** Flushes pending edits, folds, stops the worker. The database stays open (the caller owns it). */
  close(): Promise<void>;
}

export interface WorldService {
  readonly worldId: number;
  readonly editSeq: number;
  readonly foldedSeq: number;
  /**
   * Resolves with the sequenced edit once its transaction is durable. Edits arriving within one tick
   * share one transaction (setImmediate batching). Rejects with an Error if the edit is invalid or
   * the DB write fails (nothing acknowledged, no sequence number used).
   */
  submit(edit: BrushEdit, playerId: string): Promise<SequencedEdit>;
  /** Called in edit_seq order after each durable batch (the socket layer broadcasts). */
  onEdits(listener: (edits: SequencedEdit[]) => void): () => void;
  /** Called in edit_seq order once the replica applied each batch, with what each edit moved per material. */
  onApplied(listener: (ledgers: AppliedLedger[]) => void): () => void;
  /** Where a structure may stand on the world's terrain (snapped, or why not). */
  checkPlacement(req: { type: StructureTypeId; position: { x: number; y: number; z: number }; yaw: number; nearby: PlacedStructure[] }): Promise<PlacementResult>;
  /** The join manifest as of folded_seq; holds folding until release() or 30 s. */
  beginJoin(): Promise<JoinManifest>;
  /** A stored snapshot (as of folded_seq) or null if never edited. */
  storedChunk(coords: ChunkCoords): Promise<ChunkPayload | null>;
  /** The chunk now (the worker's current seq), for repairs and POST /terrain/sync. */
  currentChunk(coords: ChunkCoords, reason: 'repair' | 'sync'): Promise<ChunkPayload>;
  /**
   * Edits after sinceSeq in order, at most a bounded number of them (the oldest; ask again from the
   * last one for the rest), or 'resync' if some were folded away and deleted.
   */
  editsSince(sinceSeq: number): Promise<SequencedEdit[] | 'resync'>;
  /** Chunks whose reported checksum differs from the relay's for that edit (unknown seq: none). */
  verify(editSeq: number, chunks: Array<{ chunk_coords: ChunkCoords; checksum: string }>): Promise<ChunkCoords[]>;
}
