import { CHUNK_SIZE, CHUNK_Y_MAX, CHUNK_Y_MIN } from '../protocol/world.ts';
import type { BrushEdit, ChunkMesh, EditOutcome } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';
import { chunkKey } from '../engine/chunk-key.ts';
import type { ApplyEditOptions, TerrainPool } from './terrain-pool.ts';
import type { LoadOutcome } from '../engine/terrain-service.ts';

/** Where finished meshes go (the renderer). apply() must show all given meshes in the same frame. */
export interface ChunkSink {
  apply(meshes: readonly ChunkMesh[]): void;
  remove(key: number): void;
}

export interface Viewer {
  x: number; y: number; z: number;
  /** Unit view direction. */
  dx: number; dy: number; dz: number;
}

interface WantedChunk {
  key: number;
  cx: number; cy: number; cz: number;
  /** Centre in world metres. */
  x: number; y: number; z: number;
}

interface EditBatch {
  waiting: Set<number>;
  ready: ChunkMesh[];
  landed: Array<() => void>;
}

const RERANK_MS = 250;
/** |cx| and |cz| bound of ChunkCoordSchema. */
const CHUNK_XZ_LIMIT = 128;
const NEAR_RADIUS = 64;
const HALF = CHUNK_SIZE / 2;

/**
 * Decides which chunks should exist around the viewer, asks the pool for them by priority
 * (in view first, then nearest), drops stale results, and swaps the chunks an edit touched
 * all at once so no frame ever shows a hole.
 */
export class ChunkStreamer {
  viewDistance = 160;
  private readonly wanted = new Set<number>();
  /** Wanted chunks within NEAR_RADIUS: the spawn area the loading screen waits for. */
  private readonly near = new Set<number>();
  private readonly shown = new Map<number, number>();
  private readonly required = new Map<number, number>();
  private readonly wantedList: WantedChunk[] = [];
  private centerX = Number.NaN;
  private centerZ = Number.NaN;
  private centerDistance = Number.NaN;
  private batch: EditBatch | null = null;
  private lastRank = -Infinity;
  /** Bumped by reset(): an edit answered after a world change must not touch the new world. */
  private epoch = 0;

  constructor(private readonly pool: TerrainPool, private readonly sink: ChunkSink) {}

  /** Call every frame; it re-ranks at most every 250 ms. */
  update(now: number, viewer: Viewer): void {
    if (now - this.lastRank >= RERANK_MS) {
      this.lastRank = now;
      this.rank(viewer);
    }
    this.pool.pump();
  }

  /** Forces a re-rank on the next update (after a teleport, say). */
  invalidate(): void {
    this.lastRank = -Infinity;
    this.centerX = Number.NaN;
  }

  /**
   * Forgets every chunk (a different world is loading): removes them from the sink, drops queued
   * jobs and pending edit batches (their waiters resolve: their chunks no longer exist); edits still
   * in the workers answer SERVICE_UNAVAILABLE. Nothing streams until the next update().
   */
  reset(): void {
    this.epoch++;
    this.pool.retain(() => false);
    for (const key of this.shown.keys()) this.sink.remove(key);
    this.shown.clear();
    this.required.clear();
    this.wanted.clear();
    this.near.clear();
    this.wantedList.length = 0;
    if (this.batch) {
      this.batch.ready = [];
      this.batch.waiting.clear();
      this.flushBatch();
    }
    this.invalidate();
  }

  progress(): { wanted: number; meshed: number; pending: number } {
    let meshed = 0;
    for (const key of this.wanted) if (this.shown.has(key)) meshed++;
    return { wanted: this.wanted.size, meshed, pending: this.wanted.size - meshed };
  }

  nearProgress(): { wanted: number; meshed: number } {
    let meshed = 0;
    for (const key of this.near) if (this.shown.has(key)) meshed++;
    return { wanted: this.near.size, meshed };
  }

  isShown(key: number): boolean {
    return this.shown.has(key);
  }

  readonly onMesh = (mesh: ChunkMesh): void => {
    const key = chunkKey(mesh.cx, mesh.cy, mesh.cz);
    if (!this.wanted.has(key)) return;
    // A mesh made before the latest edit that touched its chunk is stale.
    if (mesh.version < (this.required.get(key) ?? 0)) return;
    this.shown.set(key, mesh.version);
    const batch = this.batch;
    if (batch && batch.waiting.delete(key)) {
      batch.ready.push(mesh);
      if (batch.waiting.size === 0) this.flushBatch();
      return;
    }
    this.sink.apply([mesh]);
  };

  /**
   * Applies a brush edit. `landed` resolves once every touched chunk's new mesh is in the sink.
   * Edits that overlap an unfinished batch join it, so their chunks swap together too.
   * `options.moved` asks for what the edit moved per material (TerrainPool.applyEdit).
   */
  edit(edit: BrushEdit, options?: ApplyEditOptions): Promise<{ result: Result<EditOutcome>; landed: Promise<void> }> {
    return this.swap(this.pool.applyEdit(edit, options));
  }

  /**
   * Installs a chunk snapshot (late join, repair) in every replica and re-meshes the chunk and its
   * neighbours like an edit: old meshes stay on screen until all the new ones are in.
   */
  install(cx: number, cy: number, cz: number, data: Uint8Array): Promise<{ result: Result<LoadOutcome>; landed: Promise<void> }> {
    return this.swap(this.pool.loadChunk(cx, cy, cz, data));
  }

  /** The pool call was made before this runs, so ops reach the workers in the order they were asked. */
  private async swap<T extends { touched: number[]; sequence: number }>(applied: Promise<Result<T>>): Promise<{ result: Result<T>; landed: Promise<void> }> {
    const epoch = this.epoch;
    const result = await applied;
    if (!result.ok) return { result, landed: Promise.resolve() };
    if (epoch !== this.epoch) {
      // The world was replaced (a scene load) while the workers applied this op: it belongs to a
      // world that is gone, and its sequence number means nothing in the new one.
      return { result: { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'the world was reset (scene load) while this edit was applied' } }, landed: Promise.resolve() };
    }
    const { touched, sequence } = result.value;
    const batch = (this.batch ??= { waiting: new Set(), ready: [], landed: [] });
    const landed = new Promise<void>((resolve) => batch.landed.push(resolve));
    for (let i = 0; i < touched.length; i += 3) {
      const [cx, cy, cz] = [touched[i], touched[i + 1], touched[i + 2]];
      const key = chunkKey(cx, cy, cz);
      this.required.set(key, sequence);
      if (!this.wanted.has(key)) continue;
      batch.waiting.add(key);
      // An earlier, now stale, mesh of this chunk may be in the batch already.
      batch.ready = batch.ready.filter((m) => chunkKey(m.cx, m.cy, m.cz) !== key);
      this.pool.request(key, cx, cy, cz, -2);
    }
    if (batch.waiting.size === 0) this.flushBatch();
    this.pool.pump();
    return { result, landed };
  }

  private flushBatch(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    this.sink.apply(batch.ready);
    for (const resolve of batch.landed) resolve();
  }

  private rank(v: Viewer): void {
    const ccx = Math.floor(v.x / CHUNK_SIZE);
    const ccz = Math.floor(v.z / CHUNK_SIZE);
    const moved = ccx !== this.centerX || ccz !== this.centerZ || this.viewDistance !== this.centerDistance;
    if (moved) this.rebuildWanted(ccx, ccz);
    // Every pass re-prioritises what is still missing; it allocates nothing (keys are cached).
    this.near.clear();
    for (const c of this.wantedList) {
      const ox = c.x - v.x, oy = c.y - v.y, oz = c.z - v.z;
      const dist = Math.sqrt(ox * ox + oy * oy + oz * oz);
      if (dist < NEAR_RADIUS) this.near.add(c.key);
      const shownVersion = this.shown.get(c.key);
      const needs = shownVersion === undefined || shownVersion < (this.required.get(c.key) ?? 0);
      // In flight already: a second job would only mesh it twice (edits re-request on their own).
      if (!needs || this.pool.isInflight(c.key)) continue;
      const facing = dist < 48 || (ox * v.dx + oy * v.dy + oz * v.dz) / dist > 0.5;
      this.pool.request(c.key, c.cx, c.cy, c.cz, facing ? dist : dist + 100_000);
    }
    if (moved) this.forgetUnwanted();
  }

  /** The chunks within view distance of the viewer's chunk: rebuilt only when that chunk changes. */
  private rebuildWanted(ccx: number, ccz: number): void {
    this.centerX = ccx;
    this.centerZ = ccz;
    this.centerDistance = this.viewDistance;
    const reach = Math.ceil(this.viewDistance / CHUNK_SIZE);
    this.wanted.clear();
    this.wantedList.length = 0;
    for (let cz = ccz - reach; cz <= ccz + reach; cz++) {
      for (let cx = ccx - reach; cx <= ccx + reach; cx++) {
        // Chunks past the world's edge do not exist (the workers would reject them).
        if (Math.abs(cx) > CHUNK_XZ_LIMIT || Math.abs(cz) > CHUNK_XZ_LIMIT) continue;
        const dx = (cx - ccx) * CHUNK_SIZE, dz = (cz - ccz) * CHUNK_SIZE;
        if (Math.sqrt(dx * dx + dz * dz) > this.viewDistance + HALF) continue;
        for (let cy = CHUNK_Y_MIN; cy <= CHUNK_Y_MAX; cy++) {
          const key = chunkKey(cx, cy, cz);
          this.wanted.add(key);
          this.wantedList.push({
            key, cx, cy, cz,
            x: cx * CHUNK_SIZE + HALF, y: cy * CHUNK_SIZE + HALF, z: cz * CHUNK_SIZE + HALF,
          });
        }
      }
    }
  }

  private forgetUnwanted(): void {
    this.pool.retain((key) => this.wanted.has(key));
    for (const key of this.shown.keys()) {
      if (!this.wanted.has(key)) {
        this.shown.delete(key);
        this.sink.remove(key);
      }
    }
    if (this.batch) {
      for (const key of this.batch.waiting) if (!this.wanted.has(key)) this.batch.waiting.delete(key);
      this.batch.ready = this.batch.ready.filter((m) => this.wanted.has(chunkKey(m.cx, m.cy, m.cz)));
      if (this.batch.waiting.size === 0) this.flushBatch();
    }
  }
}
