import { describe, expect, it } from 'vitest';
import { WorldClock } from './world-clock.ts';
import { Q16 } from './fixed-trig.ts';

describe('WorldClock', () => {
  const clock = new WorldClock(); // 20-minute days at 10 Hz, starting at 0.3 (morning)
  const at = (timeOfDay: number) => Math.round((timeOfDay - 0.3) * clock.ticksPerDay) + clock.ticksPerDay;

  it('counts whole ticks per day from real time and starts in the morning', () => {
    expect(clock.ticksPerDay).toBe(12_000);
    expect(clock.timeOfDay(0)).toBeCloseTo(0.3, 12);
    expect(clock.tickAt(60_000)).toBe(600);
    expect(clock.day(at(0.5))).toBe(1);
    expect(clock.dayTick(-1)).toBe(clock.dayTick(clock.ticksPerDay - 1));
  });

  it('puts the sun overhead at noon, on the horizon at dawn and dusk, and below at midnight', () => {
    expect(clock.sunElevationQ16(at(0.5))).toBe(Q16);
    expect(clock.sunElevationQ16(at(0.25))).toBe(0);
    expect(clock.sunElevationQ16(at(0.75))).toBe(0);
    expect(clock.sunElevationQ16(at(0))).toBe(-Q16);
    expect(clock.solarFactorQ16(at(0))).toBe(0);
    const dawn = clock.sunDirection(at(0.25), { x: 0, y: 0, z: 0 });
    expect(dawn).toEqual({ x: 1, y: 0, z: 0 }); // rises in the east (+x)
  });

  it('gives solar power by day only, within a Q16 step or two of the true sine', () => {
    for (let t = 0; t < clock.ticksPerDay; t += 37) {
      const tod = clock.timeOfDay(t);
      const f = clock.solarFactorQ16(t);
      expect(Number.isInteger(f)).toBe(true);
      expect(Math.abs(f - Math.max(0, Math.sin(2 * Math.PI * (tod - 0.25))) * Q16)).toBeLessThan(2);
      expect(f > 0).toBe(tod > 0.25 && tod < 0.75);
      expect(clock.isDay(t)).toBe(f > 0);
    }
  });

  it('takes a configurable day length and refuses a day too short to have a night', () => {
    expect(new WorldClock({ dayLengthSeconds: 60 }).ticksPerDay).toBe(600);
    expect(() => new WorldClock({ dayLengthSeconds: 0.1 })).toThrow(RangeError);
  });
});
