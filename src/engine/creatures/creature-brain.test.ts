import { describe, expect, it } from 'vitest';
import { CreatureState, CreatureStore } from './creature-store.ts';
import { CreatureBrain } from './creature-brain.ts';
import { FunctionWorld, slope } from './test-worlds.ts';

const run = (brain: CreatureBrain, store: CreatureStore, world: FunctionWorld, ticks: number, each?: (t: number) => void) => {
  for (let t = 0; t < ticks; t++) { each?.(t); brain.tick(store, world); }
};

describe('creature brain: commands', () => {
  it('follow: after the owner walks 60 m away, the creature is within a few metres', () => {
    const store = new CreatureStore(), world = new FunctionWorld(), brain = new CreatureBrain();
    const id = store.add({ type: 'rockling', level: 5, x: 0, y: 0, z: 0, state: CreatureState.Follow, owner: 7, seed: 3 });
    // The owner walks at 3 m/s (slower than the rockling) for 20 s, then stands; 5 s to catch up.
    run(brain, store, world, 500, (t) => world.setOwner(7, Math.min(t, 400) * 0.15, 0, Math.min(t, 400) * 0.05));
    const s = store.slotOf(id), ox = 60, oz = 20;
    const d = Math.sqrt((store.x[s] - ox) ** 2 + (store.z[s] - oz) ** 2);
    expect(d).toBeLessThan(4);
  });

  it('stay keeps the creature exactly in place', () => {
    const store = new CreatureStore(), world = new FunctionWorld(), brain = new CreatureBrain();
    const id = store.add({ type: 'grazer', level: 1, x: 5, y: 0, z: -3, state: CreatureState.Stay, owner: 1, seed: 9 });
    store.add({ type: 'alien_predator', level: 1, x: 8, y: 0, z: -3, seed: 4 }); // even with a predator next to it
    world.setOwner(1, 50, 0, 50);
    run(brain, store, world, 200);
    const s = store.slotOf(id);
    expect([store.x[s], store.z[s]]).toEqual([5, -3]);
  });

  it('aggressive: a tamed creature kills a weak wild hostile, which gets the dead flag', () => {
    const store = new CreatureStore(), world = new FunctionWorld(), brain = new CreatureBrain();
    const hunter = store.add({ type: 'alien_predator', level: 30, x: 0, y: 0, z: 0, state: CreatureState.Aggressive, owner: 1, seed: 5 });
    const prey = store.add({ type: 'alien_predator', level: 1, x: 15, y: 0, z: 4, seed: 6 });
    world.setOwner(1, 0, 0, 0);
    run(brain, store, world, 600);
    expect(store.dead[store.slotOf(prey)]).toBe(1);
    expect(store.health[store.slotOf(prey)]).toBe(0);
    expect(store.dead[store.slotOf(hunter)]).toBe(0);
  });

  it('passive ignores a hostile next to it', () => {
    const store = new CreatureStore(), world = new FunctionWorld(), brain = new CreatureBrain();
    const pet = store.add({ type: 'rockling', level: 20, x: 0, y: 0, z: 0, state: CreatureState.Passive, owner: 1, seed: 5 });
    store.add({ type: 'alien_predator', level: 1, x: 3, y: 0, z: 0, state: CreatureState.Stay, seed: 6 });
    run(brain, store, world, 100);
    expect(store.target[store.slotOf(pet)]).toBe(-1);
  });
});

describe('creature brain: wild behaviour', () => {
  it('a grazer flees a predator in sight and ends up farther away', () => {
    const store = new CreatureStore(), world = new FunctionWorld(), brain = new CreatureBrain();
    const grazer = store.add({ type: 'grazer', level: 1, x: 0, y: 0, z: 0, seed: 1 });
    const pred = store.add({ type: 'alien_predator', level: 1, x: 12, y: 0, z: 0, state: CreatureState.Stay, seed: 2 });
    run(brain, store, world, 8);
    expect(store.state[store.slotOf(grazer)]).toBe(CreatureState.Flee);
    expect(store.target[store.slotOf(grazer)]).toBe(pred);
    run(brain, store, world, 60);
    const g = store.slotOf(grazer);
    expect(store.x[g]).toBeLessThan(-8); // ran away from x = 12
  });

  it('separation keeps 50 creatures crowding one owner from overlapping', () => {
    const store = new CreatureStore(), world = new FunctionWorld(), brain = new CreatureBrain();
    for (let i = 0; i < 50; i++) {
      store.add({ type: 'rockling', level: 1, x: (i % 7) * 0.3, y: 0, z: Math.floor(i / 7) * 0.3, state: CreatureState.Follow, owner: 1, seed: i + 1 });
    }
    world.setOwner(1, 1, 0, 1);
    run(brain, store, world, 400);
    let min = Infinity;
    for (let a = 0; a < 50; a++) for (let b = a + 1; b < 50; b++) {
      min = Math.min(min, Math.hypot(store.x[a] - store.x[b], store.z[a] - store.z[b]));
    }
    expect(min).toBeGreaterThan(0.8); // two rockling bodies (0.4 m each) never overlap
  });

  it('walkers stay on a sloped ground; flyers keep their height band', () => {
    const store = new CreatureStore(), world = new FunctionWorld(slope), brain = new CreatureBrain();
    for (let i = 0; i < 20; i++) store.add({ type: i % 4 === 3 ? 'skyray' : 'grazer', level: 1, x: i * 3, y: 50, z: 0, seed: i + 1 });
    for (let t = 0; t < 300; t++) {
      brain.tick(store, world);
      for (let s = 0; s < store.count; s++) {
        const g = slope(store.x[s], store.z[s]);
        if (store.type[s] === 0) expect(store.y[s]).toBe(g);
        else if (t > 200) expect(store.y[s] - g).toBeGreaterThan(1.4);
      }
    }
    for (let s = 0; s < store.count; s++) {
      const above = store.y[s] - slope(store.x[s], store.z[s]);
      if (store.type[s] === 2) { expect(above).toBeGreaterThan(3); expect(above).toBeLessThan(15); }
    }
  });

  it('a walker goes around a solid rock between it and its owner', () => {
    const store = new CreatureStore(), world = new FunctionWorld(), brain = new CreatureBrain();
    world.pillars.push(10, 0, 2.5);
    world.setOwner(1, 25, 0, 0);
    const id = store.add({ type: 'rockling', level: 1, x: 0, y: 0, z: 0, state: CreatureState.Follow, owner: 1, seed: 2 });
    let inside = false;
    run(brain, store, world, 400, () => { const s = store.slotOf(id); inside ||= Math.hypot(store.x[s] - 10, store.z[s]) < 2.5; });
    const s = store.slotOf(id);
    expect(inside).toBe(false);
    expect(Math.hypot(store.x[s] - 25, store.z[s])).toBeLessThan(4);
  });
});
