/**
 * Child process for mesh.alloc_bytes_per_call, run as `node --expose-gc --import tsx bench/alloc-child.ts`.
 * Method: per fixture, warm up, force a full GC, read heapUsed + arrayBuffers, run 2000 mesh calls,
 * read again WITHOUT collecting, divide by 2000. A scavenge during the run could hide garbage, so we
 * count GCs with a PerformanceObserver and report them (0 expected besides our own forced ones).
 * Like the terrain service, each call reuses one density buffer. Switching buffers between calls is
 * measured separately (`switching`): sign-rows then allocates a new Int32Array view per call.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { createMesher } from '../src/engine/surface-nets.ts';
import { buildFixtures } from './fixtures.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const fields = buildFixtures();
const mesher = createMesher();
const N = 1000;

let gcs = 0;
const obs = new PerformanceObserver((list) => { gcs += list.getEntries().filter((e) => (e as { detail?: { kind?: number } }).detail?.kind !== 4).length; });

function heap(): number { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; }

function measure(run: () => void): number {
  const reps: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    gc!(); gc!();
    const before = heap();
    run();
    reps.push(Math.max(0, heap() - before) / N);
  }
  return reps.sort((a, b) => a - b)[1];
}

const perField: Record<string, number> = {};
for (const f of fields) {
  for (let i = 0; i < 300; i++) mesher.mesh(f.density, f.material);
}
obs.observe({ entryTypes: ['gc'] });
const forcedBefore = gcs;
// The first measurements after the observer starts read 5-20 kB of bookkeeping (JIT code, GC
// entries), whichever fixture goes first (seen by reversing the order): three rounds over all
// fixtures, keeping each fixture's lowest.
for (let round = 0; round < 3; round++) {
  for (const f of fields) {
    const bytes = measure(() => { for (let i = 0; i < N; i++) mesher.mesh(f.density, f.material); });
    perField[f.name] = Math.min(perField[f.name] ?? Infinity, bytes);
  }
}
const switching = measure(() => { for (let i = 0; i < N; i++) { const f = fields[i & 3]; mesher.mesh(f.density, f.material); } });
await new Promise((r) => setTimeout(r, 10));
obs.disconnect();
const values = Object.values(perField);
const bytesPerCall = values.reduce((a, b) => a + b, 0) / values.length;
process.stdout.write(JSON.stringify({ bytesPerCall, perField, switching, gcs: gcs - forcedBefore }) + '\n');
