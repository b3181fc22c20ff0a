import { describe, expect, it } from 'vitest';
import { EditSequencer } from './edit-sequencer.ts';
import type { SequencedEdit } from '../protocol/net/events.ts';
import { relayError, type Ack, type RelayError } from '../protocol/net/errors.ts';

const edit = (seq: number, player = 'other'): SequencedEdit => ({
  edit_seq: seq, player_id: player, position: { x: seq, y: 0, z: 0 }, radius: 2, strength: 1, operation: 'remove',
});

const settle = () => new Promise((r) => setTimeout(r, 0));
type EditsAck = Ack<{ edits: readonly SequencedEdit[]; edit_seq: number }>;

/** A sequencer whose requests stay open until the test answers them, oldest first. */
function setup() {
  const applied: number[] = [];
  const asked: number[] = [];
  const refusals: RelayError[] = [];
  const open: Array<(a: EditsAck) => void> = [];
  const seq = new EditSequencer<string>({
    // The edit's x carries its seq, so the test sees which edit the replicas got, in what order.
    apply: async (e, s) => { applied.push(e.position.x); return `applied ${s}`; },
    request: (since) => { asked.push(since); return new Promise((resolve) => open.push(resolve)); },
    refused: (error) => void refusals.push(error),
  });
  /** The relay answers the oldest open request, and the sequencer acts on the answer. */
  const reply = async (ack: EditsAck) => { open.shift()!(ack); await settle(); };
  const answer = (seqs: number[], editSeq: number) => reply({ ok: true, value: { edits: seqs.map((s) => edit(s)), edit_seq: editSeq } });
  const refuse = () => reply({ ok: false, error: relayError('RESYNC_REQUIRED', 'folded') });
  return { seq, applied, asked, refusals, answer, refuse };
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

  it('a gap asks once for the edits since the last applied; the answer fills it', async () => {
    const { seq, applied, asked, answer } = setup();
    seq.startAt(0);
    seq.receive(edit(3));
    seq.receive(edit(4));
    expect(asked).toEqual([0]);
    expect(applied).toEqual([]);
    await answer([1, 2, 3, 4], 4);
    expect(applied).toEqual([1, 2, 3, 4]);
    // A new gap later is asked for again.
    seq.receive(edit(6));
    expect(asked).toEqual([0, 4]);
  });

  it('asks on past a capped answer; a broadcast during the next request joins it: each range asked once', async () => {
    const { seq, applied, asked, answer } = setup();
    seq.startAt(0);
    const caughtUp = seq.catchUp();
    expect(asked).toEqual([0]);
    await answer([1, 2, 3], 7); // capped short of the world's edit_seq
    expect(asked).toEqual([0, 3]);
    // Edit 9 is broadcast while 4.. is being asked for (8 is lost): no second request beside it.
    seq.receive(edit(9));
    expect(asked).toEqual([0, 3]);
    await answer([4, 5, 6, 7], 7);
    // The answer ends at 7 but 9 is known: ask on from 7, once.
    expect(asked).toEqual([0, 3, 7]);
    await answer([8, 9], 9);
    expect(await caughtUp).toBeNull();
    expect(asked).toEqual([0, 3, 7]);
    expect(applied).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a gap seen from a broadcast while a catch-up is in flight starts no second request', async () => {
    const { seq, applied, asked, answer } = setup();
    seq.startAt(0);
    const caughtUp = seq.catchUp();
    seq.receive(edit(5));
    seq.receive(edit(6));
    const joined = seq.catchUp(); // a resume asking meanwhile joins the request in flight too
    expect(asked).toEqual([0]);
    await answer([1, 2, 3], 3);
    expect(asked).toEqual([0, 3]);
    await answer([4, 5, 6], 6);
    expect([await caughtUp, await joined]).toEqual([null, null]);
    expect(asked).toEqual([0, 3]);
    expect(applied).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('while holding, catches up from the snapshots\' seq past a capped answer; startAt applies it in order', async () => {
    const { seq, applied, asked, answer } = setup();
    seq.hold();
    const caughtUp = seq.catchUp(10);
    await answer([11, 12], 14);
    expect(asked).toEqual([10, 12]);
    expect(applied).toEqual([]);
    seq.startAt(10);
    expect(applied).toEqual([11, 12]);
    await answer([13, 14], 14);
    expect(await caughtUp).toBeNull();
    expect(applied).toEqual([11, 12, 13, 14]);
  });

  it('a refused gap ask goes to refused and is not repeated; a catch-up\'s own refusal goes to its caller', async () => {
    const { seq, asked, refusals, refuse } = setup();
    seq.startAt(0);
    seq.receive(edit(3));
    await refuse();
    expect(refusals.map((e) => e.code)).toEqual(['RESYNC_REQUIRED']);
    seq.receive(edit(4));
    expect(asked).toEqual([0]);
    const caughtUp = seq.catchUp();
    expect(asked).toEqual([0, 0]);
    await refuse();
    expect((await caughtUp)?.code).toBe('RESYNC_REQUIRED');
    expect(refusals).toHaveLength(1);
  });

  it('drops the answer to an ask made before the world was left', async () => {
    const { seq, applied, asked, answer } = setup();
    seq.startAt(0);
    seq.receive(edit(3));
    seq.abandon();
    seq.startAt(0);
    await answer([1, 2, 3], 3);
    expect(applied).toEqual([]);
    seq.receive(edit(2)); // the new start asks for its own gaps
    expect(asked).toEqual([0, 0]);
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
