import { describe, expect, it } from 'vitest';
import { VoxelCreatureWorld } from './voxel-creature-world.ts';
import { VoxelStore } from '../voxel-store.ts';
import { sampleTrilinear } from '../terrain-probe.ts';
import { densityGroundProbe } from '../base/ground-probe.ts';
import { CreatureSim } from './creature-sim.ts';
import { CreatureState } from './creature-store.ts';
import { CREATURE_TYPE_IDS } from './creature-types.ts';
import { chunkBytes } from '../chunk-codec.ts';
import type { SimSpawn } from './sim-inputs.ts';

const SEED = 7;
const spawnAt = (n: number, type: string, x: number, y: number, z: number): SimSpawn => ({
  n, type: CREATURE_TYPE_IDS.indexOf(type as never), level: 1, x, y, z, vx: 0, vy: 0, vz: 0, health: Infinity, stamina: Infinity,
  state: CreatureState.Follow, ownerKey: 1, followKey: -1, seed: n,
});

/** The surface as the page's placement finds it: trilinear density, stepping down from well above. */
function probeSurface(store: VoxelStore, x: number, z: number): number {
  const probe = densityGroundProbe((px, py, pz) => sampleTrilinear(store, px, py, pz).density, 200, 0.25);
  return probe.surfaceY(x, z, store.gen.topBound(Math.floor(x), Math.floor(z), 1, 1) + 2)!;
}

/** The ground as seen from above (an asker over the top surface). */
const groundAt = (w: VoxelCreatureWorld, x: number, z: number) => { const p = Float64Array.of(x, 1000, z); w.groundAt(p); return p[1]; };

describe('VoxelCreatureWorld on a real planet', () => {
  it('sees the same surface as a density probe of the voxel store, and solid below it', () => {
    const world = new VoxelCreatureWorld({ seed: SEED, kind: 'planet' }), store = new VoxelStore(SEED);
    for (const [x, z] of [[0, 0], [13, -7], [-40, 25], [100, 100], [-3, 61]]) {
      const want = probeSurface(store, x, z), got = groundAt(world, x, z);
      expect(Math.abs(got - want)).toBeLessThan(1e-6);
      expect(world.solidAt(Float64Array.of(x, got - 0.5, z))).toBe(true);
      expect(world.solidAt(Float64Array.of(x, got + 0.5, z))).toBe(false);
    }
    // Between voxel columns the ground is the bilinear blend of the four around it.
    const mid = groundAt(world, 10.5, 20.5);
    const corners = [[10, 20], [11, 20], [10, 21], [11, 21]].map(([x, z]) => groundAt(world, x, z));
    expect(mid).toBeCloseTo(corners.reduce((a, b) => a + b) / 4, 9);
  });

  it('a walker spawned in the air or underground lands where the page\'s placement probe puts it; a flyer cruises above the top', () => {
    const world = new VoxelCreatureWorld({ seed: SEED, kind: 'planet' }), store = new VoxelStore(SEED);
    const sim = new CreatureSim(world);
    const probe = densityGroundProbe((px, py, pz) => sampleTrilinear(store, px, py, pz).density, 200, 0.25);
    const g = groundAt(world, 5, 5);
    const air = sim.spawn(spawnAt(1, 'grazer', 5, g + 40, 5));
    const under = sim.spawn(spawnAt(2, 'rockling', 5, g - 2, 5));
    const flyer = sim.spawn(spawnAt(3, 'skyray', 5, g - 12, 5));
    expect(air.y).toBeCloseTo(g, 9);
    expect(under.y).toBeCloseTo(g, 9); // inside the ground just under the surface: up to it
    expect(under.y).toBeCloseTo(probe.surfaceY(5, 5, g - 2)!, 1); // the probe's 0.25 m steps cut corners at voxel boundaries
    expect(flyer.y - g).toBeGreaterThan(4);
    sim.setPlayers(Float64Array.of(1, 5, g, 5));
    sim.step();
    const s = sim.store.slotOf(1);
    expect(sim.store.y[s]).toBeCloseTo(groundAt(world, sim.store.x[s], sim.store.z[s]), 9);
  });

  it('a walker spawned deep in the rock under a cave lands on the cave floor, and walks on it, not on the top', () => {
    const world = new VoxelCreatureWorld({ seed: SEED, kind: 'planet' }), store = new VoxelStore(SEED);
    const probe = densityGroundProbe((px, py, pz) => sampleTrilinear(store, px, py, pz).density, 200, 0.25);
    const g = groundAt(world, 5, 5), from = g - 12;
    const cave = probe.surfaceY(5, 5, from)!;
    expect(cave).toBeLessThan(g - 5); // seed 7 has a cave there: the first floor above the point is its floor
    const sim = new CreatureSim(world);
    const at = sim.spawn(spawnAt(1, 'rockling', 5, from, 5));
    expect(at.y).toBeCloseTo(cave, 1);
    sim.setPlayers(Float64Array.of(1, 5, cave, 5)); // its owner stands in the cave with it
    for (let t = 0; t < 40; t++) {
      sim.step();
      const s = sim.store.slotOf(1);
      expect(sim.store.y[s]).toBeLessThan(g - 5);
      expect(world.solidAt(Float64Array.of(sim.store.x[s], sim.store.y[s] + 0.5, sim.store.z[s]))).toBe(false);
    }
  });

  it('digging a hole under a walker drops the ground it sees, and the walker with it', () => {
    const world = new VoxelCreatureWorld({ seed: SEED, kind: 'planet' });
    const sim = new CreatureSim(world);
    const g = groundAt(world, 20, 20);
    sim.spawn(spawnAt(1, 'rockling', 20, g, 20));
    sim.setPlayers(Float64Array.of(1, 20, g, 20)); // follows a player standing on it: stays about there
    for (let t = 0; t < 5; t++) sim.step();
    const s = sim.store.slotOf(1), x = sim.store.x[s], z = sim.store.z[s];
    expect(sim.store.y[s]).toBeCloseTo(groundAt(world, x, z), 9);
    world.applyEdit({ position: { x: 20, y: g, z: 20 }, radius: 5, strength: 10, operation: 'remove' });
    const after = groundAt(world, x, z);
    expect(after).toBeLessThan(g - 2);
    sim.step();
    expect(sim.store.y[s]).toBeLessThan(g - 2);
    expect(sim.store.y[s]).toBeCloseTo(groundAt(world, sim.store.x[s], sim.store.z[s]), 9);
    // Building a mound raises it again, above the old surface.
    world.applyEdit({ position: { x: 20, y: g + 2, z: 20 }, radius: 6, strength: 10, operation: 'add' });
    expect(groundAt(world, 20, 20)).toBeGreaterThan(g + 2);
  });

  it('a chunk snapshot replaces what it saw, as the page replica does', () => {
    const source = new VoxelStore(SEED);
    const g = probeSurface(source, 4, 4);
    source.applyEdit({ position: { x: 4, y: g + 3, z: 4 }, radius: 4, strength: 10, operation: 'add' });
    const world = new VoxelCreatureWorld({ seed: SEED, kind: 'planet' });
    expect(groundAt(world, 4, 4)).toBeCloseTo(g, 6); // cached before the snapshot
    const cy = Math.floor((g + 3) / 32);
    for (const dy of [-1, 0, 1]) world.loadChunk(0, cy + dy, 0, chunkBytes(source, 0, cy + dy, 0));
    expect(groundAt(world, 4, 4)).toBeCloseTo(probeSurface(source, 4, 4), 6);
    expect(groundAt(world, 4, 4)).toBeGreaterThan(g + 3);
    expect(world.ops).toBe(3);
  });
});
