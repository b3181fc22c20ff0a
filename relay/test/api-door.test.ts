/**
 * The control API's HTTP door: a real relay, and socket.io clients standing in for game pages,
 * answering `api_request` the way src/net/api-server.ts does (in the ack, or by upload when big;
 * that file has its own tests, and e2e drives the real page). Here: tokens, scopes, picking the
 * page, and carrying calls and answers unchanged.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_REPLY_INLINE_MAX, API_REPLY_PATH, replyText, type ApiCall } from '../../src/protocol/net/api-forward.ts';
import type { ApiResponse } from '../../src/protocol/api.ts';
import { AccessTokens } from '../src/auth/access-tokens.ts';
import type { Scope } from '../src/auth/scopes.ts';
import { ask, client, guest, startRelay, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;
const pages: Client[] = [];

beforeAll(async () => { relay = await startRelay({ httpLimits: { perMinute: 10_000, writesPerMinute: 10_000 }, apiTimeoutMs: 400 }); });
afterAll(async () => { await relay.close(); });
afterEach(() => { for (const p of pages.splice(0)) p.disconnect(); });

const token = async (scopes: Scope[], now = Date.now, lifetimeSeconds = 600) =>
  (await new AccessTokens({ secret: relay.tokens.secret, now, lifetimeSeconds }).issue({ sub: 'user_7', username: 'tester', scopes })).token;

const call = async (method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(relay.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
};

/** A page serving the API with `answer`; resolves once the relay knows it. */
async function page(clientId: string, answer: (c: ApiCall) => ApiResponse | Promise<ApiResponse>): Promise<{ socket: Client; calls: ApiCall[] }> {
  const socket = await client(relay.url);
  pages.push(socket);
  const calls: ApiCall[] = [];
  socket.on('api_request', async (c, reply) => {
    calls.push(c);
    const res = await answer(c);
    const body = replyText(res.body, res.headers['content-type']);
    if (body.length <= API_REPLY_INLINE_MAX) return reply({ status: res.status, headers: res.headers, body });
    await fetch(`${relay.url}${API_REPLY_PATH}${c.request_id}`, {
      method: 'POST', headers: { 'x-reply-status': String(res.status), 'x-reply-headers': JSON.stringify(res.headers) }, body,
    });
    reply({ uploading: true });
  });
  // The page plays as user_7, the subject of the tokens the calls below carry: its owner may drive it.
  const auth = await ask(socket, 'authenticate', { ...guest(), client_id: clientId, token: await token(['read']) });
  expect(auth.ok).toBe(true);
  return { socket, calls };
}

const echo = (c: ApiCall): ApiResponse => ({
  status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_page', 'set-cookie': 'no=1' },
  body: { method: c.method, path: c.path, body: c.body ?? null, accept: c.headers.accept ?? null },
});

describe('the control API through the relay', () => {
  it('asks for a bearer token, and tells an expired one from a bad one (401, seed format)', async () => {
    await page('page_alpha1', echo);
    const none = await call('GET', '/player/position');
    expect(none.status).toBe(401);
    expect(none.json()).toMatchObject({ error: 'INVALID_TOKEN', status_code: 401, request_id: expect.stringMatching(/^req_/) });
    expect((await call('GET', '/player/position', { token: 'not.a.jwt' })).json().error).toBe('INVALID_TOKEN');
    const foreign = await new AccessTokens({ secret: new Uint8Array(32).fill(7) }).issue({ sub: 'x', username: 'x', scopes: ['admin'] });
    expect((await call('GET', '/player/position', { token: foreign.token })).json().error).toBe('INVALID_TOKEN');
    const old = await token(['read'], () => Date.now() - 3_600_000, 60);
    const expired = await call('GET', '/player/position', { token: old });
    expect(expired.status).toBe(401);
    expect(expired.json().error).toBe('TOKEN_EXPIRED');
  });

  it('forwards a call to the page and its answer back unchanged, bare and under /api/v2', async () => {
    const { calls } = await page('page_alpha1', echo);
    const read = await token(['read']);
    const bare = await call('GET', '/terrain/info?x=1&y=2&z=3', { token: read });
    expect(bare.status).toBe(200);
    expect(bare.json()).toEqual({ method: 'GET', path: '/terrain/info?x=1&y=2&z=3', body: null, accept: '*/*' });
    // The relay says where the time went: its own checks, then the wait for the page.
    expect(bare.headers.get('server-timing')).toMatch(/^relay;dur=\d+\.\d{3}, page;dur=\d+\.\d{3}$/);
    expect(bare.headers.get('x-request-id')).toBe('req_page');
    expect(bare.headers.get('set-cookie')).toBeNull();
    expect(bare.headers.get('x-ratelimit-limit')).toBe('10000');
    const write = await token(['write']);
    const v2 = await call('POST', '/api/v2/player/teleport', { token: write, body: { position: { x: 1, y: 2, z: 3 } }, headers: { accept: 'application/vnd.spacetime.v2+json' } });
    expect(v2.json()).toEqual({ method: 'POST', path: '/api/v2/player/teleport', body: { position: { x: 1, y: 2, z: 3 } }, accept: 'application/vnd.spacetime.v2+json' });
    expect(calls).toHaveLength(2);
  });

  it('refuses a route outside the token\'s scopes with 403 and never reaches the page', async () => {
    const { calls } = await page('page_alpha1', echo);
    const read = await token(['read']);
    const write = await token(['write']);
    expect((await call('POST', '/player/teleport', { token: read, body: {} })).status).toBe(403);
    const debug = await call('POST', '/debug/continue', { token: write, body: {} });
    expect(debug.status).toBe(403);
    expect(debug.json()).toMatchObject({ error: 'FORBIDDEN', status_code: 403 });
    expect(debug.json().message).toMatch(/debug scope/);
    expect(calls).toHaveLength(0);
    expect((await call('POST', '/debug/continue', { token: await token(['admin']), body: {} })).status).toBe(200);
    expect((await call('GET', '/scenes', { token: write })).status).toBe(200);
  });

  it('answers 503 with no page, 409 with two unnamed, and lets X-Spacetime-Client pick', async () => {
    const read = await token(['read']);
    const none = await call('GET', '/scenes', { token: read });
    expect(none.status).toBe(503);
    expect(none.json().error).toBe('SERVICE_UNAVAILABLE');
    const a = await page('page_alpha1', echo);
    const b = await page('page_bravo2', echo);
    const both = await call('GET', '/scenes', { token: read });
    expect(both.status).toBe(409);
    expect(both.json().message).toMatch(/page_alpha1.*page_bravo2|page_bravo2.*page_alpha1/);
    expect((await call('GET', '/scenes', { token: read, headers: { 'x-spacetime-client': 'page_bravo2' } })).status).toBe(200);
    expect([a.calls.length, b.calls.length]).toEqual([0, 1]);
    expect((await call('GET', '/scenes', { token: read, headers: { 'x-spacetime-client': 'page_zulu99' } })).status).toBe(404);
    expect((await call('GET', '/scenes', { token: read, headers: { 'x-spacetime-client': 'x' } })).status).toBe(400);
    b.socket.disconnect();
    await new Promise<void>((resolve) => { const t = setInterval(() => { if (relay.io.sockets.sockets.size === 1) { clearInterval(t); resolve(); } }, 5); });
    expect((await call('GET', '/scenes', { token: read })).status).toBe(200);
    expect(a.calls).toHaveLength(1);
  });

  it('lets a token drive only its own pages (admin tokens: any), hides the others, and keeps an id from being taken over', async () => {
    const { calls } = await page('page_alpha1', echo);
    const stranger = (await new AccessTokens({ secret: relay.tokens.secret }).issue({ sub: 'user_8', username: 'other', scopes: ['write'] })).token;
    const refused = await call('GET', '/scenes', { token: stranger });
    expect(refused.status).toBe(503);
    expect(refused.text).not.toContain('page_alpha1');
    expect((await call('GET', '/scenes', { token: stranger, headers: { 'x-spacetime-client': 'page_alpha1' } })).status).toBe(503);
    expect(calls).toHaveLength(0);
    const operator = (await new AccessTokens({ secret: relay.tokens.secret }).issue({ sub: 'operator', username: 'operator', scopes: ['admin'] })).token;
    expect((await call('GET', '/scenes', { token: operator })).status).toBe(200);
    // Another player's connection claiming the same client_id does not get its calls.
    const thief = await client(relay.url);
    pages.push(thief);
    let stolen = 0;
    thief.on('api_request', () => { stolen++; });
    expect((await ask(thief, 'authenticate', { ...guest(), client_id: 'page_alpha1', token: stranger })).ok).toBe(true);
    expect((await call('GET', '/scenes', { token: await token(['read']) })).status).toBe(200);
    expect(stolen).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it('carries an answer too big for a socket message by upload, whole', async () => {
    const big = 'x'.repeat(200_000);
    await page('page_alpha1', () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { format: 'png', data: big } }));
    const res = await call('GET', '/screenshot', { token: await token(['read']) });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ format: 'png', data: big });
    const stray = await fetch(`${relay.url}/api/reply/${'0'.repeat(32)}`, { method: 'POST', headers: { 'x-reply-status': '200' }, body: 'hi' });
    expect(stray.status).toBe(404);
  });

  it('answers 503 when the page does not answer in time, and 500 when it answers malformed', async () => {
    const quiet = await client(relay.url);
    pages.push(quiet);
    expect((await ask(quiet, 'authenticate', { ...guest(), client_id: 'page_quiet1', token: await token(['read']) })).ok).toBe(true);
    quiet.on('api_request', () => undefined);
    const late = await call('GET', '/scenes', { token: await token(['read']) });
    expect(late.status).toBe(503);
    expect(late.json().message).toMatch(/did not answer/);
    quiet.disconnect();
    const odd = await client(relay.url);
    pages.push(odd);
    expect((await ask(odd, 'authenticate', { ...guest(), client_id: 'page_odd111', token: await token(['read']) })).ok).toBe(true);
    odd.on('api_request', (_c, reply) => (reply as (a: unknown) => void)({ status: 'yes' }));
    await new Promise<void>((resolve) => { const t = setInterval(() => { if (relay.io.sockets.sockets.size === 1) { clearInterval(t); resolve(); } }, 5); });
    const malformed = await call('GET', '/scenes', { token: await token(['read']) });
    expect(malformed.status).toBe(500);
    expect(malformed.json().error).toBe('INTERNAL_ERROR');
  });

  it('spends per-subject budgets and one expensive operation a second per address (seed 000), answering 429', async () => {
    const tight = await startRelay({ httpLimits: { perMinute: 10_000, writesPerMinute: 10_000 }, callerLimits: { userPerMinute: 3, userWritesPerMinute: 1, expensivePerSecond: 1, expensiveWindowS: 600 } });
    try {
      const socket = await client(tight.url);
      pages.push(socket);
      socket.on('api_request', (_call, reply) => reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }));
      expect((await ask(socket, 'authenticate', { ...guest(), client_id: 'page_tight1' })).ok).toBe(true);
      // Admin tokens reach a guest's page; the budgets are still each subject's own.
      const issue = async (sub: string, scopes: Scope[]) => (await new AccessTokens({ secret: tight.tokens.secret }).issue({ sub, username: sub, scopes })).token;
      const at = (method: string, path: string, t: string) => fetch(tight.url + path, { method, headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      const a = await issue('user_a', ['admin']);
      expect((await at('GET', '/screenshot', a)).status).toBe(200);
      const second = await at('GET', '/screenshot', a);
      expect(second.status).toBe(429);
      expect(await second.json()).toMatchObject({ error: 'RATE_LIMIT_EXCEEDED', retry_after: expect.any(Number) });
      expect((await at('POST', '/player/teleport', a)).status).toBe(200);
      expect((await at('POST', '/player/teleport', a)).status).toBe(429);
      expect((await at('GET', '/scenes', a)).status).toBe(429);
      // Another subject has its own budget (the expensive one is the address's).
      const b = await issue('user_b', ['admin']);
      expect((await at('GET', '/scenes', b)).status).toBe(200);
      expect((await at('GET', '/screenshot', b)).status).toBe(429);
    } finally {
      await tight.close();
    }
  });

  it('keeps bare /status and /health the relay\'s own without a token, and the game\'s with one', async () => {
    await page('page_alpha1', echo);
    const own = await call('GET', '/status');
    expect(own.status).toBe(200);
    expect(own.json()).not.toHaveProperty('path');
    const game = await call('GET', '/status', { token: await token(['read']) });
    expect(game.json()).toMatchObject({ method: 'GET', path: '/status' });
    expect((await call('GET', '/api/v2/health')).status).toBe(401);
  });
});
