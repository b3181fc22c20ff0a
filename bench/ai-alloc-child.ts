/**
 * Child process for ai.alloc_bytes_per_tick, run as `node --expose-gc --import tsx bench/ai-alloc-child.ts`
 * (the brain alone) or with the argument `sim` (ai.alloc_bytes_per_tick.sim: through CreatureSim).
 * Same method as alloc-child.ts: warm up, force a full GC, read heapUsed + arrayBuffers, run 3000
 * ticks of the mixed 500-creature population (owners moving, hunts and deaths happening), read
 * again without collecting; five reps, the median (a few hundred bytes of bookkeeping land in a rep at random, hence the long runs and the median). GCs during the run are counted, since a
 * scavenge could hide garbage. The warm-up is 3,000 ticks: before that V8 is still compiling and
 * re-optimising the tick (new code and feedback count as heap), which read 100-200 B per tick
 * after 500 ticks and ~4 B after 3,000.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { CreatureStore } from '../src/engine/creatures/creature-store.ts';
import { CreatureBrain } from '../src/engine/creatures/creature-brain.ts';
import { FunctionWorld } from '../src/engine/creatures/test-worlds.ts';
import { moveOwners, populate } from '../src/engine/creatures/demo-population.ts';
import { demoSim } from './ai-interp.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const N = 3000, COUNT = 500;

const store = new CreatureStore(COUNT), brain = new CreatureBrain();
const world = new FunctionWorld((x, z) => 2 * Math.sin(x / 10) + 1.5 * Math.cos(z / 7));
world.pillars.push(30, 30, 3, 60, 40, 4, 100, 90, 5);
populate(store, COUNT, 7);
const cos = (t: number) => Math.cos(t * 2 * Math.PI), sin = (t: number) => Math.sin(t * 2 * Math.PI);
let tick = 0;
const run = (n: number) => { for (let i = 0; i < n; i++) { moveOwners(world, COUNT, tick++, cos, sin); brain.tick(store, world); } };
const heap = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };

let gcs = 0;
const obs = new PerformanceObserver((list) => { gcs += list.getEntries().filter((e) => (e as { detail?: { kind?: number } }).detail?.kind !== 4).length; });
obs.observe({ entryTypes: ['gc'] });
let during = 0;
async function measure(runTicks: (n: number) => void): Promise<number[]> {
  const reps: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    gc!(); gc!();
    await new Promise((r) => setTimeout(r, 0));
    const forced = gcs;
    const before = heap();
    runTicks(N);
    reps.push(Math.max(0, heap() - before) / N);
    during += gcs - forced;
  }
  return reps;
}
let reps: number[];
if (process.argv[2] === 'sim') {
  // The same population through CreatureSim as the worker runs it: the players as an input, the
  // tick, its events cleared, the render snapshot packed into a recycled buffer. Its own process:
  // a second ground function in the same process makes the brain's ground call polymorphic, and
  // a double returned from a call V8 no longer inlines is boxed (allocated), which the worker,
  // with one world, never sees.
  const demo = demoSim(COUNT);
  let simTick = 0;
  const runSim = (n: number) => {
    for (let i = 0; i < n; i++) { demo.movePlayers(simTick++); demo.sim.step(); demo.sim.events.clear(); demo.sim.recycle(demo.sim.packSnapshot()); }
  };
  runSim(3000);
  reps = await measure(runSim);
} else {
  run(3000);
  reps = await measure(run);
}
obs.disconnect();
process.stdout.write(JSON.stringify({ bytesPerTick: [...reps].sort((a, b) => a - b)[2], reps, gcs: during }) + '\n');
