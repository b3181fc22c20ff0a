import { test, expect, openGame, ARTIFACTS } from './helpers/game.ts';

test('without a headset Enter VR is disabled and says why', async ({ page }) => {
  await openGame(page, '?seed=1337');
  const button = page.getByTestId('enter-vr');
  await expect(button).toBeDisabled();
  // The final reason, not the initial 'Checking for WebXR…'.
  await expect(page.getByTestId('vr-reason')).toHaveText(/^(No VR headset found|This browser has no WebXR|VR needs HTTPS.*)$/);
  await expect(page.getByTestId('controls')).toBeVisible();
  // H hides the controls panel and shows it again.
  await page.keyboard.press('h');
  await expect(page.getByTestId('controls')).toBeHidden();
  await page.keyboard.press('h');
  await expect(page.getByTestId('controls')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/hud.png` });
});

test('the loading overlay shows streaming progress before the world is ready', async ({ page }) => {
  await page.goto('/?seed=1337');
  await expect(page.getByTestId('loading')).toContainText(/terrain \d+ \/ [1-9]\d* chunks/);
  await page.screenshot({ path: `${ARTIFACTS}/loading.png` });
  await page.waitForFunction(() => !!window.spacetime);
  await page.evaluate(() => window.spacetime!.ready);
  await expect(page.getByTestId('loading')).toBeHidden();
});

test('settings: O opens the panel, a change persists across a reload, bad values are refused', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  await expect(page.getByTestId('vitals')).toBeVisible();
  await page.keyboard.press('o');
  await expect(page.getByTestId('settings')).toBeVisible();
  await page.getByTestId('setting-snapTurnDegrees').selectOption('45');
  await page.getByTestId('setting-seated').check();
  await page.screenshot({ path: `${ARTIFACTS}/settings.png` });
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('spacetime.settings') ?? '{}'));
  expect(stored.state).toMatchObject({ snapTurnDegrees: 45, seated: true });
  const bad = await page.evaluate(() => window.spacetime!.settings.update({ snapTurnDegrees: 31 }));
  expect(!bad.ok && bad.error.code).toBe('INVALID_PARAMETER');

  await page.reload();
  await page.waitForFunction(() => !!window.spacetime);
  await page.evaluate(() => window.spacetime!.ready);
  expect(await page.evaluate(() => window.spacetime!.settings.get())).toMatchObject({ snapTurnDegrees: 45, seated: true });
  await page.keyboard.press('o');
  await expect(page.getByTestId('setting-snapTurnDegrees')).toHaveValue('45');
  await page.getByTestId('settings-reset').click();
  await expect(page.getByTestId('setting-snapTurnDegrees')).toHaveValue('30');
});

test('a browser without WebXR gets a disabled Enter VR with that reason, and desktop play still works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'xr', { get: () => undefined, configurable: true });
  });
  await openGame(page, '?scene=test_arena');
  await expect(page.getByTestId('enter-vr')).toBeDisabled();
  await expect(page.getByTestId('vr-reason')).toHaveText('This browser has no WebXR');
  const before = await page.evaluate(() => window.spacetime!.player.position());
  await page.keyboard.down('KeyW');
  await expect.poll(async () => (await page.evaluate(() => window.spacetime!.player.position())).position.x, { timeout: 30_000 })
    .toBeGreaterThan(before.position.x + 1);
  await page.keyboard.up('KeyW');
});
