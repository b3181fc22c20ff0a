import { describe, expect, it } from 'vitest';
import { TickClock } from './tick-clock.ts';

describe('TickClock', () => {
  it('turns frame seconds into whole ticks and keeps the remainder for interpolation', () => {
    const clock = new TickClock(1 / 120, 8);
    expect(clock.advance(1 / 60)).toBe(2);
    expect(clock.alpha).toBeCloseTo(0, 9);
    expect(clock.advance(1 / 240)).toBe(0);
    expect(clock.alpha).toBeCloseTo(0.5, 9);
    expect(clock.advance(1 / 240)).toBe(1);
  });

  it('runs at most maxTicks per frame and drops the backlog', () => {
    const clock = new TickClock(1 / 120, 8);
    expect(clock.advance(0.5)).toBe(8);
    expect(clock.alpha).toBeLessThan(1);
    expect(clock.advance(0)).toBe(0);
  });

  it('ignores negative time and resets to a tick boundary', () => {
    const clock = new TickClock(0.1, 8);
    expect(clock.advance(-1)).toBe(0);
    clock.advance(0.05);
    expect(clock.alpha).toBeCloseTo(0.5, 9);
    clock.reset();
    expect(clock.alpha).toBe(0);
  });
});
