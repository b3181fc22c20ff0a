/**
 * The HTTP figures alone, outside `npm run bench`: `npx tsx bench/relay/http-quick.ts` runs
 * runHttpBench (http-bench.ts) as `npm run bench` does and prints its figures. The door figures need
 * the built game in bench/server.ts DIST (`npx vite build --mode test --outDir /tmp/bench-dist`);
 * BENCH_SKIP_BROWSER=1 measures the logins and the relay's loop delay only. More flags for the
 * relay child after `--`, e.g. `npx tsx bench/relay/http-quick.ts -- --bench-memory-db` (SQLite in
 * memory: no fsync on the relay's event loop).
 */
import { printTable } from '../report.ts';
import type { Figures } from '../stats.ts';
import { HTTP_BENCH_MS, runHttpBench } from './http-bench.ts';

const figures: Figures = {};
const t0 = Date.now();
await runHttpBench(figures, t0 + HTTP_BENCH_MS, { pages: !process.env.BENCH_SKIP_BROWSER, relayArgs: process.argv.slice(process.argv.indexOf('--') + 1 || process.argv.length) });
console.log(`[relay] http: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
printTable(figures);
