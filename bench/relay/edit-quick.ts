/**
 * The edit figures alone, outside `npm run bench`, for working on the relay's durable edit path:
 * `npx tsx bench/relay/edit-quick.ts` runs exactly what the bench's edit part runs (runEditBench:
 * the network-only and in-memory baselines, then the durable relay) and prints the figures.
 * `npx tsx bench/relay/edit-quick.ts durable|memory [runs=1]` runs only the durable (or the in-memory)
 * relay, `runs` times, and prints the machine's steal time over each run (a VM's vCPUs not running).
 * After each durable run, 5 s of what one WAL commit asks of the disk (16 KiB written over a WAL-sized
 * file, then fsync, as SQLite does, ~100 a second) shows whether the disk itself stalled meanwhile:
 * the bench's fsync probe (100 appends, ~50 ms) is too short to catch a stall.
 * `--folding` (with durable|memory): the clients ask for the edits after joining, as pages do, so
 * their joins stop holding folding and the world folds every 256 edits during the run, as in play.
 * BENCH_RELAY_PROF=1 also writes a CPU profile of the relay's main thread over each such run to
 * bench/results/relay-prof/edits-<mode>-<run>.cpuprofile (read it with profile-top.ts).
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../stats.ts';
import type { Figures } from '../stats.ts';
import { ourRelay } from './index.ts';
import { EDIT_LIMITS, runEditBench, runEditLoad } from './edit-bench.ts';

const folding = process.argv.includes('--folding');
const [mode = 'all', runsArg] = process.argv.slice(2).filter((a) => a !== '--folding');
/** The machine's steal time so far, in ms (/proc/stat, USER_HZ 100). */
const stealMs = () => Number(readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)[8]) * 10;

/** 16 KiB pwrite + fsync every 8 ms for `ms`, over a 4 MiB file in the relay's temp directory. */
async function commitProbe(ms: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-commit-'));
  const fd = openSync(join(dir, 'wal'), 'w+');
  const block = Buffer.alloc(16_384, 7), size = 4 << 20;
  const times: number[] = [];
  try {
    writeSync(fd, Buffer.alloc(size), 0, size, 0);
    fsyncSync(fd);
    for (let pos = 0, t0 = performance.now(); performance.now() - t0 < ms; pos = (pos + block.length) % size) {
      const t = performance.now();
      writeSync(fd, block, 0, block.length, pos);
      fsyncSync(fd);
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 8));
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return `disk right after: ${times.length} x (16 KiB write + fsync) p50 ${percentile(times, 50).toFixed(2)} / p99 ${percentile(times, 99).toFixed(2)} / max ${Math.max(...times).toFixed(0)} ms`;
}

if (mode === 'durable' || mode === 'memory') {
  const runs = Number(runsArg ?? 1);
  for (let i = 0; i < runs; i++) {
    const { child, url } = await ourRelay(mode === 'memory' ? [...EDIT_LIMITS, '--bench-memory-db'] : EDIT_LIMITS)();
    const steal0 = stealMs();
    const profile = process.env.BENCH_RELAY_PROF ? `bench/results/relay-prof/edits-${mode}-${i}.cpuprofile` : undefined;
    if (profile) child.send({ type: 'profile', action: 'start' });
    try {
      const r = await runEditLoad({ url, clients: 10, perClientHz: 100, warmupMs: 2_000, measureMs: 8_000, event: 'sync_terrain_deform', tag: 'equick', askEdits: folding }, 60_000);
      if (profile) {
        child.send({ type: 'profile', action: 'stop', file: profile });
        await child.next('profiled', 30_000);
      }
      console.log(`${mode}${folding ? ' (folding)' : ''}: steal ${stealMs() - steal0} ms, acked ${r.ackedInWindow}/${r.sent}, refused ${r.refused}, p50 ${r.p50.toFixed(2)} / p90 ${r.p90.toFixed(2)} / p99 ${r.p99.toFixed(2)} / max ${r.max.toFixed(0)} ms`);
    } finally {
      await child.stop();
    }
    if (mode === 'durable') console.log(`  ${await commitProbe(5_000)}`);
  }
} else {
  const figures: Figures = {};
  await runEditBench(figures, ourRelay(EDIT_LIMITS), ourRelay([...EDIT_LIMITS, '--bench-memory-db']));
  for (const [name, f] of Object.entries(figures)) console.log(name, JSON.stringify(f));
  console.log(await commitProbe(5_000));
}
process.exit(0);
