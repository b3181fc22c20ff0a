/**
 * Creature AI bench (issue 13): median ms per 20 Hz tick for 100, 500 and 2,000 creatures, each
 * beside Yuka 0.7.8's EntityManager.update on the same scenario (bench/ai-scenarios.ts says what
 * each side does), run in alternating blocks so both share the machine's noise; a mixed population
 * (herds, predators hunting, flyers, followers) for 500; the same through CreatureSim on the real
 * planet (bench/ai-terrain.ts); the main thread's interpolation per frame (bench/ai-interp.ts); and
 * bytes allocated per tick, measured in a child under --expose-gc (bench/ai-alloc-child.ts).
 * `BENCH_ONLY=ai npm run bench` runs this part alone.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CreatureStore } from '../src/engine/creatures/creature-store.ts';
import { CreatureBrain } from '../src/engine/creatures/creature-brain.ts';
import { FunctionWorld } from '../src/engine/creatures/test-worlds.ts';
import { moveOwners, populate } from '../src/engine/creatures/demo-population.ts';
import { oursScenario, yukaScenario, type Scenario } from './ai-scenarios.ts';
import { median, round, type Figures } from './stats.ts';
import { runInterpBench } from './ai-interp.ts';
import { runTerrainTickBench } from './ai-terrain.ts';

const WARMUP = 100;
const BLOCK = 20;

/** Ticks both scenarios in alternating blocks; per-tick ms for each. */
function race(ours: Scenario, theirs: Scenario, ticks: number): { ours: number[]; theirs: number[] } {
  const a: number[] = [], b: number[] = [];
  for (let t = 0; t < WARMUP; t++) { ours.step(t); theirs.step(t); }
  for (let t = WARMUP; t < WARMUP + ticks; t += BLOCK) {
    for (let i = t; i < t + BLOCK; i++) { const t0 = performance.now(); ours.step(i); a.push(performance.now() - t0); }
    for (let i = t; i < t + BLOCK; i++) { const t0 = performance.now(); theirs.step(i); b.push(performance.now() - t0); }
  }
  return { ours: a, theirs: b };
}

/** The mixed population on rolling hills with rocks: what a busy area of the game costs. */
function mixedTickMs(count: number, ticks: number): number {
  const store = new CreatureStore(count), brain = new CreatureBrain();
  const world = new FunctionWorld((x, z) => 2 * Math.sin(x / 10) + 1.5 * Math.cos(z / 7));
  world.pillars.push(30, 30, 3, 60, 40, 4, 100, 90, 5);
  populate(store, count, 7);
  const cos = (t: number) => Math.cos(t * 2 * Math.PI), sin = (t: number) => Math.sin(t * 2 * Math.PI);
  const times: number[] = [];
  for (let t = 0; t < WARMUP + ticks; t++) {
    moveOwners(world, count, t, cos, sin);
    const t0 = performance.now();
    brain.tick(store, world);
    if (t >= WARMUP) times.push(performance.now() - t0);
  }
  return median(times);
}

interface AllocResult { bytesPerTick: number; reps: number[]; gcs: number }

export function runAiBench(figures: Figures): void {
  for (const count of [100, 500, 2000]) {
    const ticks = count === 2000 ? 100 : 600; // Yuka takes ~0.1 s a tick at 2,000
    const ours = oursScenario(count), theirs = yukaScenario(count);
    const r = race(ours, theirs, ticks);
    const oursMs = median(r.ours), yukaMs = median(r.theirs);
    const note = `${count} agents, wander + separation (3 m) + seek a moving target, 4 m cells, ${ticks} ticks; `
      + `baseline Yuka 0.7.8 EntityManager.update, same scenario; mean distance to target at the end: ours ${round(ours.spread(), 1)} m, Yuka ${round(theirs.spread(), 1)} m`;
    figures[`ai.tick_ms.${count}`] = { value: round(oursMs, 4), unit: 'ms', baseline: round(yukaMs, 4), target: count === 500 ? '<= 0.43' : undefined, note };
    if (count === 500) {
      figures['ai.yuka_tick_ms.500'] = { value: round(yukaMs, 4), unit: 'ms', note: 'Yuka side of ai.tick_ms.500 (see there)' };
      figures['ai.vs_yuka.ratio'] = { value: round(yukaMs / oursMs, 2), unit: 'x', target: '>= 5', note: 'Yuka ms / ours ms per tick, 500 agents, same run' };
    }
  }
  figures['ai.tick_ms.mixed_500'] = {
    value: round(mixedTickMs(500, 600), 4), unit: 'ms',
    note: '500 of the demo population (grazers flee, predators hunt and kill, skyrays fly a height band, rocklings follow 4 moving owners) on hills with rocks',
  };
  runTerrainTickBench(figures);
  runInterpBench(figures);
  const child = fileURLToPath(new URL('./ai-alloc-child.ts', import.meta.url));
  const alloc = (mode: string) => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, mode], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as AllocResult;
  };
  const a = alloc('brain'), sim = alloc('sim');
  figures['ai.alloc_bytes_per_tick'] = {
    value: round(a.bytesPerTick, 1), unit: 'B', target: '0',
    note: `heap delta per tick over 3000 ticks of the mixed 500 after 3000 warm-up ticks, median of 5 reps (${a.reps.map((v) => round(v, 1)).join(', ')}); non-forced GCs ${a.gcs}`,
  };
  figures['ai.alloc_bytes_per_tick.sim'] = {
    value: round(sim.bytesPerTick, 1), unit: 'B', target: '0',
    note: `the same population through CreatureSim as the worker runs it (players input, tick, snapshot packed into a recycled buffer), median of 5 reps (${sim.reps.map((v) => round(v, 1)).join(', ')}); non-forced GCs ${sim.gcs}`,
  };
}
