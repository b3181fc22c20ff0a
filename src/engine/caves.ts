/**
 * 3D shape features below and just above the surface: worm tunnels, caverns,
 * overhang warping and arches. worldgen combines them with the height field like SDFs
 * (approximate signed distances in metres, positive = solid side):
 *   cave  = min(worm, cavern) + floor, worm = (sqrt(A^2 + B^2) - 0.095) * 27 (a tube where both
 *           noises are near zero), cavern = (0.36 - C) * 40 + max(0, 14 - depth) * 1.5 below 6 m,
 *           floor = max(0, CAVE_FLOOR_Y + 6 - y) * 2 seals the world bottom;
 *   warp  = amp * (1 - (dy/WARP_BAND)^2)^2 * W;   arch = (R - 0.42) * 24 * strength - taper.
 *
 * Speed: the five noises are sampled on a world-aligned 4 m lattice (cave-nodes.ts). Per column,
 * each needed lattice level is interpolated once in x and z into the level arrays below; worldgen
 * then lerps between two levels per voxel, inline (calls returning doubles box them on the heap).
 * Lattice nodes sit at fixed world positions and a voxel's arithmetic depends only on its column
 * and y, so generation stays a pure function of position.
 */
import { WORLD_BOUNDS } from '../protocol/world.ts';
import { subSeed } from './noise.ts';
import { LatticeNodes } from './cave-nodes.ts';

/** Caves never open below this y, keeping a solid floor above the bedrock. */
export const CAVE_FLOOR_Y = WORLD_BOUNDS.minY + 8;
/** Band (m) around the surface where mountain warping applies. */
export const WARP_BAND = 12;
/** Arches reach at most this far (m) above the column surface. */
export const ARCH_HEIGHT = 20;

const CFLOOR = CAVE_FLOOR_Y;

export class CaveLattice {
  private readonly nodes: LatticeNodes;
  /** Level values of the current column: worm A/B, cavern C, warp W, arch R; L = cave lower bound per 4-voxel segment. */
  A = new Float64Array(0); B = new Float64Array(0); C = new Float64Array(0);
  W = new Float64Array(0); R = new Float64Array(0); L = new Float64Array(0);
  /** Lattice level of the box's first level: level index of voxel y is (y >> 2) - gy0. */
  gy0 = 0;
  private base = 0; private u = 0; private w = 0;

  constructor(seed: number) {
    this.nodes = new LatticeNodes(subSeed(seed, 20), subSeed(seed, 21), subSeed(seed, 22), subSeed(seed, 23), subSeed(seed, 24));
  }

  /** Sizes the lattice for a box; nodes are then computed lazily, a level at a time. */
  prepare(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number): void {
    const gny = this.nodes.prepare(x0, y0, z0, nx, ny, nz);
    this.gy0 = this.nodes.gy0;
    if (this.A.length < gny) { // grows rarely; steady state allocates nothing
      this.A = new Float64Array(gny); this.B = new Float64Array(gny); this.C = new Float64Array(gny);
      this.W = new Float64Array(gny); this.R = new Float64Array(gny); this.L = new Float64Array(gny);
    }
  }

  /** Selects world column (x, z) inside the prepared box. */
  column(x: number, z: number): void {
    this.u = (x & 3) * 0.25; // x >> 2 = floor(x / 4) for int32 coordinates
    this.w = (z & 3) * 0.25;
    this.base = this.nodes.columnBase(x >> 2, z >> 2);
  }

  /** Fills A, B, C for levels k0..k1 and L for segments k0..k1-1 of the current column. */
  caveLevels(k0: number, k1: number): void {
    const nd = this.nodes, sz = nd.strideZ, u = this.u, w = this.w, A = this.A, B = this.B, C = this.C;
    for (let k = k0; k <= k1; k++) {
      nd.caveLevel(k);
      const v = nd.cave, n = this.base + k * nd.gnx;
      const a = n * 3, b = a + 3, c = (n + sz) * 3, d = c + 3;
      let x0 = v[a] + (v[b] - v[a]) * u, x1 = v[c] + (v[d] - v[c]) * u;
      A[k] = x0 + (x1 - x0) * w;
      x0 = v[a + 1] + (v[b + 1] - v[a + 1]) * u; x1 = v[c + 1] + (v[d + 1] - v[c + 1]) * u;
      B[k] = x0 + (x1 - x0) * w;
      x0 = v[a + 2] + (v[b + 2] - v[a + 2]) * u; x1 = v[c + 2] + (v[d + 2] - v[c + 2]) * u;
      C[k] = x0 + (x1 - x0) * w;
    }
    // Lower bound of the cave field over each segment: a voxel's noise is a convex mix of its two
    // level values, so |noise| is at least the smaller magnitude when both share a sign. Deep rock
    // far from any tunnel gets a large bound and worldgen skips the per-voxel cave evaluation.
    for (let k = k0; k < k1; k++) {
      const a0 = A[k], a1 = A[k + 1], b0 = B[k], b1 = B[k + 1];
      const ma = a0 * a1 <= 0 ? 0 : Math.min(Math.abs(a0), Math.abs(a1));
      const mb = b0 * b1 <= 0 ? 0 : Math.min(Math.abs(b0), Math.abs(b1));
      const worm = (Math.sqrt(ma * ma + mb * mb) - 0.095) * 27;
      const cavern = (0.36 - Math.max(C[k], C[k + 1])) * 40;
      // The floor term shrinks with y, so the segment's top voxel has the smallest one.
      const top = ((this.gy0 + k) << 2) + 3;
      this.L[k] = Math.min(worm, cavern, 99) + Math.max(0, CFLOOR + 6 - top) * 2;
    }
  }

  /** Fills W (warp) or R (arch) for levels k0..k1 of the current column. */
  singleLevels(k0: number, k1: number, arch: boolean): void {
    const nd = this.nodes, sz = nd.strideZ, u = this.u, w = this.w, out = arch ? this.R : this.W;
    for (let k = k0; k <= k1; k++) {
      nd.singleLevel(k, arch);
      const v = arch ? nd.arch : nd.warp, n = this.base + k * nd.gnx;
      const x0 = v[n] + (v[n + 1] - v[n]) * u;
      const x1 = v[n + sz] + (v[n + sz + 1] - v[n + sz]) * u;
      out[k] = x0 + (x1 - x0) * w;
    }
  }
}
