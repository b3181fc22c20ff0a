/**
 * Issue 12 in real pages against a real (creative) relay: a dig into ore puts exactly the mined
 * material into the inventory; structures are placed, seen by a second page with the same grid
 * figures, generate at noon, switch off, refund on removal, refuse bad input, and survive a relay
 * restart. Every wait is on a condition.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { api, expectErrorBody } from './helpers/api.ts';
import { startRelay, type RelayProcess } from './helpers/relay-process.ts';
import { flatSpots, oreDig } from './helpers/default-world.ts';
import { openSharedPage } from './helpers/shared-page.ts';

type Slot = { item_id: string; quantity: number };
type Network = { base_id: string; total_generation: number; total_consumption: number; consumers: Array<{ structure_id: string; status: string }> };

let relay: RelayProcess;
test.beforeAll(async () => { relay = await startRelay({ args: ['--creative'] }); });
test.afterAll(async () => { await relay?.stop(); });

const open = async (browser: Browser): Promise<Page> => (await openSharedPage(browser, relay.url, { viewport: { width: 800, height: 450 } })).page;

const count = (slots: Slot[], item: string) => slots.filter((s) => s.item_id === item).reduce((n, s) => n + s.quantity, 0);

test('mining, structures and the power grid: exact yields, shared, switched, refunded, kept across a restart', async ({ browser }) => {
  test.setTimeout(240_000);
  const a = await open(browser);
  const before = await api<{ slots: Slot[] }>(a, 'GET', '/inventory/get');
  expect(before.status).toBe(200);
  expect(before.body.slots).toEqual([]);

  // Dig into ore: the inventory gains exactly what the dig removed.
  const { edit, items } = oreDig();
  expect((items.iron_ore ?? 0) + (items.copper_ore ?? 0)).toBeGreaterThan(0);
  expect((await api(a, 'POST', '/terrain/deform', edit)).status).toBe(200);
  await expect.poll(async () => (await api<{ slots: Slot[] }>(a, 'GET', '/inventory/get')).body.slots.length, { message: 'the yield arrives' }).toBeGreaterThan(0);
  const mined = (await api<{ slots: Slot[] }>(a, 'GET', '/inventory/get')).body.slots;
  for (const [item, n] of Object.entries(items)) expect(count(mined, item), item).toBe(n);
  expect(mined.map((s) => s.item_id).sort()).toEqual(Object.keys(items).sort());

  // Parts for a base (a creative relay adds from nothing), then the base: panel, battery, oxygenator.
  for (const [item_id, quantity] of [['iron_plate', 30], ['glass', 15], ['silicon', 10], ['copper_wire', 20], ['energy_cell', 6]] as const) {
    expect((await api(a, 'POST', '/inventory/add', { item_id, quantity })).status, item_id).toBe(200);
  }
  // The panel on flat ground; the others within its 4 m wiring reach, wherever the relay finds them a spot.
  const [corner] = flatSpots();
  const ids: string[] = [];
  for (const type of ['solar_panel', 'battery', 'oxygenator'] as const) {
    const tried: string[] = [];
    for (const [dx, dz] of type === 'solar_panel' ? [[0, 0]] : [[2.5, 0], [0, 2.5], [-2.5, 0], [0, -2.5], [1.8, 1.8], [-1.8, 1.8], [1.8, -1.8], [-1.8, -1.8]]) {
      const r = await api<{ structure_id: string }>(a, 'POST', '/base/place', { structure_type: type, position: { x: corner.x + dx, y: 120, z: corner.z + dz } });
      if (r.status === 200) { ids.push(r.body.structure_id); break; }
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      tried.push(String((r.body as { message?: string }).message));
    }
    expect(ids.length, `${type} found no spot: ${tried.join(' | ')}`).toBe(['solar_panel', 'battery', 'oxygenator'].indexOf(type) + 1);
  }
  const [panel, , oxygenator] = ids;

  // Bad input changes nothing: unknown item, fractional and negative quantities, more than held, an unknown type, an unknown id.
  const held = (await api<{ slots: Slot[] }>(a, 'GET', '/inventory/get')).body.slots;
  for (const [method, path, body, status, code] of [
    ['POST', '/inventory/add', { item_id: 'unobtainium', quantity: 1 }, 400, 'INVALID_PARAMETER'],
    ['POST', '/inventory/add', { item_id: 'glass', quantity: 1.5 }, 400, 'INVALID_PARAMETER'],
    ['POST', '/inventory/remove', { item_id: 'glass', quantity: -2 }, 400, 'INVALID_PARAMETER'],
    ['POST', '/inventory/remove', { item_id: 'glass', quantity: 999 }, 409, 'CONFLICT'],
    ['POST', '/base/place', { structure_type: 'death_ray', position: { x: 0, y: 50, z: 0 } }, 400, 'INVALID_PARAMETER'],
    ['POST', '/base/remove', { structure_id: 'structure_99999' }, 404, 'RESOURCE_NOT_FOUND'],
  ] as const) {
    const r = await api(a, method, path, body);
    expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(status);
    expectErrorBody(r.body, status, code);
  }
  expect((await api<{ slots: Slot[] }>(a, 'GET', '/inventory/get')).body.slots).toEqual(held);

  // Noon: the panel generates; a second page sees the same structures and the same figures.
  expect((await api(a, 'POST', '/world/time', { time_of_day: 0.5 })).status).toBe(200);
  const network = async (page: Page) => (await api<Network>(page, 'GET', '/power/status', undefined)).body;
  await expect.poll(async () => (await network(a)).total_generation, { message: 'solar output at noon' }).toBeGreaterThan(0);
  const b = await open(browser);
  expectErrorBody((await api(b, 'GET', '/base/info')).body, 400, 'MISSING_PARAMETER');
  const infoB = await api<{ structure_type: string; owner: string }>(b, 'GET', `/base/info?structure_id=${panel}`);
  expect(infoB.status).toBe(200);
  expect(infoB.body.structure_type).toBe('solar_panel');
  const baseId = (await network(a)).base_id;
  await expect.poll(async () => {
    const [na, nb] = [await api<Network>(a, 'GET', `/power/status?player_id=${baseId}`), await api<Network>(b, 'GET', `/power/status?player_id=${baseId}`)];
    return JSON.stringify(nb.body) === JSON.stringify(na.body) ? 'same' : `${JSON.stringify(na.body).slice(0, 200)} / ${JSON.stringify(nb.body).slice(0, 200)}`;
  }, { message: 'both pages show the same grid figures' }).toBe('same');

  // Someone else's structure cannot be switched; the owner switches the oxygenator off and it is unpowered.
  expect((await api(b, 'POST', '/power/toggle', { structure_id: oxygenator, enabled: false })).status).toBe(403);
  const off = await api<{ powered: boolean }>(a, 'POST', '/power/toggle', { structure_id: oxygenator, enabled: false });
  expect(off.status).toBe(200);
  expect(off.body.powered).toBe(false);
  await expect.poll(async () => {
    const nb = await network(b);
    const st = nb.consumers.find((c) => c.structure_id === oxygenator)?.status;
    return st === 'disabled' ? st : `${st}: B ${JSON.stringify(nb)} A ${JSON.stringify(await network(a))}`;
  }, { message: 'the other page sees it switched off' }).toBe('disabled');

  // Removal refunds the panel's cost into the owner's inventory.
  const glass = count((await api<{ slots: Slot[] }>(a, 'GET', '/inventory/get')).body.slots, 'glass');
  const removed = await api<{ resources_refunded: Record<string, number> }>(a, 'POST', '/base/remove', { structure_id: panel });
  expect(removed.status).toBe(200);
  expect(removed.body.resources_refunded).toEqual({ iron_plate: 2, glass: 3, silicon: 2 });
  await expect.poll(async () => count((await api<{ slots: Slot[] }>(a, 'GET', '/inventory/get')).body.slots, 'glass')).toBe(glass + 3);
  await expect.poll(async () => (await api(b, 'GET', `/base/info?structure_id=${panel}`)).status, { message: 'the other page sees it go' }).toBe(404);

  // A relay killed (SIGKILL) and started again keeps the structures and their switches: each change was
  // written when it landed. A page that joins afterwards gets them from the relay.
  await relay.kill();
  await relay.restart();
  const c = await open(browser);
  const after = await api<{ status: string; structure_type: string }>(c, 'GET', `/base/info?structure_id=${oxygenator}`);
  expect(after.status).toBe(200);
  expect(after.body).toMatchObject({ structure_type: 'oxygenator', status: 'disabled' });
  expect((await api(c, 'GET', `/base/info?structure_id=${panel}`)).status).toBe(404);
  await c.context().close();
  await a.context().close();
  await b.context().close();
});
