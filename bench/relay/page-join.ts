/**
 * A game page joining a relay world, timed in the page. "Ready" is what a player waits for: the
 * relay link connected to that world, the page caught up to the world's edit_seq (GET /status
 * `multiplayer`, issue 10), and streaming settled (every wanted chunk meshed, no worker busy). The
 * page watches itself every 20 ms from its first script on (JOIN_WATCH), so the time does not include
 * a round trip to the bench.
 *
 * Drawing is paused in every page the bench opens (debug.pauseRendering, as soon as the bridge
 * exists), as the stream and edit-pipeline figures do: headless Chromium draws with SwiftShader, whose
 * frames hold the main thread ~300-500 ms each and take the cores the terrain workers need. Once the
 * spawn area is in, the game starts drawing; a worker holds at most 6 jobs (terrain-pool.ts) and their
 * results were taken once between two such frames, so the chunks still missing came in 12 per frame
 * and a join took ~5 s longer whenever the spawn area was in well before the rest (no frame drawn
 * before the last chunk: ~4 s; 13 frames drawn: ~9 s). A page kept
 * open (the late joiner, for the resume figure) went on drawing too, on the same software GPU and
 * cores, while the next pages joined. On a GPU a frame is a few ms of main thread and none of this
 * applies; in a real browser a background tab draws nothing.
 */
import type { Browser, Page } from '@playwright/test';
import { FRAME_HOOK } from '../frame-bench.ts';

/** The page build has no relay client (issue 10's client not landed): nothing to measure. */
export class NoRelayClient extends Error {}

/** The smallest streaming radius (?view=): the spawn area itself, where the 5,000 edits are. */
export const VIEW_M = 64;

export interface JoinTiming { page: Page; ms: number; spawn: { x: number; y: number; z: number }; detail: string; marks: JoinMarks }

/** When each step of a join first held, ms from navigation start; frames = frames drawn by then (0: paused). */
export interface JoinMarks { bridge: number; joined: number; caughtUp: number; spawnArea: number; meshed: number; ready: number; frames: number }

type Watch = { marks: Partial<JoinMarks>; last: string; paused: boolean };

/**
 * Init script (before any page script): pauses drawing once the bridge exists, then records when the
 * page first had the bridge, was joined to `worldId`, had caught up to `seq`, had its spawn area in
 * (the loading screen lifts), had every wanted chunk meshed, and all of these at once (ready).
 */
const JOIN_WATCH = ({ worldId, seq, draw }: { worldId: number; seq: number; draw: boolean }) => {
  const watch: Watch = { marks: {}, last: 'no bridge yet', paused: false };
  (window as unknown as { __joinWatch: Watch }).__joinWatch = watch;
  const first = (key: keyof JoinMarks, holds: boolean) => {
    if (holds && watch.marks[key] === undefined) watch.marks[key] = performance.now();
  };
  const tick = async () => {
    const game = window.spacetime;
    if (game) {
      try {
        if (!draw && !watch.paused) {
          game.debug.pauseRendering(true);
          watch.paused = true;
        }
        const s = game.state();
        const status = await game.request('GET', '/status');
        const mp = (status.body as { multiplayer?: { state: string; world_id: number | null; edit_seq: number } }).multiplayer;
        const joined = mp?.state === 'connected' && mp.world_id === worldId;
        const streamed = s.chunks.wanted > 0 && s.chunks.meshed === s.chunks.wanted && s.workers.queued === 0 && s.workers.inflight === 0;
        watch.last = `mp ${JSON.stringify(mp)}, chunks ${s.chunks.meshed}/${s.chunks.wanted}, workers ${s.workers.queued}+${s.workers.inflight}`;
        first('bridge', true);
        first('joined', joined);
        first('caughtUp', joined && mp.edit_seq >= seq);
        first('spawnArea', s.scene.ready);
        first('meshed', streamed);
        if (joined && mp.edit_seq >= seq && streamed) {
          watch.marks.ready = performance.now();
          watch.marks.frames = s.frame;
          return;
        }
      } catch (e) {
        watch.last = `watch failed: ${(e as Error).message}`;
      }
    }
    setTimeout(() => void tick(), 20);
  };
  setTimeout(() => void tick(), 0);
};

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

/**
 * Opens a fresh context (its own guest identity) on `?world=<id>`; ms is from navigation start.
 * Drawing stays paused in the page afterwards too (it may be kept open while others join);
 * `draw: true` lets it draw (the game's own behaviour, for comparison: see the top of this file).
 */
export async function openWhenReady(browser: Browser, origin: string, worldId: number, seq: number, timeoutMs = 90_000, { draw = false } = {}): Promise<JoinTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.warn('[page error]', e.message));
  await page.addInitScript(FRAME_HOOK);
  await page.addInitScript(JOIN_WATCH, { worldId, seq, draw });
  await page.goto(`${origin}/?world=${worldId}&view=${VIEW_M}`);
  await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
  const status = await page.evaluate(() => window.spacetime!.request('GET', '/status'));
  if (!(status.body as { multiplayer?: unknown }).multiplayer) {
    await context.close();
    throw new NoRelayClient('the page has no relay client yet (GET /status lacks `multiplayer`)');
  }
  const watched = () => page.evaluate(() => (window as unknown as { __joinWatch: Watch }).__joinWatch);
  try {
    await page.waitForFunction(() => (window as unknown as { __joinWatch: Watch }).__joinWatch.marks.ready !== undefined, undefined, { timeout: timeoutMs, polling: 100 });
  } catch {
    throw new Error(`not ready within ${timeoutMs} ms: ${(await watched()).last}`);
  }
  const watch = await watched();
  const marks = watch.marks as JoinMarks;
  const snap = await page.evaluate(() => window.spacetime!.snapshot());
  return { page, ms: marks.ready, spawn: snap.player.position, detail: watch.last, marks };
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
