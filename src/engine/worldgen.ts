/**
 * Pointwise, deterministic terrain generation: a pure function of (seed, x, y, z).
 * Density is (surface height - y) in metres times DENSITY_PER_METRE, combined with
 * caves/overhangs/arches, rounded and clamped to Int8. 2D column data is computed
 * once per column; 3D noise is only evaluated in the bands where it can matter.
 */
import { BIOMES, DENSITY_MAX, type BiomeName } from './constants.ts';
import { ColumnSample, LAPSE_RATE, makeBiomeSeeds, sampleColumn } from './biomes.ts';
import { ARCH_HEIGHT, CAVE_FLOOR_Y, CaveLattice, WARP_BAND } from './caves.ts';
import { BEDROCK_TOP, ColumnMaterials } from './materials-rule.ts';
import { MATERIAL_ID } from './constants.ts';
import { subSeed } from './noise.ts';
import { ColumnCache } from './column-cache.ts';

/** Density units per metre near the surface: 24 gives 1/24 m sub-voxel surface precision. */
export const DENSITY_PER_METRE = 24;

export interface ColumnInfo { height: number; biome: BiomeName; temperature: number }

export interface Worldgen {
  readonly seed: number;
  /** Surface height, dominant biome and surface temperature of column (x, z). */
  columnInfo(x: number, z: number): ColumnInfo;
  /** Air temperature (°C) at a point: column climate minus the altitude lapse. */
  temperatureAt(x: number, y: number, z: number): number;
  /**
   * Generates the box of voxels [x0, x0+nx) × [y0, y0+ny) × [z0, z0+nz) into
   * density/material at index x + y*nx + z*nx*ny. Returns the highest y that can be solid
   * in the box's columns, so callers can tell whether the whole box is air.
   */
  fillBox(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number, density: Int8Array, material: Uint8Array): number;
  /** Upper bound of solid y over columns [x0, x0+nx) × [z0, z0+nz), memoised per box (used for the air fast path). */
  topBound(x0: number, z0: number, nx: number, nz: number): number;
}

// Module-local copies: bundlers/test runners turn imported bindings into getter calls in hot loops.
const DMAX = DENSITY_MAX;
const BASALT = MATERIAL_ID.basalt;
const BED = BEDROCK_TOP;
const WBAND = WARP_BAND;
const AH = ARCH_HEIGHT;
const CFLOOR = CAVE_FLOOR_Y;
const DPM = DENSITY_PER_METRE;
/** Metres past which density saturates at DMAX after rounding (127.5 / 24, rounded up). */
const SATURATE = 5.4;

export function createWorldgen(seed: number): Worldgen {
  const biomeSeeds = makeBiomeSeeds(seed);
  const lattice = new CaveLattice(seed);
  const mats = new ColumnMaterials(subSeed(seed, 30));
  const col = new ColumnSample();
  const cache = new ColumnCache(biomeSeeds);

  function fillBox(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number, density: Int8Array, material: Uint8Array): number {
    const strideY = nx;
    const strideZ = nx * ny;
    const cols = cache.get(x0, z0, nx, nz);
    lattice.prepare(x0, y0, z0, nx, ny, nz);
    mats.prepare(x0, y0, z0, nx, ny, nz);
    for (let lz = 0; lz < nz; lz++) {
      for (let lx = 0; lx < nx; lx++) {
        const x = x0 + lx;
        const z = z0 + lz;
        const c = lx + lz * nx;
        const top = cols.top[c], h = cols.height[c], warp = cols.warp[c], arch = cols.arch[c];
        let i = lx + lz * strideZ;
        let ly = 0;
        // Bedrock rows, then the rows that can be solid, then open air: no per-voxel band tests for the first and last.
        for (; ly < ny && y0 + ly <= BED; ly++, i += strideY) { density[i] = DMAX; material[i] = BASALT; }
        const solidEnd = Math.min(ny, top - y0 + 1);
        if (ly < solidEnd) { lattice.column(x, z); mats.column(cols.dominant[c], h, x, z); }
        for (; ly < solidEnd; ly++, i += strideY) {
          const y = y0 + ly;
          const dy = h - y;
          const warped = warp > 0 && dy > -WBAND && dy < WBAND;
          const arched = arch > 0.05 && dy < 2 && dy > -AH;
          const caved = y > CFLOOR && dy > -2;
          let d = dy;
          // 3D noise only in the bands where it can change the result; open air and deep rock skip it.
          if (warped) d = dy + lattice.surfaceWarp(y, dy, warp);
          if (arched) d = Math.max(d, lattice.archField(y, -dy, arch));
          // Skip caves where their lower bound proves min(d, cave) quantises like d (margin covers float rounding).
          if (caved && d > -2 && lattice.caveBound(y) < Math.min(d, SATURATE) + 1e-6) d = Math.min(d, lattice.caveField(y, dy));
          let q = Math.round(d * DPM);
          q = q > DMAX ? DMAX : q < -DMAX ? -DMAX : q;
          density[i] = q;
          material[i] = q > 0 ? mats.at(y, ly) : 0;
        }
        for (; ly < ny; ly++, i += strideY) { density[i] = -DMAX; material[i] = 0; }
      }
    }
    return cols.maxTop;
  }

  function topBound(x0: number, z0: number, nx: number, nz: number): number {
    return cache.get(x0, z0, nx, nz).maxTop;
  }

  function columnInfo(x: number, z: number): ColumnInfo {
    sampleColumn(biomeSeeds, x, z, col);
    const temperature = col.temperature - LAPSE_RATE * Math.max(0, col.height);
    return { height: col.height, biome: BIOMES[col.dominant], temperature };
  }

  function temperatureAt(x: number, y: number, z: number): number {
    sampleColumn(biomeSeeds, x, z, col);
    return col.temperature - LAPSE_RATE * Math.max(0, y);
  }

  return { seed, columnInfo, temperatureAt, fillBox, topBound };
}
