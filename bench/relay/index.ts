/**
 * The relay part of `npm run bench` (issue 10, "Benchmarks"): poses, edits, the HTTP door and
 * sign-in (issue 11, http-bench.ts), then late join and resume in the page (skipped with BENCH_SKIP_BROWSER, which also skips building the game). Measurements only. Every relay and load generator is its own process
 * (procs.ts). Skipped with BENCH_SKIP_RELAY=1; bounded to BUDGET_MS in all (runs that would not fit
 * are skipped and say so). BENCH_RELAY_PROF=1 writes a CPU profile of each relay over each pose
 * measuring window to bench/results/relay-prof/<mode>-<N>.cpuprofile (read it with
 * bench/relay/profile-top.ts).
 */
import type { Figures } from '../stats.ts';
import { forkChild } from './procs.ts';
import type { RelayStarter } from './pose-run.ts';
import { runPoseBench } from './pose-bench.ts';
import { EDIT_LIMITS, runEditBench } from './edit-bench.ts';
import { runJoinBench } from './join-bench.ts';
import { runHttpBench } from './http-bench.ts';

const BUDGET_MS = 240_000;
/** Kept after the pose runs for issue 11's HTTP door and sign-in figures (~30 s; the door part needs the built game). */
const HTTP_MS = 35_000;
/** Kept after the pose runs for the edit bench (~35 s) and the page figures (~85 s); HTTP_MS below. */
const EDIT_MS = 35_000;
const PAGE_MS = 85_000;

/** Our relay, in relay-child.ts, with the connection-per-IP limit raised (all clients are 127.0.0.1). */
export function ourRelay(extra: string[] = []): RelayStarter {
  return async () => {
    const child = forkChild('relay-child.ts', ['--port', '0', '--limit', 'connectionsPerIp=5000', ...extra]);
    const ready = await child.next<{ port: number }>('ready', 60_000);
    return { child, url: `http://127.0.0.1:${ready.port}` };
  };
}

export async function runRelayBench(figures: Figures): Promise<void> {
  const deadline = Date.now() + BUDGET_MS;
  const part = async (name: string, run: () => Promise<unknown>) => {
    const t0 = Date.now();
    try { await run(); } catch (e) { console.error(`[relay] ${name} failed:`, e); process.exitCode = 1; }
    console.log(`[relay] ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  const pages = !process.env.BENCH_SKIP_BROWSER;
  const pageMs = pages ? PAGE_MS : 0;
  await part('poses', () => runPoseBench(figures, ourRelay(), deadline - EDIT_MS - HTTP_MS - pageMs));
  if (Date.now() + EDIT_MS < deadline - HTTP_MS) await part('edits', () => runEditBench(figures, ourRelay(EDIT_LIMITS), ourRelay([...EDIT_LIMITS, '--bench-memory-db'])));
  else console.log('[relay] skipped edits: time budget');
  if (Date.now() + 20_000 < deadline - pageMs) await part('http door / sign-in', () => runHttpBench(figures, Math.min(Date.now() + HTTP_MS + 10_000, deadline - pageMs), { pages }));
  else console.log('[relay] skipped http door / sign-in: time budget');
  if (!pages) console.log('[relay] late join / resume skipped: BENCH_SKIP_BROWSER');
  else if (Date.now() + 60_000 < deadline) await part('late join / resume', () => runJoinBench(figures, deadline));
  else console.log('[relay] skipped late join / resume: time budget');
}
