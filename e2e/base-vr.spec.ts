/**
 * Issue 12 in VR, against a real creative relay with an emulated Quest 3: Y steps the wrist panel
 * to the inventory page and the build page; the left stick picks a structure and starts placing it;
 * the right trigger puts it down where the controller's ray meets the ground. Waits are on conditions.
 */
import { test, expect, type Page } from '@playwright/test';
import { api } from './helpers/api.ts';
import { ARTIFACTS, frames } from './helpers/game.ts';
import { XR_VIEWPORT } from './helpers/browser.ts';
import { flatSpots, groundHeight } from './helpers/default-world.ts';
import { startRelay, type RelayProcess } from './helpers/relay-process.ts';
import { openSharedPage } from './helpers/shared-page.ts';

const pitch = (deg: number) => ({ x: Math.sin((deg * Math.PI) / 360), y: 0, z: 0, w: Math.cos((deg * Math.PI) / 360) });

let relay: RelayProcess;
test.beforeAll(async () => { relay = await startRelay({ args: ['--creative'] }); });
test.afterAll(async () => { await relay?.stop(); });

const held = async (page: Page, item: string) => {
  const r = await api<{ slots: Array<{ item_id: string; quantity: number }> }>(page, 'GET', '/inventory/get');
  return r.body.slots.filter((s) => s.item_id === item).reduce((n, s) => n + s.quantity, 0);
};

test('VR: the wrist panel shows the inventory and the build menu; the trigger places a structure', async ({ browser }) => {
  test.slow(); // every step waits on emulated two-eye XR frames under a software renderer
  const { context, page } = await openSharedPage(browser, relay.url, { path: '/?view=64&xr=emulate', viewport: XR_VIEWPORT });
  for (const [item_id, quantity] of [['iron_plate', 4], ['glass', 3], ['silicon', 2]] as const) {
    expect((await api(page, 'POST', '/inventory/add', { item_id, quantity })).status).toBe(200);
  }
  // Stand at the edge of flat ground (this file's relay has a world of its own), facing it, and enter VR.
  const [corner] = flatSpots();
  const at = { x: corner.x + 1, z: corner.z + 3 };
  const g = groundHeight(at.x, at.z);
  expect((await api(page, 'POST', '/player/teleport', { position: { x: at.x, y: g + 0.2, z: at.z }, rotation: { x: 0, y: 0, z: 0 } })).status).toBe(200);
  await page.evaluate(() => window.spacetime!.xr.enter());
  await expect.poll(() => page.evaluate(() => window.spacetime!.state().xr.presenting)).toBe(true);
  // Left hand raised in front of the eyes (the wrist panel faces the camera); the right one points down at the ground ahead.
  await page.evaluate(([up, down]) => {
    const e = window.spacetime!.xr.emulator!;
    e.setHeadset({ position: { x: 0, y: 1.6, z: 0 } });
    e.setController('left', { position: { x: -0.02, y: 1.38, z: -0.32 }, quaternion: up });
    e.setController('right', { position: { x: 0.25, y: 1.3, z: -0.3 }, quaternion: down });
  }, [pitch(-20), pitch(-45)] as const);
  const press = async (hand: 'left' | 'right', button: string) => {
    await page.evaluate(([h, b]) => window.spacetime!.xr.emulator!.setButton(h as 'left', b as 'trigger', 1), [hand, button]);
    await frames(page, 4);
    await page.evaluate(([h, b]) => window.spacetime!.xr.emulator!.setButton(h as 'left', b as 'trigger', 0), [hand, button]);
    await frames(page, 4);
  };
  const flick = async (x: number, y: number) => {
    await page.evaluate(([a, b]) => window.spacetime!.xr.emulator!.setStick('left', a, b), [x, y]);
    await frames(page, 4);
    await page.evaluate(() => window.spacetime!.xr.emulator!.setStick('left', 0, 0));
    await frames(page, 4);
  };

  // Y: settings, then inventory (seen on the wrist), then build.
  await press('left', 'y-button');
  await press('left', 'y-button');
  await frames(page, 10);
  await page.screenshot({ path: `${ARTIFACTS}/vr-wrist-inventory.png` });
  await press('left', 'y-button');
  await frames(page, 10);
  await page.screenshot({ path: `${ARTIFACTS}/vr-wrist-build.png` });
  // The build page opens on the first structure, the solar panel: stick right starts placing it.
  await flick(1, 0);
  await expect.poll(() => page.evaluate(() => document.querySelector('.status')?.textContent ?? '')).toContain('Placing: Solar panel');
  await expect.poll(() => page.evaluate(() => window.spacetime!.aim()).then((a) => a.source === 'right' && a.hit), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('placement').textContent(), { timeout: 20_000 }).toContain('click to place');
  await frames(page, 5);
  await page.screenshot({ path: `${ARTIFACTS}/vr-place-ghost.png` });
  // The trigger puts it down: the relay charges the cost.
  await press('right', 'trigger');
  await expect.poll(() => held(page, 'iron_plate'), { message: 'the panel is paid for' }).toBe(2);
  expect(await held(page, 'glass')).toBe(0);
  // The grip stops placing; the trigger digs again.
  await press('right', 'squeeze');
  await expect.poll(() => page.evaluate(() => document.querySelector('.status')?.textContent ?? '')).toContain('Dig');
  await context.close();
});
