import { describe, expect, it } from 'vitest';
import { FpsMeter } from './fps-meter.ts';
import type { FpsData } from '../protocol/telemetry.ts';

const blank = (): FpsData => ({ fps: -1, frame_time_ms: -1, physics_time_ms: -1, render_time_ms: -1 });

describe('FpsMeter', () => {
  it('reads zeros before any frame and after a single one', () => {
    const meter = new FpsMeter();
    expect(meter.read(blank())).toEqual({ fps: 0, frame_time_ms: 0, physics_time_ms: 0, render_time_ms: 0 });
    meter.frame(100, 2, 8);
    expect(meter.read(blank())).toEqual({ fps: 0, frame_time_ms: 0, physics_time_ms: 2, render_time_ms: 8 });
  });

  it('measures a steady 90 Hz loop', () => {
    const meter = new FpsMeter();
    for (let i = 0; i < 300; i++) meter.frame((i * 1000) / 90, 2.5, 8.6);
    expect(meter.read(blank())).toEqual({ fps: 90, frame_time_ms: 11.11, physics_time_ms: 2.5, render_time_ms: 8.6 });
  });

  it('only averages the last second', () => {
    const meter = new FpsMeter();
    // Two slow seconds at 20 Hz with heavy physics, then one at 60 Hz.
    let t = 0;
    for (; t < 2000; t += 50) meter.frame(t, 30, 10);
    for (const end = t + 1000; t < end; t += 1000 / 60) meter.frame(t, 1, 5);
    const data = meter.read(blank());
    expect(data.fps).toBeCloseTo(60, 1);
    expect(data.physics_time_ms).toBe(1);
    expect(data.render_time_ms).toBe(5);
  });

  it('rounds to hundredths', () => {
    const meter = new FpsMeter();
    meter.frame(0, 1, 1);
    meter.frame(7, 1.004, 2);
    meter.frame(14, 1, 3.333);
    expect(meter.read(blank())).toEqual({ fps: 142.86, frame_time_ms: 7, physics_time_ms: 1, render_time_ms: 2.11 });
  });

  it('keeps working past the ring capacity at high frame rates', () => {
    const meter = new FpsMeter(16);
    for (let i = 0; i < 1000; i++) meter.frame(i * 4, 0.5, 1);
    expect(meter.read(blank())).toMatchObject({ fps: 250, frame_time_ms: 4 });
  });

  it('starts over when the clock goes backwards', () => {
    const meter = new FpsMeter();
    for (let i = 0; i < 50; i++) meter.frame(10_000 + i * 10, 1, 1);
    for (let i = 0; i < 5; i++) meter.frame(i * 20, 3, 3);
    expect(meter.read(blank())).toEqual({ fps: 50, frame_time_ms: 20, physics_time_ms: 3, render_time_ms: 3 });
  });

  it('gives a rate from any two frames, however slow (over a second apart, read at the end of a slow frame)', () => {
    const meter = new FpsMeter();
    meter.frame(0, 1, 900);
    meter.frame(1500, 1, 1100);
    // Read 1.2 s into the second frame: it is still the newest, and the last interval stands.
    expect(meter.read(blank(), 2700)).toEqual({ fps: 0.67, frame_time_ms: 1500, physics_time_ms: 1, render_time_ms: 1000 });
    // A single frame read after it began bounds the rate by the time it has taken so far.
    const one = new FpsMeter();
    one.frame(100, 1, 1);
    expect(one.read(blank(), 1350)).toMatchObject({ fps: 0.8, frame_time_ms: 1250 });
    expect(one.read(blank(), 100)).toMatchObject({ fps: 0, frame_time_ms: 0 });
  });

  it('a page that stopped drawing reads a rate falling toward 0, never its last rate', () => {
    const meter = new FpsMeter();
    for (let i = 0; i <= 60; i++) meter.frame(i * 20, 1, 1);
    expect(meter.read(blank(), 1210)).toMatchObject({ fps: 50, frame_time_ms: 20 });
    expect(meter.read(blank(), 1200 + 10_000)).toMatchObject({ fps: 0.1, frame_time_ms: 10_000 });
    expect(meter.read(blank(), 1200 + 100_000).fps).toBe(0.01);
  });

  it('fills and returns the caller object', () => {
    const meter = new FpsMeter();
    const out = blank();
    expect(meter.read(out)).toBe(out);
  });
});
