/**
 * A mixed population for the determinism test and the bench: grazer herds, predators, skyrays and
 * rocklings following moving owners, spread over an area that grows with the count so density stays
 * the same (about one creature per 50 m²). Positions come from an integer LCG, not Math.random,
 * so the same seed always builds the same world.
 */
import { CreatureState, type CreatureStore } from './creature-store.ts';
import type { CreatureTypeId } from './creature-types.ts';
import type { FunctionWorld } from './test-worlds.ts';

export const OWNERS = 4;
const SQUARE_M_PER_CREATURE = 50;

export const areaSide = (count: number): number => Math.sqrt(count * SQUARE_M_PER_CREATURE);

export function populate(store: CreatureStore, count: number, seed: number): void {
  let r = seed >>> 0 || 1;
  const rand = () => (r = (Math.imul(r, 1664525) + 1013904223) >>> 0) / 4294967296;
  const side = areaSide(count);
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    const type: CreatureTypeId = kind < 5 ? 'grazer' : kind < 6 ? 'alien_predator' : kind < 8 ? 'skyray' : 'rockling';
    const tamed = type === 'rockling';
    store.add({
      type, level: 1 + (i % 30), x: rand() * side, y: 0, z: rand() * side, seed: seed * 7919 + i + 1,
      state: tamed ? (i % 20 === 8 ? CreatureState.Aggressive : CreatureState.Follow) : CreatureState.Wander,
      owner: tamed ? i % OWNERS : -1,
    });
  }
}

type Turns = (turns: number) => number;

/**
 * Owners walk circles of a third of the area's side, one lap a minute, a quarter lap apart. Takes
 * cos and sin so callers pick fixed or native trig (owner positions are input, not simulation);
 * allocates nothing, so the bench can measure the tick's allocation with owners moving.
 */
export function moveOwners(world: FunctionWorld, count: number, tick: number, cos: Turns, sin: Turns): void {
  const side = areaSide(count), r = side / 3;
  for (let o = 0; o < OWNERS; o++) {
    const t = tick / 1200 + o / OWNERS;
    world.setOwner(o, side / 2 + r * cos(t), 0, side / 2 + r * sin(t));
  }
}
