import { test, expect, openGame, state, waitStreamed, frames, ARTIFACTS } from './helpers/game.ts';
import { XR_VIEWPORT } from './helpers/browser.ts';

test.use({ viewport: XR_VIEWPORT });

// Pitched 50° down: the controller's −z ray meets the ground a few metres ahead.
const DOWN = { x: -Math.sin((50 / 2) * (Math.PI / 180)), y: 0, z: 0, w: Math.cos((50 / 2) * (Math.PI / 180)) };

test('an emulated Quest 3 enters VR, frames tick, and the trigger digs where the ray points', async ({ page }) => {
  const cdnRequests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://localhost')) cdnRequests.push(r.url());
  });
  await openGame(page, '?seed=1337&view=64&xr=emulate');
  await waitStreamed(page);
  expect((await state(page)).xr.supported).toBe(true);

  // Stand close to the ground so the ray reaches it.
  const ground = await page.evaluate(() => window.spacetime!.terrain.columnHeight(0, 0));
  await page.evaluate((g) => window.spacetime!.camera.set({ x: 0, y: g + 2.2, z: 0 }, 0, 0), ground);
  await page.evaluate(() => window.spacetime!.xr.enter());
  await expect.poll(async () => (await state(page)).xr.presenting).toBe(true);
  const start = (await state(page)).xr.frames;
  await expect.poll(async () => (await state(page)).xr.frames, { timeout: 20_000 }).toBeGreaterThan(start + 10);

  await page.evaluate((q) => {
    const emu = window.spacetime!.xr.emulator!;
    emu.setHeadset({ position: { x: 0, y: 1.6, z: 0 } });
    emu.setController('right', { position: { x: 0.2, y: 1.3, z: -0.3 }, quaternion: q });
    emu.setController('left', { position: { x: -0.2, y: 1.3, z: -0.3 }, quaternion: q });
  }, DOWN);
  await expect.poll(async () => {
    const aim = await page.evaluate(() => window.spacetime!.aim());
    return aim.source === 'right' && aim.hit;
  }, { timeout: 20_000 }).toBe(true);
  await frames(page, 5);
  const aim = await page.evaluate(() => window.spacetime!.aim());
  // A point just below the surface where the ray lands, along the ray.
  const probe = { x: aim.point.x - aim.normal.x * 0.6, y: aim.point.y - aim.normal.y * 0.6, z: aim.point.z - aim.normal.z * 0.6 };
  const before = await page.evaluate((p) => window.spacetime!.terrain.info(p), probe);
  expect(before.ok && before.value.density).toBeGreaterThan(0);
  await page.screenshot({ path: `${ARTIFACTS}/xr-aim.png` });

  const edits = (await state(page)).editCount;
  await page.evaluate(() => window.spacetime!.xr.emulator!.setButton('right', 'trigger', 1));
  await expect.poll(async () => (await state(page)).editCount, { timeout: 20_000 }).toBeGreaterThan(edits);
  await page.evaluate(() => window.spacetime!.xr.emulator!.setButton('right', 'trigger', 0));
  await expect.poll(async () => {
    const after = await page.evaluate((p) => window.spacetime!.terrain.info(p), probe);
    return after.ok ? after.value.density : 1;
  }, { timeout: 20_000 }).toBeLessThanOrEqual(0);
  await frames(page, 5);
  await page.screenshot({ path: `${ARTIFACTS}/xr-dug.png` });

  await page.evaluate(() => window.spacetime!.xr.exit());
  await expect.poll(async () => (await state(page)).xr.presenting).toBe(false);
  expect(cdnRequests).toEqual([]);
});
