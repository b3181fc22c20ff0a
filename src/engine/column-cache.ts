/**
 * Per-box column data (surface height, biome, warp/arch strength, solid top) with a small
 * LRU of boxes. A streaming worker generates the chunks of one column stack (same x0, z0)
 * at several cy, plus the air test (topBound) for each; sampling the 2D noise once per
 * stack instead of once per chunk removes most of the 2D cost. Values are pure functions
 * of (seed, x, z), so caching never changes the output.
 */
import { ColumnSample, sampleColumn, type BiomeSeeds } from './biomes.ts';
import { ARCH_HEIGHT } from './caves.ts';

const AH = ARCH_HEIGHT;
/** Boxes kept; blocks are allocated while warming up, then recycled (no steady-state allocation). */
const CAPACITY = 48;
/** Boxes with fewer columns than this bypass the LRU. */
const SMALL = 256;

export class ColumnBlock {
  x0 = 0; z0 = 0; nx = 0; nz = 0;
  maxTop = -Infinity;
  lastUse = 0;
  height: Float64Array; warp: Float64Array; arch: Float64Array;
  dominant: Uint8Array;
  /** Highest y that column data allows to be solid (surface + warp + arches), inclusive. */
  top: Int32Array;
  constructor(n: number) {
    this.height = new Float64Array(n); this.warp = new Float64Array(n); this.arch = new Float64Array(n);
    this.dominant = new Uint8Array(n); this.top = new Int32Array(n);
  }
}

export class ColumnCache {
  private readonly blocks: ColumnBlock[] = [];
  private tick = 0;
  private readonly col = new ColumnSample();
  private small = new ColumnBlock(SMALL);

  constructor(private readonly seeds: BiomeSeeds) {}

  /** Column data of box columns [x0, x0+nx) × [z0, z0+nz), index lx + lz*nx. */
  get(x0: number, z0: number, nx: number, nz: number): ColumnBlock {
    const t = ++this.tick;
    // Point queries (sample(), probes) would evict whole chunk stacks: they get a private block.
    if (nx * nz < SMALL) {
      if (this.small.height.length < nx * nz) this.small = new ColumnBlock(nx * nz);
      this.fill(this.small, x0, z0, nx, nz);
      return this.small;
    }
    let victim: ColumnBlock | undefined;
    for (const b of this.blocks) {
      if (b.x0 === x0 && b.z0 === z0 && b.nx === nx && b.nz === nz) { b.lastUse = t; return b; }
      if (b.height.length >= nx * nz && (!victim || b.lastUse < victim.lastUse)) victim = b;
    }
    if (!victim || this.blocks.length < CAPACITY) {
      victim = new ColumnBlock(Math.max(nx * nz, 34 * 34));
      if (this.blocks.length < CAPACITY) this.blocks.push(victim);
    }
    this.fill(victim, x0, z0, nx, nz);
    victim.lastUse = t;
    return victim;
  }

  private fill(b: ColumnBlock, x0: number, z0: number, nx: number, nz: number): void {
    b.x0 = x0; b.z0 = z0; b.nx = nx; b.nz = nz;
    const col = this.col;
    let maxTop = -Infinity;
    for (let lz = 0, c = 0; lz < nz; lz++) {
      for (let lx = 0; lx < nx; lx++, c++) {
        sampleColumn(this.seeds, x0 + lx, z0 + lz, col);
        b.height[c] = col.height; b.warp[c] = col.warp; b.arch[c] = col.arch; b.dominant[c] = col.dominant;
        let top = col.height + (col.warp > 0 ? col.warp + 1 : 0);
        if (col.arch > 0.05) top = Math.max(top, col.height + AH);
        const ti = Math.floor(top) + 1;
        b.top[c] = ti;
        if (ti > maxTop) maxTop = ti;
      }
    }
    b.maxTop = maxTop;
  }
}
