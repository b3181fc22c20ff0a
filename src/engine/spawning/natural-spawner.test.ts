import { describe, expect, it } from 'vitest';
import { DEFAULT_SPAWNER, planNaturalSpawns, type SpawnerCreature } from './natural-spawner.ts';
import { DESERT, ICE, MOUNTAINS, PLAINS } from '../biomes.ts';

const player = { x: 100, y: 20, z: -50 };

describe('natural spawner', () => {
  it('fills up to the cap in the ring around a player, a few per plan, from the biome', () => {
    const rng = Uint32Array.of(42);
    const creatures: SpawnerCreature[] = [];
    let plans = 0;
    while (creatures.length < DEFAULT_SPAWNER.capNear && plans < 20) {
      const plan = planNaturalSpawns([player], creatures, () => ICE, rng);
      expect(plan.spawns.length).toBeLessThanOrEqual(DEFAULT_SPAWNER.perPlan);
      for (const s of plan.spawns) {
        const d = Math.hypot(s.x - player.x, s.z - player.z);
        expect(d).toBeGreaterThanOrEqual(DEFAULT_SPAWNER.ringMin - 1e-9);
        expect(d).toBeLessThanOrEqual(DEFAULT_SPAWNER.ringMax + 1e-9);
        expect(s.type).not.toBe('rockling'); // no rocklings on ice
        expect(s.level).toBeGreaterThanOrEqual(1);
        creatures.push({ n: creatures.length + 1, x: s.x, z: s.z, natural: true, wild: true });
      }
      plans++;
    }
    expect(creatures.length).toBe(DEFAULT_SPAWNER.capNear);
    expect(planNaturalSpawns([player], creatures, () => ICE, rng).spawns).toEqual([]);
  });

  it('tamed and requested creatures do not count toward the cap and are never despawned', () => {
    const far = { x: 5000, z: 5000 };
    const creatures: SpawnerCreature[] = [
      { n: 1, ...far, natural: true, wild: true },
      { n: 2, ...far, natural: true, wild: false },
      { n: 3, ...far, natural: false, wild: true },
      { n: 4, x: player.x + 10, z: player.z, natural: false, wild: true },
    ];
    const plan = planNaturalSpawns([player], creatures, () => PLAINS, Uint32Array.of(7));
    expect(plan.despawn).toEqual([1]);
    expect(plan.spawns.length).toBe(DEFAULT_SPAWNER.perPlan);
  });

  it('is deterministic for the same state and inputs, and follows the biome odds', () => {
    const a = planNaturalSpawns([player], [], () => DESERT, Uint32Array.of(9), { ...DEFAULT_SPAWNER, perPlan: 200, capNear: 200 });
    const b = planNaturalSpawns([player], [], () => DESERT, Uint32Array.of(9), { ...DEFAULT_SPAWNER, perPlan: 200, capNear: 200 });
    expect(a).toEqual(b);
    expect(a.spawns.some((s) => s.type === 'grazer')).toBe(false);
    const m = planNaturalSpawns([player], [], () => MOUNTAINS, Uint32Array.of(9), { ...DEFAULT_SPAWNER, perPlan: 200, capNear: 200 });
    const skyrays = m.spawns.filter((s) => s.type === 'skyray').length;
    expect(skyrays).toBeGreaterThan(40);
    expect(skyrays).toBeLessThan(120);
  });
});
