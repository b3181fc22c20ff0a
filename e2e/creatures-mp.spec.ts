/**
 * Issue 13's zone authority with two real pages on a real relay: both see the same creatures where
 * the zone's authority simulates them; when the authority page leaves, the relay hands the zone to
 * the other page with the last state, and the creatures carry on there: none lost, none doubled,
 * none frozen. Waits are on conditions.
 */
import { test, expect, type Page } from '@playwright/test';
import { api } from './helpers/api.ts';
import { groundHeight, openGround } from './helpers/default-world.ts';
import { startRelay, type RelayProcess } from './helpers/relay-process.ts';
import { openSharedPage } from './helpers/shared-page.ts';

type Vec3 = { x: number; y: number; z: number };
type Listed = { creature_id: string; position: Vec3 };

let relay: RelayProcess;
test.beforeAll(async () => { relay = await startRelay({ args: ['--creative'] }); });
test.afterAll(async () => { await relay?.stop(); });

const listed = async (page: Page): Promise<Listed[]> =>
  (await api<{ creatures: Listed[] }>(page, 'GET', '/creature/list?radius=300')).body.creatures.sort((a, b) => a.creature_id.localeCompare(b.creature_id));
const ids = async (page: Page) => (await listed(page)).map((c) => c.creature_id);
const zones = (page: Page) => page.evaluate(() => window.spacetime!.creatures.state().zones);
const place = (page: Page, p: { x: number; z: number }) =>
  api(page, 'POST', '/player/teleport', { position: { x: p.x, y: groundHeight(p.x, p.z) + 0.2, z: p.z }, rotation: { x: 0, y: 0, z: 0 } });

test('two pages see the same creatures; when the zone\'s authority leaves, the other page takes over and they carry on', async ({ browser }) => {
  test.slow();
  const spot = openGround();
  const a = await openSharedPage(browser, relay.url, { path: '/?view=64&spawn=0', viewport: { width: 640, height: 360 } });
  await place(a.page, { x: spot.x, z: spot.z + 4 });
  // The first page in the zone holds it.
  await expect.poll(() => zones(a.page), { timeout: 30_000, message: 'page A is granted the zone' }).toHaveLength(1);
  const zone = (await zones(a.page))[0];
  const b = await openSharedPage(browser, relay.url, { path: '/?view=64&spawn=0', viewport: { width: 640, height: 360 } });
  await place(b.page, { x: spot.x + 3, z: spot.z + 4 });

  const spawned: string[] = [];
  for (const [type, dx] of [['grazer', -4], ['rockling', 0], ['skyray', 4]] as const) {
    const r = await api<{ creature_id: string }>(a.page, 'POST', '/creature/spawn', { creature_type: type, position: { x: spot.x + dx, y: 0, z: spot.z - 4 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    spawned.push(r.body.creature_id);
  }
  spawned.sort();
  // B sees the same creatures, and (the relay forwarding A's positions) in about the same places.
  await expect.poll(() => ids(b.page), { timeout: 30_000 }).toEqual(spawned);
  expect(await zones(b.page)).toEqual([]);
  await expect.poll(async () => {
    const [la, lb] = [await listed(a.page), await listed(b.page)];
    return Math.max(...la.map((c, i) => Math.hypot(c.position.x - lb[i].position.x, c.position.z - lb[i].position.z)));
  }, { timeout: 30_000, message: 'B draws them where A simulates them' }).toBeLessThan(3);

  // A leaves: B is granted the zone with the last state and simulates the same three.
  const last = await listed(b.page);
  await a.context.close();
  await expect.poll(() => zones(b.page), { timeout: 30_000, message: 'the zone goes to B' }).toEqual([zone]);
  expect(await ids(b.page)).toEqual(spawned);
  expect(await b.page.evaluate(() => window.spacetime!.creatures.state().simulated)).toBe(3);
  // They carry on from where they were, and move (none frozen).
  const handed = await listed(b.page);
  for (const [i, c] of handed.entries()) expect(Math.hypot(c.position.x - last[i].position.x, c.position.z - last[i].position.z), c.creature_id).toBeLessThan(10);
  await expect.poll(async () => {
    const now = await listed(b.page);
    return now.filter((c, i) => Math.hypot(c.position.x - handed[i].position.x, c.position.z - handed[i].position.z) > 0.3).length;
  }, { timeout: 60_000, message: 'they keep moving under B' }).toBeGreaterThanOrEqual(2);
  await b.context.close();
});
