import { test, expect, openGame, state, frames, ARTIFACTS, player } from './helpers/game.ts';
import type { Page } from '@playwright/test';
import { holdSimulation } from './helpers/api.ts';

/** Cliff in the arena (src/engine/arena-gen.ts ARENA): solid rock x −40..−32, z −24..24, 20 m tall. */
const CLIFF_FACE_X = -32;

/**
 * Records every text the HUD banner shows from now on; returns a reader of them all. The banner
 * stays up for a few seconds of wall time, which a slow machine can spend before the test looks,
 * so tests ask whether it was shown rather than whether it is still there.
 */
async function watchBanners(page: Page): Promise<() => Promise<string>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { bannersSeen: string[] }).bannersSeen = seen;
    const record = () => {
      const text = document.querySelector('[data-testid="banner"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    record();
  });
  return () => page.evaluate(() => (window as unknown as { bannersSeen: string[] }).bannersSeen.join('\n'));
}

test('walking: spawn on the ground, climb the hill instead of passing through it, the cliff stops the body', async ({ page }) => {
  const { errors } = await openGame(page, '?scene=test_arena');
  let p = await player(page);
  expect(p).toMatchObject({ mode: 'walking', grounded: true, health: 100 });
  expect(p.position.y).toBeCloseTo(0, 1);
  // Oxygen drains outside the ship.
  await expect.poll(async () => (await player(page)).oxygen, { timeout: 20_000 }).toBeLessThan(100);
  await frames(page, 3);
  await page.screenshot({ path: `${ARTIFACTS}/hud-walking.png` });

  // Facing +x toward the hill (centre x=24, 6 m tall): hold W until past its top.
  await page.keyboard.down('KeyW');
  let top = -Infinity;
  await expect.poll(async () => {
    p = await player(page);
    if (Math.abs(p.position.x - 24) < 2) top = Math.max(top, p.position.y);
    return p.position.x;
  }, { timeout: 60_000, intervals: [100] }).toBeGreaterThan(26);
  await page.keyboard.up('KeyW');
  // The body went over the hill's crest (about 6 m up), never through it.
  expect(top).toBeGreaterThan(5);

  // Turn to face −x (the cliff) and walk into it for a while.
  const t = await page.evaluate(() => window.spacetime!.player.teleport({ position: { x: -20, y: 0, z: 0 }, rotation: { x: 0, y: 90, z: 0 } }));
  expect(t.ok).toBe(true);
  await page.keyboard.down('KeyW');
  let minX = Infinity;
  await expect.poll(async () => {
    p = await player(page);
    minX = Math.min(minX, p.position.x);
    return p.position.x;
  }, { timeout: 60_000, intervals: [100] }).toBeLessThan(CLIFF_FACE_X + 1);
  // Keep pushing against the face for a second of game time.
  await frames(page, 20);
  p = await player(page);
  minX = Math.min(minX, p.position.x);
  await page.keyboard.up('KeyW');
  expect(minX).toBeGreaterThan(CLIFF_FACE_X); // the capsule (0.4 m radius) rests against the face
  expect(p.position.y).toBeLessThan(1);
  expect(errors).toEqual([]);
});

test('spacecraft: board with F, fly into the cliff at top speed and at full boost, never through it, leave with F', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  // The ship is parked beside the spawn: the HUD offers boarding, and F boards it.
  await expect(page.getByTestId('hint')).toHaveText('F: board the spacecraft');
  await page.keyboard.press('KeyF');
  await expect.poll(async () => {
    const p = await player(page);
    return p.mode === 'spacecraft' ? p.mode : `${p.mode}; banner: ${await page.getByTestId('vitals').textContent()}`;
  }).toBe('spacecraft');
  await expect(page.getByTestId('mode')).toHaveText('Spacecraft');

  // 120 m east of the cliff at 12 m (clear of the 6 m hill), nose toward −x, at the unboosted limit.
  expect((await page.evaluate(() => window.spacetime!.camera.set({ x: 90, y: 12, z: 0 }, 90, 0))).ok).toBe(true);
  await page.keyboard.down('KeyW');
  let minX = Infinity, topSpeed = 0;
  await expect.poll(async () => {
    const p = await player(page);
    minX = Math.min(minX, p.position.x);
    topSpeed = Math.max(topSpeed, p.speed);
    return p.position.x < CLIFF_FACE_X + 6 && p.speed < 3;
  }, { timeout: 90_000, intervals: [50] }).toBe(true);
  await frames(page, 3);
  await page.screenshot({ path: `${ARTIFACTS}/hud-spacecraft.png` });
  await page.keyboard.up('KeyW');
  let p = await player(page);
  expect(topSpeed).toBeGreaterThan(50);
  expect(minX).toBeGreaterThan(CLIFF_FACE_X); // the hull (2 m) stopped at the face, never inside or past it
  expect(p.health).toBeLessThan(100); // it really hit
  expect(p.deaths).toBe(0);
  await expect(page.getByTestId('flight')).toContainText('m/s');

  // Leave: the player stands on the ground beside the ship.
  await page.keyboard.press('KeyF');
  await expect.poll(async () => (await player(page)).mode).toBe('walking');
  await expect.poll(async () => (await player(page)).grounded, { timeout: 30_000 }).toBe(true);

  // Full boost (about 120 m/s) from the same start: the impact is fatal, but the hull never
  // reaches the far side of the 8 m thick cliff.
  const banners = await watchBanners(page);
  expect((await page.evaluate(() => window.spacetime!.camera.set({ x: 90, y: 12, z: 0 }, 90, 0))).ok).toBe(true);
  await page.keyboard.down('ControlLeft');
  await page.keyboard.down('KeyW');
  minX = Infinity; topSpeed = 0;
  await expect.poll(async () => {
    p = await player(page);
    if (p.mode === 'spacecraft') {
      minX = Math.min(minX, p.position.x);
      topSpeed = Math.max(topSpeed, p.speed);
    }
    return p.deaths;
  }, { timeout: 90_000, intervals: [50] }).toBe(1);
  await page.keyboard.up('KeyW');
  await page.keyboard.up('ControlLeft');
  expect(topSpeed).toBeGreaterThan(60);
  expect(minX).toBeGreaterThan(CLIFF_FACE_X - 8);
  await expect.poll(banners).toContain('You died');
});

test('a long fall kills; the player respawns at the landing site with full vitals', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  const banners = await watchBanners(page);
  const dropped = await page.evaluate(() => window.spacetime!.player.teleport({ position: { x: 40, y: 70, z: 30 } }));
  expect(dropped.ok).toBe(true);
  await expect.poll(async () => (await player(page)).deaths, { timeout: 60_000 }).toBe(1);
  await expect.poll(banners).toContain('You died');
  const p = await player(page);
  expect(p).toMatchObject({ mode: 'walking', health: 100 });
  expect(Math.hypot(p.position.x, p.position.z)).toBeLessThan(1);
});

test('bad player input is refused with a typed error and changes nothing', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  // Held, so a player still settling onto the ground cannot move between the two readings.
  await holdSimulation(page);
  const before = await player(page);
  const results = await page.evaluate(() => {
    const p = window.spacetime!.player;
    return Promise.all([
      p.teleport({ position: { x: Number.NaN, y: 0, z: 0 } }),
      p.teleport({ position: { x: 1e9, y: 0, z: 0 } }),
      p.teleport({ position: { x: 0, y: -10, z: 0 } }), // inside the ground
      p.teleport({}),
      p.spawn({ position: { x: 0, y: 0, z: 0 }, mode: 'swimming' }),
      p.spawn({ position: { x: 0, y: 'up', z: 0 } }),
      p.mode({ mode: 'swimming' }),
      p.mode({}),
    ]);
  });
  expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
    'INVALID_PARAMETER', 'INVALID_PARAMETER', 'INVALID_PARAMETER', 'MISSING_PARAMETER',
    'INVALID_PARAMETER', 'INVALID_PARAMETER', 'INVALID_PARAMETER', 'MISSING_PARAMETER',
  ]);
  const after = await player(page);
  expect(after.position.x).toBeCloseTo(before.position.x, 6);
  expect(after.position.y).toBeCloseTo(before.position.y, 6);
  expect(after.position.z).toBeCloseTo(before.position.z, 6);
  expect(after.mode).toBe(before.mode);
  expect((await state(page)).scene.name).toBe('test_arena');
});
