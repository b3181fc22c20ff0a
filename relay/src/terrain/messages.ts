/**
 * The terrain worker's door: every request is parsed here before the engine acts, so a malformed
 * message is refused with a typed error and changes nothing. Chunk coordinates are the engine's
 * (cx, cy, cz); the world service converts from the protocol's {x, y, z}.
 */
import { z } from 'zod';
import { BrushEditSchema, ChunkCoordSchema, WORLD_KINDS } from '../../../src/protocol/terrain.ts';
import type { TypedError } from '../../../src/protocol/errors.ts';
import { STRUCTURE_TYPE_IDS } from '../../../src/engine/base/structure-types.ts';
import type { PlacementResult } from '../../../src/engine/base/placement.ts';

const WorldId = z.number().int().positive();
const Point = z.object({ x: z.number().finite(), y: z.number().finite(), z: z.number().finite() }).strict();
const Seq = z.number().int().min(0);

export const SequencedEditSchema = BrushEditSchema.extend({
  edit_seq: z.number().int().min(1),
  player_id: z.string().max(64),
}).strict();

const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, "data must be bytes");
const Snapshot = ChunkCoordSchema.extend({ data: Bytes }).strict();

export const TerrainRequestSchema = z.discriminatedUnion('op', [
  z.object({
    id: z.number().int(), op: z.literal('open'), world_id: WorldId,
    seed: z.number().int().min(0).max(0xffffffff), kind: z.enum(WORLD_KINDS),
    folded_seq: Seq, snapshots: z.array(Snapshot), edits: z.array(SequencedEditSchema),
  }).strict(),
  z.object({ id: z.number().int(), op: z.literal('apply'), world_id: WorldId, edits: z.array(SequencedEditSchema).min(1) }).strict(),
  z.object({ id: z.number().int(), op: z.literal('fold'), world_id: WorldId }).strict(),
  z.object({ id: z.number().int(), op: z.literal('fold_done'), world_id: WorldId, folded_seq: Seq }).strict(),
  z.object({ id: z.number().int(), op: z.literal('chunk'), world_id: WorldId, ...ChunkCoordSchema.shape }).strict(),
  z.object({
    id: z.number().int(), op: z.literal('verify'), world_id: WorldId, edit_seq: z.number().int().min(1),
    chunks: z.array(ChunkCoordSchema.extend({ checksum: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).max(4096),
  }).strict(),
  z.object({ id: z.number().int(), op: z.literal('close'), world_id: WorldId }).strict(),
  // Where a structure may stand, against this replica's terrain (engine/base/placement.ts) and the nearby structures.
  z.object({
    id: z.number().int(), op: z.literal('place_check'), world_id: WorldId,
    type: z.enum(STRUCTURE_TYPE_IDS), position: Point, yaw: z.number().finite(),
    nearby: z.array(z.object({ id: z.number().int(), type: z.enum(STRUCTURE_TYPE_IDS), x: z.number(), y: z.number(), z: z.number(), yaw: z.number() }).strict()).max(4096),
  }).strict(),
]);

export type TerrainRequest = z.infer<typeof TerrainRequestSchema>;
export type TerrainOp = TerrainRequest['op'];
export type SequencedEditInput = z.infer<typeof SequencedEditSchema>;

export interface AppliedLedger { edit_seq: number; player_id: string; removed: number[]; added: number[] }

export interface ChunkCoord3 { cx: number; cy: number; cz: number }
export interface FoldedChunk extends ChunkCoord3 { data: Uint8Array; checksum: string }

/** What each op answers with. */
export interface TerrainResults {
  open: { edit_seq: number; chunks: number };
  /**
   * `ledgers`: per applied edit, the solid density it removed and added per material id
   * (engine/mining/edit-ledger.ts), which the relay turns into mining yields and build costs.
   */
  apply: { edit_seq: number; ledgers: AppliedLedger[] };
  fold: { folded_seq: number; chunks: FoldedChunk[] };
  fold_done: { dirty: number };
  chunk: { data: Uint8Array; checksum: string; edit_seq: number };
  /** verifiable false: the edit's hashes are not kept (never sampled, too old, or in the future). */
  verify: { verifiable: boolean; mismatches: ChunkCoord3[] };
  close: { closed: boolean };
  place_check: PlacementResult;
}

export type TerrainResponse =
  | { id: number; ok: true; value: TerrainResults[TerrainOp] }
  | { id: number; ok: false; error: TypedError };
