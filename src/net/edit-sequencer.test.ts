import { describe, expect, it } from 'vitest';
import { EditSequencer } from './edit-sequencer.ts';
import type { SequencedEdit } from '../protocol/net/events.ts';

const edit = (seq: number, player = 'other'): SequencedEdit => ({
  edit_seq: seq, player_id: player, position: { x: seq, y: 0, z: 0 }, radius: 2, strength: 1, operation: 'remove',
});

function setup() {
  const applied: number[] = [];
  const asked: number[] = [];
  const seq = new EditSequencer<string>({
    // The edit's x carries its seq, so the test sees which edit the replicas got, in what order.
    apply: async (e, s) => { applied.push(e.position.x); return `applied ${s}`; },
    requestSince: (since) => void asked.push(since),
  });
  return { seq, applied, asked };
}

describe('EditSequencer', () => {
  it('applies in edit_seq order, buffering early edits', () => {
    const { seq, applied, asked } = setup();
    seq.startAt(10);
    seq.receive(edit(11));
    seq.receive(edit(13));
    expect(applied).toEqual([11]);
    expect(seq.buffered).toBe(1);
    seq.receive(edit(12));
    expect(applied).toEqual([11, 12, 13]);
    expect(seq.applied).toBe(13);
    // Old and duplicate edits are ignored.
    seq.receive(edit(12));
    seq.receive(edit(5));
    expect(applied).toEqual([11, 12, 13]);
    expect(asked).toEqual([11]);
  });

  it('a gap asks once for the edits since the last applied; the answer fills it', () => {
    const { seq, applied, asked } = setup();
    seq.startAt(0);
    seq.receive(edit(3));
    seq.receive(edit(4));
    expect(asked).toEqual([0]);
    expect(applied).toEqual([]);
    seq.answered([edit(1), edit(2), edit(3)]);
    expect(applied).toEqual([1, 2, 3, 4]);
    // A new gap later is asked for again.
    seq.receive(edit(6));
    expect(asked).toEqual([0, 4]);
  });

  it('our own edit resolves when its broadcast is applied, whether the ack comes first or last', async () => {
    const { seq, applied } = setup();
    seq.self = 'me';
    seq.startAt(0);
    // Ack first: waits for the broadcast.
    const first = seq.acknowledged(1);
    let settled = false;
    void first.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    seq.receive(edit(1, 'me'));
    expect(await first).toBe('applied 1');
    // Broadcast first (the relay answered both at once): the ack finds it applied.
    seq.receive(edit(2, 'me'));
    expect(await seq.acknowledged(2)).toBe('applied 2');
    expect(applied).toEqual([1, 2]);
  });

  it('own edits folded into snapshots (a resync) resolve with null', async () => {
    const { seq } = setup();
    seq.startAt(0);
    const waiting = seq.acknowledged(5);
    seq.startAt(8);
    expect(await waiting).toBeNull();
    expect(await seq.acknowledged(3)).toBeNull();
  });

  it('runs an action pinned to a sequence number right after that edit, before the next', () => {
    const { seq, applied } = setup();
    const log: string[] = [];
    seq.startAt(0);
    expect(seq.at(2, () => log.push(`chunk at 2 after ${applied.join(',')}`))).toBe(true);
    seq.receive(edit(3));
    seq.receive(edit(1));
    expect(log).toEqual([]);
    seq.receive(edit(2));
    expect(log).toEqual(['chunk at 2 after 1,2']);
    expect(applied).toEqual([1, 2, 3]);
    // At the current seq: now. Behind it: refused (the caller asks again).
    expect(seq.at(3, () => log.push('now'))).toBe(true);
    expect(seq.at(1, () => log.push('late'))).toBe(false);
    expect(log).toEqual(['chunk at 2 after 1,2', 'now']);
  });

  it('holds everything while a join installs snapshots, then starts at the snapshots\' seq', () => {
    const { seq, applied, asked } = setup();
    const log: string[] = [];
    seq.startAt(50); // the previous world
    seq.hold();
    seq.receive(edit(12));
    seq.receive(edit(11));
    seq.receive(edit(9)); // folded into the snapshots
    expect(seq.at(12, () => log.push('repair at 12'))).toBe(true);
    expect(applied).toEqual([]);
    expect(asked).toEqual([]);
    seq.startAt(10);
    expect(applied).toEqual([11, 12]);
    expect(log).toEqual(['repair at 12']);
  });
});
