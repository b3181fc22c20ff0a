/**
 * Deterministic seeded gradient noise (2D and 3D) and fBm helpers.
 *
 * Only integer bit ops, + - * / and Math.floor are used, so every JS engine
 * produces bit-identical results (no Math.sin/exp/random). Interpolation uses
 * the quintic fade 6t^5 - 15t^4 + 10t^3, whose first and second derivatives
 * vanish at lattice points, so the terrain shows no grid creases.
 */

/** Mixes a seed and up to three lattice coordinates into a well-scrambled 32-bit value. */
export function hash3(seed: number, x: number, y: number, z: number): number {
  let h = seed ^ Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1) ^ Math.imul(z, 0x61c88647);
  // murmur3 finaliser: XOR of products alone is too linear for gradient selection
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Derives a sub-seed so independent noise layers of one world are uncorrelated. */
export function subSeed(seed: number, salt: number): number {
  return hash3(seed, salt, 0x5bd1e995, 0x1b873593);
}

const fade = (t: number): number => t * t * t * (t * (t * 6 - 15) + 10);

// Eight unit gradients (45-degree steps); literals instead of Math.cos for determinism.
const D = 0.7071067811865476;
const G2X = new Float64Array([1, D, 0, -D, -1, -D, 0, D]);
const G2Y = new Float64Array([0, D, 1, D, 0, -D, -1, -D]);

function grad2(seed: number, ix: number, iy: number, fx: number, fy: number): number {
  const g = hash3(seed, ix, iy, 0) & 7;
  return G2X[g] * fx + G2Y[g] * fy;
}

/** 2D gradient noise, roughly in -1..1, zero at lattice points. */
export function noise2(seed: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const ix = x0 | 0;
  const iy = y0 | 0;
  const u = fade(fx);
  const v = fade(fy);
  const n00 = grad2(seed, ix, iy, fx, fy);
  const n10 = grad2(seed, ix + 1, iy, fx - 1, fy);
  const n01 = grad2(seed, ix, iy + 1, fx, fy - 1);
  const n11 = grad2(seed, ix + 1, iy + 1, fx - 1, fy - 1);
  const a = n00 + (n10 - n00) * u;
  const b = n01 + (n11 - n01) * u;
  // unit gradients peak near 0.707; rescale so callers can think in -1..1
  return (a + (b - a) * v) * 1.4142;
}

// The 12 cube-edge gradients of improved Perlin noise, indexed by hash % 12 via a 16-entry table.
const G3X = new Float64Array([1, -1, 1, -1, 1, -1, 1, -1, 0, 0, 0, 0, 1, 0, -1, 0]);
const G3Y = new Float64Array([1, 1, -1, -1, 0, 0, 0, 0, 1, -1, 1, -1, 1, -1, 1, -1]);
const G3Z = new Float64Array([0, 0, 0, 0, 1, 1, -1, -1, 1, 1, -1, -1, 0, 1, 0, -1]);

/** Gradient index (hash3 & 15) of a corner from its pre-multiplied coordinate terms; same bits as hash3. */
function g3(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & 15;
}

/** 3D gradient noise, roughly in -1..1. */
export function noise3(seed: number, x: number, y: number, z: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const z0 = Math.floor(z);
  const fx = x - x0, fy = y - y0, fz = z - z0;
  const gx = fx - 1, gy = fy - 1, gz = fz - 1;
  const ix = x0 | 0, iy = y0 | 0, iz = z0 | 0;
  // hash3's coordinate products, computed once per axis instead of once per corner.
  const ax0 = seed ^ Math.imul(ix, 0x27d4eb2d), ax1 = seed ^ Math.imul(ix + 1, 0x27d4eb2d);
  const by0 = Math.imul(iy, 0x165667b1), by1 = Math.imul(iy + 1, 0x165667b1);
  const cz0 = Math.imul(iz, 0x61c88647), cz1 = Math.imul(iz + 1, 0x61c88647);
  const X = G3X, Y = G3Y, Z = G3Z;
  let g = g3(ax0 ^ by0 ^ cz0); const n000 = X[g] * fx + Y[g] * fy + Z[g] * fz;
  g = g3(ax1 ^ by0 ^ cz0); const n100 = X[g] * gx + Y[g] * fy + Z[g] * fz;
  g = g3(ax0 ^ by1 ^ cz0); const n010 = X[g] * fx + Y[g] * gy + Z[g] * fz;
  g = g3(ax1 ^ by1 ^ cz0); const n110 = X[g] * gx + Y[g] * gy + Z[g] * fz;
  g = g3(ax0 ^ by0 ^ cz1); const n001 = X[g] * fx + Y[g] * fy + Z[g] * gz;
  g = g3(ax1 ^ by0 ^ cz1); const n101 = X[g] * gx + Y[g] * fy + Z[g] * gz;
  g = g3(ax0 ^ by1 ^ cz1); const n011 = X[g] * fx + Y[g] * gy + Z[g] * gz;
  g = g3(ax1 ^ by1 ^ cz1); const n111 = X[g] * gx + Y[g] * gy + Z[g] * gz;
  const u = fade(fx), v = fade(fy), w = fade(fz);
  const x00 = n000 + (n100 - n000) * u;
  const x10 = n010 + (n110 - n010) * u;
  const x01 = n001 + (n101 - n001) * u;
  const x11 = n011 + (n111 - n011) * u;
  const y0v = x00 + (x10 - x00) * v;
  const y1v = x01 + (x11 - x01) * v;
  return y0v + (y1v - y0v) * w;
}

/** Fractal Brownian motion of noise2: octaves at doubling frequency and halving amplitude, normalised to about -1..1. */
export function fbm2(seed: number, x: number, y: number, octaves: number): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amp * noise2(seed + o * 1013, x * f, y * f);
    norm += amp;
    amp *= 0.5;
    f *= 2;
  }
  return sum / norm;
}

/** fBm of noise3, normalised to about -1..1. */
export function fbm3(seed: number, x: number, y: number, z: number, octaves: number): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amp * noise3(seed + o * 1013, x * f, y * f, z * f);
    norm += amp;
    amp *= 0.5;
    f *= 2;
  }
  return sum / norm;
}

/**
 * Ridged multifractal in 0..1: (1 - |n|)^2 makes sharp crests where the noise crosses zero,
 * and each octave is weighted by the previous one so detail gathers on the ridges (mountain peaks).
 */
export function ridged2(seed: number, x: number, y: number, octaves: number): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let f = 1;
  let weight = 1;
  for (let o = 0; o < octaves; o++) {
    let r = 1 - Math.abs(noise2(seed + o * 1013, x * f, y * f));
    r = r * r * weight;
    weight = Math.min(1, r * 2);
    sum += amp * r;
    norm += amp;
    amp *= 0.5;
    f *= 2;
  }
  return sum / norm;
}
