/**
 * The creature bench's scenarios, ours and Yuka's, built to match (issue 13's "same scenario"):
 * `count` agents spread over a square whose side grows with the count (50 m² each, as in the
 * game's demo population), all wandering, separating from neighbours within 3 m, and seeking one
 * target that walks a circle (a lap a minute) at 20 Hz. Ours: tamed rocklings in `follow` (arrive at
 * the owner + wander at a quarter weight + separation), on flat ground, still paying for the ground
 * clamp and the obstacle probe every tick, which Yuka does not do. Yuka: Vehicles with Wander (same
 * radius, distance and jitter per tick), Separation and Seek, in an EntityManager with a
 * CellSpacePartitioning of 4 m cells (ours: 4 m cells) and neighbourhoodRadius 3 m.
 */
import { createRequire } from 'node:module';
import { CreatureState, CreatureStore } from '../src/engine/creatures/creature-store.ts';
import { CreatureBrain } from '../src/engine/creatures/creature-brain.ts';
import { FunctionWorld } from '../src/engine/creatures/test-worlds.ts';
import { areaSide } from '../src/engine/creatures/demo-population.ts';
import { SEPARATION_RADIUS } from '../src/engine/creatures/steering.ts';

export const DT = 1 / 20;
const CELL = 4;
const SPEED = 4.5;

/** An integer LCG, so both sides start from the same positions. */
function spawnPoints(count: number): Float64Array {
  let r = 12345;
  const side = areaSide(count), out = new Float64Array(count * 2);
  for (let i = 0; i < out.length; i++) out[i] = ((r = (Math.imul(r, 1664525) + 1013904223) >>> 0) / 4294967296) * side;
  return out;
}

const targetAt = (count: number, tick: number, out: { x: number; z: number }) => {
  const side = areaSide(count), a = (tick / 1200) * 2 * Math.PI;
  out.x = side / 2 + (side / 3) * Math.cos(a);
  out.z = side / 2 + (side / 3) * Math.sin(a);
};

/** `spread` is the agents' mean distance to the target, m: both sides should end up clustered round it. */
export interface Scenario { step(tick: number): void; spread(): number }

export function oursScenario(count: number): Scenario {
  const store = new CreatureStore(count), world = new FunctionWorld(), brain = new CreatureBrain();
  const p = spawnPoints(count), target = { x: 0, z: 0 };
  for (let i = 0; i < count; i++) {
    store.add({ type: 'rockling', level: 1, x: p[2 * i], y: 0, z: p[2 * i + 1], state: CreatureState.Follow, owner: 0, seed: i + 1 });
  }
  return {
    step(tick) { targetAt(count, tick, target); world.setOwner(0, target.x, 0, target.z); brain.tick(store, world, DT); },
    spread() { let s = 0; for (let i = 0; i < store.count; i++) s += Math.hypot(store.x[i] - target.x, store.z[i] - target.z); return s / count; },
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- yuka 0.7.8 ships no type declarations. */
const yuka = createRequire(import.meta.url)('yuka') as any;

export function yukaScenario(count: number): Scenario {
  const side = areaSide(count), box = side * 1.5, cells = Math.ceil(box / CELL);
  const manager = new yuka.EntityManager();
  // Yuka's partition is centred on the origin: shift the square so it sits in the middle.
  manager.spatialIndex = new yuka.CellSpacePartitioning(cells * CELL, 10, cells * CELL, cells, 1, cells);
  const off = side / 2, p = spawnPoints(count), target = new yuka.Vector3(), t = { x: 0, z: 0 };
  const vehicles: any[] = [];
  for (let i = 0; i < count; i++) {
    const v = new yuka.Vehicle();
    v.position.set(p[2 * i] - off, 0, p[2 * i + 1] - off);
    v.maxSpeed = SPEED;
    v.updateNeighborhood = true;
    v.neighborhoodRadius = SEPARATION_RADIUS;
    const wander = new yuka.WanderBehavior(1, 2, 0.6 / DT); // radius 1, distance 2, 0.6 per tick as ours
    wander.weight = 0.25;
    const separation = new yuka.SeparationBehavior();
    separation.weight = 1.5;
    v.steering.add(wander); v.steering.add(separation); v.steering.add(new yuka.SeekBehavior(target));
    manager.add(v);
    vehicles.push(v);
  }
  return {
    step(tick) { targetAt(count, tick, t); target.set(t.x - off, 0, t.z - off); manager.update(DT); },
    spread() { let s = 0; for (const v of vehicles) s += Math.hypot(v.position.x - target.x, v.position.z - target.z); return s / count; },
  };
}
