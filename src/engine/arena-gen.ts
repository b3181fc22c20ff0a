/**
 * The `arena` world kind: a small, flat, fixed world for tests (the `test_arena` scene).
 * It implements the same Worldgen interface as the planet, so edits, hashes, meshing and
 * determinism work unchanged. The seed does not change the arena: every seed gives the same
 * voxels (the seed is only carried along).
 *
 * Layout, in metres (y up; voxel i sits at world coordinate i, as everywhere in the engine):
 *  - Ground: the top surface is exactly y = 0 everywhere. Density = (0 − y) × DENSITY_PER_METRE,
 *    clamped to ±127, so voxels y < 0 are solid and y = 0 is air (density 0). Materials by depth
 *    under the column's surface: grass above 2 m, soil above 5 m, rock below, and basalt bedrock at
 *    y <= BEDROCK_TOP (the planet's rule).
 *  - Hill: a round dome centred at (x 24, z 0), radius 12, height 6. Surface height
 *    = 6 × (1 − r²/144)² for r < 12 (a polynomial: flat top, zero slope at the rim), grass-covered.
 *  - Cliff: a solid rock block with vertical faces, x from −40 to −32 (8 m thick), z from −24 to 24,
 *    top at y = 20. Inside, density = distance to the nearest face (a box SDF), so the faces lie
 *    exactly on those planes; the block runs down into the ground. Every solid voxel of its columns is rock.
 *  - The playable floor is ±96 m around the origin; beyond that the same flat ground goes on forever.
 *  - Biome 'plains'; temperature 15 °C at y = 0 minus the planet's LAPSE_RATE per metre above.
 *
 * Only + − * /, min/max/round/floor are used: no transcendental maths, no randomness.
 */
import { DENSITY_MAX, MATERIAL_ID } from '../protocol/world.ts';
import { LAPSE_RATE } from './biomes.ts';
import { DENSITY_PER_METRE } from './fill-box.ts';
import { BEDROCK_TOP } from './materials-rule.ts';
import type { ColumnInfo, Worldgen } from './worldgen-types.ts';

/** Landmarks of the arena, all in metres. */
export const ARENA = {
  /** y of the flat ground's top surface (voxels below it are solid). */
  groundY: 0,
  /** Edge of the playable square floor centred on the origin (±halfSize); the ground continues flat beyond it. */
  size: 192,
  halfSize: 96,
  /** Round dome: centre column (x, z), radius and peak height above the ground. */
  hill: { x: 24, z: 0, radius: 12, height: 6 },
  /** Rock block with vertical faces: x in [minX, maxX], z in [minZ, maxZ], top at groundY + height. */
  cliff: { minX: -40, maxX: -32, minZ: -24, maxZ: 24, height: 20 },
  biome: 'plains',
  /** °C at the ground; the planet's lapse rate applies above it. */
  temperature: 15,
  /** Material depths under the local surface (m): grass above grassDepth, soil above soilDepth, rock below. */
  grassDepth: 2,
  soilDepth: 5,
} as const;

// Module-local copies for the hot loop.
const DMAX = DENSITY_MAX;
const DPM = DENSITY_PER_METRE;
const BED = BEDROCK_TOP;
const GRASS = MATERIAL_ID.grass;
const SOIL = MATERIAL_ID.soil;
const ROCK = MATERIAL_ID.rock;
const BASALT = MATERIAL_ID.basalt;
const GROUND = ARENA.groundY;
const HX = ARENA.hill.x, HZ = ARENA.hill.z, HR = ARENA.hill.radius, HH = ARENA.hill.height;
const HR2 = HR * HR;
const CX0 = ARENA.cliff.minX, CX1 = ARENA.cliff.maxX, CZ0 = ARENA.cliff.minZ, CZ1 = ARENA.cliff.maxZ;
const CTOP = GROUND + ARENA.cliff.height;
const GRASS_D = ARENA.grassDepth, SOIL_D = ARENA.soilDepth;
/** Metres past which density saturates at DMAX after rounding (127.5 / 24, rounded up). */
const SATURATE = 5.4;

/** Height of the ground plus hill at column (x, z) (the cliff excluded). */
function groundHeight(x: number, z: number): number {
  const dx = x - HX, dz = z - HZ;
  const s = (dx * dx + dz * dz) / HR2;
  if (s >= 1) return GROUND;
  const f = 1 - s;
  return GROUND + HH * f * f;
}

/** Horizontal distance from (x, z) to the nearest cliff face, > 0 strictly inside the footprint. */
function cliffInside(x: number, z: number): number {
  return Math.min(x - CX0, CX1 - x, z - CZ0, CZ1 - z);
}

/** Whether columns [x0, x0+nx) × [z0, z0+nz) overlap the open rectangle (ax, bx) × (az, bz). */
function boxHits(x0: number, z0: number, nx: number, nz: number, ax: number, bx: number, az: number, bz: number): boolean {
  return x0 < bx && x0 + nx - 1 > ax && z0 < bz && z0 + nz - 1 > az;
}

export function createArenaWorldgen(seed: number): Worldgen {
  function topBound(x0: number, z0: number, nx: number, nz: number): number {
    if (boxHits(x0, z0, nx, nz, CX0, CX1, CZ0, CZ1)) return CTOP;
    if (boxHits(x0, z0, nx, nz, HX - HR, HX + HR, HZ - HR, HZ + HR)) return GROUND + HH;
    return GROUND;
  }

  function fillBox(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number, density: Int8Array, material: Uint8Array): number {
    const strideY = nx, strideZ = nx * ny;
    for (let lz = 0; lz < nz; lz++) {
      for (let lx = 0; lx < nx; lx++) {
        const x = x0 + lx, z = z0 + lz;
        const h = groundHeight(x, z);
        const m = cliffInside(x, z);
        const inCliff = m > 0;
        // Rows at or above airFrom are -DMAX for certain (both terms are <= -SATURATE there). Columns
        // next to the cliff keep the formula up to its top so the faces interpolate to their planes.
        const surface = m > -SATURATE ? Math.max(h, CTOP) : h;
        const airFrom = Math.ceil(surface + SATURATE);
        let i = lx + lz * strideZ;
        let ly = 0;
        for (; ly < ny && y0 + ly <= BED; ly++, i += strideY) { density[i] = DMAX; material[i] = BASALT; }
        const end = Math.max(ly, Math.min(ny, airFrom - y0));
        for (; ly < end; ly++, i += strideY) {
          const y = y0 + ly;
          let d = h - y;
          const c = Math.min(m, CTOP - y);
          if (c > d) d = c;
          let q = Math.round(d * DPM);
          q = q > DMAX ? DMAX : q < -DMAX ? -DMAX : q;
          density[i] = q;
          if (q <= 0) material[i] = 0;
          else if (inCliff) material[i] = ROCK;
          else {
            const depth = h - y;
            material[i] = depth < GRASS_D ? GRASS : depth < SOIL_D ? SOIL : ROCK;
          }
        }
        for (; ly < ny; ly++, i += strideY) { density[i] = -DMAX; material[i] = 0; }
      }
    }
    return topBound(x0, z0, nx, nz);
  }

  function columnInfo(x: number, z: number): ColumnInfo {
    const height = cliffInside(x, z) > 0 ? CTOP : groundHeight(x, z);
    return { height, biome: ARENA.biome, temperature: ARENA.temperature - LAPSE_RATE * Math.max(0, height - GROUND) };
  }

  function temperatureAt(_x: number, y: number, _z: number): number {
    return ARENA.temperature - LAPSE_RATE * Math.max(0, y - GROUND);
  }

  return { seed, columnInfo, temperatureAt, fillBox, topBound };
}
