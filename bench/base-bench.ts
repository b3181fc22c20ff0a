/**
 * Issue 12's figures in a real shared world, each beside a baseline from the same run:
 *
 * - structures.draw_calls: the renderer's draw calls with 1,000 structures (8 types) in view, beside
 *   structures.draw_calls_baseline, the same camera pose before they were placed (target: at most
 *   10 more; the renderer draws one instanced mesh per structure type).
 * - frame.main_ms_p95_structures: main-thread frame time (frame-bench.ts: the sum of the frame's
 *   rAF callbacks) with them, beside frame.main_ms_p95_no_structures (same pose, before); target:
 *   within 0.5 ms. Not `frame.main_ms_p95`: that name is the browser part's figure at the spawn.
 * - inventory.op_us_p50 / _p95: POST /inventory/add and /inventory/remove through the in-page door
 *   (`window.spacetime.request`, timed in the page), beside GET /player/position through the same
 *   door (answered in the page, no relay), interleaved; inventory.socket_op_us_p50 / _p95 are the
 *   same add/remove from a Node socket.io client of the same relay (no page): the relay's part.
 *   Drawing is paused meanwhile (debug.pauseRendering, as bench/relay/page-join.ts explains): a
 *   SwiftShader frame holds the page's main thread ~100 ms, and the relay's answer waited for it
 *   (p50 ~120 ms with drawing on), which is the software GPU, not the door or the relay.
 *
 * The relay is a real one (`relay/src/serve.ts --prod --creative`, e2e/helpers/relay-process.ts),
 * which serves ./dist: the bench's build (bench/server.ts DIST) is copied over it first (the e2e suite
 * rebuilds ./dist in the same test mode on every run). One page joins
 * it at ?view=64 and places the structures through the in-page door (POST /base/place, the cost added just
 * before), on a 2 m grid on the flat ground at x, z 20..82 of the default world. A screenshot of the
 * view with them lands in bench/results/base-structures.png.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions, VIEWPORT } from '../e2e/helpers/browser.ts';
import { startRelay } from '../e2e/helpers/relay-process.ts';
import { authenticate, connectClient, joinWorld } from '../e2e/helpers/relay-client.ts';
import { VoxelStore } from '../src/engine/voxel-store.ts';
import { DEFAULT_WORLD } from '../src/protocol/net/worlds.ts';
import { waitStreamed } from './browser-bench.ts';
import { FRAME_HOOK, runFrameBench } from './frame-bench.ts';
import { state } from './page-state.ts';
import { buildGame, DIST } from './server.ts';
import { percentile, round, type Figures } from './stats.ts';
import { placeStructures } from './base-place.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STRUCTURES = 1_000;
/** Inventory ops measured (half adds, half removes), after WARM_OPS; and the frames per frame figure. */
const OPS = 300;
const WARM_OPS = 40;
const FRAMES = 150;
/** Frames drawn before each frame figure: the view's first frames after streaming upload meshes and warm the JIT. */
const WARM_FRAMES = 30;
/** Where the camera stands: the middle of the grid's near (south) edge, looking along +z over it. */
const STAND = { x: 51, z: 15 };
const POSE = { yaw: 180, pitch: -16 };

export async function runBaseBench(figures: Figures): Promise<void> {
  // serve.ts --prod serves ./dist: make it the build the browser part measured.
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`no built game in ${DIST}`);
  rmSync(`${ROOT}dist`, { recursive: true, force: true });
  cpSync(DIST, `${ROOT}dist`, { recursive: true });

  const relay = await startRelay({ args: ['--creative', '--limit', 'otherPerSecond=100000'] });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
    const context = await browser.newContext({ baseURL: relay.url, viewport: VIEWPORT });
    await context.addInitScript(() => localStorage.setItem('spacetime.helpSeen', '1'));
    await context.addInitScript(FRAME_HOOK);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.warn('[page error]', e.message));
    await page.goto('/?view=64');
    await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.spacetime!.ready);
    await page.waitForFunction(() => window.spacetime!.net.state().shared, undefined, { timeout: 60_000 });

    await stand(page);
    await page.evaluate((n) => window.spacetime!.frames(n), WARM_FRAMES);
    const before = await measureView(page);

    // Drawing paused from here until the structures are in (see the header).
    await page.evaluate(() => window.spacetime!.debug.pauseRendering(true));
    await inventoryFigures(page, relay.url, figures);
    const t0 = performance.now();
    const placed = await placeStructures(page, STRUCTURES);
    console.log(`[base] ${placed.ids.length} structures of ${placed.types} types placed in ${round((performance.now() - t0) / 1000, 1)} s (${placed.refused} refused${placed.refused ? `: ${placed.reasons}` : ''})`);
    await page.evaluate(() => window.spacetime!.debug.pauseRendering(false));
    await stand(page); // the same pose again, should anything have moved the player
    await page.evaluate((n) => window.spacetime!.frames(n), WARM_FRAMES);
    const after = await measureView(page);
    mkdirSync(`${ROOT}bench/results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}bench/results/base-structures.png` });

    figures['structures.draw_calls'] = {
      value: after.drawCalls, unit: 'calls', baseline: before.drawCalls, target: `<= baseline + 10 (${before.drawCalls + 10})`,
      note: `${placed.ids.length} structures of ${placed.types} types in view, ${after.triangles} triangles (baseline, same pose without them: ${before.triangles})`,
    };
    figures['structures.draw_calls_baseline'] = { value: before.drawCalls, unit: 'calls', note: 'the same view before the structures were placed' };
    figures['frame.main_ms_p95_structures'] = {
      value: after.p95, unit: 'ms', baseline: before.p95, target: `<= baseline + 0.5 (${round(before.p95 + 0.5, 2)})`,
      note: `${FRAMES} frames with ${placed.ids.length} structures in view (p50 ${after.p50} ms, frame interval p50 ${after.interval}); baseline: the same pose before (p50 ${before.p50} ms, interval ${before.interval})`,
    };
    figures['frame.main_ms_p95_no_structures'] = { value: before.p95, unit: 'ms', note: 'the same pose before the structures were placed' };
    await context.close();
  } finally {
    await browser?.close();
    await relay.stop();
  }
}

/** Teleports to the standing spot and pose, then waits until the player stands still and the view has streamed. */
async function stand(page: Page): Promise<void> {
  const ground = new VoxelStore(DEFAULT_WORLD.seed).columnInfo(STAND.x, STAND.z).height;
  const r = await page.evaluate((body) => window.spacetime!.request('POST', '/player/teleport', body), {
    position: { x: STAND.x, y: ground + 2, z: STAND.z }, rotation: { x: POSE.pitch, y: POSE.yaw, z: 0 },
  });
  if (r.status !== 200) throw new Error(`teleport: ${r.status} ${JSON.stringify(r.body)}`);
  await page.waitForFunction(async () => {
    const p = (await window.spacetime!.request('GET', '/player/position')).body as { grounded: boolean; speed: number };
    return p.grounded && p.speed < 0.05;
  }, undefined, { timeout: 30_000, polling: 100 });
  await waitStreamed(page);
}

/** Draw calls and triangles of the settled view, then its main-thread frame time (frame-bench.ts). */
async function measureView(page: Page): Promise<{ drawCalls: number; triangles: number; p50: number; p95: number; interval: string }> {
  await page.evaluate(() => window.spacetime!.frames(5));
  const { render } = await state(page);
  const scratch: Figures = {};
  await runFrameBench(page, scratch, FRAMES);
  const interval = /frame interval p50 (\S+ ms)/.exec(scratch['frame.main_ms_p95'].note ?? '')?.[1] ?? '?';
  return { drawCalls: render.drawCalls, triangles: render.triangles, p50: scratch['frame.main_ms_p50'].value, p95: scratch['frame.main_ms_p95'].value, interval };
}

/** In-page times (µs): each add/remove, its handler alone (Server-Timing: mostly the wait for the relay), GET /player/position. */
type Ops = { op: number[]; handler: number[]; local: number[] };

async function inventoryFigures(page: Page, url: string, figures: Figures): Promise<void> {
  const door = await page.evaluate(async ({ n, warm }): Promise<Ops> => {
    const s = window.spacetime!;
    const op: number[] = [], handler: number[] = [], local: number[] = [];
    const handlerUs = (r: { headers: Record<string, string> }) => Number(/handler;dur=([\d.]+)/.exec(r.headers['server-timing'])?.[1]) * 1000;
    const item = { item_id: 'iron_plate', quantity: 1 };
    for (let i = 0; i < (n + warm) / 2; i++) {
      let t = performance.now();
      const add = await s.request('POST', '/inventory/add', item);
      const tAdd = performance.now() - t;
      t = performance.now();
      const remove = await s.request('POST', '/inventory/remove', item);
      const tRemove = performance.now() - t;
      t = performance.now();
      const pos = await s.request('GET', '/player/position');
      const tPos = performance.now() - t;
      if (add.status !== 200 || remove.status !== 200 || pos.status !== 200) throw new Error(`inventory op: ${add.status} / ${remove.status} / ${pos.status}`);
      if (i < warm / 2) continue;
      op.push(tAdd * 1000, tRemove * 1000);
      handler.push(handlerUs(add), handlerUs(remove));
      local.push(tPos * 1000);
    }
    return { op, handler, local };
  }, { n: OPS, warm: WARM_OPS });

  // The same add/remove straight from a socket.io client in this process, no page: the relay round trip.
  const worldId = await page.evaluate(() => window.spacetime!.net.state().world!.world_id);
  const client = await connectClient(url);
  const socket: number[] = [];
  try {
    await authenticate(client, 'Bench bot');
    await joinWorld(client, worldId);
    for (let i = 0; i < (OPS + WARM_OPS) / 2; i++) {
      for (const event of ['inventory_add', 'inventory_remove']) {
        const t = performance.now();
        const a = await client.call(event, { item_id: 'iron_plate', quantity: 1 });
        if (!a.ok) throw new Error(`${event}: ${JSON.stringify(a.error)}`);
        if (i >= WARM_OPS / 2) socket.push((performance.now() - t) * 1000);
      }
    }
  } finally {
    client.close();
  }

  for (const p of [50, 95]) {
    figures[`inventory.op_us_p${p}`] = {
      value: round(percentile(door.op, p), 0), unit: 'µs', baseline: round(percentile(door.local, p), 0),
      note: p === 50 ? `${door.op.length} adds/removes of 1 iron_plate through window.spacetime.request in a page joined to the relay (drawing paused); baseline: GET /player/position through the same door (no relay), interleaved. Of the op, the route's handler (Server-Timing: the wait for the relay's ack, mostly) p50 ${round(percentile(door.handler, 50), 0)} µs, p95 ${round(percentile(door.handler, 95), 0)} µs` : undefined,
    };
  }
  for (const p of [50, 95]) {
    figures[`inventory.socket_op_us_p${p}`] = {
      value: round(percentile(socket, p), 0), unit: 'µs',
      note: p === 50 ? `the same ${socket.length} adds/removes from a Node socket.io client of the same relay (no page, no door)` : undefined,
    };
  }
}

// `npx tsx bench/base-bench.ts`: builds the game (bench/server.ts; BENCH_BASE_NO_BUILD=1 takes the one in
// DIST as it is), then runs this part alone and prints its table (latest.json is left alone).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printTable } = await import('./report.ts');
  const figures: Figures = {};
  if (!process.env.BENCH_BASE_NO_BUILD) buildGame();
  const t0 = performance.now();
  await runBaseBench(figures);
  console.log(`[base] ${round((performance.now() - t0) / 1000, 1)} s`);
  printTable(figures);
}
