import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;

beforeAll(async () => { relay = await startRelay({ httpLimits: { perMinute: 1000, writesPerMinute: 10 } }); });
afterAll(async () => { await relay.close(); });

const get = (path: string, headers: Record<string, string> = {}) => fetch(relay.url + path, { headers });
const post = (path: string, body: unknown) => fetch(relay.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

function expectSeedError(body: Record<string, unknown>, code: string, status: number) {
  expect(body).toMatchObject({ error: code, status_code: status });
  expect(typeof body.message).toBe('string');
  expect(body.request_id).toMatch(/^req_/);
  expect(Number.isNaN(Date.parse(body.timestamp as string))).toBe(false);
}

describe('relay HTTP', () => {
  it('GET / describes the service, its endpoints and the websocket (seed 003)', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ service: expect.any(String), message: expect.any(String), version: expect.any(String), endpoints: { health: '/health', status: '/status', metrics: '/metrics', worlds: '/worlds' } });
    expect(body.websocket.url).toBe(relay.url.replace('http', 'ws'));
    expect(body.websocket.transports).toEqual(['websocket', 'polling']);
  });

  it('GET /health answers healthy with the database and engine up', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'healthy', uptime: expect.any(Number), memory: { used: expect.any(Number), total: expect.any(Number), percentage: expect.any(Number) }, connections: { active: 0, total: expect.any(Number) } });
  });

  it('GET /health is 503 in the seed error format when the engine is down', async () => {
    const hub = relay.hub;
    const broken = await startRelay({ hub: { ...hub, health: async () => ({ database: { ok: true, response_ms: 1 }, engine: { ok: false } }), close: async () => {} } });
    try {
      const res = await fetch(broken.url + '/health');
      expect(res.status).toBe(503);
      const body = await res.json();
      expectSeedError(body, 'SERVICE_UNAVAILABLE', 503);
      expect(body.message).toMatch(/engine/);
      expect((await (await fetch(broken.url + '/status')).json()).status).toBe('degraded');
    } finally {
      await broken.close();
    }
  });

  it('GET /status gives connections, rooms, events per minute, database and memory', async () => {
    const body = await (await get('/status')).json();
    expect(body).toMatchObject({
      status: 'operational',
      server: { uptime: expect.any(Number), node_version: process.versions.node, memory_usage: { rss: expect.any(Number), heapUsed: expect.any(Number) } },
      database: { status: 'connected', response_time: expect.any(Number) },
      websocket: { active_connections: 0, total_connections: expect.any(Number), rooms: 0, events_per_minute: expect.any(Number) },
    });
  });

  it('GET /metrics is Prometheus text with the relay figures and event-loop lag', async () => {
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    for (const name of ['websocket_connections_total', 'websocket_connections_active', 'relay_edit_ack_seconds_bucket', 'relay_checksum_mismatches_total', 'nodejs_eventloop_lag_seconds', 'http_requests_total']) {
      expect(text).toContain(name);
    }
  });

  it('lists the default world from the first start, before anyone joins', async () => {
    const list = await (await get('/worlds')).json();
    expect(list.worlds[0]).toMatchObject({ world_id: 1, world_name: 'Default world', seed: 1337, kind: 'planet' });
  });

  it('creates, lists and reads worlds', async () => {
    const created = await post('/worlds', { world_name: 'Moon base', seed: 42 });
    expect(created.status).toBe(201);
    const world = await created.json();
    expect(world).toMatchObject({ world_name: 'Moon base', seed: 42, kind: 'planet', edit_seq: 0, players_online: 0 });
    const list = await (await get('/worlds')).json();
    expect(list.worlds.map((w: { world_id: number }) => w.world_id)).toContain(world.world_id);
    expect(list.count).toBe(list.worlds.length);
    const one = await (await get(`/worlds/${world.world_id}`)).json();
    expect(one).toMatchObject({ world_id: world.world_id, world_name: 'Moon base', seed: 42, edit_seq: 0, players_online: 0 });
  });

  it('refuses bad world bodies and ids in the seed format, and changes nothing', async () => {
    const before = (await (await get('/worlds')).json()).count;
    const cases: Array<[unknown, string]> = [
      [{ world_name: 'x' }, 'MISSING_PARAMETER'],
      [{ world_name: '', seed: 1 }, 'INVALID_PARAMETER'],
      [{ world_name: 'x', seed: -1 }, 'INVALID_PARAMETER'],
      [{ world_name: 'x', seed: 1, extra: true }, 'INVALID_PARAMETER'],
    ];
    for (const [body, code] of cases) {
      const res = await post('/worlds', body);
      expect(res.status).toBe(400);
      expectSeedError(await res.json(), code, 400);
    }
    expect((await (await get('/worlds')).json()).count).toBe(before);
    const notFound = await get('/worlds/99999');
    expect(notFound.status).toBe(404);
    expectSeedError(await notFound.json(), 'RESOURCE_NOT_FOUND', 404);
    expect((await get('/worlds/abc')).status).toBe(400);
    const wrong = await fetch(relay.url + '/worlds', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    expectSeedError(await wrong.json(), 'METHOD_NOT_ALLOWED', 405);
    expect((await get('/no/such/path')).status).toBe(404);
  });

  it('limits writes per IP with the seed headers and a 429', async () => {
    // The earlier tests spent some of the 10 writes; spend the rest.
    let res: Response;
    do res = await post('/worlds', 'not json'); while (res.status !== 429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.headers.get('x-ratelimit-limit')).toBe('10');
    const body = await res.json();
    expectSeedError(body, 'RATE_LIMIT_EXCEEDED', 429);
    expect(body.retry_after).toBeGreaterThan(0);
    // Reads have their own budget.
    const read = await get('/worlds');
    expect(read.status).toBe(200);
    expect(read.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
  });
});
