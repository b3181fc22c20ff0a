/**
 * A game page joined to a relay's shared world: a fresh browser context on the relay's origin (it
 * serves the test build), the controls help marked as seen, waiting until the page plays the shared
 * world. Every wait is on a condition.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface SharedPageOptions {
  /** Path and query on the relay's origin. */
  path?: string;
  viewport?: { width: number; height: number };
}

export async function openSharedPage(browser: Browser, relayUrl: string, options: SharedPageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: relayUrl, viewport: options.viewport ?? { width: 1280, height: 720 } });
  await context.addInitScript(() => localStorage.setItem('spacetime.helpSeen', '1'));
  const page = await context.newPage();
  await page.goto(options.path ?? '/?view=64');
  await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.spacetime!.ready);
  await expect.poll(() => page.evaluate(() => window.spacetime!.net.state().shared), { timeout: 60_000, message: 'the page plays the shared world' }).toBe(true);
  return { context, page };
}
