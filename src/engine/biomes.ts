/**
 * Per-column (2D) terrain data: biome weights from low-frequency temperature and
 * humidity noise, and the blended surface height. Computed once per column so the
 * per-voxel loop only does 1D work plus optional 3D cave/overhang noise.
 */
import { fbm2, noise2, ridged2, subSeed } from './noise.ts';

/** Biome indices follow BIOMES in constants.ts. */
export const PLAINS = 0;
export const MOUNTAINS = 1;
export const DESERT = 2;
export const ICE = 3;

/** Climate-space centres (temperature, humidity) of each biome, both in noise units (about -0.6..0.6). */
const CENTRE_T = [0.12, -0.05, 0.45, -0.42];
const CENTRE_H = [0.3, -0.3, -0.25, 0.1];
/** Sea-level temperature (°C) of each biome. */
const BASE_TEMP = [16, 7, 34, -14];
/** Game lapse rate (°C per metre above y=0): exaggerated ~8x from Earth's 0.0065 so 100 m peaks feel colder. */
export const LAPSE_RATE = 0.05;

/** Reused output of sampleColumn; nothing is allocated per column. */
export class ColumnSample {
  height = 0;
  weights = new Float64Array(4);
  dominant = 0;
  /** Sea-level temperature in °C, before the altitude lapse. */
  temperature = 0;
  /** Amplitude (m) of 3D surface warping that makes overhangs; mostly in mountains. */
  warp = 0;
  /** 0..1 strength of arch/overhang blobs above the surface (mountains, desert mesas). */
  arch = 0;
}

/** Seeds of each noise layer, derived once per world. */
export interface BiomeSeeds {
  temp: number; humid: number; plains: number; mount: number; dune: number; mesa: number; ice: number; detail: number;
}

export function makeBiomeSeeds(seed: number): BiomeSeeds {
  return {
    temp: subSeed(seed, 1), humid: subSeed(seed, 2), plains: subSeed(seed, 3), mount: subSeed(seed, 4),
    dune: subSeed(seed, 5), mesa: subSeed(seed, 6), ice: subSeed(seed, 7), detail: subSeed(seed, 8),
  };
}

const smoothstep = (a: number, b: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

/** Fills `out` for world column (x, z). */
export function sampleColumn(s: BiomeSeeds, x: number, z: number, out: ColumnSample): void {
  // Very low frequency climate (features ~1 km) with a little detail so borders wander.
  const t = fbm2(s.temp, x / 900, z / 900, 3);
  const h = fbm2(s.humid, x / 700, z / 700, 3);
  // Inverse-distance weights with a high power: smooth everywhere, yet one biome
  // dominates away from borders. No exp() needed, so it stays deterministic.
  const w = out.weights;
  let total = 0;
  let best = 0;
  for (let i = 0; i < 4; i++) {
    const dt = t - CENTRE_T[i];
    const dh = h - CENTRE_H[i];
    const d2 = dt * dt + dh * dh + 1e-4;
    const inv = 1 / (d2 * d2 * d2 * d2);
    w[i] = inv;
    total += inv;
    if (inv > w[best]) best = i;
  }
  let height = 0;
  let temp = 0;
  for (let i = 0; i < 4; i++) {
    w[i] /= total;
    temp += w[i] * BASE_TEMP[i];
  }
  out.dominant = best;
  // Only evaluate a biome's height where it has visible weight: saves most 2D noise.
  if (w[PLAINS] > 1e-3) height += w[PLAINS] * plainsHeight(s, x, z);
  if (w[MOUNTAINS] > 1e-3) height += w[MOUNTAINS] * mountainHeight(s, x, z);
  let mesa = 0;
  if (w[DESERT] > 1e-3) {
    mesa = smoothstep(0.22, 0.32, noise2(s.mesa, x / 260, z / 260));
    height += w[DESERT] * desertHeight(s, x, z, mesa);
  }
  if (w[ICE] > 1e-3) height += w[ICE] * iceHeight(s, x, z);
  out.height = height;
  out.temperature = temp + 2 * noise2(s.detail, x / 150, z / 150);
  out.warp = 5 * w[MOUNTAINS];
  out.arch = Math.max(w[MOUNTAINS] * 0.8, w[DESERT] * mesa);
}

/** Rolling hills, about 0..20 m. */
function plainsHeight(s: BiomeSeeds, x: number, z: number): number {
  return 9 + 8 * fbm2(s.plains, x / 160, z / 160, 3) + 2.5 * noise2(s.detail, x / 37, z / 37);
}

/** Ridged peaks reaching about 120 m; squaring the ridge keeps valleys broad and peaks sharp. */
function mountainHeight(s: BiomeSeeds, x: number, z: number): number {
  const r = ridged2(s.mount, x / 300, z / 300, 5);
  const lift = 0.5 + 0.5 * noise2(s.detail + 7, x / 500, z / 500);
  return 12 + 115 * r * r * (0.55 + 0.45 * lift);
}

/** Dunes (asymmetric ridged waves) plus flat-topped mesas with steep terraced sides. */
function desertHeight(s: BiomeSeeds, x: number, z: number, mesa: number): number {
  const d = 1 - Math.abs(noise2(s.dune, x / 55, z / 90));
  const dunes = 4 + 7 * d * d + 1.5 * noise2(s.dune + 3, x / 23, z / 23);
  return dunes + mesa * 24;
}

/** Nearly flat ice sheets with gentle swells. */
function iceHeight(s: BiomeSeeds, x: number, z: number): number {
  return 4 + 2.5 * fbm2(s.ice, x / 260, z / 260, 2);
}
