/**
 * Pointwise, deterministic terrain generation: a pure function of (seed, x, y, z).
 * Density is (surface height - y) in metres times DENSITY_PER_METRE, combined with
 * caves/overhangs/arches, rounded and clamped to Int8. 2D column data is computed
 * once per column; 3D noise is only evaluated in the bands where it can matter.
 */
import { BIOMES } from '../protocol/world.ts';
import { ColumnSample, LAPSE_RATE, makeBiomeSeeds, sampleColumn } from './biomes.ts';
import { CaveLattice } from './caves.ts';
import { ColumnMaterials } from './materials-rule.ts';
import { subSeed } from './noise.ts';
import { ColumnCache } from './column-cache.ts';
import { createFillBox } from './fill-box.ts';
import { createArenaWorldgen } from './arena-gen.ts';
import type { WorldKind } from '../protocol/terrain.ts';
import type { ColumnInfo, Worldgen } from './worldgen-types.ts';

/** The generator of a world kind: the procedural planet, or the fixed test arena (arena-gen.ts). */
export function createWorldgen(seed: number, kind: WorldKind = 'planet'): Worldgen {
  return kind === 'arena' ? createArenaWorldgen(seed) : createPlanetWorldgen(seed);
}

function createPlanetWorldgen(seed: number): Worldgen {
  const biomeSeeds = makeBiomeSeeds(seed);
  const lattice = new CaveLattice(seed);
  const mats = new ColumnMaterials(subSeed(seed, 30));
  const col = new ColumnSample();
  const cache = new ColumnCache(biomeSeeds);

  const fillBox = createFillBox(cache, lattice, mats);

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
