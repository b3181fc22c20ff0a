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
import { BrushEditSchema, ChunkCoordSchema, chunkInWorld, PositionSchema, WorldInitSchema, type BrushEdit, type ChunkMesh, type EditOutcome, type TerrainInfo, type WorldKind } from '../protocol/terrain.ts';
import { VoxelStore } from './voxel-store.ts';
import { createMesher } from './surface-nets.ts';
import { meshTransferables, toChunkMesh } from './chunk-mesh.ts';
import { COLLISION_VOLUME, collisionFromField } from './collision-data.ts';
import type { ColumnInfo } from './worldgen-types.ts';
import { decodeChunk } from './chunk-codec.ts';
import { clearEditLedger, createEditLedger, type EditLedger } from './mining/edit-ledger.ts';

export interface TerrainApiOptions {
  /** Marks buffers for transfer (Comlink.transfer in a worker); identity if omitted. */
  transfer?: <T>(value: T, transferables: Transferable[]) => T;
  /** Runs `fn` later, outside the current call (setTimeout if omitted); crash() throws from there. */
  later?: (fn: () => void) => void;
}

/** A chunk snapshot to install: coordinates and the deflated 65536 bytes (chunk-codec.ts). */
export const ChunkSnapshotSchema = ChunkCoordSchema.extend({
  op: z.literal('chunk'),
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'data must be a Uint8Array' }),
}).strict();
export type ChunkSnapshot = z.infer<typeof ChunkSnapshotSchema>;
/** One entry of the ordered op log a replica is built from: a brush edit or a chunk snapshot. */
export type TerrainOp = BrushEdit | ChunkSnapshot;
export const isSnapshot = (op: TerrainOp): op is ChunkSnapshot => (op as ChunkSnapshot).op === 'chunk';

/** applyEdit's optional second argument. `moved`: also answer what the edit moved per material (EditOutcome.moved). */
export const EditOptionsSchema = z.object({ moved: z.boolean().optional() }).strict();
export type EditOptions = z.infer<typeof EditOptionsSchema>;

const ReplaySchema = z.array(z.union([ChunkSnapshotSchema, BrushEditSchema]));
/** What installing a snapshot changed: like an edit's outcome, so the streamer swaps the same way. */
export interface LoadOutcome { touched: number[]; sequence: number }
const ColumnSchema = PositionSchema.pick({ x: true, z: true });
/** Seed used until init() is called, so a fresh worker answers instead of failing. */
const DEFAULT_SEED = 0;

export function createTerrainApi(opts: TerrainApiOptions = {}) {
  const transfer = opts.transfer ?? (<T>(value: T) => value);
  const later = opts.later ?? ((fn: () => void) => { setTimeout(fn); });
  let store = new VoxelStore(DEFAULT_SEED);
  /**
   * Ops (edits and snapshots) applied since init: the version a mesh carries, so the main thread
   * can tell a mesh made before a snapshot landed from one made after, as it does for edits.
   */
  let ops = 0;
  // One field and one mesher per worker, reused for every chunk.
  const fieldD = new Int8Array(FIELD_VOLUME);
  const fieldM = new Uint8Array(FIELD_VOLUME);
  const mesher = createMesher();
  // Collision block of the next mesh; handed over (transferred) when a chunk needs one, then replaced.
  let collision = new Int8Array(COLLISION_VOLUME);

  // Made on the first edit that asks what it moved; reused (cleared) for every later one.
  let ledger: EditLedger | null = null;

  /** `withMoved`: count what the edit moved and answer it as plain arrays; otherwise count nothing. */
  function applyEdit(edit: BrushEdit, withMoved = false): EditOutcome {
    if (!withMoved) {
      const outcome = store.applyEdit(edit);
      outcome.sequence = ++ops;
      return outcome;
    }
    ledger ??= createEditLedger();
    clearEditLedger(ledger);
    const outcome = store.applyEdit(edit, ledger);
    outcome.sequence = ++ops;
    outcome.moved = { removed: Array.from(ledger.removed), added: Array.from(ledger.added) };
    return outcome;
  }

  function install(at: { cx: number; cy: number; cz: number }, bytes: Uint8Array): LoadOutcome {
    store.loadChunk(at.cx, at.cy, at.cz, bytes);
    const touched: number[] = [];
    for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const cx = at.cx + dx, cy = at.cy + dy, cz = at.cz + dz;
      if (chunkInWorld(cx, cy, cz)) touched.push(cx, cy, cz);
    }
    return { touched, sequence: ++ops };
  }

  return {
    /** Starts a fresh world (empty edit log) for `seed` and `kind` ('planet' if omitted). */
    init(input: unknown): Result<{ seed: number; kind: WorldKind }> {
      const p = WorldInitSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      store = new VoxelStore(p.data.seed, p.data.kind);
      ops = 0;
      return ok({ seed: p.data.seed, kind: p.data.kind });
    },

    /**
     * Meshes one chunk; buffers are transferred. version = op count (edits and snapshots) the mesh reflects.
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
      const mesh = toChunkMesh(counts, mesher, cx, cy, cz, ops, block, fill ?? 0);
      mesh.buried = mesh.indices.length > 0 && isBuried(store, cx, cy, cz);
      return transfer(ok(mesh), meshTransferables(mesh));
    },

    /**
     * Applies an edit. `options` (EditOptions) may ask for `moved`: what the edit took out and put in
     * per material (engine/mining/). Without it nothing is counted and nothing extra is allocated.
     */
    applyEdit(input: unknown, options?: unknown): Result<EditOutcome> {
      const p = BrushEditSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      let withMoved = false;
      if (options !== undefined) {
        const o = EditOptionsSchema.safeParse(options);
        if (!o.success) return zodFailure(o.error);
        withMoved = o.data.moved === true;
      }
      return ok(applyEdit(p.data, withMoved));
    },

    /**
     * Installs a chunk snapshot (a late join, a repair): inflates and checks it first, so a bad
     * snapshot is refused and changes nothing. `touched` is the chunk and its 26 neighbours, whose
     * meshing fields read its border voxels.
     */
    loadChunk(input: unknown): Result<LoadOutcome> {
      const p = ChunkSnapshotSchema.safeParse(input && typeof input === 'object' ? { op: 'chunk', ...input } : input);
      if (!p.success) return zodFailure(p.error);
      const bytes = decodeChunk(p.data.data);
      if (!bytes.ok) return bytes;
      return ok(install(p.data, bytes.value));
    },

    /**
     * Rebuilds a replica from the op log (a replacement worker): validates every op, and inflates
     * every snapshot, before applying any.
     */
    replay(input: unknown): Result<{ applied: number; editCount: number }> {
      const p = ReplaySchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      const decoded: Array<Uint8Array | null> = [];
      for (const op of p.data as TerrainOp[]) {
        if (!isSnapshot(op)) { decoded.push(null); continue; }
        const bytes = decodeChunk(op.data);
        if (!bytes.ok) return bytes;
        decoded.push(bytes.value);
      }
      (p.data as TerrainOp[]).forEach((op, i) => (isSnapshot(op) ? install(op, decoded[i]!) : applyEdit(op)));
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

    /** Edits and snapshots applied since init (the mesh version). */
    opCount(): number {
      return ops;
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
