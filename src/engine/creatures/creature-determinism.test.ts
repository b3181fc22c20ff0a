import { describe, expect, it } from 'vitest';
import { CreatureStore } from './creature-store.ts';
import { CreatureBrain } from './creature-brain.ts';
import { FunctionWorld } from './test-worlds.ts';
import { moveOwners, populate } from './demo-population.ts';
import { cosTurns, sinTurns } from '../base/fixed-trig.ts';

const hills = (x: number, z: number) => 2 * sinTurns(x / 60) + 1.5 * cosTurns(z / 45);

function simulate(seed: number): CreatureStore {
  const store = new CreatureStore(16), world = new FunctionWorld(hills), brain = new CreatureBrain();
  world.pillars.push(30, 30, 3, 60, 40, 4);
  populate(store, 300, seed);
  for (let t = 0; t < 400; t++) {
    moveOwners(world, 300, t, cosTurns, sinTurns);
    brain.tick(store, world);
    if (t === 200) { store.remove(store.id[3]); store.remove(store.id[100]); } // removals are ordered inputs too
  }
  return store;
}

const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('creature brain determinism', () => {
  it('same seed and inputs give bit-identical arrays; another seed does not', () => {
    const a = simulate(11), b = simulate(11), c = simulate(12);
    const arraysA = a.arrays(), arraysB = b.arrays();
    expect(a.count).toBe(b.count);
    for (let i = 0; i < arraysA.length; i++) {
      expect(Buffer.compare(bytes(arraysA[i].subarray(0, a.count)), bytes(arraysB[i].subarray(0, b.count)))).toBe(0);
    }
    expect(Buffer.compare(bytes(a.x.subarray(0, a.count)), bytes(c.x.subarray(0, c.count)))).not.toBe(0);
    // The scene is alive: some hunting happened and the herds moved.
    expect(a.dead.subarray(0, a.count).some((d) => d === 1)).toBe(true);
  });
});
