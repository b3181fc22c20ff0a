/**
 * POST /batch on a real relay: operations run in order through the same doors a single call takes
 * (a stand-in page answers the control-API routes, the relay its own), each checked against the
 * token's scopes; whole-batch refusals run nothing; 10 batches a minute per IP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_REPLY_INLINE_MAX, API_REPLY_PATH, replyText, type ApiCall } from '../../src/protocol/net/api-forward.ts';
import type { ApiResponse } from '../../src/protocol/api.ts';
import { AccessTokens } from '../src/auth/access-tokens.ts';
import type { Scope } from '../src/auth/scopes.ts';
import type { RelayOptions } from '../src/server.ts';
import { ask, client, guest, startRelay, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;
const pages: Client[] = [];

const open = async (opts: RelayOptions = {}) => {
  relay = await startRelay({ httpLimits: { perMinute: 10_000, writesPerMinute: 10_000 }, apiTimeoutMs: 400, ...opts });
};
beforeEach(async () => { await open(); });
afterEach(async () => {
  for (const p of pages.splice(0)) p.disconnect();
  await relay.close();
});

const token = async (scopes: Scope[]) =>
  (await new AccessTokens({ secret: relay.tokens.secret }).issue({ sub: 'user_7', username: 'tester', scopes })).token;

interface Op { method: string; path: string; body?: unknown }
interface Result { index: number; status: number; headers: Record<string, string>; body: Record<string, unknown> & { error?: string } }

const post = async (body: unknown, opts: { token?: string; raw?: boolean; path?: string } = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(relay.url + (opts.path ?? '/batch'), { method: 'POST', headers, body: opts.raw ? String(body) : JSON.stringify(body) });
  const json = await res.json() as Record<string, unknown>;
  return { status: res.status, headers: res.headers, json, results: (json.results ?? []) as Result[] };
};
const batch = (operations: Op[], tok: string, path?: string) => post({ operations }, { token: tok, path });

/** A stand-in game page answering `api_request` with an echo of the call. */
async function page(clientId = 'page_alpha1'): Promise<ApiCall[]> {
  const socket = await client(relay.url);
  pages.push(socket);
  const calls: ApiCall[] = [];
  socket.on('api_request', (c, reply) => {
    calls.push(c);
    const res: ApiResponse = { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': `req_page${calls.length}` }, body: { method: c.method, path: c.path, body: c.body ?? null } };
    const body = replyText(res.body, res.headers['content-type']);
    if (body.length <= API_REPLY_INLINE_MAX) return reply({ status: res.status, headers: res.headers, body });
    // A big answer comes back by upload (POST /api/reply/:id), as a real page sends it.
    void fetch(`${relay.url}${API_REPLY_PATH}${c.request_id}`, {
      method: 'POST', headers: { 'x-reply-status': String(res.status), 'x-reply-headers': JSON.stringify(res.headers) }, body,
    }).then(() => reply({ uploading: true }));
  });
  // The page plays as user_7, the subject of the batches' tokens: its owner may drive it.
  expect((await ask(socket, 'authenticate', { ...guest(), client_id: clientId, token: await token(['read']) })).ok).toBe(true);
  return calls;
}

const worldCount = async () => (await (await fetch(`${relay.url}/worlds`)).json() as { count: number }).count;

describe('POST /batch', () => {
  it('refuses more than 50 operations with 400 in the seed format, running none', async () => {
    const calls = await page();
    const before = await worldCount();
    const ops: Op[] = Array.from({ length: 51 }, (_, i) => i % 2 ? { method: 'POST', path: '/worlds', body: { world_name: `w${i}`, seed: i } } : { method: 'GET', path: '/player/position' });
    const res = await batch(ops, await token(['admin']));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'INVALID_PARAMETER', status_code: 400, timestamp: expect.any(String), request_id: expect.stringMatching(/^req_/) });
    expect(String(res.json.message)).toMatch(/at most 50/);
    expect(calls).toHaveLength(0);
    expect(await worldCount()).toBe(before);
    // 50 is fine.
    const fifty = await batch(ops.slice(0, 50).map(() => ({ method: 'GET', path: '/worlds' })), await token(['read']));
    expect(fifty.status).toBe(200);
    expect(fifty.results).toHaveLength(50);
  });

  it('runs a mixed batch in order: a relay route, a page route, a refused one, a missing one, under /api/v2 too', async () => {
    const calls = await page();
    const write = await token(['write']);
    const ops: Op[] = [
      { method: 'POST', path: '/worlds', body: { world_name: 'Batch world', seed: 7 } },
      { method: 'POST', path: '/api/v2/player/teleport', body: { position: { x: 1, y: 2, z: 3 } } },
      { method: 'POST', path: '/debug/continue', body: {} },
      { method: 'GET', path: '/no/such/route' },
      { method: 'POST', path: '/webhooks', body: { url: 'https://example.invalid/hook', events: ['player_joined'] } },
      { method: 'GET', path: '/terrain/info?x=1&y=2&z=3' },
      { method: 'PUT', path: '/worlds' },
      { method: 'POST', path: '/player/teleport', body: { big: 'x'.repeat(100_000) } },
    ];
    for (const path of ['/batch', '/api/v2/batch']) {
      calls.length = 0;
      const res = await batch(ops, write, path);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe(res.json.request_id);
      const r = res.results;
      expect(r.map((x) => [x.index, x.status])).toEqual([[0, 201], [1, 200], [2, 403], [3, 404], [4, 403], [5, 200], [6, 405], [7, 200]]);
      expect(r[0].body).toMatchObject({ world_name: 'Batch world', seed: 7, world_id: expect.any(Number) });
      expect(r[1].body).toEqual({ method: 'POST', path: '/api/v2/player/teleport', body: { position: { x: 1, y: 2, z: 3 } } });
      expect(r[1].headers['x-request-id']).toBe('req_page1');
      expect(r[2].body).toMatchObject({ error: 'FORBIDDEN', status_code: 403 });
      expect(String(r[2].body.message)).toMatch(/debug scope/);
      expect(r[3].body).toMatchObject({ error: 'RESOURCE_NOT_FOUND' });
      // Webhooks make the relay call out: only admin tokens create them.
      expect(r[4].body).toMatchObject({ error: 'FORBIDDEN', status_code: 403 });
      expect(r[5].body).toEqual({ method: 'GET', path: '/terrain/info?x=1&y=2&z=3', body: null });
      expect(r[6].headers.allow).toMatch(/GET/);
      expect(r[7].body).toEqual({ method: 'POST', path: '/player/teleport', body: { big: 'x'.repeat(100_000) } }); // came back by upload
      // The page saw exactly the page operations, in order; the refused one never reached it.
      expect(calls.map((c) => c.path)).toEqual(['/api/v2/player/teleport', '/terrain/info?x=1&y=2&z=3', '/player/teleport']);
    }
  });

  it('asks for a bearer token, and gives a read-only token 403 for its write operations only', async () => {
    const calls = await page();
    const none = await post({ operations: [{ method: 'GET', path: '/player/position' }] });
    expect(none.status).toBe(401);
    expect(none.json.error).toBe('INVALID_TOKEN');
    const before = await worldCount();
    const res = await batch([
      { method: 'GET', path: '/player/position' },
      { method: 'POST', path: '/player/teleport', body: { position: { x: 0, y: 0, z: 0 } } },
      { method: 'GET', path: '/worlds' },
      { method: 'POST', path: '/worlds', body: { world_name: 'nope', seed: 1 } },
      { method: 'GET', path: '/webhooks' },
      { method: 'POST', path: '/webhooks', body: { url: 'https://example.invalid/h', events: ['player_left'] } },
    ], await token(['read']));
    expect(res.status).toBe(200);
    expect(res.results.map((r) => r.status)).toEqual([200, 403, 200, 403, 200, 403]);
    for (const i of [1, 3, 5]) expect(res.results[i].body).toMatchObject({ error: 'FORBIDDEN', message: expect.stringMatching(/write scope/) });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /player/position']);
    expect(await worldCount()).toBe(before);
  });

  it('refuses malformed batches whole, running nothing', async () => {
    const calls = await page();
    const tok = await token(['admin']);
    const bad = [
      await post('{"operations": [', { token: tok, raw: true }),
      await post({ operations: [] }, { token: tok }),
      await post({}, { token: tok }),
      await post({ operations: 'GET /worlds' }, { token: tok }),
      await post({ operations: [{ method: 'GET', path: '/worlds' }, { method: 'PATCH', path: '/worlds' }] }, { token: tok }),
      await post({ operations: [{ method: 'GET', path: 'worlds' }] }, { token: tok }),
      await post({ operations: [{ method: 'GET', path: '/player/position' }, { method: 'POST', path: '/batch', body: { operations: [] } }] }, { token: tok }),
      await post({ operations: [{ method: 'POST', path: '/api/v2/batch/' }] }, { token: tok }),
      await post({ operations: [{ method: 'POST', path: '/auth/login', body: { username: 'a', password: 'b' } }] }, { token: tok }),
      await post({ operations: [{ method: 'POST', path: '/api/reply/abc' }] }, { token: tok }),
    ];
    for (const b of bad) {
      expect(b.status).toBe(400);
      expect(b.json).toMatchObject({ error: expect.stringMatching(/^(INVALID|MISSING)_PARAMETER$/), status_code: 400 });
    }
    expect(String(bad[6].json.message)).toMatch(/operations\.1.*\/batch/);
    expect(calls).toHaveLength(0);
  });

  it('allows 10 batches a minute per IP, then 429 with retry_after; operations spend no per-IP budget', async () => {
    await relay.close();
    await open({ httpLimits: { perMinute: 5, writesPerMinute: 2 } });
    const tok = await token(['write']);
    // 20 reads and 5 writes in one batch, past both per-IP budgets of single calls.
    const ops: Op[] = [...Array.from({ length: 20 }, () => ({ method: 'GET', path: '/worlds' })), ...Array.from({ length: 5 }, (_, i) => ({ method: 'POST', path: '/worlds', body: { world_name: `b${i}`, seed: i } }))];
    const first = await batch(ops, tok);
    expect(first.status).toBe(200);
    expect(first.results.every((r) => r.status < 300)).toBe(true);
    expect(first.headers.get('x-ratelimit-limit')).toBe('10');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('9');
    for (let i = 2; i <= 10; i++) expect((await batch([{ method: 'GET', path: '/worlds' }], tok)).status).toBe(200);
    const eleventh = await batch([{ method: 'GET', path: '/worlds' }], tok);
    expect(eleventh.status).toBe(429);
    expect(eleventh.json).toMatchObject({ error: 'RATE_LIMIT_EXCEEDED', status_code: 429, retry_after: expect.any(Number) });
    expect(eleventh.json.retry_after as number).toBeGreaterThan(0);
    expect(eleventh.headers.get('retry-after')).toBe(String(eleventh.json.retry_after));
    // The single-call budget was untouched by the batches' operations.
    expect((await fetch(`${relay.url}/worlds`)).status).toBe(200);
  });
});
