import { test, expect, openGame, ARTIFACTS } from './helpers/game.ts';

test('without a headset Enter VR is disabled and says why', async ({ page }) => {
  await openGame(page, '?seed=1337');
  const button = page.getByTestId('enter-vr');
  await expect(button).toBeDisabled();
  await expect(page.getByTestId('vr-reason')).toHaveText(/headset|WebXR|HTTPS/);
  await expect(page.getByTestId('controls')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/hud.png` });
});

test('the loading overlay shows streaming progress before the world is ready', async ({ page }) => {
  await page.goto('/?seed=1337');
  await expect(page.getByTestId('loading')).toContainText(/terrain \d+ \/ \d+ chunks/);
  await page.screenshot({ path: `${ARTIFACTS}/loading.png` });
  await page.waitForFunction(() => !!window.spacetime);
  await page.evaluate(() => window.spacetime!.ready);
  await expect(page.getByTestId('loading')).toBeHidden();
});
