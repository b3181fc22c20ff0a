import { describe, expect, it } from 'vitest';
import { CreatureStore } from './creature-store.ts';
import { SpatialGrid } from './spatial-grid.ts';

describe('spatial grid', () => {
  it('returns exactly the brute-force neighbour set, around many creatures and for many radii', () => {
    const store = new CreatureStore(8);
    let r = 12345;
    const rand = () => ((r = (Math.imul(r, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let i = 0; i < 700; i++) store.add({ type: 'grazer', level: 1, x: rand() * 200 - 100, y: 0, z: rand() * 200 - 100, seed: i + 1 });
    store.dead[5] = 1;
    const grid = new SpatialGrid(4);
    grid.build(store);
    for (let q = 0; q < 300; q++) {
      const skip = Math.floor(rand() * store.count), px = store.x[skip], pz = store.z[skip], radius = [1, 3, 7.5, 24, 60][q % 5];
      const n = grid.near(store, skip, radius);
      const got = Array.from(grid.found.subarray(0, n)).sort((a, b) => a - b);
      const want: number[] = [];
      for (let s = 0; s < store.count; s++) {
        const dx = store.x[s] - px, dz = store.z[s] - pz;
        if (s !== skip && !store.dead[s] && dx * dx + dz * dz <= radius * radius) want.push(s);
      }
      expect(got).toEqual(want);
    }
  });

  it('swap-remove keeps ids stable and slots dense', () => {
    const store = new CreatureStore(2);
    const ids = [0, 1, 2, 3].map((i) => store.add({ type: 'rockling', level: 1, x: i, y: 0, z: 0, seed: i + 1 }));
    expect(store.remove(ids[1])).toBe(true);
    expect(store.count).toBe(3);
    expect(store.slotOf(ids[1])).toBe(-1);
    expect(store.x[store.slotOf(ids[3])]).toBe(3);
    expect(store.remove(ids[1])).toBe(false);
    expect(store.add({ type: 'rockling', level: 1, x: 9, y: 0, z: 0, seed: 1 })).toBe(4);
  });
});
