import { test, expect, openGame, state, frames, ARTIFACTS, player } from './helpers/game.ts';

test('scenes: menu to arena from the title screen, load, reload with and without state, history, validate', async ({ page }) => {
  const { errors } = await openGame(page, '?scene=menu');
  expect((await state(page)).scene).toEqual({ name: 'menu', ready: true });
  await expect(page.getByTestId('menu')).toBeVisible();
  await frames(page, 3);
  await page.screenshot({ path: `${ARTIFACTS}/scene-menu.png` });
  const listed = await page.evaluate(async () => (await window.spacetime!.scenes.list()).map((s) => s.scene_path));
  expect(listed).toEqual(['res://scenes/vr_main.tscn', 'res://scenes/menu.tscn', 'res://scenes/test_arena.tscn']);

  // The title menu's button loads the arena; the bridge call returns once it is playable.
  await page.getByTestId('menu-arena').click();
  await expect.poll(async () => (await state(page)).scene).toEqual({ name: 'test_arena', ready: true });
  await expect(page.getByTestId('menu')).toBeHidden();
  const spawned = await player(page);
  expect(spawned.mode).toBe('walking');
  expect(spawned.position.y).toBeCloseTo(0, 1);
  await frames(page, 5);
  await page.screenshot({ path: `${ARTIFACTS}/scene-arena.png` });

  const current = await page.evaluate(() => window.spacetime!.scenes.current());
  expect(current.ok && current.value).toMatchObject({ scene_path: 'res://scenes/test_arena.tscn', root_node: 'TestArena' });
  expect(current.ok && current.value.node_count).toBeGreaterThan(10);

  // Unknown or malformed scenes are errors, and the arena keeps running.
  const unknown = await page.evaluate(() => window.spacetime!.scenes.load({ scene_path: 'res://scenes/nowhere.tscn' }));
  expect(!unknown.ok && unknown.error.code).toBe('RESOURCE_NOT_FOUND');
  const malformed = await page.evaluate(() => window.spacetime!.scenes.load({ scene_path: 42 }));
  expect(!malformed.ok && malformed.error.code).toBe('INVALID_PARAMETER');
  expect((await state(page)).scene).toEqual({ name: 'test_arena', ready: true });

  // Reload keeping the player's state: same place (moved off the spawn first), same vitals.
  const moved = await page.evaluate(() => window.spacetime!.player.teleport({ position: { x: 10, y: 0, z: 6 } }));
  expect(moved.ok).toBe(true);
  const kept = await page.evaluate(() => window.spacetime!.scenes.reload({ preserve_state: true }));
  expect(kept.ok && kept.value.scene_path).toBe('res://scenes/test_arena.tscn');
  let p = await player(page);
  expect(p.position.x).toBeCloseTo(10, 0);
  expect(p.position.z).toBeCloseTo(6, 0);
  // A fresh reload puts the player back at the arena's spawn.
  const fresh = await page.evaluate(() => window.spacetime!.scenes.reload({ preserve_state: false }));
  expect(fresh.ok && fresh.value.reload_time_ms).toBeGreaterThan(0);
  p = await player(page);
  expect(Math.hypot(p.position.x, p.position.z)).toBeLessThan(1);

  // The planet, then history: newest first, load times, durations.
  const planet = await page.evaluate(() => window.spacetime!.scenes.load({ scene_path: 'res://scenes/vr_main.tscn' }));
  expect(planet.ok && planet.value.load_time_ms).toBeGreaterThan(0);
  await frames(page, 5);
  await page.screenshot({ path: `${ARTIFACTS}/scene-vr-main.png` });
  const history = await page.evaluate(() => window.spacetime!.scenes.history());
  expect(history.current_index).toBe(0);
  expect(history.history.map((h) => h.scene_path)).toEqual([
    'res://scenes/vr_main.tscn', 'res://scenes/test_arena.tscn', 'res://scenes/test_arena.tscn',
    'res://scenes/test_arena.tscn', 'res://scenes/menu.tscn',
  ]);
  for (const h of history.history) {
    expect(h.load_time_ms).toBeGreaterThanOrEqual(0);
    expect(h.duration_seconds).toBeGreaterThanOrEqual(0);
  }

  const valid = await page.evaluate(() => window.spacetime!.scenes.validate({ scene_path: 'res://scenes/test_arena.tscn' }));
  expect(valid.ok && valid.value).toMatchObject({ valid: true, checks: { file_exists: true, parseable: true, dependencies_met: true, scripts_valid: true }, errors: [] });
  const invalid = await page.evaluate(() => window.spacetime!.scenes.validate({ scene_path: 'res://scenes/nowhere.tscn' }));
  expect(invalid.ok && invalid.value).toMatchObject({ valid: false, checks: { file_exists: false } });
  expect(errors).toEqual([]);
});
