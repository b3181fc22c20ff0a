/**
 * ai.tick_ms.500_terrain: one tick of CreatureSim for the 500 demo creatures on the real planet
 * (VoxelCreatureWorld, seed 7: ground from the column cache, solidity from cached density), median
 * ms, beside the same sim on the function world of the other figures (hills from Math.sin/cos),
 * in alternating blocks. Includes applying the tick's inputs (the players' positions) and the brick
 * reads of creatures walking into new ground; a warm-up first fills the caches around them.
 */
import { CreatureSim, type CreatureTerrain } from '../src/engine/creatures/creature-sim.ts';
import { VoxelCreatureWorld } from '../src/engine/creatures/voxel-creature-world.ts';
import { FunctionWorld } from '../src/engine/creatures/test-worlds.ts';
import { CreatureStore } from '../src/engine/creatures/creature-store.ts';
import { areaSide, populate } from '../src/engine/creatures/demo-population.ts';
import { median, percentile, round, type Figures } from './stats.ts';

const COUNT = 500;

function build(terrain: CreatureTerrain): { sim: CreatureSim; step: (tick: number) => void } {
  const sim = new CreatureSim(terrain, COUNT), tmp = new CreatureStore(COUNT);
  populate(tmp, COUNT, 7);
  for (let s = 0; s < COUNT; s++) {
    sim.spawn({
      n: s + 1, type: tmp.type[s], level: tmp.level[s], x: tmp.x[s], y: 200, z: tmp.z[s], vx: 0, vy: 0, vz: 0, health: Infinity, stamina: Infinity,
      state: tmp.state[s], ownerKey: tmp.owner[s], followKey: -1, seed: tmp.rng[s],
    });
  }
  const side = areaSide(COUNT), players = new Float64Array(16);
  return {
    sim,
    step(tick) {
      for (let o = 0; o < 4; o++) {
        const a = (tick / 1200 + o / 4) * 2 * Math.PI;
        players[o * 4] = o; players[o * 4 + 1] = side / 2 + (side / 3) * Math.cos(a); players[o * 4 + 3] = side / 2 + (side / 3) * Math.sin(a);
      }
      sim.setPlayers(players);
      sim.step();
      sim.events.clear();
    },
  };
}

export function runTerrainTickBench(figures: Figures): void {
  const voxel = new VoxelCreatureWorld({ seed: 7, kind: 'planet' });
  const onTerrain = build(voxel), onHills = build(new FunctionWorld((x, z) => 2 * Math.sin(x / 10) + 1.5 * Math.cos(z / 7)));
  const WARMUP = 200, TICKS = 600, BLOCK = 20;
  const t0 = performance.now();
  for (let t = 0; t < WARMUP; t++) { onTerrain.step(t); onHills.step(t); }
  const warmMs = performance.now() - t0, warmMisses = voxel.cache.misses;
  const a: number[] = [], b: number[] = [];
  for (let t = WARMUP; t < WARMUP + TICKS; t += BLOCK) {
    for (let i = t; i < t + BLOCK; i++) { const s = performance.now(); onTerrain.step(i); a.push(performance.now() - s); }
    for (let i = t; i < t + BLOCK; i++) { const s = performance.now(); onHills.step(i); b.push(performance.now() - s); }
  }
  figures['ai.tick_ms.500_terrain'] = {
    value: round(median(a), 4), unit: 'ms', baseline: round(median(b), 4),
    note: `CreatureSim tick, ${COUNT} demo creatures on the planet (seed 7) through VoxelCreatureWorld, ${TICKS} ticks after ${WARMUP} warm-up `
      + `(${round(warmMs, 0)} ms for both sides, ${warmMisses} bricks read); p95 ${round(percentile(a, 95), 3)} ms, `
      + `${voxel.cache.misses - warmMisses} bricks read while measured. Baseline: the same sim on the function-world hills, same run`,
  };
}
