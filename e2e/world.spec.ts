import { test, expect, openGame, state, waitStreamed, frames, terrainFraction, ARTIFACTS } from './helpers/game.ts';

// A returning player: the first-visit controls panel is opaque and would hide a third of the view
// from the screenshots these tests measure.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('spacetime.helpSeen', '1'));
});

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

test('other biomes render: desert, ice and mountains', async ({ page }) => {
  await openGame(page, '?seed=1337&view=64');
  // Find a column of each biome on a coarse grid (the worker answers info() in about a millisecond).
  // A ring's 16 columns are asked at once and taken in order: the same first find per biome as asking
  // one at a time, where each answer waited for a frame of the busy main thread (5 s in all).
  const found = await page.evaluate(async () => {
    const st = window.spacetime!;
    const out: Record<string, { x: number; z: number; ground: number }> = {};
    for (let r = 0; r <= 3200 && Object.keys(out).length < 3; r += 200) {
      const ring = await Promise.all(Array.from({ length: 16 }, async (_, a) => {
        const x = Math.round(Math.sin((a / 16) * Math.PI * 2) * r), z = Math.round(Math.cos((a / 16) * Math.PI * 2) * r);
        const ground = await st.terrain.columnHeight(x, z);
        const info = await st.terrain.info({ x, y: ground - 0.5, z });
        return { x, z, ground, biome: info.ok ? info.value.biome : '' };
      }));
      for (const { x, z, ground, biome } of ring) {
        if (['desert', 'ice', 'mountains'].includes(biome) && !out[biome]) out[biome] = { x, z, ground };
      }
    }
    return out;
  });
  expect(Object.keys(found).sort()).toEqual(['desert', 'ice', 'mountains']);
  for (const [biome, spot] of Object.entries(found)) {
    const placed = await page.evaluate((s) => window.spacetime!.camera.set({ x: s.x, y: s.ground + 25, z: s.z + 20 }, 0, -35), spot);
    expect(placed.ok).toBe(true);
    await waitStreamed(page);
    await frames(page, 3);
    const shot = await page.screenshot({ path: `${ARTIFACTS}/biome-${biome}.png` });
    await page.evaluate(() => window.spacetime!.debug.setTerrainVisible(false));
    await frames(page, 3);
    const skyOnly = await page.screenshot();
    await page.evaluate(() => window.spacetime!.debug.setTerrainVisible(true));
    expect(terrainFraction(shot, skyOnly), biome).toBeGreaterThan(0.5);
  }
});
