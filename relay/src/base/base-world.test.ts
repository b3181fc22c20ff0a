/**
 * The relay's per-world base on a clock the test moves: the grid follows the world clock (solar by
 * day, batteries through the night), announces only what changed, and saves charges and switches.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkReport, StructureState } from '../../../src/protocol/net/base-events.ts';
import type { StructureRow, StructuresRepo } from '../db/structures-repo.ts';
import { BaseWorld } from './base-world.ts';

const T0 = Date.UTC(2026, 11, 2, 12);
const row = (n: number, structure_type: string, x: number): StructureRow => ({
  structure_id: `structure_${n}`, world_id: 1, owner_id: 7, structure_type, position: { x, y: 10, z: 0 }, rotation: { x: 0, y: 0, z: 0 },
  health: 100, state: {}, created_at: '2026-12-02T12:00:00.000Z', updated_at: '2026-12-02T12:00:00.000Z',
});

function world() {
  const clock = { now: T0 };
  const grids: NetworkReport[][] = [];
  const states = new Map<string, StructureState>();
  const w = new BaseWorld({
    worldId: 1, seed: 1337, epochMs: T0, repo: {} as StructuresRepo, playerIdOf: (id) => `user_${id}`, now: () => clock.now,
    broadcast: { gridUpdate: (n) => grids.push(n), state: (id, s) => states.set(id, s) },
  }, [row(1, 'solar_panel', 0), row(2, 'battery', 2.5), row(3, 'oxygenator', -2.5)]);
  /** Moves wall time on by `seconds` in 100 ms steps, stepping the world as the relay's timer does. */
  const run = (seconds: number) => { for (let i = 0; i < seconds * 10; i++) { clock.now += 100; w.step(); } };
  const charge = () => w.reports()[0].battery_charge;
  return { w, run, grids, states, charge };
}

describe('a world\'s base on the relay', () => {
  it('makes power by day, charges the battery with the surplus, and runs the oxygenator from it at night', () => {
    const { w, run, grids, states, charge } = world();
    w.setTimeOfDay(0.5);
    run(30);
    const noon = w.reports()[0];
    expect(noon.total_generation).toBeGreaterThanOrEqual(48); // 50 W peak, the sun a tick or two past its height
    expect(noon.total_consumption).toBe(20);
    expect(charge()).toBeGreaterThan(0.2);
    expect(states.get('structure_3')).toMatchObject({ powered: true, status: 'active' });
    expect(grids.length).toBeGreaterThan(0);
    w.setTimeOfDay(0);
    const before = charge();
    run(30);
    expect(w.reports()[0].total_generation).toBe(0);
    expect(charge()).toBeLessThan(before);
    expect(states.get('structure_3')).toMatchObject({ powered: true });
  });

  it('unpowers a consumer switched off, announces it once, and saves switches and charges', () => {
    const { w, run, states } = world();
    w.setTimeOfDay(0.5);
    run(5);
    const oxygenator = w.structures.get('structure_3')!;
    w.setEnabled(oxygenator, false);
    run(1);
    expect(states.get('structure_3')).toMatchObject({ enabled: false, powered: false, status: 'disabled' });
    const saved = w.saveList();
    expect(saved.find((s) => s.structure_id === 'structure_3')?.state).toEqual({ enabled: false });
    expect(Number(saved.find((s) => s.structure_id === 'structure_2')?.state.charge_mj)).toBeGreaterThan(0);
  });

  it('shows real statuses from the start: a consumer saved switched off is disabled before any tick of wall time', () => {
    const w = new BaseWorld({
      worldId: 1, seed: 1337, epochMs: T0, repo: {} as StructuresRepo, playerIdOf: (id) => `user_${id}`, now: () => T0,
      broadcast: { gridUpdate: () => undefined, state: () => undefined },
    }, [row(1, 'solar_panel', 0), { ...row(3, 'oxygenator', -2.5), state: { enabled: false } }]);
    expect(w.state(w.structures.get('structure_3')!)).toMatchObject({ enabled: false, status: 'disabled', powered: false });
  });

  it('sets the time of day on the same day, and the next day when the day has not reached it', () => {
    const { w } = world();
    w.setTimeOfDay(0.5);
    expect(w.clock.timeOfDay(w.currentTick())).toBeCloseTo(0.5, 3);
    w.setTimeOfDay(0.1);
    expect(w.clock.timeOfDay(w.currentTick())).toBeCloseTo(0.1, 3);
  });
});
