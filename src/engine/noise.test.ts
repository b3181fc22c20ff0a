import { describe, expect, it } from 'vitest';
import { fbm2, fbm3, hash3, noise2, noise3, ridged2 } from './noise.ts';

describe('noise', () => {
  it('is deterministic and seed dependent', () => {
    expect(noise2(7, 1.3, -4.7)).toBe(noise2(7, 1.3, -4.7));
    expect(noise3(7, 1.3, -4.7, 9.1)).toBe(noise3(7, 1.3, -4.7, 9.1));
    expect(noise2(7, 1.3, -4.7)).not.toBe(noise2(8, 1.3, -4.7));
    expect(hash3(1, 2, 3, 4)).toBe(hash3(1, 2, 3, 4));
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
