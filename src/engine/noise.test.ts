import { describe, expect, it } from 'vitest';
import { fbm2, fbm3, hash3, noise2, noise3, ridged2, subSeed } from './noise.ts';

// Independent references, written from the documented maths rather than from noise.ts's code:
// exact 32-bit arithmetic in BigInt for the hash, and plain per-corner gradient noise (one hash3
// call per corner, textbook lerp) for noise2/noise3. noise3 in particular shares no code with its
// reference: it pre-multiplies the hash terms per axis and inlines the murmur finaliser.

const U32 = (v: bigint) => BigInt.asUintN(32, v);
function refHash3(seed: number, x: number, y: number, z: number): number {
  let h = U32(BigInt(seed)) ^ U32(BigInt(x) * 0x27d4eb2dn) ^ U32(BigInt(y) * 0x165667b1n) ^ U32(BigInt(z) * 0x61c88647n);
  h = U32((h ^ (h >> 16n)) * 0x85ebca6bn);
  h = U32((h ^ (h >> 13n)) * 0xc2b2ae35n);
  return Number(h ^ (h >> 16n));
}

const quintic = (t: number) => 6 * t ** 5 - 15 * t ** 4 + 10 * t ** 3;
const lerp = (a: number, b: number, t: number) => a * (1 - t) + b * t;
const S = Math.SQRT1_2;
/** Gradients at 45° steps, counter-clockwise from +x. */
const GRAD2: Array<[number, number]> = [[1, 0], [S, S], [0, 1], [-S, S], [-1, 0], [-S, -S], [0, -1], [S, -S]];
/** Improved Perlin's 12 cube-edge gradients, padded to 16 by repeating four of them. */
const GRAD3: Array<[number, number, number]> = [
  [1, 1, 0], [-1, 1, 0], [1, -1, 0], [-1, -1, 0], [1, 0, 1], [-1, 0, 1], [1, 0, -1], [-1, 0, -1],
  [0, 1, 1], [0, -1, 1], [0, 1, -1], [0, -1, -1], [1, 1, 0], [0, -1, 1], [-1, 1, 0], [0, -1, -1],
];

function refNoise2(seed: number, x: number, y: number): number {
  const ix = Math.floor(x), iy = Math.floor(y);
  const corner = (cx: number, cy: number) => {
    const [gx, gy] = GRAD2[refHash3(seed, cx, cy, 0) % 8];
    return gx * (x - cx) + gy * (y - cy);
  };
  const u = quintic(x - ix), v = quintic(y - iy);
  return lerp(lerp(corner(ix, iy), corner(ix + 1, iy), u), lerp(corner(ix, iy + 1), corner(ix + 1, iy + 1), u), v) * 1.4142;
}

function refNoise3(seed: number, x: number, y: number, z: number): number {
  const ix = Math.floor(x), iy = Math.floor(y), iz = Math.floor(z);
  const corner = (cx: number, cy: number, cz: number) => {
    const [gx, gy, gz] = GRAD3[refHash3(seed, cx, cy, cz) % 16];
    return gx * (x - cx) + gy * (y - cy) + gz * (z - cz);
  };
  const u = quintic(x - ix), v = quintic(y - iy), w = quintic(z - iz);
  const plane = (cz: number) => lerp(
    lerp(corner(ix, iy, cz), corner(ix + 1, iy, cz), u),
    lerp(corner(ix, iy + 1, cz), corner(ix + 1, iy + 1, cz), u), v);
  return lerp(plane(iz), plane(iz + 1), w);
}

/** A fixed spread of sample points: negative, positive, fractional, across many cells. */
const POINTS = Array.from({ length: 400 }, (_, i) => [(i * 7.31) % 53 - 26.5, (i * 3.77) % 41 - 20.25, (i * 11.13) % 37 - 18.6]);

describe('noise', () => {
  it('pins exact values (bit-identical on every engine: these literals must never move)', () => {
    expect(hash3(1, 2, 3, 4)).toBe(1052618489);
    expect(hash3(1337, -5, 7, -9)).toBe(1483892361);
    expect(subSeed(1337, 4)).toBe(1081219737);
    expect(noise2(7, 1.3, -4.7)).toBe(-0.19954078753903307);
    expect(noise2(8, 1.3, -4.7)).toBe(-0.21740458641557914);
    expect(noise2(1337, 123.456, -78.9)).toBe(-0.3075902809672735);
    expect(noise3(7, 1.3, -4.7, 9.1)).toBe(-0.29033552558499826);
    expect(noise3(1337, -12.25, 3.5, 0.75)).toBe(0.05800008773803711);
    expect(fbm2(5, 0.3, 0.2, 4)).toBe(-0.30756040453519257);
    expect(fbm3(5, 0.3, 0.2, 0.9, 3)).toBe(0.34290992199586373);
    expect(ridged2(5, 0.37, 0.81, 4)).toBe(0.673225492520438);
  });

  it('hash3 is the murmur3-finalised mix, checked against exact BigInt arithmetic', () => {
    expect(hash3(0, 0, 0, 0)).toBe(0); // fmix32(0) = 0
    for (const [x, y, z] of POINTS) {
      const [a, b, c] = [Math.floor(x * 1e3), Math.floor(y * 1e5), Math.floor(z * 1e7)];
      for (const seed of [0, 1, 1337, 0xffffffff, 0x9e3779b9]) expect(hash3(seed, a, b, c)).toBe(refHash3(seed, a, b, c));
    }
  });

  it('noise2 and noise3 equal an independent per-corner gradient noise', () => {
    for (const seed of [3, 1337, 0xdeadbeef]) {
      for (const [x, y, z] of POINTS) {
        expect(noise2(seed, x, y)).toBeCloseTo(refNoise2(seed, x, y), 12);
        expect(noise3(seed, x, y, z)).toBeCloseTo(refNoise3(seed, x, y, z), 12);
      }
    }
  });

  it('fbm2, fbm3 and ridged2 are the documented octave sums of the base noise', () => {
    const seed = 11;
    for (const [x, y, z] of POINTS.slice(0, 50)) {
      let s2 = 0, s3 = 0, r = 0, weight = 1;
      for (let o = 0, amp = 1, f = 1; o < 4; o++, amp /= 2, f *= 2) {
        s2 += amp * refNoise2(seed + o * 1013, x * f, y * f);
        if (o < 3) s3 += amp * refNoise3(seed + o * 1013, x * f, y * f, z * f);
        const crest = (1 - Math.abs(refNoise2(seed + o * 1013, x * f, y * f))) ** 2 * weight;
        weight = Math.min(1, crest * 2);
        r += amp * crest;
      }
      expect(fbm2(seed, x, y, 4)).toBeCloseTo(s2 / 1.875, 12);
      expect(fbm3(seed, x, y, z, 3)).toBeCloseTo(s3 / 1.75, 12);
      expect(ridged2(seed, x, y, 4)).toBeCloseTo(r / 1.875, 12);
    }
  });

  it('depends on the seed', () => {
    let same = 0;
    for (const [x, y, z] of POINTS) if (noise3(7, x, y, z) === noise3(8, x, y, z)) same++;
    expect(same).toBeLessThan(POINTS.length / 20);
  });

  it('stays in range and is zero on lattice points', () => {
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < 20000; i++) {
      const v = noise3(3, i * 0.173, i * 0.0917, i * 0.311);
      min = Math.min(min, v); max = Math.max(max, v);
    }
    expect(min).toBeGreaterThan(-1.2);
    expect(max).toBeLessThan(1.2);
    expect(max - min).toBeGreaterThan(0.8);
    expect(noise2(5, 3, 4)).toBe(0);
    expect(noise3(5, -3, 4, 7)).toBe(0);
    const r = ridged2(5, 0.37, 0.81, 4);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
    expect(Math.abs(fbm2(5, 0.3, 0.2, 4))).toBeLessThan(1.2);
    expect(Math.abs(fbm3(5, 0.3, 0.2, 0.9, 3))).toBeLessThan(1.2);
  });

  it('is continuous across cell borders (quintic fade, no grid steps)', () => {
    const e = 1e-6;
    for (const x of [1, 2, 3, -1]) {
      expect(Math.abs(noise2(9, x - e, 0.5) - noise2(9, x + e, 0.5))).toBeLessThan(1e-4);
      expect(Math.abs(noise3(9, x - e, 0.5, 0.25) - noise3(9, x + e, 0.5, 0.25))).toBeLessThan(1e-4);
    }
  });
});
