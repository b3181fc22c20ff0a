/**
 * Lazily computed noise values at the 4 m lattice nodes covering one generated box
 * (see caves.ts). Three groups with their own stamps: the cave noises (two worm
 * noises and the cavern fBm), the warp noise and the arch noise, because most
 * boxes only need one group and a node costs 1-6 noise3 calls per group.
 * Generation stamps avoid clearing the arrays between boxes.
 */
import { fbm3, noise3 } from './noise.ts';

const STEP = 4;

export class LatticeNodes {
  /** wormA, wormB, cavern interleaved per node. */
  cave = new Float64Array(0);
  warp = new Float64Array(0);
  arch = new Float64Array(0);
  private stC = new Int32Array(0);
  private stW = new Int32Array(0);
  private stR = new Int32Array(0);
  private gen = 0;
  gx0 = 0; gy0 = 0; gz0 = 0; gnx = 0; gny = 0; strideZ = 0;

  constructor(private readonly sA: number, private readonly sB: number, private readonly sC: number,
    private readonly sW: number, private readonly sR: number) {}

  /** Sizes the lattice for a box and returns the number of levels in y. */
  prepare(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number): number {
    this.gx0 = Math.floor(x0 / STEP); this.gy0 = Math.floor(y0 / STEP); this.gz0 = Math.floor(z0 / STEP);
    this.gnx = Math.floor((x0 + nx - 1) / STEP) - this.gx0 + 2;
    this.gny = Math.floor((y0 + ny - 1) / STEP) - this.gy0 + 2;
    const gnz = Math.floor((z0 + nz - 1) / STEP) - this.gz0 + 2;
    this.strideZ = this.gnx * this.gny;
    const n = this.strideZ * gnz;
    if (this.stC.length < n) {
      this.stC = new Int32Array(n); this.stW = new Int32Array(n); this.stR = new Int32Array(n);
      this.cave = new Float64Array(n * 3); this.warp = new Float64Array(n); this.arch = new Float64Array(n);
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

  private coords(n: number): void {
    const iz = Math.floor(n / this.strideZ), r = n - iz * this.strideZ, iy = Math.floor(r / this.gnx);
    this.px = (this.gx0 + r - iy * this.gnx) * STEP;
    this.py = (this.gy0 + iy) * STEP;
    this.pz = (this.gz0 + iz) * STEP;
  }
  private px = 0; private py = 0; private pz = 0;

  ensureCave(n: number): void {
    if (this.stC[n] === this.gen) return;
    this.stC[n] = this.gen;
    this.coords(n);
    const x = this.px, y = this.py, z = this.pz, o = n * 3;
    this.cave[o] = noise3(this.sA, x / 52, y / 30, z / 52);
    this.cave[o + 1] = noise3(this.sB, x / 52, y / 30, z / 52);
    this.cave[o + 2] = fbm3(this.sC, x / 80, y / 36, z / 80, 2);
  }

  ensureSingle(n: number, arch: boolean): void {
    const st = arch ? this.stR : this.stW;
    if (st[n] === this.gen) return;
    st[n] = this.gen;
    this.coords(n);
    const x = this.px, y = this.py, z = this.pz;
    if (arch) this.arch[n] = noise3(this.sR, x / 30, y / 11, z / 30);
    else this.warp[n] = noise3(this.sW, x / 18, y / 14, z / 18);
  }
}
