import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { BridgeState } from '../../src/protocol/bridge.ts';

export const ARTIFACTS = 'e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

/** Opens the game and waits until the bridge says the spawn area is meshed. */
export async function openGame(page: Page, query = '') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/${query}`);
  await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.spacetime!.ready);
  return { errors };
}

export const state = (page: Page): Promise<BridgeState> => page.evaluate(() => window.spacetime!.state());

/** Waits until every chunk in view distance is meshed (streaming settled). */
export async function waitStreamed(page: Page, timeout = 90_000) {
  await expect
    .poll(async () => {
      const s = await state(page);
      return s.chunks.wanted > 0 && s.chunks.meshed === s.chunks.wanted;
    }, { timeout, intervals: [250] })
    .toBe(true);
}

/** GET /player/position's fields, through the typed bridge. */
export const player = (page: Page) => page.evaluate(() => window.spacetime!.player.position());

export async function frames(page: Page, count: number) {
  await page.evaluate((n) => window.spacetime!.frames(n), count);
}

/**
 * Fraction of the lower half of a screenshot that differs from a sky-only reference by more than a
 * small colour distance: how much of the view is terrain.
 */
export function terrainFraction(withTerrain: Buffer, skyOnly: Buffer): number {
  const a = PNG.sync.read(withTerrain);
  const b = PNG.sync.read(skyOnly);
  let differing = 0, total = 0;
  for (let y = Math.floor(a.height / 2); y < a.height; y++) {
    for (let x = 0; x < a.width; x += 2) {
      const i = (y * a.width + x) * 4;
      const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
      if (d > 24) differing++;
      total++;
    }
  }
  return differing / total;
}

export const test = base;
export { expect };
