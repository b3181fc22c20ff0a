/**
 * The terrain API a Web Worker exposes through Comlink:
 *   Comlink.expose(createTerrainApi({ transfer: Comlink.transfer }))
 * Every method validates its input with the protocol's zod schemas and returns a
 * Result; bad input never throws and never changes state. Methods are synchronous;
 * Comlink makes them async for the caller.
 */
import { isBuried } from './burial.ts';
import { z } from 'zod';
import { FIELD_VOLUME } from '../protocol/world.ts';
import { zodFailure, ok, type Result } from '../protocol/errors.ts';
import { BrushEditSchema, ChunkCoordSchema, PositionSchema, WorldInitSchema, type BrushEdit, type ChunkMesh, type EditOutcome, type TerrainInfo, type WorldKind } from '../protocol/terrain.ts';
import { VoxelStore } from './voxel-store.ts';
import { createMesher } from './surface-nets.ts';
import { meshTransferables, toChunkMesh } from './chunk-mesh.ts';
import { COLLISION_VOLUME, collisionFromField } from './collision-data.ts';
import type { ColumnInfo } from './worldgen-types.ts';

export interface TerrainApiOptions {
  /** Marks buffers for transfer (Comlink.transfer in a worker); identity if omitted. */
  transfer?: <T>(value: T, transferables: Transferable[]) => T;
  /** Runs `fn` later, outside the current call (setTimeout if omitted); crash() throws from there. */
  later?: (fn: () => void) => void;
}

const ReplaySchema = z.array(BrushEditSchema);
const ColumnSchema = PositionSchema.pick({ x: true, z: true });
/** Seed used until init() is called, so a fresh worker answers instead of failing. */
const DEFAULT_SEED = 0;

export function createTerrainApi(opts: TerrainApiOptions = {}) {
  const transfer = opts.transfer ?? (<T>(value: T) => value);
  const later = opts.later ?? ((fn: () => void) => { setTimeout(fn); });
  let store = new VoxelStore(DEFAULT_SEED);
  // One field and one mesher per worker, reused for every chunk.
  const fieldD = new Int8Array(FIELD_VOLUME);
  const fieldM = new Uint8Array(FIELD_VOLUME);
  const mesher = createMesher();
  // Collision block of the next mesh; handed over (transferred) when a chunk needs one, then replaced.
  let collision = new Int8Array(COLLISION_VOLUME);

  return {
    /** Starts a fresh world (empty edit log) for `seed` and `kind` ('planet' if omitted). */
    init(input: unknown): Result<{ seed: number; kind: WorldKind }> {
      const p = WorldInitSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      store = new VoxelStore(p.data.seed, p.data.kind);
      return ok({ seed: p.data.seed, kind: p.data.kind });
    },

    /**
     * Meshes one chunk; buffers are transferred. version = edit count the mesh reflects.
     * Carries the chunk's 33³ collision density (null + collisionFill when uniform).
     */
    meshChunk(input: unknown): Result<ChunkMesh> {
      const p = ChunkCoordSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      const { cx, cy, cz } = p.data;
      store.readField(cx, cy, cz, fieldD, fieldM);
      const counts = mesher.mesh(fieldD, fieldM);
      const fill = collisionFromField(fieldD, collision);
      let block: Int8Array | null = null;
      if (fill === null) { block = collision; collision = new Int8Array(COLLISION_VOLUME); }
      const mesh = toChunkMesh(counts, mesher, cx, cy, cz, store.editCount(), block, fill ?? 0);
      mesh.buried = mesh.indices.length > 0 && isBuried(store, cx, cy, cz);
      return transfer(ok(mesh), meshTransferables(mesh));
    },

    applyEdit(input: unknown): Result<EditOutcome> {
      const p = BrushEditSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      return ok(store.applyEdit(p.data));
    },

    /** Re-applies a log (e.g. in a replacement worker): validates every edit before applying any. */
    replay(input: unknown): Result<{ applied: number; editCount: number }> {
      const p = ReplaySchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      for (const edit of p.data as BrushEdit[]) store.applyEdit(edit);
      return ok({ applied: p.data.length, editCount: store.editCount() });
    },

    info(input: unknown): Result<TerrainInfo> {
      const p = PositionSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      return ok(store.info(p.data));
    },

    chunkHash(input: unknown): Result<string> {
      const p = ChunkCoordSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      return ok(store.chunkHash(p.data.cx, p.data.cy, p.data.cz));
    },

    editCount(): number {
      return store.editCount();
    },

    /** Surface height, biome and temperature of a column, for spawn placement. */
    columnInfo(input: unknown): Result<ColumnInfo> {
      const p = ColumnSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      return ok(store.columnInfo(p.data.x, p.data.z));
    },

    /**
     * Kills the worker on purpose, so tests can check that a crashed worker is replaced and its
     * state rebuilt by replay(). Never call it in normal play. The call itself returns; the throw
     * comes from a later task, so it is uncaught (the worker's `error` event), not a rejected call.
     */
    crash(): void {
      later(() => {
        throw new Error('terrain worker crash requested (test hook)');
      });
    },
  };
}

export type TerrainApi = ReturnType<typeof createTerrainApi>;
