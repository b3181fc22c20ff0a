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
import type { Vec3 } from '../../src/protocol/vec3.ts';
import type { BridgeRemotePlayer } from '../../src/protocol/bridge.ts';
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
  /** Pages opened so far (settled), in order. */
  opened(): Promise<GamePage[]>;
  /** Every edit a page or client got acknowledged, with its edit_seq. */
  acked: Array<{ edit_seq: number; edit: BrushEdit }>;
}

/** The page's URL for the shared arena world. */
export const worldQuery = (worldId: number) => `?world=${worldId}&scene=test_arena&view=64`;

export interface MultiplayerStatus { state: string; world_id: number | null; edit_seq: number; players: number; client_id: string | null }

/** GET /status's `multiplayer` block, through the bridge. */
export async function mpStatus(page: Page): Promise<MultiplayerStatus> {
  const r = await api<{ multiplayer: MultiplayerStatus }>(page, 'GET', '/status');
  if (r.status !== 200) throw new Error(`GET /status answered ${r.status}: ${JSON.stringify(r.body)}`);
  if (!r.body.multiplayer) throw new Error(`GET /status has no multiplayer block: ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body.multiplayer;
}

async function openOn(browser: Browser, relay: RelayProcess, worldId: number, index: number): Promise<GamePage> {
  const context = await browser.newContext({ baseURL: relay.url, viewport: { width: 800, height: 450 } });
  // A returning player: the first-visit controls panel would cover the view and the click.
  await context.addInitScript(() => localStorage.setItem('spacetime.helpSeen', '1'));
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
  await expect.poll(() => page.evaluate(() => window.spacetime!.net.state().shared), { message: `page ${index} runs the shared world` }).toBe(true);
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
      opened: () => Promise.all(pages),
      acked: [],
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

/** The remote players page `page` draws this instant (interpolated ~100 ms back), through the bridge. */
export const remotePlayers = (page: Page): Promise<BridgeRemotePlayer[]> => page.evaluate(() => window.spacetime!.net.remotePlayers());

export const distance = (a: Vec3, b: Vec3) => Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);

/**
 * SHA-256 of each chunk's voxels on this page (read-only: unlike POST /terrain/sync, it pushes
 * nothing), in the order given. Asked all at once: the worker answers them in order either way, and
 * one at a time each answer waited for a frame of the page's busy main thread.
 */
export function chunkHashes(page: Page, chunks: Array<{ x: number; y: number; z: number }>): Promise<string[]> {
  return page.evaluate((cs) => Promise.all(cs.map(async (c) => {
    const r = await window.spacetime!.terrain.chunkHash(c.x, c.y, c.z);
    return r.ok ? r.value : `error:${r.error.code}`;
  })), chunks);
}
