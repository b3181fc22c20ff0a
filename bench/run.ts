/**
 * `npm run bench`: measurements only, never assertions. Node figures (our mesher vs the
 * `surface-nets` package, allocation, the player step, the power grid tick vs an object-per-structure
 * grid, same run), then the built game in headless Chromium. Prints a table and
 * writes bench/results/latest.json. Set BENCH_SKIP_BROWSER=1 to run the Node part alone. Then issue 12's
 * structures and inventory in a page joined to a real creative relay (bench/base-bench.ts, ~1 min; needs
 * the browser part's build; BENCH_SKIP_BASE=1 skips it). Then the relay
 * (bench/relay/: poses, edits, late join; its own processes, at most 4 minutes); BENCH_SKIP_RELAY=1 skips it.
 * Issue 13's creature rendering (bench/creature-render-bench.ts: draw calls and frame time with 500
 * creatures in view beside the same pose without them; needs the browser part's build);
 * BENCH_SKIP_CREATURES=1 skips it.
 */
import { runMeshBench, runAllocBench } from './mesh-bench.ts';
import { runPlayerBench } from './player-bench.ts';
import { runPowerBench } from './power-bench.ts';
import { runAiBench } from './ai-bench.ts';
import { runBundleBench } from './bundle-bench.ts';
import { runBrowserBench } from './browser-bench.ts';
import { runBaseBench } from './base-bench.ts';
import { runCreatureRenderBench } from './creature-render-bench.ts';
import { buildGame, startPreview } from './server.ts';
import { runRelayBench } from './relay/index.ts';
import { printTable, writeJson } from './report.ts';
import type { Figures } from './stats.ts';

const figures: Figures = {};
const t0 = performance.now();
const step = (name: string) => console.log(`[bench] ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

// BENCH_ONLY=ai: the creature AI part alone, printed; bench/results/latest.json is left as it was.
if (process.env.BENCH_ONLY === 'ai') {
  step('ai');
  runAiBench(figures);
  printTable(figures);
  process.exit(0);
}

step('mesh');
runMeshBench(figures);
step('alloc');
runAllocBench(figures);
step('player');
runPlayerBench(figures);
step('power');
runPowerBench(figures);
step('ai');
runAiBench(figures);

if (!process.env.BENCH_SKIP_BROWSER) {
  step('build');
  buildGame();
  runBundleBench(figures);
  step('browser');
  const server = await startPreview();
  try {
    await runBrowserBench(figures);
  } catch (e) {
    console.error('[bench] browser part failed:', e);
    process.exitCode = 1;
  } finally {
    server.stop();
  }
}

if (!process.env.BENCH_SKIP_BROWSER && !process.env.BENCH_SKIP_BASE) {
  step('base');
  try {
    await runBaseBench(figures);
  } catch (e) {
    console.error('[bench] base part failed:', e);
    process.exitCode = 1;
  }
}

if (!process.env.BENCH_SKIP_BROWSER && !process.env.BENCH_SKIP_CREATURES) {
  step('creatures');
  try {
    await runCreatureRenderBench(figures);
  } catch (e) {
    console.error('[bench] creatures part failed:', e);
    process.exitCode = 1;
  }
}

if (!process.env.BENCH_SKIP_RELAY) {
  step('relay');
  await runRelayBench(figures);
}

step('done');
printTable(figures);
console.log(`\nwrote ${writeJson(figures)}`);
