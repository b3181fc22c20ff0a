/**
 * The control API over the network: every route's seed example through the relay's HTTP door with
 * the token `npm start` prints, answered by a real game page; no token is 401, a read-only token
 * gets 403 for a write. One relay (relay/src/serve.ts --prod) serving the e2e build, one page.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { AccessTokens } from '../relay/src/auth/access-tokens.ts';
import { ROUTES } from '../src/protocol/routes/index.ts';
import { routeKey } from '../src/protocol/route-spec.ts';
import { startRelay, type RelayProcess } from './helpers/relay-process.ts';

/** Seed examples that cannot succeed here, with the documented status they answer instead. */
const EXPECTED: Record<string, number> = {
  'POST /vr/recenter': 503, // needs a tracked headset
  // Issue 12 in a fresh world: the seed's spot (100, 50, 100) is a hillside, so placing there is refused
  // with the slope (409); its ids (structure_789, structure_790) name nothing here (404), and there is
  // no power network yet (404). e2e/base.spec.ts places, reads and switches real structures.
  'POST /base/place': 409,
  'POST /base/remove': 404,
  'GET /base/info': 404,
  'GET /power/status': 404,
  'POST /power/toggle': 404,
  'POST /fabricator/craft': 404, // its example's structure_791 is no structure here (relay/test/fabricator.test.ts crafts for real)
  // Issue 13: the seed's creature_12345 is no creature here (e2e/creatures.spec.ts spawns, tames and commands real ones);
  // POST /creature/spawn's example spawns one for real.
  'POST /creature/command': 404,
  'GET /creature/info': 404,
  'POST /creature/feed': 404,
};
/** Leaves the relay: the page it would disconnect is the one that would answer it (covered in-page, api.spec.ts). */
const SKIP = 'POST /disconnect';
const SECRET = 'an e2e token secret of at least thirty-two bytes';

let relay: RelayProcess;
test.beforeAll(async () => {
  // The examples are 41 calls, many of them writes and some expensive: budgets raised for one test client.
  relay = await startRelay({ args: ['--http-limit', 'writesPerMinute=1000,perMinute=1000,expensivePerSecond=100', '--token-secret', SECRET,
    // A sandbox: seed 000's POST /terrain/deform example builds, which would otherwise need soil dug first.
    '--creative'] });
});
test.afterAll(async () => { await relay?.stop(); });

test('every route\'s seed example over HTTP with the printed token answers its documented status and fields', async ({ browser }) => {
  test.setTimeout(180_000);
  const printed = /API token \(admin scope[^\n]*\n\s+(\S+)/.exec(relay.output())?.[1];
  expect(printed, 'npm start printed an API token').toBeTruthy();
  const context = await browser.newContext({ baseURL: relay.url });
  await context.addInitScript(() => localStorage.setItem('spacetime.helpSeen', '1'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?scene=test_arena');
  await page.waitForFunction(() => !!window.spacetime);
  await page.evaluate(() => window.spacetime!.ready);
  await expect.poll(async () => (await page.evaluate(() => window.spacetime!.request('GET', '/status'))).body as { multiplayer: { state: string } })
    .toMatchObject({ multiplayer: { state: 'connected' } });

  const http = async (method: string, path: string, body: unknown, token: string | null) => {
    const res = await fetch(relay.url + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  };

  for (const route of ROUTES.filter((r) => routeKey(r) !== SKIP)) {
    const key = routeKey(route);
    const query = route.example.query ? `?${new URLSearchParams(route.example.query)}` : '';
    const res = await http(route.method, route.path + query, route.example.body, printed!);
    const expected = EXPECTED[key] ?? 200;
    expect(res.status, `${key}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(expected);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    if (expected !== 200) continue;
    expect(res.headers.get('content-type')).toBe(route.contentType ?? 'application/json');
    const parsed = route.response.safeParse(res.body);
    expect(parsed.success, `${key} response fields: ${parsed.error?.message}`).toBe(true);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('without a token 401; a read-only token gets 403 for a write', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: relay.url });
  const page = await context.newPage();
  await page.goto('/?scene=test_arena');
  await page.waitForFunction(() => !!window.spacetime);
  await expect.poll(async () => ((await page.evaluate(() => window.spacetime!.request('GET', '/status'))).body as { multiplayer: { state: string } }).multiplayer.state)
    .toBe('connected');
  const reader = (await new AccessTokens({ secret: new TextEncoder().encode(SECRET) }).issue({ sub: 'user_1', username: 'reader', scopes: ['read'] })).token;
  const none = await fetch(`${relay.url}/player/position`);
  expect(none.status).toBe(401);
  expect(await none.json()).toMatchObject({ error: 'INVALID_TOKEN', status_code: 401 });
  const write = await fetch(`${relay.url}/player/teleport`, { method: 'POST', headers: { authorization: `Bearer ${reader}`, 'content-type': 'application/json' }, body: JSON.stringify({ position: { x: 1, y: 5, z: 1 } }) });
  expect(write.status).toBe(403);
  expect(await write.json()).toMatchObject({ error: 'FORBIDDEN', status_code: 403 });
  await context.close();
});

test('a webhook hears the page load the shared world (scene_loaded), and again on POST /scene/reload', async ({ browser }) => {
  const got: { event: string; data: Record<string, unknown> }[] = [];
  let heard: () => void = () => {};
  const receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c));
    req.on('end', () => {
      got.push(JSON.parse(raw) as { event: string; data: Record<string, unknown> });
      res.writeHead(204).end();
      heard();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const deliveries = (n: number) => new Promise<void>((resolve) => {
    heard = () => { if (got.length >= n) resolve(); };
    heard();
  });
  const admin = (await new AccessTokens({ secret: new TextEncoder().encode(SECRET) }).issue({ sub: 'operator', username: 'operator', scopes: ['admin'] })).token;
  const call = (method: string, path: string, body?: unknown) => fetch(relay.url + path, {
    method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  expect((await call('POST', '/webhooks', { url, events: ['scene_loaded'] })).status).toBe(201);

  const context = await browser.newContext({ baseURL: relay.url });
  await context.addInitScript(() => localStorage.setItem('spacetime.helpSeen', '1'));
  const page = await context.newPage();
  await page.goto('/');
  await deliveries(1);
  expect(got[0]).toMatchObject({ event: 'scene_loaded', data: { scene_path: expect.any(String), reload: false, world_id: expect.any(Number) } });
  const reload = await call('POST', '/scene/reload', {});
  expect(reload.status, await reload.clone().text()).toBe(200);
  await deliveries(2);
  expect(got[1]).toMatchObject({ event: 'scene_loaded', data: { scene_path: got[0].data.scene_path, reload: true, player_id: got[0].data.player_id } });
  await context.close();
  receiver.close();
});
