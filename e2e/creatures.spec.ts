/**
 * Issue 13 in a real page against a real creative relay: a creature spawned through the control API
 * is put on the ground and seen at the crosshair; feeding tames it; follow, stay and aggressive do
 * what they say (an aggressive pet kills a predator, whose drop lands in its owner's inventory); bad
 * input is refused in the seed's format and changes nothing; a crashed creature worker comes back
 * with its creatures. Every wait is on a condition (the worker's own tick count, or an answer).
 */
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { api, expectErrorBody } from './helpers/api.ts';
import { ARTIFACTS } from './helpers/game.ts';
import { groundHeight, openGround } from './helpers/default-world.ts';
import { startRelay, type RelayProcess } from './helpers/relay-process.ts';
import { openSharedPage } from './helpers/shared-page.ts';

type Vec3 = { x: number; y: number; z: number };
type Info = { creature_id: string; creature_type: string; level: number; position: Vec3; state: string; tamed: boolean; owner: string | null; health: number; taming: { food: string; fed: number; needed: number } | null };

// A relay (and so a world) of its own per test: creatures and pets a test leaves behind must not meet the next one's.
let relay: RelayProcess;
test.beforeEach(async () => { relay = await startRelay({ args: ['--creative'] }); });

/** Each test's page leaves when it ends, so the next test's page is alone in the zone (and its authority). */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
  await relay?.stop();
});
const open = async (browser: Browser): Promise<Page> => {
  const { context, page } = await openSharedPage(browser, relay.url, { path: '/?view=64&spawn=0', viewport: { width: 800, height: 450 } });
  opened.push(context);
  return page;
};
const info = async (page: Page, id: string) => (await api<Info>(page, 'GET', `/creature/info?creature_id=${id}`)).body;
const dist = (a: Vec3, b: Vec3) => Math.hypot(a.x - b.x, a.z - b.z);
const me = (page: Page) => page.evaluate(() => window.spacetime!.player.position()).then((p) => (p as { position: Vec3 }).position);
const ticks = (page: Page) => page.evaluate(() => window.spacetime!.creatures.state().ticks);
/** Waits until the creature worker has run `n` more ticks (it runs at 20 Hz; a slow machine just takes longer). */
async function waitTicks(page: Page, n: number) {
  const from = await ticks(page);
  await expect.poll(() => ticks(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(from + n);
}
/** What the page knows of a creature and of its own creature worker, for a failure's message. */
const diagnose = async (page: Page, id: string) => JSON.stringify({
  info: await info(page, id), me: await me(page), creatures: await page.evaluate(() => window.spacetime!.creatures.state()),
  net: await page.evaluate(() => window.spacetime!.net.state().me),
});
/** Stands on the ground at (x, z) facing yaw (0 looks along -z), head pitched by `pitch` degrees. */
const teleport = (page: Page, p: { x: number; z: number }, yaw = 0, pitch = 0) =>
  api(page, 'POST', '/player/teleport', { position: { x: p.x, y: groundHeight(p.x, p.z) + 0.2, z: p.z }, rotation: { x: pitch, y: yaw, z: 0 } });

/** Feeds a wild creature until it is tamed, standing beside it for each feeding (it wanders). */
async function tame(page: Page, id: string, food: string, feeds: number) {
  expect((await api(page, 'POST', '/inventory/add', { item_id: food, quantity: feeds })).status).toBe(200);
  for (let i = 0; i < feeds; i++) {
    const at = (await info(page, id)).position;
    await teleport(page, { x: at.x + 1.5, z: at.z });
    const r = await api<{ tamed: boolean; taming: Info['taming'] }>(page, 'POST', '/creature/feed', { creature_id: id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.tamed).toBe(i === feeds - 1);
  }
}

test('spawned through the API: put on the ground, seen at the crosshair, listed, described', async ({ browser }) => {
  test.slow();
  const page = await open(browser);
  const spot = openGround();
  // Stand 6 m south of the spot, looking north at it (yaw 0 looks along -z).
  await teleport(page, { x: spot.x, z: spot.z + 6 });
  await page.evaluate(() => {
    const w = window as unknown as { spawnedEvents: unknown[] };
    w.spawnedEvents = [];
    window.spacetime!.subscribe('creature_spawned', (m) => w.spawnedEvents.push(m.data));
  });
  // Asked for 30 m up in the air: a walker lands on the ground under it.
  const r = await api<{ creature_id: string; position: Vec3; requested_position: Vec3; level: number }>(page, 'POST', '/creature/spawn', {
    creature_type: 'rockling', position: { x: spot.x, y: groundHeight(spot.x, spot.z) + 30, z: spot.z }, level: 3,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.creature_id).toMatch(/^creature_\d+$/);
  expect(r.body.level).toBe(3);
  expect(r.body.requested_position.y).toBeCloseTo(groundHeight(spot.x, spot.z) + 30, 3);
  expect(Math.abs(r.body.position.y - groundHeight(spot.x, spot.z))).toBeLessThan(0.6);
  const id = r.body.creature_id;
  await expect.poll(() => page.evaluate(() => (window as unknown as { spawnedEvents: Array<{ creature_id: string }> }).spawnedEvents), { message: 'telemetry creature_spawned' })
    .toContainEqual(expect.objectContaining({ creature_id: id, creature_type: 'rockling', level: 3, natural: false }));
  const d = await info(page, id);
  expect(d).toMatchObject({ creature_id: id, creature_type: 'rockling', level: 3, tamed: false, owner: null, taming: { food: 'copper_ore', fed: 0, needed: 2 } });
  // Tame it and make it stay where it is, so the picture and the crosshair find it.
  await tame(page, id, 'copper_ore', 2);
  expect((await api(page, 'POST', '/creature/command', { creature_id: id, command: 'stay' })).status).toBe(200);
  await waitTicks(page, 10);
  const at = (await info(page, id)).position;
  await teleport(page, { x: at.x, z: at.z + 4 }, 0, -15);
  await expect.poll(() => page.getByTestId('creature-card').getAttribute('data-creature-id'), { timeout: 30_000, message: 'the crosshair finds it' }).toBe(id);
  await expect(page.getByTestId('creature-card')).toContainText('Rockling');
  await expect(page.getByTestId('creature-card')).toContainText('Yours');
  await page.screenshot({ path: `${ARTIFACTS}/creature-spawned.png` });
  const list = await api<{ creatures: Array<{ creature_id: string; distance: number }>; count: number }>(page, 'GET', '/creature/list?radius=50');
  expect(list.body.creatures.map((c) => c.creature_id)).toContain(id);
  expect(await page.evaluate(() => window.spacetime!.creatures.state().drawn)).toBeGreaterThanOrEqual(1);
});

test('a tamed creature follows, stays, and attacks a predator when aggressive; the kill drops into its owner\'s inventory', async ({ browser }) => {
  test.slow();
  const page = await open(browser);
  const spot = openGround();
  await teleport(page, { x: spot.x, z: spot.z + 3 });
  const spawn = async (creature_type: string, level: number, dx: number) => {
    const r = await api<{ creature_id: string }>(page, 'POST', '/creature/spawn', { creature_type, position: { x: spot.x + dx, y: groundHeight(spot.x + dx, spot.z) + 2, z: spot.z }, level });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.creature_id;
  };
  // A level-30 predator, tamed with raw meat: it follows its owner at once.
  const pet = await spawn('alien_predator', 30, 0);
  await tame(page, pet, 'raw_meat', 5);
  const tamed = await info(page, pet);
  expect(tamed).toMatchObject({ tamed: true, taming: null });
  await expect.poll(async () => (await info(page, pet)).state, { message: 'a tamed creature follows its owner' }).toBe('following');
  expect(tamed.owner).toBe(await page.evaluate(() => window.spacetime!.net.state().me!.user_id));

  // follow: the owner walks 18 m away (over open ground: openGround has no cave mouth to fall in within 24 m);
  // it catches up to within a few metres (it stops 2.5 m off and ambles about).
  const far = { x: spot.x - 18, z: spot.z + 3 };
  await teleport(page, far);
  await expect.poll(async () => dist((await info(page, pet)).position, await me(page)), { timeout: 60_000, message: 'it follows' }).toBeLessThan(6)
    .catch(async (e: Error) => { throw new Error(`${e.message}\n${await diagnose(page, pet)}`); });

  // stay: it holds its place while the owner walks off again.
  expect((await api(page, 'POST', '/creature/command', { creature_id: pet, command: 'stay' })).status).toBe(200);
  await expect.poll(async () => (await info(page, pet)).state).toBe('staying');
  await waitTicks(page, 5);
  const held = (await info(page, pet)).position;
  await teleport(page, { x: spot.x, z: spot.z + 3 });
  await waitTicks(page, 60);
  expect(dist((await info(page, pet)).position, held)).toBeLessThan(0.05);

  // aggressive: a wild level-1 predator nearby is hunted down; its chitin goes to the pet's owner.
  const chitin = async () => (await api<{ slots: Array<{ item_id: string; quantity: number }> }>(page, 'GET', '/inventory/get')).body.slots
    .filter((s) => s.item_id === 'chitin').reduce((n, s) => n + s.quantity, 0);
  const chitinBefore = await chitin();
  await page.evaluate(() => {
    const w = window as unknown as { actions: unknown[] };
    w.actions = [];
    window.spacetime!.subscribe('ai:action', (m) => w.actions.push(m.data));
  });
  const wildOne = await spawn('alien_predator', 1, -18 - 4);
  expect((await api(page, 'POST', '/creature/command', { creature_id: pet, command: 'aggressive' })).status).toBe(200);
  await expect.poll(async () => (await api(page, 'GET', `/creature/info?creature_id=${wildOne}`)).status, { timeout: 90_000, message: 'the predator is killed' }).toBe(404);
  await expect.poll(chitin, { message: 'the drop arrives' }).toBe(chitinBefore + 3);
  // Seed 004's AI events as telemetry: the pet's strikes and the kill.
  const actions = await page.evaluate(() => (window as unknown as { actions: Array<{ creature_id: string; action: string; target_id?: string }> }).actions);
  expect(actions).toContainEqual(expect.objectContaining({ creature_id: pet, action: 'attack', target_id: wildOne }));
  expect(actions).toContainEqual(expect.objectContaining({ creature_id: wildOne, action: 'died', target_id: pet }));
  expect((await info(page, pet)).health).toBeGreaterThan(0);
});

test('bad creature input gets the seed\'s error format and changes nothing', async ({ browser }) => {
  const page = await open(browser);
  const spot = openGround();
  await teleport(page, { x: spot.x, z: spot.z + 3 });
  const wild = await api<{ creature_id: string }>(page, 'POST', '/creature/spawn', { creature_type: 'grazer', position: { x: spot.x, y: 0, z: spot.z } });
  expect(wild.status).toBe(200);
  const known = () => page.evaluate(() => window.spacetime!.creatures.state().known);
  const count = await known();
  const refusals: Array<[string, string, unknown, number, string]> = [
    ['POST', '/creature/spawn', { creature_type: 'dragon', position: { x: 0, y: 0, z: 0 } }, 400, 'INVALID_PARAMETER'],
    ['POST', '/creature/spawn', { creature_type: 'grazer', position: { x: 0, y: 0, z: 0 }, level: 0 }, 400, 'INVALID_PARAMETER'],
    ['POST', '/creature/spawn', { creature_type: 'grazer', position: { x: 0, y: 0, z: 0 }, level: -3 }, 400, 'INVALID_PARAMETER'],
    ['POST', '/creature/spawn', { creature_type: 'grazer', position: { x: Number.NaN, y: 0, z: 0 } }, 400, 'INVALID_PARAMETER'],
    ['POST', '/creature/spawn', { creature_type: 'grazer' }, 400, 'MISSING_PARAMETER'],
    ['POST', '/creature/command', { creature_id: wild.body.creature_id, command: 'follow' }, 403, 'FORBIDDEN'],
    ['POST', '/creature/command', { creature_id: 'creature_999999', command: 'stay' }, 404, 'RESOURCE_NOT_FOUND'],
    ['POST', '/creature/command', { creature_id: wild.body.creature_id, command: 'dance' }, 400, 'INVALID_PARAMETER'],
    ['POST', '/creature/command', { creature_id: 'dragon_1', command: 'stay' }, 400, 'INVALID_PARAMETER'],
    ['GET', '/creature/info?creature_id=creature_999999', undefined, 404, 'RESOURCE_NOT_FOUND'],
    ['POST', '/creature/feed', { creature_id: wild.body.creature_id }, 409, 'CONFLICT'],
  ];
  for (const [method, path, body, status, code] of refusals) {
    const r = await api(page, method, path, body);
    expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
    expectErrorBody(r.body, status, code);
  }
  expect(await known()).toBe(count);
  expect(await info(page, wild.body.creature_id)).toMatchObject({ tamed: false, owner: null, taming: { fed: 0 } });
});

test('a crashed creature worker is replaced and its creatures carry on from the last snapshot', async ({ browser }) => {
  const page = await open(browser);
  const spot = openGround();
  await teleport(page, { x: spot.x, z: spot.z + 3 });
  const ids: string[] = [];
  for (const [type, dx] of [['grazer', -3], ['rockling', 0], ['skyray', 3]] as const) {
    const r = await api<{ creature_id: string }>(page, 'POST', '/creature/spawn', { creature_type: type, position: { x: spot.x + dx, y: 0, z: spot.z } });
    expect(r.status).toBe(200);
    ids.push(r.body.creature_id);
  }
  await waitTicks(page, 30);
  const before = await page.evaluate(() => window.spacetime!.creatures.state());
  expect(before.restarts).toBe(0);
  const at = await Promise.all(ids.map((id) => info(page, id)));
  expect((await page.evaluate(() => window.spacetime!.creatures.crash())).ok).toBe(true);
  await expect.poll(() => page.evaluate(() => window.spacetime!.creatures.state().restarts), { timeout: 30_000 }).toBe(1);
  await waitTicks(page, 20);
  const after = await page.evaluate(() => window.spacetime!.creatures.state());
  expect(after.simulated).toBe(before.simulated);
  for (const [i, id] of ids.entries()) {
    const now = await info(page, id);
    // Restored from a snapshot at most a couple of seconds old: near where it was, still alive, still moving on.
    expect(dist(now.position, at[i].position), id).toBeLessThan(25);
    expect(now.health).toBeGreaterThan(0);
  }
});
