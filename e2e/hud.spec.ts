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
