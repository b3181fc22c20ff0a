import { test, expect, openGame, state, waitStreamed } from './helpers/game.ts';
import { CHUNK_SIZE } from '../src/protocol/world.ts';

test('terrain info answers the seed fields and a dig removes material there', async ({ page }) => {
  await openGame(page, '?seed=1337&view=64');
  await waitStreamed(page);
  const ground = await page.evaluate(() => window.spacetime!.terrain.columnHeight(10, 10));
  const point = { x: 10, y: Math.floor(ground) - 2, z: 10 };
  const before = await page.evaluate((p) => window.spacetime!.terrain.info(p), point);
  expect(before.ok).toBe(true);
  if (!before.ok) return;
  expect(Object.keys(before.value).sort()).toEqual(['biome', 'density', 'material', 'position', 'temperature']);
  expect(before.value.density).toBeGreaterThan(0);
  expect(before.value.material).not.toBe('air');

  const revision = (await state(page)).render.terrainRevision;
  const outcome = await page.evaluate(
    (p) => window.spacetime!.terrain.deform({ position: p, radius: 4, strength: 8, operation: 'remove' }),
    point,
  );
  expect(outcome.ok).toBe(true);
  if (outcome.ok) expect(outcome.value.voxels_modified).toBeGreaterThan(50);
  const after = await page.evaluate((p) => window.spacetime!.terrain.info(p), point);
  expect(after.ok && after.value.density).toBeLessThanOrEqual(0);
  // deform resolves only once the re-meshed chunks are in the scene.
  expect((await state(page)).render.terrainRevision).toBeGreaterThan(revision);
});

test('bad brush input gets a typed error and changes nothing', async ({ page }) => {
  await openGame(page, '?seed=1337&view=64');
  await waitStreamed(page);
  const center = { x: 0, y: 20, z: 0 };
  // The 27 chunks around the centre, asked all at once (in order): one at a time, each answer waited
  // for a frame of the busy main thread, and the two reads took 7 s.
  const hashes = () =>
    page.evaluate(async ({ c, size }) => {
      const asked: Array<Promise<string>> = [];
      for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        asked.push(window.spacetime!.terrain.chunkHash(Math.floor(c.x / size) + dx, Math.floor(c.y / size) + dy, Math.floor(c.z / size) + dz)
          .then((r) => (r.ok ? r.value : `error:${r.error.code}`)));
      }
      return Promise.all(asked);
    }, { c: center, size: CHUNK_SIZE });
  const before = await hashes();
  const editsBefore = (await state(page)).editCount;
  const bad: Array<[unknown, string]> = [
    [{ position: center, radius: Number.NaN, strength: 1, operation: 'remove' }, 'INVALID_PARAMETER'],
    [{ position: center, radius: -2, strength: 1, operation: 'remove' }, 'INVALID_PARAMETER'],
    [{ position: center, radius: 1e9, strength: 1, operation: 'remove' }, 'INVALID_PARAMETER'],
    [{ position: center, radius: 2, strength: Number.POSITIVE_INFINITY, operation: 'add' }, 'INVALID_PARAMETER'],
    [{ position: center, radius: 2, strength: 1, operation: 'explode' }, 'INVALID_PARAMETER'],
    [{ position: { x: 1e7, y: 0, z: 0 }, radius: 2, strength: 1, operation: 'add' }, 'INVALID_PARAMETER'],
    [{ radius: 2, strength: 1, operation: 'add' }, 'MISSING_PARAMETER'],
    [{ position: center, radius: '2', strength: 1, operation: 'add' }, 'INVALID_PARAMETER'],
  ];
  for (const [edit, code] of bad) {
    const result = await page.evaluate((e) => window.spacetime!.terrain.deform(e), edit);
    expect(result.ok, JSON.stringify(edit)).toBe(false);
    if (!result.ok) {
      expect(result.error.code, JSON.stringify(edit)).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(5);
    }
  }
  expect((await state(page)).editCount).toBe(editsBefore);
  expect(await hashes()).toEqual(before);
  // The workers are still alive and answer.
  const ok = await page.evaluate((c) => window.spacetime!.terrain.info(c), center);
  expect(ok.ok).toBe(true);
});
