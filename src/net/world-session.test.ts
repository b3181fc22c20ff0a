import { describe, expect, it } from 'vitest';
import { createNetStore } from '../state/net-store.ts';
import type { ChunkCoords, JoinResult, SequencedEdit } from '../protocol/net/events.ts';
import type { RelaySocket } from './ack.ts';
import type { EditOutcome } from '../protocol/terrain.ts';
import type { Applied, TerrainReplica } from './terrain-replica.ts';
import { WorldSession } from './world-session.ts';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A relay in memory: answers join_world, request_terrain_chunk (chunk first, then the ack) and request_terrain_edits. */
function fakeRelay(join: JoinResult, edits: SequencedEdit[], cap = Infinity) {
  const handlers = new Map<string, (payload: unknown) => void>();
  const log: string[] = [];
  const socket = {
    connected: true,
    on(event: string, h: (payload: unknown) => void) { handlers.set(event, h); },
    timeout() { return socket; },
    emit(event: string, payload: unknown, cb: (err: Error | null, ack: unknown) => void) {
      log.push(event);
      setTimeout(() => {
        if (event === 'join_world') cb(null, { ok: true, value: join });
        else if (event === 'request_terrain_chunk') {
          const c = (payload as { chunk_coords: ChunkCoords }).chunk_coords;
          handlers.get('receive_terrain_chunk')!({ chunk_coords: c, data: new Uint8Array([c.x]), checksum: '', edit_seq: join.folded_seq, reason: 'requested' });
          cb(null, { ok: true, value: { queued: true } });
        } else if (event === 'request_terrain_edits') {
          const since = (payload as { since_seq: number }).since_seq;
          cb(null, { ok: true, value: { edits: edits.filter((e) => e.edit_seq > since).slice(0, cap), edit_seq: join.edit_seq } });
        }
        else cb(null, { ok: true, value: {} });
      });
    },
  };
  return { socket: socket as unknown as RelaySocket, log };
}

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
    const edit = (seq: number): SequencedEdit => ({ edit_seq: seq, player_id: 'q', position: { x: seq, y: 0, z: 0 }, radius: 2, strength: 1, operation: 'remove' });
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
    const join = { world: { world_id: 1 }, player_id: 'p', folded_seq: 0, edit_seq: 7, edited_chunks: [], player_state: null } as unknown as JoinResult;
    const edit = (seq: number): SequencedEdit => ({ edit_seq: seq, player_id: 'q', position: { x: seq, y: 0, z: 0 }, radius: 2, strength: 1, operation: 'remove' });
    const { socket, log } = fakeRelay(join, [1, 2, 3, 4, 5, 6, 7].map(edit), 3);
    const { ops, replica } = recordingReplica();
    const session = new WorldSession(createNetStore(), replica, () => {});
    session.bind(socket);
    await session.joinWorld(socket, 1);
    await session.enter(0, 0);
    for (let i = 0; i < 10; i++) await flush();
    expect(log.filter((e) => e === 'request_terrain_edits')).toHaveLength(3);
    expect(ops).toEqual([1, 2, 3, 4, 5, 6, 7].map((x) => `edit ${x}`));
    expect(session.sequencer.applied).toBe(7);
  });
});
