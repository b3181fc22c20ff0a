import { test, expect, openGame, state, waitStreamed, frames, ARTIFACTS } from './helpers/game.ts';

test('desktop: click locks the pointer, holding the left button digs at the crosshair, 2 selects build', async ({ page }) => {
  await openGame(page, '?seed=1337&view=64');
  await waitStreamed(page);
  const ground = await page.evaluate(() => window.spacetime!.terrain.columnHeight(0, 0));
  expect((await page.evaluate((g) => window.spacetime!.camera.set({ x: 0, y: g + 6, z: 0 }, 0, -60), ground)).ok).toBe(true);
  await expect.poll(async () => (await page.evaluate(() => window.spacetime!.aim())).hit).toBe(true);
  const aim = await page.evaluate(() => window.spacetime!.aim());
  expect(aim.source).toBe('desktop');
  const probe = { x: aim.point.x - aim.normal.x * 0.6, y: aim.point.y - aim.normal.y * 0.6, z: aim.point.z - aim.normal.z * 0.6 };
  const before = await page.evaluate((p) => window.spacetime!.terrain.info(p), probe);
  expect(before.ok && before.value.density).toBeGreaterThan(0);

  const canvas = page.locator('canvas');
  await canvas.click({ position: { x: 640, y: 360 } });
  await expect.poll(() => page.evaluate(() => document.pointerLockElement?.tagName ?? null)).toBe('CANVAS');
  const edits = (await state(page)).editCount;
  await page.mouse.down({ button: 'left' });
  await expect.poll(async () => (await state(page)).editCount, { timeout: 20_000 }).toBeGreaterThan(edits);
  await page.mouse.up({ button: 'left' });
  await expect.poll(async () => {
    const after = await page.evaluate((p) => window.spacetime!.terrain.info(p), probe);
    return after.ok ? after.value.density : 1;
  }, { timeout: 20_000 }).toBeLessThanOrEqual(0);

  await page.keyboard.press('Digit2');
  await expect(page.locator('.status')).toContainText('Build');
  await frames(page, 3);
  await page.screenshot({ path: `${ARTIFACTS}/desktop-dig.png` });
});
