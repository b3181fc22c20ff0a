import { describe, expect, it } from 'vitest';
import { createNetStore } from '../state/net-store.ts';
import type { ChunkCoords, JoinResult, SequencedEdit } from '../protocol/net/events.ts';
import type { RelaySocket } from './ack.ts';
import { relayError } from '../protocol/net/errors.ts';
import type { EditOutcome } from '../protocol/terrain.ts';
import type { Applied, TerrainReplica } from './terrain-replica.ts';
import { WorldSession } from './world-session.ts';

const flush = () => new Promise((r) => setTimeout(r, 0));

/**
 * A relay in memory: answers join_world, request_terrain_chunk (chunk first, then the ack) and
 * request_terrain_edits (`since` logs each one's since_seq; `refuse` makes it answer RESYNC_REQUIRED;
 * `onEdits` runs as a request arrives, before its answer).
 */
function fakeRelay(join: JoinResult, edits: SequencedEdit[], cap = Infinity, hooks: { onEdits?: (since: number) => void } = {}) {
  const handlers = new Map<string, (payload: unknown) => void>();
  const log: string[] = [];
  const since: number[] = [];
  const relay = { refuse: false };
  const socket = {
    connected: true,
    on(event: string, h: (payload: unknown) => void) { handlers.set(event, h); },
    timeout() { return socket; },
    emit(event: string, payload: unknown, cb: (err: Error | null, ack: unknown) => void) {
      log.push(event);
      if (event === 'request_terrain_edits') {
        since.push((payload as { since_seq: number }).since_seq);
        hooks.onEdits?.(since.at(-1)!);
      }
      setTimeout(() => {
        if (event === 'join_world') cb(null, { ok: true, value: join });
        else if (event === 'request_terrain_chunk') {
          const c = (payload as { chunk_coords: ChunkCoords }).chunk_coords;
          handlers.get('receive_terrain_chunk')!({ chunk_coords: c, data: new Uint8Array([c.x]), checksum: '', edit_seq: join.folded_seq, reason: 'requested' });
          cb(null, { ok: true, value: { queued: true } });
        } else if (event === 'request_terrain_edits') {
          const from = (payload as { since_seq: number }).since_seq;
          const editSeq = Math.max(join.edit_seq, ...edits.map((e) => e.edit_seq));
          if (relay.refuse) cb(null, { ok: false, error: relayError('RESYNC_REQUIRED', 'folded') });
          else cb(null, { ok: true, value: { edits: edits.filter((e) => e.edit_seq > from).slice(0, cap), edit_seq: editSeq } });
        }
        else cb(null, { ok: true, value: {} });
      });
    },
  };
  /** The relay broadcasts an edit to the world. */
  const broadcast = (e: SequencedEdit) => handlers.get('sync_terrain_deform')!(e);
  return { socket: socket as unknown as RelaySocket, log, since, relay, broadcast };
}

const edit = (seq: number): SequencedEdit => ({ edit_seq: seq, player_id: 'q', position: { x: seq, y: 0, z: 0 }, radius: 2, strength: 1, operation: 'remove' });
const emptyJoin = (editSeq: number) => ({ world: { world_id: 1 }, player_id: 'p', folded_seq: 0, edit_seq: editSeq, edited_chunks: [], player_state: null }) as unknown as JoinResult;

/** Replicas that record what reaches them: `chunk <x>` for an install, `edit <x>` for an edit. */
function recordingReplica() {
  const ops: string[] = [];
  const applied: Applied<EditOutcome> = { result: { ok: true, value: { voxelsModified: 0, touched: [], sequence: 0 } }, landed: Promise.resolve() };
  const replica: TerrainReplica = {
    install: async (x) => (ops.push(`chunk ${x}`), applied),
    edit: async (e) => (ops.push(`edit ${e.position.x}`), applied),
    hash: async () => ({ ok: true, value: '' }),
  };
  return { ops, replica };
}

describe('WorldSession join', () => {
  it('fetches the snapshots from the join on, installs them only at enter(), before the edits after folded_seq, in order', async () => {
    const chunks = [1, 2, 3].map((x) => ({ chunk_coords: { x, y: 0, z: 0 }, checksum: '' }));
    const join = { world: { world_id: 1 }, player_id: 'p', folded_seq: 7, edit_seq: 9, edited_chunks: chunks, player_state: null } as unknown as JoinResult;
    const { socket, log } = fakeRelay(join, [edit(8), edit(9)]);
    const { ops, replica } = recordingReplica();
    const session = new WorldSession(createNetStore(), replica, () => {});
    session.bind(socket);
    await session.joinWorld(socket, 1);
    for (let i = 0; i < 10; i++) await flush();
    // Every snapshot arrived before the scene entered; nothing went to the replicas (the pool is reset first).
    expect(log.filter((e) => e === 'request_terrain_chunk')).toHaveLength(3);
    expect(ops).toEqual([]);
    await session.enter(0, 0);
    expect(ops).toEqual(['chunk 1', 'chunk 2', 'chunk 3', 'edit 8', 'edit 9']);
    // The edits are asked for only once every snapshot is in (the relay may fold again after that ask).
    expect(log.lastIndexOf('request_terrain_chunk')).toBeLessThan(log.indexOf('request_terrain_edits'));
    expect(log.filter((e) => e === 'join_world')).toHaveLength(1);
    expect(session.sequencer.applied).toBe(9);
  });

  it('asks on while the relay caps its answer short of edit_seq, until it has every edit', async () => {
    const { socket, log, since } = fakeRelay(emptyJoin(7), [1, 2, 3, 4, 5, 6, 7].map(edit), 3);
    const { ops, replica } = recordingReplica();
    const session = new WorldSession(createNetStore(), replica, () => {});
    session.bind(socket);
    await session.joinWorld(socket, 1);
    await session.enter(0, 0);
    for (let i = 0; i < 10; i++) await flush();
    expect(log.filter((e) => e === 'request_terrain_edits')).toHaveLength(3);
    expect(since).toEqual([0, 3, 6]);
    expect(ops).toEqual([1, 2, 3, 4, 5, 6, 7].map((x) => `edit ${x}`));
    expect(session.sequencer.applied).toBe(7);
  });

  it('a broadcast during a capped catch-up joins it: each range is asked for once', async () => {
    const edits = [1, 2, 3, 4, 5, 6, 7].map(edit);
    // While the relay is asked for the edits after 3, the world moves on to 9 and 9 is broadcast (8 is lost to us).
    const { socket, since, broadcast } = fakeRelay(emptyJoin(7), edits, 3, {
      onEdits: (from) => {
        if (from !== 3) return;
        edits.push(edit(8), edit(9));
        broadcast(edit(9));
      },
    });
    const { ops, replica } = recordingReplica();
    const session = new WorldSession(createNetStore(), replica, () => {});
    session.bind(socket);
    await session.joinWorld(socket, 1);
    await session.enter(0, 0);
    for (let i = 0; i < 10; i++) await flush();
    expect(since).toEqual([0, 3, 6]);
    expect(ops).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((x) => `edit ${x}`));
    expect(session.sequencer.applied).toBe(9);
  });
});

describe('WorldSession RESYNC_REQUIRED', () => {
  it('after a reconnect, or on a gap, the relay folding past us leads to a resync (detached)', async () => {
    const { socket, relay, broadcast } = fakeRelay(emptyJoin(2), [edit(1), edit(2)]);
    const { replica } = recordingReplica();
    let resyncs = 0;
    const session = new WorldSession(createNetStore(), replica, () => void resyncs++);
    session.bind(socket);
    await session.joinWorld(socket, 1);
    await session.enter(0, 0);
    relay.refuse = true;
    await session.resume(socket);
    expect([resyncs, session.attached]).toEqual([1, false]);
    // Entered again, a gap's ask refused the same way resyncs too.
    relay.refuse = false;
    await session.enter(0, 0);
    relay.refuse = true;
    broadcast(edit(5));
    for (let i = 0; i < 10; i++) await flush();
    expect([resyncs, session.attached]).toEqual([2, false]);
  });
});
