import { describe, expect, it } from 'vitest';
import { INTEREST_RADIUS_M } from '../../src/protocol/net/limits.ts';
import { createPose, readPose } from '../../src/protocol/net/pose-codec.ts';
import { InterestGrid } from '../src/socket/interest-grid.ts';
import { RateWindows, budgetsFrom } from '../src/socket/rate-window.ts';
import { RELAY_LIMITS } from '../../src/protocol/net/limits.ts';
import { peerIds, poseAt } from './helpers.ts';

function flushAll(grid: InterestGrid): Map<number, number[]> {
  const got = new Map<number, number[]>();
  grid.flush((receiver, buf, at) => got.set(receiver, peerIds(buf.subarray(at))), 7);
  return got;
}

describe('InterestGrid', () => {
  it('delivers only the players within the interest radius, each record stamped with its sender', () => {
    const grid = new InterestGrid(INTEREST_RADIUS_M);
    grid.write(1, poseAt(0, 10, 0, 77));
    grid.write(2, poseAt(100, 10, 0, 77)); // 100 m from 1
    grid.write(3, poseAt(0, 10, INTEREST_RADIUS_M + 5, 77)); // just out of 1's range, 164 m from 2
    grid.write(4, poseAt(3000, 10, 3000, 77)); // far away, alone
    const got = flushAll(grid);
    expect(got.get(1)?.sort()).toEqual([2]);
    expect(got.get(2)?.sort()).toEqual([1]);
    expect(got.has(3)).toBe(false);
    expect(got.has(4)).toBe(false);
  });

  it('sends only what changed since the last flush, and nothing once a player left', () => {
    const grid = new InterestGrid(INTEREST_RADIUS_M);
    grid.write(1, poseAt(0, 10, 0));
    grid.write(2, poseAt(10, 10, 0));
    flushAll(grid);
    grid.write(2, poseAt(11, 10, 0, 5, 1));
    expect(flushAll(grid)).toEqual(new Map([[1, [2]]]));
    expect(flushAll(grid).size).toBe(0);
    grid.remove(1);
    grid.write(2, poseAt(12, 10, 0, 5, 2));
    expect(flushAll(grid).size).toBe(0);
  });

  it('follows a player across cells', () => {
    const grid = new InterestGrid(INTEREST_RADIUS_M);
    grid.write(1, poseAt(0, 10, 0));
    grid.write(2, poseAt(1000, 10, 0));
    expect(flushAll(grid).size).toBe(0);
    grid.write(2, poseAt(20, 10, 0, 2, 1));
    expect(flushAll(grid)).toEqual(new Map([[1, [2]]]));
    const pose = createPose();
    expect(grid.read(2, pose)).toBe(true);
    expect(pose.x).toBeCloseTo(20, 2);
  });

  it('costs what the players in view cost, not the players in the world', () => {
    const grid = new InterestGrid(INTEREST_RADIUS_M);
    // Ten players together near the origin.
    for (let p = 1; p <= 10; p++) grid.write(p, poseAt(p, 10, 0));
    flushAll(grid);
    grid.write(1, poseAt(1, 10, 1, 1, 1));
    flushAll(grid);
    const alone = grid.lastCandidates;
    // 2000 more players spread far from the group.
    for (let p = 11; p <= 2010; p++) grid.write(p, poseAt(-3500 + (p % 50) * 140, 10, 1000 + Math.floor(p / 50) * 60));
    flushAll(grid);
    grid.write(1, poseAt(1, 10, 2, 1, 2));
    flushAll(grid);
    expect(grid.lastCandidates).toBe(alone);
    expect(alone).toBe(9);
  });

  it('keeps VR records whole (32 bytes) and overwrites the claimed id', () => {
    const grid = new InterestGrid(INTEREST_RADIUS_M);
    const vr = new Uint8Array(32);
    vr.set(poseAt(5, 10, 5, 4242));
    vr[14] |= 2;
    grid.write(7, vr);
    grid.write(8, poseAt(0, 10, 0));
    let records: Buffer | undefined;
    grid.flush((receiver, buf, at) => { if (receiver === 8) records = buf.subarray(at); });
    expect(records?.byteLength).toBe(32);
    const pose = createPose();
    readPose(new DataView(records!.buffer, records!.byteOffset, 32), 0, pose);
    expect(pose.id).toBe(7);
    expect(pose.vr).toBe(true);
  });
});

describe('RateWindows', () => {
  it('refuses past the budget and allows again once the window slid past', () => {
    const rates = new RateWindows(budgetsFrom({ ...RELAY_LIMITS, chatPerMinute: 3 }), 0);
    expect([1, 2, 3, 4].map(() => rates.take('chat', 1000))).toEqual([true, true, true, false]);
    // Half a window later, half of the previous window still counts.
    expect(rates.take('chat', 90_000)).toBe(true);
    expect(rates.take('chat', 90_000)).toBe(false);
    expect(rates.take('chat', 200_000)).toBe(true);
  });
});
