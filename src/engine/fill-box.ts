/**
 * The generation loop behind Worldgen.fillBox: density = (surface height - y) in metres
 * times DENSITY_PER_METRE, combined with warp/arch/caves (formulas in caves.ts), rounded
 * and clamped to Int8, plus the material of solid voxels.
 *
 * Speed: 2D column data comes from the column cache; per column the rows split into bedrock,
 * rows that can be solid, and open air, and only the lattice levels a band can touch are
 * interpolated. The per-voxel noise lerps and SDF formulas are inline on purpose: a call
 * returning a double allocates a heap number unless V8 inlines it.
 */
import { DENSITY_MAX, MATERIAL_ID } from '../protocol/world.ts';
import { ARCH_HEIGHT, CAVE_FLOOR_Y, WARP_BAND, type CaveLattice } from './caves.ts';
import { BEDROCK_TOP, type ColumnMaterials } from './materials-rule.ts';
import type { ColumnCache } from './column-cache.ts';

/** Density units per metre near the surface: 24 gives 1/24 m sub-voxel surface precision. */
export const DENSITY_PER_METRE = 24;

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

export type FillBox = (x0: number, y0: number, z0: number, nx: number, ny: number, nz: number, density: Int8Array, material: Uint8Array) => number;

export function createFillBox(cache: ColumnCache, lattice: CaveLattice, mats: ColumnMaterials): FillBox {
  return function fillBox(x0, y0, z0, nx, ny, nz, density, material) {
    const strideY = nx;
    const strideZ = nx * ny;
    const cols = cache.get(x0, z0, nx, nz);
    lattice.prepare(x0, y0, z0, nx, ny, nz);
    mats.prepare(x0, y0, z0, nx, ny, nz);
    const gy0 = lattice.gy0;
    for (let lz = 0; lz < nz; lz++) {
      for (let lx = 0; lx < nx; lx++) {
        const x = x0 + lx, z = z0 + lz, c = lx + lz * nx;
        const top = cols.top[c], h = cols.height[c], warp = cols.warp[c], arch = cols.arch[c];
        let i = lx + lz * strideZ;
        let ly = 0;
        for (; ly < ny && y0 + ly <= BED; ly++, i += strideY) { density[i] = DMAX; material[i] = BASALT; }
        const solidEnd = Math.min(ny, top - y0 + 1);
        if (ly < solidEnd) {
          lattice.column(x, z);
          mats.column(cols.dominant[c], h, x, z);
          // Interpolate only the levels each band can reach within rows yA..yB.
          const yA = y0 + ly, yB = y0 + solidEnd - 1;
          let lo = Math.max(yA, CFLOOR + 1), hi = Math.min(yB, Math.ceil(h + 2) - 1);
          if (lo <= hi) lattice.caveLevels((lo >> 2) - gy0, (hi >> 2) - gy0 + 1);
          if (warp > 0) {
            lo = Math.max(yA, Math.floor(h - WBAND) + 1); hi = Math.min(yB, Math.ceil(h + WBAND) - 1);
            if (lo <= hi) lattice.singleLevels((lo >> 2) - gy0, (hi >> 2) - gy0 + 1, false);
          }
          if (arch > 0.05) {
            lo = Math.max(yA, Math.floor(h - 2) + 1); hi = Math.min(yB, Math.ceil(h + AH) - 1);
            if (lo <= hi) lattice.singleLevels((lo >> 2) - gy0, (hi >> 2) - gy0 + 1, true);
          }
        }
        const A = lattice.A, B = lattice.B, C = lattice.C, W = lattice.W, R = lattice.R, L = lattice.L;
        for (; ly < solidEnd; ly++, i += strideY) {
          const y = y0 + ly;
          const dy = h - y;
          const k = (y >> 2) - gy0, t = (y & 3) * 0.25;
          let d = dy;
          // 3D noise only in the bands where it can change the result; open air and deep rock skip it.
          if (warp > 0 && dy > -WBAND && dy < WBAND) {
            const s = dy / WBAND, f = 1 - s * s;
            d = dy + warp * f * f * (W[k] + (W[k + 1] - W[k]) * t);
          }
          if (arch > 0.05 && dy < 2 && dy > -AH) {
            const a = ((R[k] + (R[k + 1] - R[k]) * t) - 0.42) * 24 * arch - Math.max(0, -dy - AH + 6) * 2;
            d = Math.max(d, a);
          }
          // Skip caves where their lower bound proves min(d, cave) quantises like d (margin covers float rounding).
          if (y > CFLOOR && dy > -2 && d > -2 && L[k] < Math.min(d, SATURATE) + 1e-6) {
            const wa = A[k] + (A[k + 1] - A[k]) * t, wb = B[k] + (B[k + 1] - B[k]) * t;
            const floor = Math.max(0, CFLOOR + 6 - y) * 2;
            let cave = (Math.sqrt(wa * wa + wb * wb) - 0.095) * 27 + floor;
            if (dy > 6) cave = Math.min(cave, (0.36 - (C[k] + (C[k + 1] - C[k]) * t)) * 40 + Math.max(0, 14 - dy) * 1.5 + floor);
            d = Math.min(d, cave);
          }
          let q = Math.round(d * DPM);
          q = q > DMAX ? DMAX : q < -DMAX ? -DMAX : q;
          density[i] = q;
          material[i] = q > 0 ? mats.at(y, ly) : 0;
        }
        for (; ly < ny; ly++, i += strideY) { density[i] = -DMAX; material[i] = 0; }
      }
    }
    return cols.maxTop;
  };
}
