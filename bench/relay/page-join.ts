/**
 * A game page joining a relay world, timed in the page. "Ready" is what a player waits for: the
 * relay link connected to that world, the page caught up to the world's edit_seq (GET /status
 * `multiplayer`, issue 10), and streaming settled (every wanted chunk meshed, no worker busy). The
 * page polls itself every 20 ms, so the time does not include a round trip to the bench.
 */
import type { Browser, Page } from '@playwright/test';
import { FRAME_HOOK } from '../frame-bench.ts';

/** The page build has no relay client (issue 10's client not landed): nothing to measure. */
export class NoRelayClient extends Error {}

/** The smallest streaming radius (?view=): the spawn area itself, where the 5,000 edits are. */
export const VIEW_M = 64;

export interface JoinTiming { page: Page; ms: number; spawn: { x: number; y: number; z: number }; detail: string }

/** Runs in the page: resolves performance.now() once ready (see above), or rejects after timeoutMs. */
const READY_IN_PAGE = async ([worldId, seq, timeoutMs]: [number, number, number]) => {
  const game = window.spacetime!;
  const limit = performance.now() + timeoutMs;
  let last = '';
  for (;;) {
    const s = game.state();
    const status = await game.request('GET', '/status');
    const mp = (status.body as { multiplayer?: { state: string; world_id: number | null; edit_seq: number } }).multiplayer;
    const streamed = s.chunks.wanted > 0 && s.chunks.meshed === s.chunks.wanted && s.workers.queued === 0 && s.workers.inflight === 0;
    last = `mp ${JSON.stringify(mp)}, chunks ${s.chunks.meshed}/${s.chunks.wanted}, workers ${s.workers.queued}+${s.workers.inflight}`;
    if (streamed && mp?.state === 'connected' && mp.world_id === worldId && mp.edit_seq >= seq) return { at: performance.now(), last };
    if (performance.now() > limit) throw new Error(`not ready within ${timeoutMs} ms: ${last}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Opens a fresh context (its own guest identity) on `?world=<id>`; ms is from navigation start. */
export async function openWhenReady(browser: Browser, origin: string, worldId: number, seq: number, timeoutMs = 90_000): Promise<JoinTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.warn('[page error]', e.message));
  await page.addInitScript(FRAME_HOOK);
  await page.goto(`${origin}/?world=${worldId}&view=${VIEW_M}`);
  await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
  const status = await page.evaluate(() => window.spacetime!.request('GET', '/status'));
  if (!(status.body as { multiplayer?: unknown }).multiplayer) {
    await context.close();
    throw new NoRelayClient('the page has no relay client yet (GET /status lacks `multiplayer`)');
  }
  const ready = await page.evaluate(READY_IN_PAGE, [worldId, seq, timeoutMs] as [number, number, number]);
  const snap = await page.evaluate(() => window.spacetime!.snapshot());
  return { page, ms: ready.at, spawn: snap.player.position, detail: ready.last };
}

/**
 * Resume: polls (in the page) until it is connected to `worldId` again and at `seq`; returns the ms
 * since `sinceNodeMs` on the bench's clock (the page's own clock is mapped through timeOrigin).
 */
export async function waitInSync(page: Page, worldId: number, seq: number, sinceNodeMs: number, timeoutMs: number): Promise<number> {
  const ready = await page.evaluate(READY_IN_PAGE, [worldId, seq, timeoutMs] as [number, number, number]);
  const origin = await page.evaluate(() => performance.timeOrigin);
  return origin + ready.at - (performance.timeOrigin + sinceNodeMs);
}
