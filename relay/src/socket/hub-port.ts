/**
 * What the relay's doors need from the world hub (relay/src/world/, storage and the authoritative
 * engine). Written as a port so the socket and HTTP layers compile and test against an in-memory
 * hub too; the real hub satisfies it structurally.
 */
import type { BrushEdit } from '../../../src/protocol/terrain.ts';
import type { ChunkCoords, ChunkPayload, SequencedEdit, SavedPlayerState, ChatMessage } from '../../../src/protocol/net/events.ts';
import type { CreateWorld } from '../../../src/protocol/net/worlds.ts';

export interface WorldRow {
  world_id: number; world_name: string; seed: number; kind: 'planet' | 'arena';
  edit_seq: number; folded_seq: number; created_at: string; last_played: string | null;
}

export interface JoinHold {
  folded_seq: number;
  edit_seq: number;
  edited_chunks: Array<{ chunk_coords: ChunkCoords; checksum: string }>;
  /** Lets folding proceed again: the joiner has what it needs to catch up from the log. */
  release(): void;
}

export interface WorldServicePort {
  readonly worldId: number;
  readonly editSeq: number;
  readonly foldedSeq: number;
  submit(edit: BrushEdit, playerId: string): Promise<SequencedEdit>;
  onEdits(listener: (edits: SequencedEdit[]) => void): () => void;
  beginJoin(): Promise<JoinHold>;
  storedChunk(coords: ChunkCoords): Promise<ChunkPayload | null>;
  currentChunk(coords: ChunkCoords, reason: 'repair' | 'sync'): Promise<ChunkPayload>;
  editsSince(sinceSeq: number): Promise<SequencedEdit[] | 'resync'>;
  verify(editSeq: number, chunks: Array<{ chunk_coords: ChunkCoords; checksum: string }>): Promise<ChunkCoords[]>;
}

export interface HubPort {
  list(): Promise<WorldRow[]>;
  create(input: CreateWorld): Promise<WorldRow>;
  get(worldId: number): Promise<WorldRow | null | undefined>;
  defaultWorld(): Promise<WorldRow>;
  open(worldId: number): Promise<WorldServicePort | null>;
  health(): Promise<{ database: { ok: boolean; response_ms: number }; engine: { ok: boolean } }>;
  /** The guest's users.id (created the first time). */
  users: { ensureGuest(guestId: string, name: string): Promise<number> };
  players: {
    save(userId: number, worldId: number, playerName: string, state: SavedPlayerState): Promise<unknown>;
    load(userId: number, worldId: number): Promise<SavedPlayerState | null | undefined>;
  };
  chat: {
    append(worldId: number, message: { user_id: string; name: string; text: string }): Promise<ChatMessage>;
    recent(worldId: number, n: number): Promise<ChatMessage[]>;
  };
  close(): Promise<void>;
}
