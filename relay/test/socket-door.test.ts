import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RelayError } from '../../src/protocol/net/errors.ts';
import { PROTOCOL_VERSION, RELAY_LIMITS } from '../../src/protocol/net/limits.ts';
import { WIRE_PARSER } from '../../src/protocol/net/wire.ts';
import { ask, client, disconnectAll, guest, next, player, send, startRelay, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;
const open: Client[] = [];
const track = <T extends { socket: Client } | Client>(c: T): T => { open.push('socket' in c ? c.socket : c); return c; };

beforeAll(async () => { relay = await startRelay({ limits: { chatPerMinute: 3, floodRefusalsPerMinute: 50, notificationsPerMinute: 2 } }); });
afterEach(() => disconnectAll(relay, open));
afterAll(async () => { await relay.close(); });

/** Every error event until `n` arrived. */
function errors(socket: Client, n: number): Promise<RelayError[]> {
  const got: RelayError[] = [];
  return new Promise((resolve) => {
    const on = (e: RelayError) => { got.push(e); if (got.length === n) { socket.off('error', on); resolve(got); } };
    socket.on('error', on);
  });
}

describe('relay socket door', () => {
  it('greets with connected, authenticates a guest (event and ack)', async () => {
    const socket = track(await client(relay.url));
    const identity = guest('Bea');
    const event = next(socket, 'authenticated');
    const ack = await ask(socket, 'authenticate', identity);
    expect(ack).toMatchObject({ ok: true, value: { user: { id: identity.guest_id, name: 'Bea', role: 'guest' }, socketId: socket.id } });
    expect(await event).toMatchObject({ user: { id: identity.guest_id } });
  });

  it('refuses another protocol version with a clear message', async () => {
    const socket = track(await client(relay.url));
    const authError = next(socket, 'authentication_error');
    const ack = await ask(socket, 'authenticate', { ...guest(), protocol_version: PROTOCOL_VERSION + 1 });
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe('PROTOCOL_MISMATCH');
    expect(ack.error.error).toMatch(/reload the page/);
    expect(await authError).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
    // Still connected and still able to authenticate properly.
    expect((await ask(socket, 'authenticate', guest())).ok).toBe(true);
  });

  it('refuses an oversized message with MESSAGE_TOO_LARGE and the connection stays usable', async () => {
    const { socket } = track(await player(relay.url, 'Cy'));
    const error = next(socket, 'error');
    const ack = await ask(socket, 'chat_message', { text: 'x'.repeat(RELAY_LIMITS.maxMessageBytes + 100) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'MESSAGE_TOO_LARGE' } });
    expect(await error).toMatchObject({ code: 'MESSAGE_TOO_LARGE', details: { limit: RELAY_LIMITS.maxMessageBytes } });
    const fine = await ask(socket, 'chat_message', { text: 'still here' });
    expect(fine).toMatchObject({ ok: true, value: { text: 'still here' } });
  });

  it('rate-limits chat with RATE_LIMITED and keeps only the accepted messages', async () => {
    const { socket, join } = track(await player(relay.url, 'Di'));
    const before = join.chat.length;
    const acks = [];
    for (let i = 0; i < 5; i++) acks.push(await ask(socket, 'chat_message', { text: `m${i}` }));
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, false, false]);
    expect(acks[3]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const again = track(await player(relay.url, 'Ed'));
    const texts = again.join.chat.map((m) => m.text);
    expect(texts.slice(-3)).toEqual(['m0', 'm1', 'm2']);
    expect(again.join.chat.length).toBe(Math.min(before + 3, 50));
  });

  it('refuses the 11th connection from one address with an error event', async () => {
    const sockets: Client[] = [];
    for (let i = 0; i < RELAY_LIMITS.connectionsPerIp; i++) sockets.push(track(await client(relay.url)));
    const { io } = await import('socket.io-client');
    const extra: Client = io(relay.url, { transports: ['websocket'], forceNew: true, reconnection: false, parser: WIRE_PARSER });
    track(extra);
    const [error, reason] = await Promise.all([next(extra, 'error'), new Promise((r) => extra.once('disconnect', r))]);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: RELAY_LIMITS.connectionsPerIp } });
    expect(reason).toBe('io server disconnect');
    // The ten are untouched.
    expect((await ask(sockets[0], 'authenticate', guest())).ok).toBe(true);
  });

  it('refuses a sixth connection authenticating as one identity, and takes it once one of the five left', async () => {
    const identity = guest('Tab');
    const sockets: Client[] = [];
    for (let i = 0; i < RELAY_LIMITS.connectionsPerUser; i++) {
      const s = track(await client(relay.url));
      expect((await ask(s, 'authenticate', identity)).ok).toBe(true);
      sockets.push(s);
    }
    const sixth = track(await client(relay.url));
    const refused = await ask(sixth, 'authenticate', identity);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { limit: RELAY_LIMITS.connectionsPerUser } } });
    // Refused, not dropped: the connection can still be someone else, and the five are untouched.
    expect((await ask(sixth, 'authenticate', guest('Other'))).ok).toBe(true);
    expect((await ask(sockets[0], 'join_world', {})).ok).toBe(true);
    const closed = new Promise((r) => sockets[4].once('disconnect', r));
    sockets[4].disconnect();
    await closed;
    const retry = track(await client(relay.url));
    await expect.poll(async () => (await ask(retry, 'authenticate', identity)).ok).toBe(true);
  });

  it('answers unknown events with UNKNOWN_EVENT', async () => {
    const socket = track(await client(relay.url));
    const ack = await ask(socket, 'make_me_admin', {});
    expect(ack).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT', details: { event: 'make_me_admin' } } });
  });

  it('refuses events that need a world or an identity, and poses before a join', async () => {
    const socket = track(await client(relay.url));
    expect(await ask(socket, 'join_world', {})).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    await ask(socket, 'authenticate', guest());
    expect(await ask(socket, 'chat_message', { text: 'hi' })).toMatchObject({ ok: false, error: { code: 'NOT_IN_WORLD' } });
    expect(await ask(socket, 'join_world', { world_id: 987654 })).toMatchObject({ ok: false, error: { code: 'WORLD_NOT_FOUND' } });
    const error = next(socket, 'error');
    send(socket, 'sync_player_position', new Uint8Array(16));
    expect(await error).toMatchObject({ code: 'NOT_IN_WORLD' });
  });

  it('answers malformed payloads of every event with VALIDATION_ERROR and changes nothing', async () => {
    const { socket, join } = track(await player(relay.url, 'Fe'));
    const bad: Array<[string, unknown]> = [
      ['authenticate', { protocol_version: 'one', guest_id: 'x', name: '' }],
      ['join_world', { world_id: -3 }],
      ['leave_world', { now: true }],
      ['sync_player_mode', { mode: 'flying' }],
      ['save_player_state', { position: { x: 0, y: 0 }, rotation: { x: 0, y: 0, z: 0 }, health: 1, oxygen: 1, mode: 'walking' }],
      ['sync_terrain_deform', { position: { x: 0, y: 0, z: 0 }, radius: 999, strength: 1, operation: 'remove' }],
      ['request_terrain_chunk', { chunk_coords: { x: 0.5, y: 0, z: 0 } }],
      ['request_terrain_edits', { since_seq: -1 }],
      ['report_chunk_checksums', { edit_seq: 1, chunks: [{ chunk_coords: { x: 0, y: 0, z: 0 }, checksum: 'nothex' }] }],
      ['terrain_sync', {}],
      ['chat_message', { text: '   ' }],
      ['typing_start', { thread_id: 4 }],
      ['typing_stop', 'stop'],
      ['notification_read', {}],
      ['debug_mode', { enabled: 'yes' }],
      ['sync_player_position', new Uint8Array(15)],
      ['sync_player_position', { x: 1 }],
    ];
    const all = errors(socket, bad.length);
    for (const [event, payload] of bad) send(socket, event, payload);
    const got = await all;
    expect(got.map((e) => e.code)).toEqual(bad.map(() => 'VALIDATION_ERROR'));
    for (const [i, [event]] of bad.entries()) expect(got[i].details.event).toBe(event);
    // Nothing changed: same world, no edit, still the same peer.
    const status = await (await fetch(`${relay.url}/worlds/${join.world.world_id}`)).json();
    expect(status.edit_seq).toBe(join.edit_seq);
    expect((await ask(socket, 'sync_player_mode', { mode: 'spacecraft' }))).toMatchObject({ ok: true, value: { mode: 'spacecraft' } });
  });

  it('disconnects a connection that keeps being refused (flood)', async () => {
    const socket = track(await client(relay.url));
    const gone = new Promise((r) => socket.once('disconnect', r));
    for (let i = 0; i < 60; i++) send(socket, 'nonsense', i);
    expect(await gone).toBe('io server disconnect');
    const other = track(await client(relay.url));
    expect((await ask(other, 'authenticate', guest())).ok).toBe(true);
  });

  it('sends a connection at most notificationsPerMinute notifications', async () => {
    const a = track(await player(relay.url, 'Ivy'));
    const got: string[] = [];
    a.socket.on('notification', (n) => got.push(n.message));
    for (const name of ['Jo', 'Kai', 'Lu']) track(await player(relay.url, name));
    // A round trip on a's socket: anything sent to it before the joins were acknowledged is in.
    expect((await ask(a.socket, 'debug_mode', { enabled: false })).ok).toBe(true);
    expect(got).toEqual(['Jo joined your world', 'Kai joined your world']);
  });

  it('marks a join notification read and streams debug figures on request', async () => {
    const a = track(await player(relay.url, 'Gus'));
    const note = next(a.socket, 'notification');
    track(await player(relay.url, 'Hal'));
    const n = await note;
    expect(n).toMatchObject({ type: 'player_joined', message: 'Hal joined your world', read: false });
    const updated = next(a.socket, 'notification_updated');
    send(a.socket, 'notification_read', { notification_id: n.id });
    expect(await updated).toMatchObject({ notification_id: n.id, read: true });
    const stats = next(a.socket, 'connection_stats');
    const memory = next(a.socket, 'memory_usage');
    const metrics = next(a.socket, 'event_metrics');
    expect(await ask(a.socket, 'debug_mode', { enabled: true })).toMatchObject({ ok: true, value: { enabled: true } });
    expect(await stats).toMatchObject({ active_connections: expect.any(Number), world_players: 2 });
    expect((await memory).heap_used_mb).toBeGreaterThan(0);
    expect((await metrics).by_event.join_world).toBeGreaterThan(0);
    expect(await ask(a.socket, 'debug_mode', { enabled: false })).toMatchObject({ ok: true, value: { enabled: false } });
  });
});
