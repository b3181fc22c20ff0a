/**
 * ai.interp_main_us_p95: the main thread's per-frame creature interpolation (CreatureTimeline.sample
 * writing the CreatureFrame) for 500 creatures, p95 µs per frame, beside a naive interpolator in the
 * same run: an object per creature in a Map, new sample objects per snapshot and a new array of
 * per-creature objects per frame (what a straightforward port would do). Both are fed the same
 * snapshots of a real CreatureSim at 20 Hz and sampled at 72 Hz (Quest 2's rate), in alternating
 * blocks so they share the machine's noise.
 */
import { CreatureSim } from '../src/engine/creatures/creature-sim.ts';
import { FunctionWorld } from '../src/engine/creatures/test-worlds.ts';
import { CreatureStore } from '../src/engine/creatures/creature-store.ts';
import { areaSide, populate } from '../src/engine/creatures/demo-population.ts';
import {
  SNAP_HEADER, SNAP_STRIDE, SNAP_N, SNAP_X, SNAP_Y, SNAP_Z, SNAP_VX, SNAP_VY, SNAP_VZ, SNAP_HEALTH01, SNAP_STATE, snapshotCount,
} from '../src/engine/creatures/creature-snapshot.ts';
import { CreatureTimeline } from '../src/threads/creature-timeline.ts';
import { CreatureFrame } from '../src/scene/creature-frame.ts';
import { percentile, round, type Figures } from './stats.ts';

const COUNT = 500;
const FRAME_MS = 1000 / 72;
const TICK_MS = 50;

/** The demo population of `count` in a sim on hills, players circling: snapshots that look like the game's. */
export function demoSim(count: number): { sim: CreatureSim; movePlayers: (tick: number) => void } {
  const sim = new CreatureSim(new FunctionWorld((x, z) => 2 * Math.sin(x / 10) + 1.5 * Math.cos(z / 7)), count);
  const tmp = new CreatureStore(count);
  populate(tmp, count, 7);
  for (let s = 0; s < count; s++) {
    sim.spawn({
      n: s + 1, type: tmp.type[s], level: tmp.level[s], x: tmp.x[s], y: 0, z: tmp.z[s], vx: 0, vy: 0, vz: 0, health: Infinity, stamina: Infinity,
      state: tmp.state[s], ownerKey: tmp.owner[s], followKey: -1, seed: tmp.rng[s],
    });
  }
  const side = areaSide(count), players = new Float64Array(16);
  return {
    sim,
    movePlayers(tick) {
      for (let o = 0; o < 4; o++) {
        const a = (tick / 1200 + o / 4) * 2 * Math.PI;
        players[o * 4] = o; players[o * 4 + 1] = side / 2 + (side / 3) * Math.cos(a); players[o * 4 + 3] = side / 2 + (side / 3) * Math.sin(a);
      }
      sim.setPlayers(players);
    },
  };
}

interface Sample { t: number; x: number; y: number; z: number; vx: number; vy: number; vz: number }
interface Naive { prev: Sample; next: Sample; state: number; health: number }
interface NaiveOut { n: number; x: number; y: number; z: number; vx: number; vz: number; headX: number; headZ: number; state: number; health: number }

/** The naive side: objects everywhere. */
class NaiveTimeline {
  readonly creatures = new Map<number, Naive>();
  out: NaiveOut[] = [];
  ingest(f: Float32Array, t: number): void {
    const ints = new Int32Array(f.buffer, f.byteOffset, f.length), seen = new Set<number>();
    for (let i = 0, o = SNAP_HEADER; i < snapshotCount(f); i++, o += SNAP_STRIDE) {
      const n = ints[o + SNAP_N];
      seen.add(n);
      const s: Sample = { t, x: f[o + SNAP_X], y: f[o + SNAP_Y], z: f[o + SNAP_Z], vx: f[o + SNAP_VX], vy: f[o + SNAP_VY], vz: f[o + SNAP_VZ] };
      const c = this.creatures.get(n);
      if (c) { c.prev = c.next; c.next = s; c.state = f[o + SNAP_STATE]; c.health = f[o + SNAP_HEALTH01]; }
      else this.creatures.set(n, { prev: s, next: s, state: f[o + SNAP_STATE], health: f[o + SNAP_HEALTH01] });
    }
    for (const n of [...this.creatures.keys()]) if (!seen.has(n)) this.creatures.delete(n);
  }
  sample(now: number): void {
    const t = now - TICK_MS;
    this.out = [...this.creatures.entries()].map(([n, c]) => {
      const span = c.next.t - c.prev.t, a = span > 0 ? Math.min(1, Math.max(0, (t - c.prev.t) / span)) : 1;
      const lerp = (k: 'x' | 'y' | 'z' | 'vx' | 'vz') => c.prev[k] + (c.next[k] - c.prev[k]) * a;
      const vx = lerp('vx'), vz = lerp('vz'), speed = Math.hypot(vx, vz) || 1;
      return { n, x: lerp('x'), y: lerp('y'), z: lerp('z'), vx, vz, headX: vx / speed, headZ: vz / speed, state: c.state, health: c.health };
    });
  }
}

export function runInterpBench(figures: Figures): void {
  const { sim, movePlayers } = demoSim(COUNT);
  const timeline = new CreatureTimeline(), frame = new CreatureFrame(COUNT), naive = new NaiveTimeline();
  const ours: number[] = [], theirs: number[] = [];
  let now = 0, nextTick = 0, tick = 0;
  const FRAMES = 2400, WARMUP = 300, BLOCK = 36;
  for (let f = 0; f < FRAMES + WARMUP; f++) {
    now += FRAME_MS;
    while (nextTick <= now) {
      movePlayers(tick++);
      sim.step();
      sim.drainEvents();
      const snap = sim.packSnapshot();
      timeline.ingestSnapshot(snap, nextTick);
      naive.ingest(snap, nextTick);
      sim.recycle(snap);
      nextTick += TICK_MS;
    }
    // Alternate which goes first, block by block.
    const oursFirst = Math.floor(f / BLOCK) % 2 === 0;
    for (let k = 0; k < 2; k++) {
      if ((k === 0) === oursFirst) { const t0 = performance.now(); timeline.sample(now, frame); if (f >= WARMUP) ours.push(performance.now() - t0); }
      else { const t0 = performance.now(); naive.sample(now); if (f >= WARMUP) theirs.push(performance.now() - t0); }
    }
  }
  if (frame.count !== naive.out.length) throw new Error(`interp bench: ${frame.count} vs ${naive.out.length} creatures`);
  figures['ai.interp_main_us_p95'] = {
    value: round(percentile(ours, 95) * 1000, 1), unit: 'µs', baseline: round(percentile(theirs, 95) * 1000, 1), target: '<= 300',
    note: `CreatureTimeline.sample writing the CreatureFrame for ${COUNT} creatures (the demo population in a CreatureSim, snapshots at 20 Hz), `
      + `p95 over ${FRAMES} frames at 72 Hz; median ${round(percentile(ours, 50) * 1000, 1)} µs. Baseline: an object per creature in a Map, `
      + `new objects per snapshot and per frame, same run (median ${round(percentile(theirs, 50) * 1000, 1)} µs)`,
  };
}
