/**
 * Issue 13 in VR with an emulated Quest 3 against a real creative relay: Y steps the wrist panel to
 * the creature page; looking at a wild rockling and pushing the left stick right feeds it copper
 * ore from the inventory; the second feeding tames it, and it follows. Waits are on conditions.
 */
import { test, expect, type Page } from '@playwright/test';
import { api } from './helpers/api.ts';
import { ARTIFACTS, frames } from './helpers/game.ts';
import { XR_VIEWPORT } from './helpers/browser.ts';
import { groundHeight, openGround } from './helpers/default-world.ts';
import { startRelay, type RelayProcess } from './helpers/relay-process.ts';
import { openSharedPage } from './helpers/shared-page.ts';

type Vec3 = { x: number; y: number; z: number };
type Info = { position: Vec3; tamed: boolean; owner: string | null; state: string; taming: { fed: number } | null };

let relay: RelayProcess;
test.beforeAll(async () => { relay = await startRelay({ args: ['--creative'] }); });
test.afterAll(async () => { await relay?.stop(); });

const info = async (page: Page, id: string) => (await api<Info>(page, 'GET', `/creature/info?creature_id=${id}`)).body;
const held = async (page: Page, item: string) =>
  (await api<{ slots: Array<{ item_id: string; quantity: number }> }>(page, 'GET', '/inventory/get')).body.slots.filter((s) => s.item_id === item).reduce((n, s) => n + s.quantity, 0);

test('VR: the wrist\'s creature page feeds the rockling you look at until it is tamed', async ({ browser }) => {
  test.slow();
  const { context, page } = await openSharedPage(browser, relay.url, { path: '/?view=64&spawn=0&xr=emulate', viewport: XR_VIEWPORT });
  expect((await api(page, 'POST', '/inventory/add', { item_id: 'copper_ore', quantity: 2 })).status).toBe(200);
  const spot = openGround();
  const r = await api<{ creature_id: string }>(page, 'POST', '/creature/spawn', { creature_type: 'rockling', position: { x: spot.x, y: 0, z: spot.z } });
  expect(r.status).toBe(200);
  const id = r.body.creature_id;
  /** Stands 2.5 m south of the rockling, facing it (yaw 0 looks along -z): it is in front of the headset. */
  const faceIt = async () => {
    const at = (await info(page, id)).position;
    const x = at.x, z = at.z + 2.5;
    expect((await api(page, 'POST', '/player/teleport', { position: { x, y: groundHeight(x, z) + 0.2, z }, rotation: { x: 0, y: 0, z: 0 } })).status).toBe(200);
    await frames(page, 3);
  };
  await faceIt();
  await page.evaluate(() => window.spacetime!.xr.enter());
  await expect.poll(() => page.evaluate(() => window.spacetime!.state().xr.presenting)).toBe(true);
  await page.evaluate(() => {
    const e = window.spacetime!.xr.emulator!;
    e.setHeadset({ position: { x: 0, y: 1.6, z: 0 } });
    e.setController('left', { position: { x: -0.02, y: 1.38, z: -0.32 }, quaternion: { x: Math.sin(-Math.PI / 18), y: 0, z: 0, w: Math.cos(-Math.PI / 18) } });
  });
  const press = async (button: string) => {
    await page.evaluate((b) => window.spacetime!.xr.emulator!.setButton('left', b as 'trigger', 1), button);
    await frames(page, 4);
    await page.evaluate((b) => window.spacetime!.xr.emulator!.setButton('left', b as 'trigger', 0), button);
    await frames(page, 4);
  };
  const flickRight = async () => {
    await page.evaluate(() => window.spacetime!.xr.emulator!.setStick('left', 1, 0));
    await frames(page, 4);
    await page.evaluate(() => window.spacetime!.xr.emulator!.setStick('left', 0, 0));
    await frames(page, 4);
  };
  // Y four times: settings, inventory, build, creature.
  for (let i = 0; i < 4; i++) await press('y-button');
  for (let fed = 1; fed <= 2; fed++) {
    await faceIt();
    await expect.poll(() => page.evaluate(() => window.spacetime!.creatures.state().aimed), { timeout: 20_000, message: 'the headset looks at it' }).toBe(Number(id.slice(9)));
    await flickRight();
    await expect.poll(() => held(page, 'copper_ore'), { message: `feeding ${fed} spends one copper ore` }).toBe(2 - fed);
  }
  await expect.poll(async () => (await info(page, id)).tamed, { message: 'tamed' }).toBe(true);
  const tamed = await info(page, id);
  expect(tamed.owner).toBe(await page.evaluate(() => window.spacetime!.net.state().me!.user_id));
  expect(tamed.state).toBe('following');
  await frames(page, 8);
  await page.screenshot({ path: `${ARTIFACTS}/vr-creature-tamed.png` });
  await context.close();
});
