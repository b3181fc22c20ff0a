/**
 * The creature brain's world on the real terrain: its own VoxelStore replica, seeded like the
 * page's (WorldInit) and kept in step by the same ordered op log (brush edits and chunk snapshots,
 * TerrainPool's opLog), read through VoxelCache so the tick's many queries cost a few array reads.
 *
 * groundAt is the top surface of the terrain (the highest solid run of each column, bilinear
 * between the four voxel columns around the point, one cached lookup) for anyone at or above it;
 * for an asker well below the top (in a tunnel, a cave, under an arch) it is the floor under the
 * asker's height in its own voxel column, found by density. solidAt is trilinear density > 0, as
 * the page's collision and terrain-probe.ts read it.
 */
import type { BrushEdit, WorldInit } from '../../protocol/terrain.ts';
import { CHUNK_SIZE } from '../../protocol/world.ts';
import { VoxelStore } from '../voxel-store.ts';
import { VoxelCache } from './voxel-cache.ts';
import type { CreatureTerrain } from './creature-sim.ts';

/** An asker this far below the top surface or more is under something: its floor is searched for. */
const UNDER_TOP = 3;
/** Under something, the floor may be up to a step above the asker's height, or this far below it. */
const STEP_UP = 1.5, LOOK_DOWN = 12;
/** Height above its feet at which an asker under the top checks it is in the open. */
const BODY = 0.5;
/** How far up and down a spawn looks for the floor nearest its point. */
const SPAWN_RANGE = 96;

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
    const a = h00 + (h10 - h00) * fx, b = h01 + (h11 - h01) * fx, top = a + (b - a) * fz;
    // Written as !(<) so a missing height (NaN) counts as on top.
    if (!(p[1] < top - UNDER_TOP)) { p[1] = top; return; }
    // Under the top: inside the rock (a probe into a hillside) the answer is the top, which blocks
    // the way; in the open (a tunnel, a cave, under an arch) it is the floor found under the asker.
    const y = p[1];
    p[1] = y + BODY;
    const buried = this.cache.solidAt(p);
    p[1] = y;
    if (buried || !this.cache.floorBelow(p, STEP_UP, LOOK_DOWN)) p[1] = top;
  }

  /** The floor under the point (in the open) or over it (inside the ground); the top surface if none is in reach. */
  floorNear(p: Float64Array): void {
    if (this.cache.floorNear(p, SPAWN_RANGE)) return;
    p[1] = Infinity;
    this.groundAt(p);
  }

  solidAt(p: Float64Array): boolean {
    return this.cache.solidAt(p);
  }
}
