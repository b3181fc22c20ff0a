/**
 * The creature brain's world on the real terrain: its own VoxelStore replica, seeded like the
 * page's (WorldInit) and kept in step by the same ordered op log (brush edits and chunk snapshots,
 * TerrainPool's opLog), read through VoxelCache so the tick's many queries cost a few array reads.
 *
 * groundAt is the top surface of the terrain (the highest solid run of each column, bilinear
 * between the four voxel columns around the point), so walkers walk on top of the terrain and of
 * anything built on it, and never inside a tunnel; solidAt is trilinear density > 0, as the
 * page's collision and terrain-probe.ts read it.
 */
import type { BrushEdit, WorldInit } from '../../protocol/terrain.ts';
import { CHUNK_SIZE } from '../../protocol/world.ts';
import { VoxelStore } from '../voxel-store.ts';
import { VoxelCache } from './voxel-cache.ts';
import type { CreatureTerrain } from './creature-sim.ts';

export class VoxelCreatureWorld implements CreatureTerrain {
  readonly store: VoxelStore;
  readonly cache: VoxelCache;
  /** Edits and snapshots applied, like the terrain worker's op count. */
  ops = 0;

  constructor(readonly init: WorldInit) {
    this.store = new VoxelStore(init.seed, init.kind);
    this.cache = new VoxelCache(this.store);
  }

  /** Applies the next brush edit of the log (validated by the caller). */
  applyEdit(edit: BrushEdit): void {
    this.store.applyEdit(edit);
    this.ops++;
    const { x, y, z } = edit.position, r = edit.radius + 1;
    this.cache.invalidate(
      Math.floor(x - r), Math.floor(y - r), Math.floor(z - r), Math.ceil(x + r), Math.ceil(y + r), Math.ceil(z + r),
      edit.operation === 'remove' ? -Infinity : Math.ceil(y + r),
    );
  }

  /** Installs the next chunk snapshot of the log: its 65,536 inflated bytes (chunk-codec.ts decodeChunk). */
  loadChunk(cx: number, cy: number, cz: number, bytes: Uint8Array): void {
    this.store.loadChunk(cx, cy, cz, bytes);
    this.ops++;
    const S = CHUNK_SIZE;
    this.cache.invalidate(cx * S, cy * S, cz * S, cx * S + S - 1, cy * S + S - 1, cz * S + S - 1, cy * S + S - 1);
  }

  groundAt(p: Float64Array): void {
    const x = p[0], z = p[2], ix = Math.floor(x), iz = Math.floor(z), fx = x - ix, fz = z - iz;
    const slot = this.cache.cell(ix, iz), c = this.cache.corners, o = slot * 4;
    const h00 = c[o], h10 = c[o + 1], h01 = c[o + 2], h11 = c[o + 3];
    const a = h00 + (h10 - h00) * fx, b = h01 + (h11 - h01) * fx;
    p[1] = a + (b - a) * fz;
  }

  solidAt(p: Float64Array): boolean {
    return this.cache.solidAt(p);
  }
}
