/**
 * Browser figures in headless Chromium (SwiftShader): first-terrain-frame time over 3 fresh pages,
 * then one page at the spawn (seed 1337) for frame cost, edit latency and streaming throughput.
 * Only main-thread JS time is meaningful here; software GL makes frames themselves slow.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/helpers/browser.ts';
import { ORIGIN } from './server.ts';
import { median, round, type Figures } from './stats.ts';
import { FRAME_HOOK, runFrameBench } from './frame-bench.ts';
import { runEditBench, runEditPipelineBench } from './edit-bench.ts';
import { runStreamBench } from './stream-bench.ts';
import { runFlightBench } from './flight-bench.ts';
import { runApiBench } from './api-bench.ts';
import { state } from './page-state.ts';

const SEED = 1337;
const VIEWPORT = { width: 1280, height: 720 };

/** Polls until every wanted chunk is meshed (streaming settled). */
export async function waitStreamed(page: Page, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const s = await state(page);
    if (s.chunks.wanted > 0 && s.chunks.meshed === s.chunks.wanted && s.workers.queued === 0 && s.workers.inflight === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('streaming did not settle');
}

async function openPage(browser: Browser, query: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.warn('[page error]', e.message));
  await page.addInitScript(FRAME_HOOK);
  await page.goto(`${ORIGIN}/${query}`);
  await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
  return page;
}

/**
 * load.first_terrain_frame_ms: polled on every rAF from page start. Once state() shows drawn > 0,
 * we note the frame counter and take performance.now() (ms since timeOrigin = navigation start) at the
 * first rAF after that counter advanced, i.e. once a frame containing terrain has been rendered.
 */
async function firstTerrainFrame(browser: Browser): Promise<number> {
  const page = await openPage(browser, `?seed=${SEED}`);
  const ms = await page.evaluate(() => new Promise<number>((resolve, reject) => {
    let drawnAtFrame = -1;
    const limit = performance.now() + 60_000;
    const tick = () => {
      const s = window.spacetime!.state();
      if (drawnAtFrame < 0 && s.chunks.drawn > 0) drawnAtFrame = s.frame;
      if (drawnAtFrame >= 0 && s.frame > drawnAtFrame && s.frame > 0) { resolve(performance.now()); return; }
      if (performance.now() > limit) { reject(new Error('no terrain frame within 60 s')); return; }
      requestAnimationFrame(tick);
    };
    tick();
  }));
  await page.context().close();
  return ms;
}

export async function runBrowserBench(figures: Figures): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) loads.push(await firstTerrainFrame(browser));
    figures['load.first_terrain_frame_ms'] = {
      value: round(median(loads), 0), unit: 'ms', target: '<= 2000', note: `runs ${loads.map((v) => round(v, 0)).join(' / ')}`,
    };

    const page = await openPage(browser, `?seed=${SEED}`);
    await page.evaluate(() => window.spacetime!.ready);
    await waitStreamed(page);
    await runFrameBench(page, figures);
    await runEditBench(page, figures);
    await runEditPipelineBench(page, figures);
    await runStreamBench(page, figures);
    await page.context().close();

    const arena = await openPage(browser, '?scene=test_arena');
    await arena.evaluate(() => window.spacetime!.ready);
    await runApiBench(arena, figures);
    await arena.context().close();

    const flight = await openPage(browser, `?seed=${SEED}`);
    await flight.evaluate(() => window.spacetime!.ready);
    await runFlightBench(flight, figures);
    await flight.context().close();
  } finally {
    await browser.close();
  }
}
