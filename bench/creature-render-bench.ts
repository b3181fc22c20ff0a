/**
 * Issue 13's rendering figures, each beside a baseline from the same run:
 *
 * - creatures.draw_calls: the renderer's draw calls with 500 creatures in view (the ?creatureDemo=500
 *   developer demo: grazers, predators and rocklings walking in a herd, skyrays circling above it),
 *   beside creatures.draw_calls_baseline, the same pose on a page without the demo. Target: 500
 *   creatures in at most 8 draw calls (the renderer draws one instanced mesh per type: 4).
 * - frame.main_ms_p95_creatures: main-thread frame time (frame-bench.ts: the sum of the frame's rAF
 *   callbacks; it includes the demo writing the creature frame, the animation step and the instance
 *   uploads), beside frame.main_ms_p95_no_creatures, the same pose without them.
 * - creatures.update_us_p95: the creatures system's update alone for 500 creatures, in Node (no GL):
 *   the animation step and the instance writes, beside creatures.update_us_p95_baseline, the same
 *   loop writing only the instance matrices (what any instanced renderer must do).
 *
 * The pose looks down over the herd from 45 m (?pos=...&pitch=-48, in the spacecraft), so all 500 are
 * in the frustum; the demo puts them ahead of the camera wherever it starts. A screenshot of the view
 * lands in bench/results/creatures-bench.png. BENCH_SKIP_CREATURES=1 leaves this part out of bench/run.ts.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/helpers/browser.ts';
import { waitStreamed } from './browser-bench.ts';
import { FRAME_HOOK, runFrameBench } from './frame-bench.ts';
import { state } from './page-state.ts';
import { buildGame, ORIGIN, startPreview } from './server.ts';
import { percentile, round, type Figures } from './stats.ts';
import { createCreaturesSystem } from '../src/scene/creatures-system.ts';
import { CreatureFrame } from '../src/scene/creature-frame.ts';
import type { FrameContext } from '../src/app/frame-loop.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const COUNT = 500;
const POSE = '&pos=46,45,15&yaw=150&pitch=-48';
const FRAMES = 150;
/** Frames drawn before measuring: the demo fills the ground under its creatures a few hundred samples a frame. */
const WARM_FRAMES = 40;

interface View { drawCalls: number; triangles: number; p50: number; p95: number; interval: string; camera: string }

async function measure(browser: Browser, query: string, shot?: string): Promise<View> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript(() => localStorage.setItem('spacetime.helpSeen', '1'));
    await context.addInitScript(FRAME_HOOK);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.warn('[page error]', e.message));
    await page.goto(`${ORIGIN}/${query}`);
    await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.spacetime!.ready);
    await waitStreamed(page);
    await page.evaluate((n) => window.spacetime!.frames(n), WARM_FRAMES);
    const s = await state(page);
    const scratch: Figures = {};
    await runFrameBench(page, scratch, FRAMES);
    if (shot) await page.screenshot({ path: shot });
    const interval = /frame interval p50 (\S+ ms)/.exec(scratch['frame.main_ms_p95'].note ?? '')?.[1] ?? '?';
    const p = s.camera.position;
    return {
      drawCalls: s.render.drawCalls, triangles: s.render.triangles, p50: scratch['frame.main_ms_p50'].value, p95: scratch['frame.main_ms_p95'].value,
      interval, camera: `${round(p.x, 1)},${round(p.y, 1)},${round(p.z, 1)}`,
    };
  } finally {
    await context.close();
  }
}

/** The creatures system alone in Node: 500 walking creatures, its update timed over many frames. */
function systemFigures(figures: Figures): void {
  const frame = new CreatureFrame(COUNT);
  for (let i = 0; i < COUNT; i++) {
    const a = i * 0.37;
    frame.number[i] = i + 1; frame.type[i] = i % 4; frame.x[i] = (i % 25) * 3; frame.y[i] = 10; frame.z[i] = Math.floor(i / 25) * 3;
    frame.vx[i] = Math.cos(a) * 1.5; frame.vy[i] = 0; frame.vz[i] = Math.sin(a) * 1.5; frame.headX[i] = Math.cos(a); frame.headZ[i] = Math.sin(a);
    frame.lookX[i] = 0; frame.lookY[i] = 12; frame.lookZ[i] = -10; frame.health01[i] = 1; frame.level[i] = 1 + (i % 150); frame.flags[i] = i % 3;
  }
  frame.count = COUNT;
  const sys = createCreaturesSystem({ creatures: frame });
  const ctx = { dt: 1 / 72, held: false } as FrameContext;
  const full: number[] = [], matrices: number[] = [];
  const matrixOnly = new Float32Array(COUNT * 16);
  for (let f = 0; f < 1200; f++) {
    for (let i = 0; i < COUNT; i++) frame.x[i] += frame.vx[i] / 72;
    let t = performance.now();
    sys.update(ctx);
    if (f >= 200) full.push((performance.now() - t) * 1000);
    // Baseline: a yaw-and-scale matrix per creature into one array, nothing else.
    t = performance.now();
    for (let i = 0; i < COUNT; i++) {
      const c = -frame.headZ[i], s = -frame.headX[i], k = 1 + frame.level[i] / 750, o = i * 16;
      matrixOnly[o] = c * k; matrixOnly[o + 2] = -s * k; matrixOnly[o + 5] = k; matrixOnly[o + 8] = s * k; matrixOnly[o + 10] = c * k;
      matrixOnly[o + 12] = frame.x[i]; matrixOnly[o + 13] = frame.y[i]; matrixOnly[o + 14] = frame.z[i]; matrixOnly[o + 15] = 1;
    }
    if (f >= 200) matrices.push((performance.now() - t) * 1000);
  }
  sys.dispose();
  figures['creatures.update_us_p95'] = {
    value: round(percentile(full, 95), 0), unit: 'µs', baseline: round(percentile(matrices, 95), 0),
    note: `the creatures system's update for ${COUNT} walking and flying creatures in Node (animation state keyed by number, matrices and three vec4 attributes per instance), p50 ${round(percentile(full, 50), 0)} µs; baseline: yaw-and-scale matrices alone for the same creatures`,
  };
}

export async function runCreatureRenderBench(figures: Figures): Promise<void> {
  systemFigures(figures);
  const server = await startPreview();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
    mkdirSync(`${ROOT}bench/results`, { recursive: true });
    const without = await measure(browser, `?${POSE.slice(1)}`);
    const withThem = await measure(browser, `?creatureDemo=${COUNT}${POSE}`, `${ROOT}bench/results/creatures-bench.png`);
    figures['creatures.draw_calls'] = {
      value: withThem.drawCalls, unit: 'calls', baseline: without.drawCalls, target: `<= baseline + 8 (${without.drawCalls + 8})`,
      note: `${COUNT} creatures of 4 types in view (camera ${withThem.camera}), ${withThem.triangles} triangles; baseline: the same pose without them (camera ${without.camera}), ${without.triangles} triangles`,
    };
    figures['creatures.draw_calls_baseline'] = { value: without.drawCalls, unit: 'calls', note: 'the same view without creatures' };
    figures['frame.main_ms_p95_creatures'] = {
      value: withThem.p95, unit: 'ms', baseline: without.p95,
      note: `${FRAMES} frames with ${COUNT} demo creatures in view (p50 ${withThem.p50} ms, frame interval p50 ${withThem.interval}); baseline: the same pose without them (p50 ${without.p50} ms, interval ${without.interval})`,
    };
    figures['frame.main_ms_p95_no_creatures'] = { value: without.p95, unit: 'ms', note: 'the same pose without creatures' };
  } finally {
    await browser?.close();
    server.stop();
  }
}

// `npx tsx bench/creature-render-bench.ts`: builds the game (BENCH_CREATURES_NO_BUILD=1 takes the one
// in bench/server.ts's DIST as it is), runs this part alone and prints its table.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printTable } = await import('./report.ts');
  const figures: Figures = {};
  if (!process.env.BENCH_CREATURES_NO_BUILD) buildGame();
  await runCreatureRenderBench(figures);
  printTable(figures);
}
