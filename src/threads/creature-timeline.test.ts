import { describe, expect, it } from 'vitest';
import { CreatureTimeline, MAX_EXTRAPOLATE_MS, RELAY_TIMEOUT_MS } from './creature-timeline.ts';
import { CreatureFlag, CreatureFrame } from '../scene/creature-frame.ts';
import {
  SNAP_COUNT, SNAP_DT_MS, SNAP_HEADER, SNAP_HEAD_X, SNAP_HEAD_Z, SNAP_HEALTH01, SNAP_LEVEL, SNAP_LOOK_X, SNAP_N, SNAP_OWNER, SNAP_STATE, SNAP_STRIDE,
  SNAP_TICK, SNAP_TYPE, SNAP_VX, SNAP_X, SNAP_Y, SNAP_Z, snapshotLength,
} from '../engine/creatures/creature-snapshot.ts';
import { CREATURE_RECORD_BYTES, writeCreatureRecord } from '../protocol/net/creature-codec.ts';

interface C { n: number; x: number; z?: number; vx?: number; type?: number; level?: number; owner?: number; health?: number; lookX?: number }

function snapshot(tick: number, creatures: C[]): Float32Array {
  const f = new Float32Array(snapshotLength(creatures.length)), ints = new Int32Array(f.buffer);
  ints[SNAP_TICK] = tick; ints[SNAP_COUNT] = creatures.length; f[SNAP_DT_MS] = 50;
  creatures.forEach((c, i) => {
    const o = SNAP_HEADER + i * SNAP_STRIDE;
    ints[o + SNAP_N] = c.n; f[o + SNAP_TYPE] = c.type ?? 0; f[o + SNAP_X] = c.x; f[o + SNAP_Y] = 1; f[o + SNAP_Z] = c.z ?? 0;
    f[o + SNAP_VX] = c.vx ?? 0; f[o + SNAP_HEAD_X] = 0; f[o + SNAP_HEAD_Z] = 1; f[o + SNAP_LOOK_X] = c.lookX ?? NaN;
    f[o + SNAP_STATE] = 1; f[o + SNAP_HEALTH01] = c.health ?? 1; f[o + SNAP_LEVEL] = c.level ?? 3; ints[o + SNAP_OWNER] = c.owner ?? -1;
  });
  return f;
}

function records(rs: Array<{ n: number; x: number; vx: number; z?: number; vz?: number }>): DataView {
  const view = new DataView(new ArrayBuffer(rs.length * CREATURE_RECORD_BYTES));
  rs.forEach((r, i) => writeCreatureRecord(view, i, r.n, r.x, 2, r.z ?? 0, r.vx, 0, r.vz ?? 0, 0, 0.5));
  return view;
}

const xOf = (frame: CreatureFrame, n: number) => frame.x[frame.slotOf(n)];

describe('CreatureTimeline: worker snapshots', () => {
  it('interpolates one tick behind, between the last two snapshots', () => {
    const tl = new CreatureTimeline(), frame = new CreatureFrame(2);
    tl.ingestSnapshot(snapshot(10, [{ n: 7, x: 0, vx: 4 }]), 1000);
    tl.ingestSnapshot(snapshot(11, [{ n: 7, x: 0.2, vx: 4 }]), 1050);
    tl.sample(1075, frame); // render time 1025: halfway from tick 10 (1000) to tick 11 (1050)
    expect(frame.count).toBe(1);
    expect(frame.number[0]).toBe(7);
    expect(frame.x[0]).toBeCloseTo(0.1, 6);
    expect(frame.y[0]).toBe(1);
    expect(frame.vx[0]).toBeCloseTo(4, 6);
    expect([frame.headX[0], frame.headZ[0]]).toEqual([1, 0]); // heading from velocity
    expect(frame.level[0]).toBe(3);
    tl.sample(1100, frame); // render time 1050: at the last sample
    expect(frame.x[0]).toBeCloseTo(0.2, 6);
  });

  it('times samples by tick, so a late message does not shake the creature', () => {
    const tl = new CreatureTimeline(), frame = new CreatureFrame();
    tl.ingestSnapshot(snapshot(10, [{ n: 1, x: 0, vx: 2 }]), 1000);
    tl.ingestSnapshot(snapshot(11, [{ n: 1, x: 0.1, vx: 2 }]), 1080); // 30 ms late
    tl.sample(1125, frame); // render 1075 ≈ 25 ms past tick 11's time (1050; the clock fit creeps 2 % of the 30 ms toward late)
    expect(frame.x[0]).toBeCloseTo(0.1 + 2 * 0.025, 2);
    expect(frame.x[0]).toBeGreaterThan(0.14); // timed by arrival it would still be short of 0.1 (75 of 80 ms)
  });

  it('goes on at once when the ticks go back (a replacement worker restored an older save)', () => {
    const tl = new CreatureTimeline(), frame = new CreatureFrame();
    tl.ingestSnapshot(snapshot(24, [{ n: 1, x: 0, vx: 2 }]), 1000);
    tl.ingestSnapshot(snapshot(25, [{ n: 1, x: 0.1, vx: 2 }]), 1050);
    tl.ingestSnapshot(snapshot(21, [{ n: 1, x: 0.3, vx: 2 }]), 1400); // restored at tick 20, one tick on
    tl.ingestSnapshot(snapshot(22, [{ n: 1, x: 0.4, vx: 2 }]), 1450);
    tl.sample(1475, frame); // halfway between the two new samples, not frozen at the old tick 25
    expect(frame.x[0]).toBeCloseTo(0.35, 6);
  });

  it('extrapolates by velocity when the next sample is late, for at most MAX_EXTRAPOLATE_MS', () => {
    const tl = new CreatureTimeline(), frame = new CreatureFrame();
    tl.ingestSnapshot(snapshot(1, [{ n: 1, x: 0, vx: 2 }]), 500);
    tl.ingestSnapshot(snapshot(2, [{ n: 1, x: 0.1, vx: 2 }]), 550);
    tl.sample(650, frame); // render 600: 50 ms past the last sample
    expect(frame.x[0]).toBeCloseTo(0.2, 6);
    tl.sample(5000, frame);
    expect(frame.x[0]).toBeCloseTo(0.1 + 2 * MAX_EXTRAPOLATE_MS / 1000, 6);
  });

  it('creatures appear at their first position and disappear when a snapshot leaves them out', () => {
    const tl = new CreatureTimeline(), frame = new CreatureFrame(1);
    tl.ingestSnapshot(snapshot(1, [{ n: 1, x: 5 }, { n: 2, x: 6 }, { n: 3, x: 7 }]), 0);
    tl.ingestSnapshot(snapshot(2, [{ n: 1, x: 5 }, { n: 2, x: 6 }, { n: 3, x: 7 }, { n: 4, x: 40, owner: 2 }]), 50);
    tl.sample(60, frame);
    expect(frame.count).toBe(4);
    expect(xOf(frame, 4)).toBe(40); // not slid in from anywhere
    expect(frame.flags[frame.slotOf(4)]).toBe(CreatureFlag.Tamed);
    tl.ingestSnapshot(snapshot(3, [{ n: 3, x: 7.5 }, { n: 4, x: 40, health: 0 }]), 100);
    tl.sample(150, frame);
    expect(frame.count).toBe(2);
    expect(frame.slotOf(1)).toBe(-1);
    expect(frame.slotOf(2)).toBe(-1);
    expect(xOf(frame, 3)).toBeCloseTo(7.5, 6);
    expect(frame.flags[frame.slotOf(4)] & CreatureFlag.Dying).toBe(CreatureFlag.Dying);
    // Many at once grow the frame.
    tl.ingestSnapshot(snapshot(4, Array.from({ length: 300 }, (_, i) => ({ n: i + 1, x: i }))), 150);
    tl.sample(200, frame);
    expect(frame.count).toBe(300);
    expect(xOf(frame, 300)).toBe(299);
  });
});

describe('CreatureTimeline: relay records', () => {
  it('interpolates ~120 ms behind, takes type, level and flags from setMeta, and heading from velocity', () => {
    const tl = new CreatureTimeline(), frame = new CreatureFrame();
    tl.setMeta(9, 2, 12, CreatureFlag.Tamed | CreatureFlag.Mine);
    tl.ingestRecords(records([{ n: 9, x: 10, vx: 0, vz: -3 }]), 1, 1000);
    tl.ingestRecords(records([{ n: 9, x: 10, vx: 0, z: -0.3, vz: -3 }]), 1, 1100);
    tl.sample(1170, frame); // render 1050: halfway
    expect(frame.count).toBe(1);
    expect(frame.z[0]).toBeCloseTo(-0.15, 5);
    expect([frame.type[0], frame.level[0], frame.flags[0]]).toEqual([2, 12, CreatureFlag.Tamed | CreatureFlag.Mine]);
    expect([frame.headX[0], frame.headZ[0]]).toEqual([0, -1]);
    expect(frame.health01[0]).toBeCloseTo(0.5, 2);
    expect(Number.isNaN(frame.lookX[0])).toBe(true);
  });

  it('a relay creature goes on forget(n) or after the timeout; a worker creature ignores relay echoes', () => {
    const tl = new CreatureTimeline(), frame = new CreatureFrame();
    tl.ingestSnapshot(snapshot(1, [{ n: 1, x: 3 }]), 0);
    tl.ingestRecords(records([{ n: 1, x: 99, vx: 0 }, { n: 2, x: 20, vx: 0 }, { n: 3, x: 30, vx: 0 }]), 3, 10);
    tl.sample(100, frame);
    expect(frame.count).toBe(3);
    expect(xOf(frame, 1)).toBe(3);
    tl.forget(2);
    tl.sample(110, frame);
    expect(frame.slotOf(2)).toBe(-1);
    expect(xOf(frame, 3)).toBe(30);
    tl.ingestSnapshot(snapshot(2, [{ n: 1, x: 3 }]), 50); // the worker's snapshots do not remove relay creatures
    tl.sample(120, frame);
    expect(frame.slotOf(3)).toBeGreaterThanOrEqual(0);
    tl.sample(10 + RELAY_TIMEOUT_MS + 1, frame);
    expect(frame.slotOf(3)).toBe(-1);
    expect(frame.count).toBe(1);
  });
});
