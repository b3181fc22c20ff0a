import { describe, expect, it } from 'vitest';
import { WIND_FLOOR_Q16, WIND_STEP_TICKS, windFactorQ16 } from './wind.ts';
import { Q16 } from './fixed-trig.ts';

describe('windFactorQ16', () => {
  it('stays between the calm floor and full wind, as whole numbers', () => {
    let sum = 0, bad = 0;
    const n = 20_000;
    for (let t = 0; t < n; t++) {
      const f = windFactorQ16(42, t);
      if (!(Number.isInteger(f) && f >= WIND_FLOOR_Q16 && f <= Q16)) bad++;
      sum += f;
    }
    expect(bad).toBe(0);
    const mean = sum / n / Q16;
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(0.85);
  });

  it('holds each gust for a whole step, so turbine output changes at most every 2 s', () => {
    let moved = 0;
    for (let step = 0; step < 200; step++) {
      const first = windFactorQ16(7, step * WIND_STEP_TICKS);
      for (let i = 1; i < WIND_STEP_TICKS; i++) if (windFactorQ16(7, step * WIND_STEP_TICKS + i) !== first) moved++;
    }
    expect(moved).toBe(0);
  });

  it('is a function of seed and tick alone: gusts vary, seeds differ', () => {
    const a = Array.from({ length: 100 }, (_, i) => windFactorQ16(1, i * WIND_STEP_TICKS));
    expect(Array.from({ length: 100 }, (_, i) => windFactorQ16(1, i * WIND_STEP_TICKS))).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(50);
    expect(Array.from({ length: 100 }, (_, i) => windFactorQ16(2, i * WIND_STEP_TICKS))).not.toEqual(a);
  });
});
