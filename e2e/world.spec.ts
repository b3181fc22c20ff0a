import { test, expect, openGame, state, waitStreamed, frames, terrainFraction, ARTIFACTS } from './helpers/game.ts';

test('the world loads, streams every chunk in view and the screenshot shows terrain', async ({ page }) => {
  const { errors } = await openGame(page, '?seed=1337');
  await waitStreamed(page);
  const s = await state(page);
  expect(s.chunks.drawn).toBeGreaterThan(20);
  expect(s.render.triangles).toBeGreaterThan(10_000);
  // The whole terrain is one batch: sky + gas giant + terrain stay far under the Quest's ~100 calls.
  expect(s.render.drawCalls).toBeLessThan(20);
  await frames(page, 3);
  const shot = await page.screenshot({ path: `${ARTIFACTS}/world.png` });

  await page.evaluate(() => window.spacetime!.debug.setTerrainVisible(false));
  await frames(page, 3);
  const skyOnly = await page.screenshot({ path: `${ARTIFACTS}/world-sky-only.png` });
  await page.evaluate(() => window.spacetime!.debug.setTerrainVisible(true));
  await frames(page, 3);
  const again = await page.screenshot();

  // Most of the lower half is terrain...
  expect(terrainFraction(shot, skyOnly)).toBeGreaterThan(0.6);
  // ...and the measure does fail on a view without terrain.
  expect(terrainFraction(skyOnly, skyOnly)).toBe(0);
  expect(terrainFraction(again, skyOnly)).toBeGreaterThan(0.6);
  expect(errors).toEqual([]);
});

test('other biomes render: desert, ice and mountains from the air', async ({ page }) => {
  await openGame(page, '?seed=1337&view=64');
  for (const [name, x, z] of [['far-a', 2600, -1800], ['far-b', -2400, 2200], ['far-c', 1400, 3000]] as const) {
    const ground = await page.evaluate(([px, pz]) => window.spacetime!.terrain.columnHeight(px, pz), [x, z]);
    await page.evaluate(([px, py, pz]) => window.spacetime!.camera.set({ x: px, y: py, z: pz }, 30, -20), [x, ground + 30, z]);
    await waitStreamed(page);
    await frames(page, 3);
    const info = await page.evaluate(([px, py, pz]) => window.spacetime!.terrain.info({ x: px, y: py, z: pz }), [x, ground - 1, z]);
    expect(info.ok).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/biome-${name}-${info.ok ? info.value.biome : 'unknown'}.png` });
  }
});
