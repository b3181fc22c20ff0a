import { test, expect, openGame, state, waitStreamed } from './helpers/game.ts';

test('a crashed terrain worker is replaced; streaming and digging carry on', async ({ page }) => {
  await openGame(page, '?seed=1337&view=64');
  await waitStreamed(page);
  const before = await state(page);
  expect(before.workers.size).toBeGreaterThanOrEqual(2);
  const edit = { position: { x: 4, y: 0, z: 4 }, radius: 3, strength: 6, operation: 'remove' as const };
  const ground = await page.evaluate(() => window.spacetime!.terrain.columnHeight(4, 4));
  edit.position.y = Math.floor(ground) - 1;
  expect((await page.evaluate((e) => window.spacetime!.terrain.deform(e), edit)).ok).toBe(true);

  const chunk = { cx: Math.floor(edit.position.x / 32), cy: Math.floor(edit.position.y / 32), cz: Math.floor(edit.position.z / 32) };
  const hashBefore = await page.evaluate((c) => window.spacetime!.terrain.chunkHash(c.cx, c.cy, c.cz), chunk);
  expect(hashBefore.ok).toBe(true);

  const badIndex = await page.evaluate(() => window.spacetime!.workers.crash(-1));
  expect(!badIndex.ok && badIndex.error.code).toBe('INVALID_PARAMETER');
  expect((await page.evaluate(() => window.spacetime!.workers.crash(0))).ok).toBe(true);
  await expect.poll(async () => (await state(page)).workers.replaced, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);

  // Fly to unexplored ground: every new chunk must still be meshed.
  await page.evaluate(() => window.spacetime!.camera.set({ x: 700, y: 80, z: -500 }, 45, -20));
  await waitStreamed(page);
  const after = await state(page);
  expect(after.workers.size).toBe(before.workers.size);
  expect(after.workers.meshed).toBeGreaterThan(before.workers.meshed);

  // Queries go to worker 0, now the replacement: it replayed the edit log, so the edited chunk matches.
  const hashAfter = await page.evaluate((c) => window.spacetime!.terrain.chunkHash(c.cx, c.cy, c.cz), chunk);
  expect(hashAfter).toEqual(hashBefore);
  const dig = await page.evaluate(() => window.spacetime!.terrain.deform({ position: { x: 700, y: 10, z: -500 }, radius: 3, strength: 4, operation: 'add' }));
  expect(dig.ok).toBe(true);
});
