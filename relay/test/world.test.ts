import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChunkPayload, SequencedEdit } from '../../src/protocol/net/events.ts';
import { CHECKSUM_SAMPLE } from '../../src/protocol/net/limits.ts';
import type { BrushEdit } from '../../src/protocol/terrain.ts';
import { surfaceEdits } from '../src/test/fixtures.ts';
import { ask, disconnectAll, next, peerIds, player, poseAt, send, startRelay, tempDataDir, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
const data = tempDataDir();
let relay: Relay;
const open: Client[] = [];
const track = <T extends { socket: Client }>(p: T): T => { open.push(p.socket); return p; };

// Edits are sent back to back here; the per-connection edit budget is not what these tests check.
// Creative (a sandbox): these tests build terrain without digging soil first; base.test.ts covers what building costs.
beforeAll(async () => { relay = await startRelay({ dataDir: data.dir, limits: { editsPerSecond: 1000 }, creative: true }); });
afterEach(() => disconnectAll(relay, open));
afterAll(async () => { await relay.close(); data.remove(); });

describe('relay worlds', () => {
  it('joins the default world; each sees the other come online', async () => {
    const a = track(await player(relay.url, 'Ana'));
    expect(a.join.world).toMatchObject({ world_name: 'Default world', seed: 1337, players_online: 1 });
    expect(a.join.peer_id).toBeGreaterThan(0);
    const online = next(a.socket, 'user_online');
    const b = track(await player(relay.url, 'Bo'));
    expect(await online).toMatchObject({ name: 'Bo', peer_id: b.join.peer_id, user_id: b.identity.guest_id });
    expect(b.join.players).toEqual([expect.objectContaining({ name: 'Ana', peer_id: a.join.peer_id })]);
    expect(b.join.peer_id).not.toBe(a.join.peer_id);
    const world = await (await fetch(`${relay.url}/worlds/${a.join.world.world_id}`)).json();
    expect(world.players_online).toBe(2);
    const offline = next(a.socket, 'user_offline');
    await disconnectAll(relay, [b.socket]);
    expect(await offline).toMatchObject({ user_id: b.identity.guest_id, peer_id: b.join.peer_id });
  });

  it('relays poses only to players in range, stamped with the sender peer id', async () => {
    const a = track(await player(relay.url, 'Near1'));
    const b = track(await player(relay.url, 'Near2'));
    const c = track(await player(relay.url, 'Far1'));
    const d = track(await player(relay.url, 'Far2'));
    const got = new Map<Client, number[][]>([[a.socket, []], [b.socket, []]]);
    for (const [s, list] of got) s.on('sync_player_position', (r) => list.push(peerIds(r as Uint8Array)));
    // Positions known to the relay: A hears B once B's pose is in, D hears C once C's is in.
    const aHearsB = next(a.socket, 'sync_player_position');
    send(a.socket, 'sync_player_position', poseAt(0, 20, 0));
    send(b.socket, 'sync_player_position', poseAt(30, 20, 0, 4242));
    expect(peerIds((await aHearsB) as Uint8Array)).toEqual([b.join.peer_id]);
    const dHearsC = next(d.socket, 'sync_player_position');
    send(d.socket, 'sync_player_position', poseAt(2000, 20, 2000));
    send(c.socket, 'sync_player_position', poseAt(2010, 20, 2000));
    expect(peerIds((await dHearsC) as Uint8Array)).toEqual([c.join.peer_id]);
    // A moves: B hears it; B never heard the far pair.
    const bHearsA = next(b.socket, 'sync_player_position');
    send(a.socket, 'sync_player_position', poseAt(1, 20, 0, 0, 1));
    expect(peerIds((await bHearsA) as Uint8Array)).toEqual([a.join.peer_id]);
    const heard = [...got.values()].flat(2);
    expect(heard).not.toContain(c.join.peer_id);
    expect(heard).not.toContain(d.join.peer_id);
  });

  it('acknowledges an edit with its sequence number and broadcasts it to everyone, the sender included', async () => {
    const a = track(await player(relay.url, 'Digger'));
    const b = track(await player(relay.url, 'Watcher'));
    const [edit] = surfaceEdits(1337, 1);
    const seenA = next(a.socket, 'sync_terrain_deform');
    const seenB = next(b.socket, 'sync_terrain_deform');
    const ack = await ask<{ edit_seq: number }>(a.socket, 'sync_terrain_deform', edit);
    expect(ack).toEqual({ ok: true, value: { edit_seq: a.join.edit_seq + 1 } });
    const expected: Partial<SequencedEdit> = { edit_seq: a.join.edit_seq + 1, player_id: a.identity.guest_id, operation: edit.operation, radius: edit.radius };
    expect(await seenA).toMatchObject(expected);
    expect(await seenB).toMatchObject(expected);
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(/relay_edit_ack_seconds_count [1-9]/);
  });

  it('catches a late joiner up from the join manifest and the log', async () => {
    const a = track(await player(relay.url, 'Early'));
    for (const edit of surfaceEdits(1337, 3)) expect((await ask(a.socket, 'sync_terrain_deform', edit)).ok).toBe(true);
    const late = track(await player(relay.url, 'Late'));
    expect(late.join.edit_seq).toBeGreaterThanOrEqual(4);
    const caught = await ask<{ edits: SequencedEdit[]; edit_seq: number }>(late.socket, 'request_terrain_edits', { since_seq: late.join.folded_seq });
    expect(caught.ok).toBe(true);
    if (!caught.ok) return;
    // Snapshots up to folded_seq plus the log after it cover every edit.
    expect(caught.value.edits.map((e) => e.edit_seq)).toEqual(range(late.join.folded_seq + 1, late.join.edit_seq));
    if (late.join.folded_seq > 0) expect(late.join.edited_chunks.length).toBeGreaterThan(0);
  });

  it('pushes POST /terrain/sync chunks to the other clients and repairs a reported mismatch', async () => {
    const a = track(await player(relay.url, 'Syncer'));
    const b = track(await player(relay.url, 'Other'));
    // Only sampled edits (edit_seq % CHECKSUM_SAMPLE === 0) keep hashes the relay can judge.
    let sampled: { edit: BrushEdit; seq: number } | null = null;
    for (const edit of surfaceEdits(1337, CHECKSUM_SAMPLE * 2)) {
      const ack = await ask<{ edit_seq: number }>(a.socket, 'sync_terrain_deform', edit);
      if (!ack.ok) throw new Error(`edit refused: ${ack.error.error}`);
      if (ack.value.edit_seq % CHECKSUM_SAMPLE === 0) { sampled = { edit, seq: ack.value.edit_seq }; break; }
    }
    if (!sampled) throw new Error('no sampled edit');
    const p = sampled.edit.position;
    const coords = { x: Math.floor(p.x / 32), y: Math.floor(p.y / 32), z: Math.floor(p.z / 32) };
    const atB = next(b.socket, 'receive_terrain_chunk');
    const sync = await ask<{ synced_to_clients: number; checksum: string }>(a.socket, 'terrain_sync', { chunk_coords: coords });
    expect(sync).toMatchObject({ ok: true, value: { synced_to_clients: 1, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect((await atB) as ChunkPayload).toMatchObject({ chunk_coords: coords, reason: 'sync' });
    const repair = next(a.socket, 'receive_terrain_chunk');
    send(a.socket, 'report_chunk_checksums', { edit_seq: sampled.seq, chunks: [{ chunk_coords: coords, checksum: '0'.repeat(64) }] });
    expect(await repair).toMatchObject({ chunk_coords: coords, reason: 'repair' });
    expect(await (await fetch(`${relay.url}/metrics`)).text()).toMatch(/relay_checksum_mismatches_total [1-9]/);
  });

  it('restores saved player state and keeps chat history', async () => {
    const a = track(await player(relay.url, 'Saver'));
    const state = { position: { x: 5, y: 40, z: -7 }, rotation: { x: 0, y: 1.5, z: 0 }, health: 80, oxygen: 55, mode: 'walking' as const };
    expect(await ask(a.socket, 'save_player_state', state)).toEqual({ ok: true, value: { saved: true } });
    expect((await ask(a.socket, 'chat_message', { text: 'remember me' })).ok).toBe(true);
    expect(await ask(a.socket, 'leave_world', {})).toEqual({ ok: true, value: { left: true } });
    const back = await ask<import('../../src/protocol/net/events.ts').JoinResult>(a.socket, 'join_world', {});
    if (!back.ok) throw new Error('rejoin refused');
    expect(back.value.player_state).toMatchObject({ position: state.position, health: 80, mode: 'walking' });
    expect(back.value.chat.at(-1)).toMatchObject({ text: 'remember me', name: 'Saver' });
  });
});

describe('relay restart', () => {
  it('keeps the world, its edits and its chunks on the same data directory', async () => {
    const dir = tempDataDir();
    let first = await startRelay({ dataDir: dir.dir, hubTuning: { foldEveryEdits: 1 }, creative: true });
    const a = await player(first.url, 'Persist');
    const edits = surfaceEdits(1337, 3);
    let last = 0;
    for (const edit of edits) {
      const ack = await ask<{ edit_seq: number }>(a.socket, 'sync_terrain_deform', edit);
      if (ack.ok) last = ack.value.edit_seq;
    }
    await disconnectAll(first, [a.socket]);
    await first.close();
    first = await startRelay({ dataDir: dir.dir, creative: true });
    try {
      const b = await player(first.url, 'Returner');
      expect(b.join.world.world_id).toBe(a.join.world.world_id);
      expect(b.join.edit_seq).toBe(last);
      expect(b.join.edited_chunks.length).toBeGreaterThan(0);
      const [{ chunk_coords, checksum }] = b.join.edited_chunks;
      const chunk = next(b.socket, 'receive_terrain_chunk');
      expect(await ask(b.socket, 'request_terrain_chunk', { chunk_coords })).toEqual({ ok: true, value: { queued: true } });
      expect(await chunk).toMatchObject({ chunk_coords, checksum, reason: 'requested' });
      await disconnectAll(first, [b.socket]);
    } finally {
      await first.close();
      dir.remove();
    }
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
