/**
 * The relay's /telemetry door with a plain `ws` client and a socket.io client standing in for a
 * page's hub (the real hub and page are driven by e2e): token checks, the channel both ways,
 * binary packets, and closing on either side.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AccessTokens } from '../src/auth/access-tokens.ts';
import type { Scope } from '../src/auth/scopes.ts';
import { ask, client, guest, send, startRelay, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;
const open: Array<Client | WebSocket> = [];

beforeAll(async () => { relay = await startRelay({ telemetryPort: 0 }); });
afterAll(async () => { await relay.close(); });
afterEach(() => {
  for (const x of open.splice(0)) {
    if (x instanceof WebSocket) x.terminate();
    else x.disconnect();
  }
});

const token = async (scopes: Scope[]) => (await new AccessTokens({ secret: relay.tokens.secret }).issue({ sub: 'user_5', username: 'u', scopes })).token;

/** A page whose "hub" records what it is sent and answers a ping with a pong on the channel. */
async function page(clientId: string) {
  const socket = await client(relay.url);
  open.push(socket);
  const got: Array<{ event: string; payload: { channel: number; message?: unknown } }> = [];
  for (const event of ['telemetry_open', 'telemetry_in', 'telemetry_close'] as const) {
    socket.on(event, (payload: { channel: number; message?: unknown }) => {
      got.push({ event, payload });
      if (event === 'telemetry_in' && (payload.message as { type?: string }).type === 'ping') {
        send(socket, 'telemetry_out', { channel: payload.channel, message: { type: 'pong', timestamp: 'now' } });
      }
    });
  }
  // The page plays as user_5, the subject of the clients' tokens: its owner may stream from it.
  expect((await ask(socket, 'authenticate', { ...guest(), client_id: clientId, token: await token(['read']) })).ok).toBe(true);
  return { socket, got };
}

/** A telemetry client with a queue of what it receives, text parsed. */
async function tclient(url = relay.url.replace('http', 'ws') + '/telemetry') {
  const ws = new WebSocket(url);
  open.push(ws);
  const inbox: unknown[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data, binary) => { inbox.push(binary ? new Uint8Array(data as Buffer) : JSON.parse(String(data))); waiters.splice(0).forEach((w) => w()); });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever arrived
  const next = async (): Promise<any> => {
    while (inbox.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    return inbox.shift();
  };
  return { ws, next, closed, say: (m: unknown) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)) };
}

const until = async (cond: () => boolean) => { while (!cond()) await new Promise((r) => setTimeout(r, 5)); };

describe('the relay\'s telemetry WebSocket', () => {
  it('asks for auth first, refuses bad tokens with auth_failed, and answers ping and bad JSON itself', async () => {
    await page('page_tele01');
    const t = await tclient();
    t.say({ type: 'ping' });
    expect(await t.next()).toMatchObject({ type: 'pong' });
    t.say({ type: 'subscribe', events: ['fps'] });
    expect(await t.next()).toMatchObject({ type: 'error', code: 'INVALID_TOKEN' });
    t.say('{not json');
    expect(await t.next()).toMatchObject({ type: 'error', code: 'INVALID_PARAMETER' });
    t.say({ type: 'auth', token: 'nope' });
    expect(await t.next()).toMatchObject({ type: 'auth_failed', reason: expect.any(String) });
    t.say({ type: 'auth', token: await token(['debug']) });
    expect(await t.next()).toMatchObject({ type: 'auth_failed', reason: expect.stringMatching(/read scope/) });
  });

  it('carries messages both ways on one channel, binary packets included, and closes it from either side', async () => {
    const p = await page('page_tele01');
    const t = await tclient();
    t.say({ type: 'auth', token: await token(['read']) });
    const ok = await t.next();
    expect(ok).toMatchObject({ type: 'auth_success', client_id: expect.stringMatching(/^telemetry_\d+$/) });
    await until(() => p.got.some((g) => g.event === 'telemetry_open'));
    const channel = p.got[0].payload.channel;
    t.say({ type: 'subscribe', events: ['fps'] });
    t.say({ type: 'ping' });
    expect(await t.next()).toMatchObject({ type: 'pong' });
    expect(p.got.filter((g) => g.event === 'telemetry_in').map((g) => g.payload.message)).toEqual([{ type: 'subscribe', events: ['fps'] }, { type: 'ping' }]);
    send(p.socket, 'telemetry_out', { channel, packet: new Uint8Array([1, 2, 3]) });
    expect(Array.from(await t.next())).toEqual([1, 2, 3]);
    // Another page cannot write to this channel.
    const other = await page('page_tele02');
    const refused = new Promise((resolve) => other.socket.once('error', resolve));
    send(other.socket, 'telemetry_out', { channel, message: { type: 'pong' } });
    expect(await refused).toMatchObject({ code: 'PERMISSION_DENIED' });
    // The client leaves: the page is told, and what the page still sends on that channel is dropped quietly.
    t.ws.close();
    await until(() => p.got.some((g) => g.event === 'telemetry_close'));
    let refusedLate = false;
    p.socket.once('error', () => { refusedLate = true; });
    send(p.socket, 'telemetry_out', { channel, message: { type: 'event' } });
    expect((await ask(p.socket, 'debug_mode', { enabled: false })).ok).toBe(true);
    expect(refusedLate).toBe(false);
    // The page closes a second client's channel: the client is closed.
    other.socket.disconnect();
    const t2 = await tclient();
    t2.say({ type: 'auth', token: await token(['read']) });
    expect(await t2.next()).toMatchObject({ type: 'auth_success' });
    await until(() => p.got.filter((g) => g.event === 'telemetry_open').length === 2);
    send(p.socket, 'telemetry_close', { channel: p.got.filter((g) => g.event === 'telemetry_open')[1].payload.channel });
    expect(await t2.closed).toBe(1000);
  });

  it('closes a client when its page leaves, and says so when there is no page', async () => {
    const p = await page('page_tele01');
    const t = await tclient(`ws://127.0.0.1:${relay.telemetryPort}/anything?client=page_tele01`);
    t.say({ type: 'auth', token: await token(['admin']) });
    expect(await t.next()).toMatchObject({ type: 'auth_success' });
    p.socket.disconnect();
    expect(await t.next()).toMatchObject({ type: 'error', code: 'SERVICE_UNAVAILABLE' });
    expect(await t.closed).toBe(1001);
    await until(() => relay.io.sockets.sockets.size === 0);
    const lonely = await tclient();
    lonely.say({ type: 'auth', token: await token(['read']) });
    expect(await lonely.next()).toMatchObject({ type: 'error', code: 'SERVICE_UNAVAILABLE' });
    expect(await lonely.closed).toBe(1013);
  });
});
