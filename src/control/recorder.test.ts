import { describe, expect, it } from 'vitest';
import { Recorder, applyRecordedInput } from './recorder.ts';
import { snapshotDifferences } from './snapshot-diff.ts';
import { createPlayerInput } from '../engine/player/player-state.ts';

describe('Recorder', () => {
  it('captures only while recording, and an input written back equals the one captured (NaN head yaw too)', () => {
    const r = new Recorder();
    const input = createPlayerInput();
    Object.assign(input, { moveX: 1, moveZ: -1, jump: true, lookYaw: 0.25, roll: -0.5 });
    r.capture(input, 1 / 60, false);
    r.arm('res://scenes/test_arena.tscn');
    expect(r.holdsSimulation).toBe(true);
    r.capture(input, 1 / 60, false);
    r.begin();
    r.capture(input, 1 / 60, true);
    r.call('POST', '/scene/load', {}, 'router');
    r.call('POST', '/player/teleport', { position: { x: 1, y: 2, z: 3 } }, 'router');
    r.call('POST', '/terrain/deform', { radius: 2 }, 'game');
    const rec = r.stop({});
    expect(rec.dt).toEqual([1 / 60]);
    expect(rec.calls.map((c) => [c.frame, c.path])).toEqual([[1, '/player/teleport'], [1, '/terrain/deform']]);
    const out = createPlayerInput();
    expect(applyRecordedInput(rec, 0, out)).toBe(true);
    expect(out).toEqual({ ...input, headYaw: NaN });
    expect(JSON.parse(JSON.stringify(rec))).toEqual(rec);
  });
});

describe('snapshotDifferences', () => {
  it('lists dotted paths of differing leaves and nothing for equal values', () => {
    expect(snapshotDifferences({ a: { b: 1, c: [1, 2] } }, { a: { b: 1, c: [1, 2] } })).toEqual([]);
    expect(snapshotDifferences({ a: { b: 1, c: [1, 2] }, d: 'x' }, { a: { b: 2, c: [1, 3] }, e: 'x' })).toEqual(['a.b', 'a.c.1', 'd', 'e']);
  });
});
