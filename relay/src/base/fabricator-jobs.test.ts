/**
 * Fabricator jobs in a world's base on a clock the test moves: a job moves on only on ticks its
 * fabricator is powered (short grid, switched off, night: it pauses), finishes after exactly its
 * recipe's powered ticks with its demand off, survives a save and reload, and goes with its fabricator.
 */
import { describe, expect, it } from 'vitest';
import type { FabricatorUpdate, StructureState } from '../../../src/protocol/net/base-events.ts';
import { RECIPES } from '../../../src/engine/crafting/recipes.ts';
import type { StructureRow, StructuresRepo } from '../db/structures-repo.ts';
import { BaseWorld } from './base-world.ts';
import type { RunningJob } from './fabricator-jobs.ts';

const T0 = Date.UTC(2026, 11, 2, 12);
const OWNER = { dbId: 7, playerId: 'user_7', name: 'Smith' };
const row = (n: number, structure_type: string, x: number, state: Record<string, unknown> = {}): StructureRow => ({
  structure_id: `structure_${n}`, world_id: 1, owner_id: 7, structure_type, position: { x, y: 10, z: 0 }, rotation: { x: 0, y: 0, z: 0 },
  health: 100, state, created_at: '2026-12-02T12:00:00.000Z', updated_at: '2026-12-02T12:00:00.000Z',
});
/** A fabricator at x = 3 between two panels (100 W at noon, enough for its 80 W), or one panel (50 W, not enough). */
const TWO_PANELS = [row(1, 'solar_panel', 0), row(2, 'fabricator', 3), row(3, 'solar_panel', 6)];
const ONE_PANEL = [row(1, 'solar_panel', 0), row(2, 'fabricator', 3)];

function world(rows: StructureRow[]) {
  const clock = { now: T0 };
  const updates: FabricatorUpdate[] = [];
  const finished: RunningJob[] = [];
  const states = new Map<string, StructureState>();
  const w = new BaseWorld({
    worldId: 1, seed: 1337, epochMs: T0, repo: {} as StructuresRepo, playerIdOf: (id) => `user_${id}`, now: () => clock.now,
    broadcast: { gridUpdate: () => undefined, state: (id, s) => states.set(id, s) },
    fabricator: { update: (u) => updates.push(u), finished: (j) => finished.push(j) },
  }, rows);
  w.setTimeOfDay(0.5);
  /** Moves wall time on `ticks` grid ticks, one step per tick as the relay's timer does. */
  const ticks = (n: number) => { for (let i = 0; i < n; i++) { clock.now += 100; w.step(); } };
  const fab = w.structures.get('structure_2')!;
  const craft = (count = 1) => w.startJob(fab, { recipe_id: 'iron_plate', count, done_ticks: 0 }, OWNER);
  return { w, ticks, fab, craft, updates, finished, states };
}

describe('fabricator jobs on the relay', () => {
  it('runs a job for exactly its powered ticks, announcing tenths, then turns its demand off', () => {
    const { w, ticks, fab, craft, updates, finished, states } = world(TWO_PANELS);
    ticks(3);
    expect(w.state(fab)).toMatchObject({ status: 'idle', powered: false });
    const job = craft(2);
    const total = RECIPES.iron_plate.ticks * 2;
    expect(updates).toEqual([{ structure_id: 'structure_2', recipe_id: 'iron_plate', count: 2, progress: 0, done: false }]);
    ticks(1);
    expect(w.state(fab)).toMatchObject({ status: 'active', powered: true, output: 80, job: { recipe_id: 'iron_plate', count: 2 } });
    expect(states.get('structure_2')?.job?.recipe_id).toBe('iron_plate');
    ticks(total - 2);
    expect(finished).toEqual([]);
    expect(w.jobs.get('structure_2')?.done_ticks).toBe(total - 1);
    ticks(1);
    expect(finished).toEqual([job]);
    expect(w.jobs.get('structure_2')).toBeUndefined();
    // Ten tenths were announced, in order, each once.
    expect(updates.map((u) => Math.round(u.progress * 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    ticks(1);
    expect(w.state(fab)).toMatchObject({ status: 'idle', powered: false, output: 0 });
    expect(w.state(fab).job).toBeUndefined();
    expect(states.get('structure_2')?.job).toBeUndefined();
    expect(w.reports()[0].total_consumption).toBe(0);
  });

  it('pauses on a grid too weak for it, when switched off, and at night; resumes where it was', () => {
    const weak = world(ONE_PANEL);
    weak.craft();
    weak.ticks(50);
    expect(weak.w.state(weak.fab)).toMatchObject({ status: 'unpowered', powered: false });
    expect(weak.w.jobs.get('structure_2')?.done_ticks).toBe(0);
    expect(weak.w.reports()[0].total_demand).toBe(80);

    const { w, ticks, fab, craft, finished } = world(TWO_PANELS);
    craft();
    ticks(10);
    w.setEnabled(fab, false);
    ticks(20);
    expect(w.jobs.get('structure_2')?.done_ticks).toBe(10);
    w.setEnabled(fab, true);
    ticks(5);
    expect(w.jobs.get('structure_2')?.done_ticks).toBe(15);
    w.setTimeOfDay(0);
    ticks(20);
    expect(w.jobs.get('structure_2')?.done_ticks).toBe(15);
    expect(finished).toEqual([]);
  });

  it('saves a running job with its fabricator and picks it up where it was on reload', () => {
    const { w, ticks, craft } = world(TWO_PANELS);
    craft(3);
    ticks(12);
    const saved = w.saveList().find((s) => s.structure_id === 'structure_2')!.state;
    expect(saved).toEqual({ enabled: true, job: { recipe_id: 'iron_plate', count: 3, done_ticks: 12, owner_name: 'Smith' } });
    const again = world([row(1, 'solar_panel', 0), row(2, 'fabricator', 3, saved), row(3, 'solar_panel', 6)]);
    expect(again.w.jobs.get('structure_2')).toMatchObject({ done_ticks: 12, total: 90, owner: OWNER });
    expect(again.w.state(again.fab).job).toEqual({ recipe_id: 'iron_plate', count: 3, progress: 12 / 90 });
    again.ticks(78);
    expect(again.finished.map((j) => j.done_ticks)).toEqual([90]);
    // A job this relay cannot run (unknown recipe) is dropped, not crashed on.
    const odd = world([row(2, 'fabricator', 3, { job: { recipe_id: 'gold_bar', count: 1, done_ticks: 0, owner_name: 'x' } })]);
    expect(odd.w.jobs.get('structure_2')).toBeUndefined();
  });

  it('cancels a job with its fabricator and leaves its demand off', () => {
    const { w, ticks, craft, finished } = world(TWO_PANELS);
    craft();
    ticks(5);
    const cancelled = w.cancelJob('structure_2');
    expect(cancelled?.done_ticks).toBe(5);
    ticks(2);
    expect(w.reports()[0].total_demand).toBe(0);
    craft();
    w.uninstall('structure_2');
    ticks(40);
    expect(finished).toEqual([]);
    expect(w.jobs.busy('structure_2')).toBe(false);
  });
});
