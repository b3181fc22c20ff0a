/**
 * The multiplayer specs' shared world, once per worker: one relay child process (relay-process.ts)
 * serving the e2e build in dist/, one small arena world created through POST /worlds, and game
 * pages opened on it lazily, each in its own browser context (its own localStorage, so its own
 * guest identity). Tests reuse the pages; a failed test's worker is replaced and the next test
 * builds its own.
 */
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { api } from './api.ts';
import { startRelay, type RelayProcess } from './relay-process.ts';
import { createWorld } from './relay-client.ts';
import { CHUNK_SIZE } from '../../src/protocol/world.ts';
import type { BrushEdit } from '../../src/protocol/terrain.ts';

export const ARENA_WORLD = { world_name: 'e2e arena', seed: 4242, kind: 'arena' } as const;

export interface GamePage {
  page: Page;
  /** performance.timeOrigin when it was opened: unchanged means never reloaded. */
  timeOrigin: number;
  errors: string[];
  console: string[];
}

export interface Multiplayer {
  relay: RelayProcess;
  worldId: number;
  /** The i-th page (0-based), opened and joined on first use. */
  page(i: number): Promise<GamePage>;
  opened(): GamePage[];
}

/** The page's URL for the shared arena world. */
export const worldQuery = (worldId: number) => `?world=${worldId}&scene=test_arena`;

export interface MultiplayerStatus { state: string; world_id: number | null; edit_seq: number; players: number }

/** GET /status's `multiplayer` block, through the bridge. */
export async function mpStatus(page: Page): Promise<MultiplayerStatus> {
  const r = await api<{ multiplayer: MultiplayerStatus }>(page, 'GET', '/status');
  if (r.status !== 200) throw new Error(`GET /status answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body.multiplayer;
}

async function openOn(browser: Browser, relay: RelayProcess, worldId: number, index: number): Promise<GamePage> {
  const context = await browser.newContext({ baseURL: relay.url, viewport: { width: 960, height: 540 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const consoleLines: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`[p${index}] ${m.type()}: ${m.text()}`); });
  await page.goto(`/${worldQuery(worldId)}`);
  await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.spacetime!.ready);
  await expect.poll(async () => (await mpStatus(page)).state, { timeout: 60_000, message: `page ${index} connects` }).toBe('connected');
  expect((await mpStatus(page)).world_id).toBe(worldId);
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  return { page, timeOrigin, errors, console: consoleLines };
}

export const test = base.extend<object, { mp: Multiplayer }>({
  mp: [async ({ browser }, use) => {
    const relay = await startRelay();
    const world = await createWorld(relay.url, ARENA_WORLD);
    const pages: Array<Promise<GamePage>> = [];
    await use({
      relay,
      worldId: world.world_id,
      page(i) {
        for (let k = pages.length; k <= i; k++) pages[k] = openOn(browser, relay, world.world_id, k);
        return pages[i];
      },
      opened: () => [],
    });
    for (const p of pages) await p.then((g) => g.page.context().close(), () => undefined);
    await relay.stop();
  }, { scope: 'worker', timeout: 180_000 }],
});
export { expect };

/** Chunks a brush edit can touch (its bounding box, one voxel of margin for the meshing border). */
export function touchedChunks(e: Pick<BrushEdit, 'position' | 'radius'>): Array<{ x: number; y: number; z: number }> {
  const lo = (v: number) => Math.floor((v - e.radius - 1) / CHUNK_SIZE);
  const hi = (v: number) => Math.floor((v + e.radius + 1) / CHUNK_SIZE);
  const out: Array<{ x: number; y: number; z: number }> = [];
  for (let x = lo(e.position.x); x <= hi(e.position.x); x++)
    for (let y = lo(e.position.y); y <= hi(e.position.y); y++)
      for (let z = lo(e.position.z); z <= hi(e.position.z); z++) out.push({ x, y, z });
  return out;
}
