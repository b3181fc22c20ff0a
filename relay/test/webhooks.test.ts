/**
 * Webhooks on a real relay: CRUD with seed 000's refusals, signed deliveries to a local node:http
 * receiver after a real dig through a socket client, retries logged on GET /webhooks/:id, and
 * webhooks surviving a restart. Every wait is on an event (a request reaching the receiver, the
 * delivery queue going idle), never on time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../src/auth/access-tokens.ts';
import type { Scope } from '../src/auth/scopes.ts';
import { surfaceEdits } from '../src/test/fixtures.ts';
import { WebhookDeliverer } from '../src/webhooks/webhook-deliverer.ts';
import { silentLog } from '../src/test/fixtures.ts';
import { ask, disconnectAll, next, player, send, startRelay, tempDataDir, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;

interface Received { headers: IncomingHttpHeaders; raw: string; body: { event: string; timestamp: string; data: Record<string, unknown>; delivery_id: string } }

/** A webhook receiver on port 0: answers each request with the next status of `statuses` (then 200). */
async function receiver(statuses: number[] = []) {
  const got: Received[] = [];
  const waiting: { want: (r: Received) => boolean; resolve(r: Received): void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const r: Received = { headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] };
      got.push(r);
      res.writeHead(statuses.shift() ?? 200).end();
      for (const w of waiting.splice(0)) if (w.want(r)) w.resolve(r); else waiting.push(w);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    /** The first request (already received or still to come) that `want` accepts. */
    next(want: (r: Received) => boolean): Promise<Received> {
      const seen = got.find(want);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ want, resolve }));
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** What a receiver does: HMAC-SHA256 over "<t>.<raw body>" with the secret, compared in constant time. */
function signatureValid(secret: string, raw: string, header: string | string[] | undefined): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header));
  if (!m || Math.abs(Date.now() / 1000 - Number(m[1])) > 300) return false;
  const want = createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest();
  return timingSafeEqual(want, Buffer.from(m[2], 'hex'));
}

const SECRET = new Uint8Array(32).fill(7);
const FAST = { baseDelayMs: 5, timeoutMs: 2000 };
const LIMITS = { perMinute: 10_000, writesPerMinute: 10_000 };
const data = tempDataDir();
let relay: Relay;
const open: Client[] = [];
const receivers: { close(): Promise<void> }[] = [];

async function token(sub: string, scopes: Scope[]): Promise<string> {
  return (await new AccessTokens({ secret: relay.tokens.secret }).issue({ sub, username: sub, scopes })).token;
}

async function call(method: string, path: string, bearer?: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${relay.url}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) as Record<string, unknown> : {} };
}

const seedError = (error: string, status_code: number) => ({
  error, status_code, message: expect.any(String), timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), request_id: expect.any(String),
});

beforeAll(async () => {
  relay = await startRelay({ dataDir: data.dir, tokenSecret: SECRET, httpLimits: LIMITS, webhookDelivery: FAST, limits: { editsPerSecond: 1000 } });
});
afterEach(async () => {
  await disconnectAll(relay, open);
  for (const r of receivers.splice(0)) await r.close();
});
afterAll(async () => { await relay.close(); data.remove(); });

describe('webhook routes', () => {
  it('creates, lists, shows, updates and deletes, only for the owner, refusing in the seed format', async () => {
    const writer = await token('user_1', ['admin']);
    const reader = await token('user_1', ['read']);
    const stranger = await token('user_2', ['admin']);
    const good = { url: 'http://127.0.0.1:9/hook', events: ['terrain_modified', 'player_joined'] };

    expect(await call('GET', '/webhooks')).toEqual({ status: 401, json: seedError('INVALID_TOKEN', 401) });
    expect(await call('POST', '/webhooks', undefined, good)).toEqual({ status: 401, json: seedError('INVALID_TOKEN', 401) });
    expect(await call('POST', '/webhooks', 'not.a.token', good)).toEqual({ status: 401, json: seedError('INVALID_TOKEN', 401) });
    expect(await call('POST', '/webhooks', reader, good)).toEqual({ status: 403, json: seedError('FORBIDDEN', 403) });
    for (const bad of [
      '{not json',
      { ...good, events: ['terrain_modified', 'world_exploded'] },
      { ...good, events: [] },
      { ...good, url: 'ftp://example.com/hook' },
      { ...good, url: 'javascript:alert(1)' },
      { ...good, url: 'not a url' },
      { ...good, extra: true },
      { ...good, secret: 'short' },
    ]) {
      const r = await call('POST', '/webhooks', writer, bad);
      expect(r, JSON.stringify(bad)).toEqual({ status: 400, json: seedError('INVALID_PARAMETER', 400) });
    }
    expect(await call('POST', '/webhooks', writer, { events: ['player_left'] })).toEqual({ status: 400, json: seedError('MISSING_PARAMETER', 400) });
    expect((await call('GET', '/webhooks', reader)).json).toEqual({ webhooks: [], count: 0 });

    const made = await call('POST', '/webhooks', writer, good);
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ id: expect.stringMatching(/^wh_/), url: good.url, events: good.events, secret_set: true, secret: expect.stringMatching(/^whsec_[0-9a-f]{64}$/) });
    const id = made.json.id as string;

    const list = await call('GET', '/webhooks', reader);
    expect(list).toMatchObject({ status: 200, json: { count: 1, webhooks: [{ id, url: good.url, secret_set: true }] } });
    expect(JSON.stringify(list.json)).not.toContain(made.json.secret as string);
    const shown = await call('GET', `/api/v2/webhooks/${id}`, reader);
    expect(shown).toMatchObject({ status: 200, json: { id, events: good.events, secret_set: true, deliveries: [] } });
    expect(shown.json).not.toHaveProperty('secret');

    // Asked for by the versioned media type, it is still the relay's (no game page serves /webhooks).
    const byMedia = await fetch(`${relay.url}/webhooks`, { headers: { Authorization: `Bearer ${reader}`, Accept: 'application/vnd.spacetime.v2+json' } });
    expect(await byMedia.json()).toMatchObject({ count: 1, webhooks: [{ id }] });
    expect((await call('GET', '/webhooks', stranger)).json).toEqual({ webhooks: [], count: 0 });
    for (const [method, body] of [['GET', undefined], ['PUT', { events: ['player_left'] }], ['DELETE', undefined]] as const) {
      expect(await call(method, `/webhooks/${id}`, stranger, body)).toEqual({ status: 404, json: seedError('RESOURCE_NOT_FOUND', 404) });
    }
    expect(await call('GET', '/webhooks/wh_nothing', reader)).toEqual({ status: 404, json: seedError('RESOURCE_NOT_FOUND', 404) });
    expect(await call('PUT', `/webhooks/${id}`, reader, { events: ['player_left'] })).toEqual({ status: 403, json: seedError('FORBIDDEN', 403) });
    expect(await call('DELETE', `/webhooks/${id}`, reader)).toEqual({ status: 403, json: seedError('FORBIDDEN', 403) });
    for (const bad of [{ events: ['nope'] }, { url: 'file:///etc/passwd' }, {}, { secret_set: false }]) {
      expect(await call('PUT', `/webhooks/${id}`, writer, bad), JSON.stringify(bad)).toEqual({ status: 400, json: seedError('INVALID_PARAMETER', 400) });
    }
    expect((await call('GET', `/webhooks/${id}`, reader)).json).toMatchObject({ url: good.url, events: good.events });
    expect(await call('PATCH', `/webhooks/${id}`, writer, { events: ['player_left'] })).toMatchObject({ status: 405, json: seedError('METHOD_NOT_ALLOWED', 405) });

    const put = await call('PUT', `/api/v2/webhooks/${id}`, writer, { events: ['player_left', 'player_left'], url: 'https://example.com/x' });
    expect(put).toMatchObject({ status: 200, json: { id, events: ['player_left'], url: 'https://example.com/x', secret_set: true } });
    expect(put.json).not.toHaveProperty('secret');

    expect(await call('DELETE', `/webhooks/${id}`, writer)).toEqual({ status: 200, json: { id, deleted: true } });
    expect(await call('GET', `/webhooks/${id}`, reader)).toEqual({ status: 404, json: seedError('RESOURCE_NOT_FOUND', 404) });
    expect(await call('DELETE', `/webhooks/${id}`, writer)).toEqual({ status: 404, json: seedError('RESOURCE_NOT_FOUND', 404) });
    expect((await call('GET', '/api/v2/webhooks', reader)).json).toEqual({ webhooks: [], count: 0 });
  });
});

describe('webhook deliveries', () => {
  it('posts a signed terrain_modified after a real dig, and player_joined / player_left', async () => {
    const hook = await receiver();
    receivers.push(hook);
    const secret = 'a-receiver-chosen-secret-0123456789';
    const writer = await token('user_dig', ['admin']);
    const made = await call('POST', '/webhooks', writer, { url: hook.url, events: ['terrain_modified', 'player_joined', 'player_left'], secret });
    expect(made.status).toBe(201);
    expect(made.json.secret).toBe(secret);

    const a = await player(relay.url, 'Digger');
    open.push(a.socket);
    const joined = await hook.next((r) => r.body.event === 'player_joined' && r.body.data.player_id === a.identity.guest_id);
    expect(joined.body.data).toEqual({ world_id: a.join.world.world_id, player_id: a.identity.guest_id, name: 'Digger' });

    const [edit] = surfaceEdits(1337, 1);
    const ack = await ask<{ edit_seq: number }>(a.socket, 'sync_terrain_deform', edit);
    expect(ack.ok).toBe(true);
    const seq = ack.ok ? ack.value.edit_seq : -1;
    const dug = await hook.next((r) => r.body.event === 'terrain_modified' && r.body.data.edit_seq === seq);
    expect(dug.body).toEqual({
      event: 'terrain_modified', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), delivery_id: expect.stringMatching(/^dlv_/),
      data: { world_id: a.join.world.world_id, edit_seq: seq, player_id: a.identity.guest_id, position: edit.position, radius: edit.radius, strength: edit.strength, operation: edit.operation },
    });
    expect(dug.headers['content-type']).toBe('application/json');
    expect(dug.headers['x-spacetime-event']).toBe('terrain_modified');
    expect(dug.headers['x-spacetime-delivery']).toBe(dug.body.delivery_id);
    expect(signatureValid(secret, dug.raw, dug.headers['x-spacetime-signature'])).toBe(true);
    expect(signatureValid('another-secret-entirely-0123456789', dug.raw, dug.headers['x-spacetime-signature'])).toBe(false);
    expect(signatureValid(secret, dug.raw.replace('terrain', 'Terrain'), dug.headers['x-spacetime-signature'])).toBe(false);

    await disconnectAll(relay, open);
    const left = await hook.next((r) => r.body.event === 'player_left' && r.body.data.player_id === a.identity.guest_id);
    expect(left.body.data).toEqual({ world_id: a.join.world.world_id, player_id: a.identity.guest_id, name: 'Digger' });
    await relay.webhooks?.idle();
    const shown = await call('GET', `/webhooks/${made.json.id as string}`, writer);
    expect((shown.json.deliveries as unknown[]).length).toBe(hook.got.length);
    expect(await call('DELETE', `/webhooks/${made.json.id as string}`, writer)).toMatchObject({ status: 200 });
  });

  it("posts scene_loaded when a player's page reports its scene, and nothing for a malformed report", async () => {
    const hook = await receiver();
    receivers.push(hook);
    const writer = await token('user_scene', ['admin']);
    const made = await call('POST', '/webhooks', writer, { url: hook.url, events: ['scene_loaded'] });
    expect(made.status).toBe(201);
    const a = await player(relay.url, 'Loader');
    open.push(a.socket);
    const refused = next(a.socket, 'error');
    send(a.socket, 'scene_loaded', { scene_path: 'scenes/planet.json', load_time_ms: -1, reload: false });
    expect(await refused).toMatchObject({ code: 'VALIDATION_ERROR' });
    send(a.socket, 'scene_loaded', { scene_path: 'scenes/planet.json', load_time_ms: 812.5, reload: true });
    const loaded = await hook.next((r) => r.body.event === 'scene_loaded');
    expect(loaded.body.data).toEqual({
      world_id: a.join.world.world_id, player_id: a.identity.guest_id, name: 'Loader', scene_path: 'scenes/planet.json', load_time_ms: 812.5, reload: true,
    });
    await relay.webhooks?.idle();
    expect(hook.got.filter((r) => r.body.event === 'scene_loaded')).toHaveLength(1);
    expect(await call('DELETE', `/webhooks/${made.json.id as string}`, writer)).toMatchObject({ status: 200 });
  });

  it('retries after a 500 and shows both attempts, newest first', async () => {
    const hook = await receiver([500]);
    receivers.push(hook);
    const writer = await token('user_retry', ['admin']);
    const made = await call('POST', '/webhooks', writer, { url: hook.url, events: ['player_joined'] });
    const secret = made.json.secret as string;
    const a = await player(relay.url, 'Retried');
    open.push(a.socket);
    const mine = (r: Received) => r.body.data.player_id === a.identity.guest_id;
    await hook.next((r) => mine(r) && hook.got.filter(mine).length === 2);
    const [first, second] = hook.got.filter(mine);
    expect(second.body.delivery_id).toBe(first.body.delivery_id);
    expect(second.raw).toBe(first.raw);
    expect(signatureValid(secret, second.raw, second.headers['x-spacetime-signature'])).toBe(true);
    await relay.webhooks?.idle();
    const shown = await call('GET', `/webhooks/${made.json.id as string}`, writer);
    expect(shown.json.deliveries).toEqual([
      { delivery_id: first.body.delivery_id, event: 'player_joined', attempt: 2, status_code: 200, error: null, duration_ms: expect.any(Number), timestamp: expect.any(String) },
      { delivery_id: first.body.delivery_id, event: 'player_joined', attempt: 1, status_code: 500, error: null, duration_ms: expect.any(Number), timestamp: expect.any(String) },
    ]);
    expect(await (await fetch(`${relay.url}/metrics`)).text()).toMatch(/relay_webhook_deliveries_total\{outcome="retrying"\} [1-9]/);
    expect(await call('DELETE', `/webhooks/${made.json.id as string}`, writer)).toMatchObject({ status: 200 });
  });

  it('keeps webhooks across a restart and delivers after it', async () => {
    const dir = tempDataDir();
    const hook = await receiver();
    receivers.push(hook);
    const first = await startRelay({ dataDir: dir.dir, tokenSecret: SECRET, httpLimits: LIMITS, webhookDelivery: FAST });
    const auth = { Authorization: `Bearer ${await token('user_restart', ['admin'])}` };
    const made = await (await fetch(`${first.url}/webhooks`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ url: hook.url, events: ['player_joined'] }) })).json() as { id: string; secret: string };
    await first.close();
    const second = await startRelay({ dataDir: dir.dir, tokenSecret: SECRET, httpLimits: LIMITS, webhookDelivery: FAST });
    try {
      const shown = await (await fetch(`${second.url}/webhooks/${made.id}`, { headers: auth })).json() as Record<string, unknown>;
      expect(shown).toMatchObject({ id: made.id, url: hook.url, events: ['player_joined'], secret_set: true });
      const a = await player(second.url, 'AfterRestart');
      const got = await hook.next((r) => r.body.data.player_id === a.identity.guest_id);
      expect(signatureValid(made.secret, got.raw, got.headers['x-spacetime-signature'])).toBe(true);
      await disconnectAll(second, [a.socket]);
    } finally {
      await second.close();
      dir.remove();
    }
  });
});

describe('webhook queue', () => {
  it('stays bounded: past the cap a delivery is dropped and counted, and stop() ends what is in flight', async () => {
    // A receiver that never answers: every delivery stays in flight.
    const stuck = createServer(() => {});
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stuck.address() as AddressInfo).port}/`;
    const outcomes: string[] = [];
    const attempts: (string | null)[] = [];
    const deliverer = new WebhookDeliverer({
      log: silentLog, target: () => ({ url, secret: 'x'.repeat(16) }), count: (o) => outcomes.push(o),
      record: async (_job, a) => { attempts.push(a.error); }, concurrency: 2, maxQueued: 3, maxPerWebhook: 2, timeoutMs: 60_000,
    });
    const job = (webhookId: string, n: number) => ({ webhookId, event: 'player_joined', deliveryId: `dlv_${n}`, body: '{}', attempt: 1 });
    expect([deliverer.enqueue(job('a', 1)), deliverer.enqueue(job('a', 2)), deliverer.enqueue(job('a', 3))]).toEqual([true, true, false]);
    expect([deliverer.enqueue(job('b', 4)), deliverer.enqueue(job('c', 5))]).toEqual([true, false]);
    expect(deliverer.size).toBe(3);
    expect(outcomes).toEqual(['dropped', 'dropped']);
    await deliverer.stop();
    expect(deliverer.size).toBe(0);
    expect(deliverer.enqueue(job('a', 6))).toBe(false);
    // The two in flight were aborted and logged as errors; the queued one was dropped unsent.
    expect(attempts).toHaveLength(2);
    expect(attempts.every((e) => typeof e === 'string')).toBe(true);
    stuck.closeAllConnections();
    await new Promise<void>((resolve) => stuck.close(() => resolve()));
  });
});
