/**
 * 3D shape features below and just above the surface: worm tunnels, caverns,
 * overhang warping and arches. Results are approximate signed distances in metres
 * (positive = solid side) so worldgen combines them with min/max like SDFs.
 *
 * Speed: the five 3D noises are sampled on a world-aligned 4 m lattice. Per column,
 * each lattice level is interpolated once in x and z (bilinear); a voxel then only
 * lerps between the two levels around it in y. Nodes and levels are computed lazily
 * per group (caves / warp / arch) so bands that never need a noise never pay for it.
 * Lattice nodes sit at fixed world positions and a voxel's arithmetic depends only on
 * its own column and y, so generation stays a pure function of position.
 */
import { WORLD_BOUNDS } from './constants.ts';
import { subSeed } from './noise.ts';
import { LatticeNodes } from './cave-nodes.ts';

/** Caves never open below this y, keeping a solid floor above the bedrock. */
export const CAVE_FLOOR_Y = WORLD_BOUNDS.minY + 8;
/** Band (m) around the surface where mountain warping applies. */
export const WARP_BAND = 12;
/** Arches reach at most this far (m) above the column surface. */
export const ARCH_HEIGHT = 20;

const CFLOOR = CAVE_FLOOR_Y;
const WBAND = WARP_BAND;
const AH = ARCH_HEIGHT;

export class CaveLattice {
  private readonly nodes: LatticeNodes;
  // Per-level bilinear values of the current column, with a stamp per group.
  private lvA = new Float64Array(0); private lvB = new Float64Array(0); private lvC = new Float64Array(0);
  private lvW = new Float64Array(0); private lvR = new Float64Array(0);
  private lvL = new Float64Array(0); private stL = new Int32Array(0);
  private stC = new Int32Array(0); private stW = new Int32Array(0); private stR = new Int32Array(0);
  private colGen = 0;
  private base = 0; private u = 0; private w = 0; private gy0 = 0;

  constructor(seed: number) {
    this.nodes = new LatticeNodes(subSeed(seed, 20), subSeed(seed, 21), subSeed(seed, 22), subSeed(seed, 23), subSeed(seed, 24));
  }

  /** Sizes the lattice for a box; nodes are then computed lazily on first use. */
  prepare(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number): void {
    const gny = this.nodes.prepare(x0, y0, z0, nx, ny, nz);
    this.gy0 = this.nodes.gy0;
    if (this.stC.length < gny) { // grows rarely; steady state allocates nothing
      this.lvA = new Float64Array(gny); this.lvB = new Float64Array(gny); this.lvC = new Float64Array(gny);
      this.lvW = new Float64Array(gny); this.lvR = new Float64Array(gny);
      this.lvL = new Float64Array(gny); this.stL = new Int32Array(gny);
      this.stC = new Int32Array(gny); this.stW = new Int32Array(gny); this.stR = new Int32Array(gny);
      this.colGen = 0;
    }
  }

  /** Selects world column (x, z) inside the prepared box; levels are recomputed lazily. */
  column(x: number, z: number): void {
    const ix = x >> 2, iz = z >> 2; // floor(x / 4) for int32 coordinates
    this.u = (x & 3) * 0.25;
    this.w = (z & 3) * 0.25;
    this.base = this.nodes.columnBase(ix, iz);
    this.colGen = (this.colGen + 1) | 0;
    if (this.colGen === 0) { this.stC.fill(0); this.stL.fill(0); this.stW.fill(0); this.stR.fill(0); this.colGen = 1; }
  }

  private caveLevel(k: number): void {
    const nd = this.nodes, n = this.base + k * nd.gnx, sz = nd.strideZ, u = this.u, w = this.w;
    nd.ensureCave(n); nd.ensureCave(n + 1); nd.ensureCave(n + sz); nd.ensureCave(n + sz + 1);
    const v = nd.cave;
    const a = n * 3, b = (n + 1) * 3, c = (n + sz) * 3, d = (n + sz + 1) * 3;
    for (let f = 0; f < 3; f++) {
      const x0 = v[a + f] + (v[b + f] - v[a + f]) * u;
      const x1 = v[c + f] + (v[d + f] - v[c + f]) * u;
      const r = x0 + (x1 - x0) * w;
      if (f === 0) this.lvA[k] = r; else if (f === 1) this.lvB[k] = r; else this.lvC[k] = r;
    }
    this.stC[k] = this.colGen;
  }

  private singleLevel(k: number, arch: boolean): void {
    const nd = this.nodes, n = this.base + k * nd.gnx, sz = nd.strideZ;
    const v = arch ? nd.arch : nd.warp;
    nd.ensureSingle(n, arch); nd.ensureSingle(n + 1, arch); nd.ensureSingle(n + sz, arch); nd.ensureSingle(n + sz + 1, arch);
    const x0 = v[n] + (v[n + 1] - v[n]) * this.u;
    const x1 = v[n + sz] + (v[n + sz + 1] - v[n + sz]) * this.u;
    if (arch) { this.lvR[k] = x0 + (x1 - x0) * this.w; this.stR[k] = this.colGen; }
    else { this.lvW[k] = x0 + (x1 - x0) * this.w; this.stW[k] = this.colGen; }
  }

  /**
   * A lower bound of caveField over the current column's 4 voxels y..(y|3) (y & 3 = 0 gives the
   * whole segment). Each noise is a convex mix of its two level values there, so |noise| is at
   * least the smaller level magnitude when both share a sign. Deep rock far from any tunnel
   * gets a large bound and worldgen skips the per-voxel cave evaluation.
   */
  caveBound(y: number): number {
    const k = (y >> 2) - this.gy0, g = this.colGen;
    if (this.stL[k] === g) return this.lvL[k];
    if (this.stC[k] !== g) this.caveLevel(k);
    if (this.stC[k + 1] !== g) this.caveLevel(k + 1);
    const a0 = this.lvA[k], a1 = this.lvA[k + 1], b0 = this.lvB[k], b1 = this.lvB[k + 1];
    const ma = a0 * a1 <= 0 ? 0 : Math.min(Math.abs(a0), Math.abs(a1));
    const mb = b0 * b1 <= 0 ? 0 : Math.min(Math.abs(b0), Math.abs(b1));
    const worm = (Math.sqrt(ma * ma + mb * mb) - 0.095) * 27;
    const cavern = (0.36 - Math.max(this.lvC[k], this.lvC[k + 1])) * 40;
    // The floor term shrinks with y, so the segment's top voxel has the smallest one.
    const floor = Math.max(0, CFLOOR + 6 - (y | 3)) * 2;
    const r = Math.min(worm, cavern, 99) + floor;
    this.lvL[k] = r; this.stL[k] = g;
    return r;
  }

  /**
   * Cave field at voxel y of the current column; `depth` = metres below the column surface.
   * Negative inside a cave. Worms: both noises near zero (intersection of two surfaces = a
   * winding tube, ~2.5 m radius); they may break the surface, making cave mouths.
   * Caverns: fBm blobs sealed in the top ~14 m.
   */
  caveField(y: number, depth: number): number {
    const k = (y >> 2) - this.gy0, t = (y & 3) * 0.25, g = this.colGen;
    if (this.stC[k] !== g) this.caveLevel(k);
    if (this.stC[k + 1] !== g) this.caveLevel(k + 1);
    const A = this.lvA, B = this.lvB;
    const wa = A[k] + (A[k + 1] - A[k]) * t;
    const wb = B[k] + (B[k + 1] - B[k]) * t;
    let worm = (Math.sqrt(wa * wa + wb * wb) - 0.095) * 27;
    let cavern = 99;
    if (depth > 6) {
      const C = this.lvC;
      cavern = (0.36 - (C[k] + (C[k + 1] - C[k]) * t)) * 40 + Math.max(0, 14 - depth) * 1.5;
    }
    // Close every cave as it nears the floor so the world bottom stays sealed.
    const floor = Math.max(0, CFLOOR + 6 - y) * 2;
    worm += floor;
    cavern += floor;
    return Math.min(worm, cavern);
  }

  /** Surface warp (m) at voxel y, signed height-below-surface dy; makes overhangs on steep ground. */
  surfaceWarp(y: number, dy: number, amp: number): number {
    const k = (y >> 2) - this.gy0, g = this.colGen;
    if (this.stW[k] !== g) this.singleLevel(k, false);
    if (this.stW[k + 1] !== g) this.singleLevel(k + 1, false);
    const W = this.lvW;
    const warp = W[k] + (W[k + 1] - W[k]) * ((y & 3) * 0.25);
    const s = dy / WBAND;
    const f = 1 - s * s;
    return amp * f * f * warp;
  }

  /** Rare solid bridges/blobs `above` metres over the surface (-2..ARCH_HEIGHT), tapering at the top. */
  archField(y: number, above: number, strength: number): number {
    const k = (y >> 2) - this.gy0, g = this.colGen;
    if (this.stR[k] !== g) this.singleLevel(k, true);
    if (this.stR[k + 1] !== g) this.singleLevel(k + 1, true);
    const R = this.lvR;
    const arch = R[k] + (R[k + 1] - R[k]) * ((y & 3) * 0.25);
    return (arch - 0.42) * 24 * strength - Math.max(0, above - AH + 6) * 2;
  }
}
