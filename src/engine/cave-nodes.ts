/**
 * Noise values at the 4 m lattice nodes covering one generated box (see caves.ts).
 * Three groups (the cave noises: two worm noises and the cavern fBm; the warp noise;
 * the arch noise), each filled one whole lattice level at a time on first use:
 * every column of the box needs the same levels, so a level fill wastes little and
 * the per-column interpolation then reads plain arrays with no per-node checks.
 * Generation stamps avoid clearing anything between boxes.
 */
import { fbm3, noise3 } from './noise.ts';

const STEP = 4;

export class LatticeNodes {
  /** wormA, wormB, cavern interleaved per node. */
  cave = new Float64Array(0);
  warp = new Float64Array(0);
  arch = new Float64Array(0);
  /** Per-level stamps of the three groups. */
  private stC = new Int32Array(0);
  private stW = new Int32Array(0);
  private stR = new Int32Array(0);
  private gen = 0;
  gx0 = 0; gy0 = 0; gz0 = 0; gnx = 0; gny = 0; gnz = 0; strideZ = 0;

  constructor(private readonly sA: number, private readonly sB: number, private readonly sC: number,
    private readonly sW: number, private readonly sR: number) {}

  /** Sizes the lattice for a box and returns the number of levels in y. */
  prepare(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number): number {
    this.gx0 = Math.floor(x0 / STEP); this.gy0 = Math.floor(y0 / STEP); this.gz0 = Math.floor(z0 / STEP);
    this.gnx = Math.floor((x0 + nx - 1) / STEP) - this.gx0 + 2;
    this.gny = Math.floor((y0 + ny - 1) / STEP) - this.gy0 + 2;
    this.gnz = Math.floor((z0 + nz - 1) / STEP) - this.gz0 + 2;
    this.strideZ = this.gnx * this.gny;
    const n = this.strideZ * this.gnz;
    if (this.cave.length < n * 3) {
      this.cave = new Float64Array(n * 3); this.warp = new Float64Array(n); this.arch = new Float64Array(n);
    }
    if (this.stC.length < this.gny) {
      this.stC = new Int32Array(this.gny); this.stW = new Int32Array(this.gny); this.stR = new Int32Array(this.gny);
      this.gen = 0;
    }
    this.gen = (this.gen + 1) | 0;
    if (this.gen === 0) { this.stC.fill(0); this.stW.fill(0); this.stR.fill(0); this.gen = 1; }
    return this.gny;
  }

  /** Node index of lattice column (ix, iz) at the box's lowest level. */
  columnBase(ix: number, iz: number): number {
    return (ix - this.gx0) + this.strideZ * (iz - this.gz0);
  }

  /** Makes the cave noises of every node of level k valid. */
  caveLevel(k: number): void {
    if (this.stC[k] === this.gen) return;
    this.stC[k] = this.gen;
    const y = (this.gy0 + k) * STEP, v = this.cave;
    for (let jz = 0; jz < this.gnz; jz++) {
      const z = (this.gz0 + jz) * STEP;
      let n = k * this.gnx + jz * this.strideZ;
      for (let jx = 0; jx < this.gnx; jx++, n++) {
        const x = (this.gx0 + jx) * STEP, o = n * 3;
        v[o] = noise3(this.sA, x / 52, y / 30, z / 52);
        v[o + 1] = noise3(this.sB, x / 52, y / 30, z / 52);
        v[o + 2] = fbm3(this.sC, x / 80, y / 36, z / 80, 2);
      }
    }
  }

  /** Makes the warp (arch = false) or arch noise of every node of level k valid. */
  singleLevel(k: number, arch: boolean): void {
    const st = arch ? this.stR : this.stW;
    if (st[k] === this.gen) return;
    st[k] = this.gen;
    const y = (this.gy0 + k) * STEP, v = arch ? this.arch : this.warp;
    for (let jz = 0; jz < this.gnz; jz++) {
      const z = (this.gz0 + jz) * STEP;
      let n = k * this.gnx + jz * this.strideZ;
      for (let jx = 0; jx < this.gnx; jx++, n++) {
        const x = (this.gx0 + jx) * STEP;
        v[n] = arch ? noise3(this.sR, x / 30, y / 11, z / 30) : noise3(this.sW, x / 18, y / 14, z / 18);
      }
    }
  }
}
