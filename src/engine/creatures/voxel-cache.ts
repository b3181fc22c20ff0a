/**
 * Density of the voxel store for the creature tick, without its per-read objects: a cache of 16³
 * bricks (filled from the store with readBox on a miss; 16 columns square so the generator's own
 * column cache serves the bricks above and below) and one of column surface heights (found by
 * scanning a column down through the bricks). Edits and snapshots mark what they touched stale.
 * Lookups return slots (small integers), never doubles, so a call V8 does not inline still
 * allocates nothing (creature-world.ts says why).
 */
import { WORLD_BOUNDS } from '../../protocol/world.ts';
import type { VoxelStore } from '../voxel-store.ts';
import { KeyTable } from './key-table.ts';

const B = 16, B3 = B * B * B;

export class VoxelCache {
  /** Brick payload: B³ densities per brick slot. */
  private density = new Int8Array(1024 * B3);
  private readonly bricks: KeyTable;
  private readonly columns: KeyTable;
  private readonly cells: KeyTable;
  /** The four corner heights of each cached 1 m cell (x, z), (x+1, z), (x, z+1), (x+1, z+1), by cell slot × 4. */
  corners = new Float64Array(4 << 14);
  /** Surface height of each cached column (the top of its highest solid run), m, by column slot. */
  height = new Float64Array(1 << 14);
  private readonly point = new Float64Array(3);
  /** The eight voxel densities around a point (x fastest, then y, then z). */
  private readonly corner = new Int32Array(8);
  private readonly scratchD = new Int8Array(B3);
  private readonly scratchM = new Uint8Array(B3);
  /** Highest y an add, smooth or snapshot may have raised, per 32 m column of chunks (key cx,cz). */
  private readonly raised = new Map<number, number>();
  /** Bricks read from the store (a figure for the bench). */
  misses = 0;

  constructor(private readonly store: VoxelStore) {
    let oldD = this.density;
    this.bricks = new KeyTable(1024, 16384,
      (cap) => { oldD = this.density; this.density = new Int8Array(cap * B3); },
      (from, to) => this.density.set(oldD.subarray(from * B3, from * B3 + B3), to * B3));
    let oldH = this.height;
    this.columns = new KeyTable(1 << 14, 1 << 20,
      (cap) => { oldH = this.height; this.height = new Float64Array(cap); },
      (from, to) => { this.height[to] = oldH[from]; });
    let oldC = this.corners;
    this.cells = new KeyTable(1 << 14, 1 << 20,
      (cap) => { oldC = this.corners; this.corners = new Float64Array(cap * 4); },
      (from, to) => this.corners.set(oldC.subarray(from * 4, from * 4 + 4), to * 4));
  }

  /**
   * Slot of cell (x, z) (integers): its corner heights are corners[4 slot .. 4 slot + 3]. One
   * lookup serves a ground query; a miss reads the four columns (each cached in turn).
   */
  cell(x: number, z: number): number {
    const slot = this.cells.find(x, 0, z);
    if (this.cells.fresh) {
      // Column lookups never move cell slots, but may replace `height`: read each right after its lookup.
      const o = slot * 4, c = this.corners;
      let k = this.column(x, z); c[o] = this.height[k];
      k = this.column(x + 1, z); c[o + 1] = this.height[k];
      k = this.column(x, z + 1); c[o + 2] = this.height[k];
      k = this.column(x + 1, z + 1); c[o + 3] = this.height[k];
    }
    return slot;
  }

  /** Density (Int8, > 0 solid) of world voxel (x, y, z), integers. */
  voxel(x: number, y: number, z: number): number {
    const slot = this.bricks.find(x >> 4, y >> 4, z >> 4);
    if (this.bricks.fresh) this.fillBrick(slot, x >> 4, y >> 4, z >> 4);
    return this.density[slot * B3 + (x & 15) + ((y & 15) << 4) + ((z & 15) << 8)];
  }

  /**
   * Trilinear density at (p[0], p[1], p[2]) > 0, as terrain-probe.ts decides solid. When the eight
   * voxels around the point share a brick (most of the time), one lookup serves all of them.
   */
  solidAt(p: Float64Array): boolean {
    const x = p[0], y = p[1], z = p[2], ix = Math.floor(x), iy = Math.floor(y), iz = Math.floor(z);
    const u = x - ix, v = y - iy, w = z - iz, c = this.corner;
    if ((ix & 15) < 15 && (iy & 15) < 15 && (iz & 15) < 15) {
      const slot = this.bricks.find(ix >> 4, iy >> 4, iz >> 4);
      if (this.bricks.fresh) this.fillBrick(slot, ix >> 4, iy >> 4, iz >> 4);
      const d = this.density, o = slot * B3 + (ix & 15) + ((iy & 15) << 4) + ((iz & 15) << 8);
      c[0] = d[o]; c[1] = d[o + 1]; c[2] = d[o + 16]; c[3] = d[o + 17];
      c[4] = d[o + 256]; c[5] = d[o + 257]; c[6] = d[o + 272]; c[7] = d[o + 273];
    } else {
      c[0] = this.voxel(ix, iy, iz); c[1] = this.voxel(ix + 1, iy, iz);
      c[2] = this.voxel(ix, iy + 1, iz); c[3] = this.voxel(ix + 1, iy + 1, iz);
      c[4] = this.voxel(ix, iy, iz + 1); c[5] = this.voxel(ix + 1, iy, iz + 1);
      c[6] = this.voxel(ix, iy + 1, iz + 1); c[7] = this.voxel(ix + 1, iy + 1, iz + 1);
    }
    const a0 = c[0] + (c[1] - c[0]) * u, a1 = c[2] + (c[3] - c[2]) * u;
    const b0 = c[4] + (c[5] - c[4]) * u, b1 = c[6] + (c[7] - c[6]) * u;
    const lo = a0 + (b0 - a0) * w, hi = a1 + (b1 - a1) * w;
    return lo + (hi - lo) * v > 0;
  }

  private fillBrick(slot: number, bx: number, by: number, bz: number): void {
    this.misses++;
    this.store.readBox(bx * B, by * B, bz * B, B, B, B, this.scratchD, this.scratchM);
    this.density.set(this.scratchD, slot * B3);
  }

  /** Slot in `height` of column (x, z) (integers), scanning it on a miss. */
  column(x: number, z: number): number {
    const slot = this.columns.find(x, 0, z);
    // The scan reads bricks, which never moves column slots: `slot` stays valid.
    if (this.columns.fresh) this.height[slot] = this.scan(x, z);
    return slot;
  }

  /**
   * The surface of column (x, z): down from the highest y that can be solid to the first solid
   * voxel, placed between it and the air above by linear interpolation of density (the iso
   * surface at 0, as the mesher puts it).
   */
  private scan(x: number, z: number): number {
    const key = ((x >> 5) + 4096) * 8192 + ((z >> 5) + 4096);
    const top = Math.max(this.store.gen.topBound(x, z, 1, 1), this.raised.get(key) ?? -Infinity);
    let y = Math.min(WORLD_BOUNDS.maxY - 1, Math.floor(top) + 1);
    let above = this.voxel(x, y, z);
    if (above > 0) return y + 1; // solid to the top of the world
    for (y--; y >= WORLD_BOUNDS.minY; y--) {
      const d = this.voxel(x, y, z);
      if (d > 0) return y + d / (d - above);
      above = d;
    }
    return WORLD_BOUNDS.minY;
  }

  /**
   * The floor (solid voxel under air, iso surface between them) in voxel column (round x, round z)
   * from p[1] + `up` down to p[1] - `down`, into p[1]; false (p unchanged) when there is none.
   */
  floorBelow(p: Float64Array, up: number, down: number): boolean {
    const ix = Math.floor(p[0] + 0.5), iz = Math.floor(p[2] + 0.5), top = Math.floor(p[1] + up), bottom = Math.floor(p[1] - down);
    let above = this.voxel(ix, top + 1, iz);
    for (let y = top; y >= bottom; y--) {
      const d = this.voxel(ix, y, iz);
      if (d > 0 && above <= 0) { p[1] = y + d / (d - above); return true; }
      above = d;
    }
    return false;
  }

  /**
   * The floor under or over p as the page's placement probe finds it (base/ground-probe.ts): from
   * a point in the open, the first floor below; from a point inside the ground, the first one
   * above; within `range` m, in voxel column (round x, round z), into p[1]. False (p unchanged)
   * when there is none.
   */
  floorNear(p: Float64Array, range: number): boolean {
    const ix = Math.floor(p[0] + 0.5), iz = Math.floor(p[2] + 0.5), y0 = Math.floor(p[1]);
    const q = this.point;
    q[0] = ix; q[1] = p[1]; q[2] = iz;
    const dir = this.solidAt(q) ? 1 : -1;
    for (let k = 0; k <= range; k++) {
      const y = y0 + dir * k;
      if (y < WORLD_BOUNDS.minY || y >= WORLD_BOUNDS.maxY) break;
      const d = this.voxel(ix, y, iz), above = this.voxel(ix, y + 1, iz);
      if (d > 0 && above <= 0) { p[1] = y + d / (d - above); return true; }
    }
    return false;
  }

  /**
   * Marks stale the bricks and columns a change to voxels [x0..x1] × [y0..y1] × [z0..z1] touched.
   * `raisedTo` > -Infinity when the change may have put solid voxels up to that y.
   */
  invalidate(x0: number, y0: number, z0: number, x1: number, y1: number, z1: number, raisedTo: number): void {
    for (let bz = z0 >> 4; bz <= z1 >> 4; bz++) for (let by = y0 >> 4; by <= y1 >> 4; by++) for (let bx = x0 >> 4; bx <= x1 >> 4; bx++) {
      this.bricks.invalidate(bx, by, bz);
    }
    for (let z = z0; z <= z1; z++) for (let x = x0; x <= x1; x++) this.columns.invalidate(x, 0, z);
    // A cell's corners are columns x..x+1, z..z+1: cells from one before the box hold its columns too.
    for (let z = z0 - 1; z <= z1; z++) for (let x = x0 - 1; x <= x1; x++) this.cells.invalidate(x, 0, z);
    if (raisedTo === -Infinity) return;
    for (let kz = z0 >> 5; kz <= z1 >> 5; kz++) for (let kx = x0 >> 5; kx <= x1 >> 5; kx++) {
      const key = (kx + 4096) * 8192 + (kz + 4096);
      this.raised.set(key, Math.max(this.raised.get(key) ?? -Infinity, raisedTo));
    }
  }
}
