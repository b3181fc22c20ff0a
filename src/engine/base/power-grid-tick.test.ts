import { describe, expect, it } from 'vitest';
import { NIGHT, NOON, gridOf, netOf, power, run } from './test-grids.ts';
import { RESTART_TICKS } from './power-grid.ts';
import { MJ_PER_WATT_TICK, MJ_PER_WH } from './power-units.ts';
import { Q16 } from './fixed-trig.ts';

describe('PowerGrid tick', () => {
  it('makes solar power at noon and none at night', () => {
    const grid = gridOf([[1, 'solar_panel', 0, 0], [2, 'solar_panel', 3, 0]]);
    run(grid, 1, NOON);
    expect(netOf(grid, 1).total_generation).toBe(100);
    expect(power(grid, 1)).toMatchObject({ status: 'active', powered: true, output: 50 });
    run(grid, 1, NIGHT);
    expect(netOf(grid, 1).total_generation).toBe(0);
    expect(power(grid, 1)).toMatchObject({ status: 'idle', powered: false, output: 0 });
    run(grid, 1, Q16 / 2); // sun 30° up: half output
    expect(netOf(grid, 1).total_generation).toBe(50);
  });

  it('turns wind into power by the gust factor, none when switched off', () => {
    const grid = gridOf([[1, 'wind_turbine', 0, 0]]);
    run(grid, 1, NIGHT, Q16);
    expect(power(grid, 1).output).toBe(30);
    grid.setEnabled(1, false);
    run(grid, 1, NIGHT, Q16);
    expect(power(grid, 1)).toMatchObject({ status: 'disabled', output: 0 });
  });

  it('charges the battery by day with the surplus and runs the base from it at night', () => {
    const grid = gridOf([[1, 'solar_panel', 0, 0], [2, 'battery', 2, 0], [3, 'oxygenator', 0, 3]]);
    run(grid, 10, NOON); // 50 W made, 20 W used: 30 W into the battery
    expect(grid.store.chargeMj[grid.store.slotOf(2)]).toBe(10 * 30 * MJ_PER_WATT_TICK);
    expect(power(grid, 2).output).toBe(-30);
    run(grid, 20_000, NOON); // long enough to fill it
    expect(netOf(grid, 1).battery_charge).toBe(10);
    expect(netOf(grid, 1).battery_capacity).toBe(10);
    const full = grid.store.chargeMj[grid.store.slotOf(2)];
    expect(full).toBe(10 * MJ_PER_WH);
    run(grid, 100, NIGHT);
    expect(grid.store.chargeMj[grid.store.slotOf(2)]).toBe(full - 100 * 20 * MJ_PER_WATT_TICK);
    expect(power(grid, 3)).toMatchObject({ status: 'active', powered: true });
    expect(power(grid, 2).output).toBe(20);
    expect(netOf(grid, 1).grid_healthy).toBe(true);
    run(grid, 18_000, NIGHT); // 10 Wh at 20 W lasts 30 minutes: then the oxygenator browns out
    expect(power(grid, 3)).toMatchObject({ status: 'unpowered', powered: false });
    expect(netOf(grid, 1)).toMatchObject({ grid_healthy: false, battery_charge: 0, total_consumption: 0, total_demand: 20 });
  });

  it('shares charge between batteries so they fill and empty together', () => {
    const grid = gridOf([[1, 'solar_panel', 0, 0], [2, 'battery', 2, 0], [3, 'battery', -2, 0]]);
    run(grid, 7, NOON);
    const [a, b] = [2, 3].map((id) => grid.store.chargeMj[grid.store.slotOf(id)]);
    expect(a + b).toBe(7 * 50 * MJ_PER_WATT_TICK);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
  });

  it('browns out the least important consumers first, all or nothing', () => {
    // 50 W of sun; habitat 10 W (priority 5), oxygenator 20 W (4), fabricator 80 W (2), lights 5 W (1).
    const grid = gridOf([
      [1, 'solar_panel', 0, 0], [2, 'habitat', 3, 0], [3, 'oxygenator', 0, 3], [4, 'fabricator', -3, 0],
      [5, 'light', 0, -3], [6, 'light', 2, 2],
    ]);
    run(grid, 1);
    expect(power(grid, 4).status).toBe('idle'); // the fabricator draws only while working
    expect(netOf(grid, 1)).toMatchObject({ total_consumption: 40, grid_healthy: true });
    grid.setDemand(4, true);
    run(grid, 1);
    expect(power(grid, 2).status).toBe('active');
    expect(power(grid, 3).status).toBe('active');
    expect(power(grid, 4).status).toBe('unpowered'); // 80 W does not fit in the 20 W left
    expect(power(grid, 5).status).toBe('unpowered'); // and nothing below it stays on
    expect(power(grid, 6).status).toBe('unpowered');
    expect(netOf(grid, 1)).toMatchObject({ total_consumption: 30, total_demand: 120, grid_healthy: false });
  });

  it('keeps the older of two equally important consumers when only one fits', () => {
    const grid = gridOf([[1, 'solar_panel', 0, 0], [9, 'oxygenator', 3, 0], [4, 'oxygenator', 0, 3], [7, 'oxygenator', -3, 0]]);
    run(grid, 1, Q16 / 2 + 1000); // 25 W: one oxygenator
    expect([4, 7, 9].map((id) => power(grid, id).powered)).toEqual([true, false, false]);
  });

  it('frees power when a consumer is switched off, and waits after a brown-out before restarting', () => {
    const grid = gridOf([
      [1, 'solar_panel', 0, 0], [2, 'oxygenator', 3, 0], [3, 'light', 0, 3], [4, 'light', -3, 0], [5, 'light', 0, -3],
      [6, 'light', 2, 2], [7, 'light', -2, -2], [8, 'light', 2, -2], [9, 'light', -2, 2],
    ]);
    run(grid, 1); // 20 + 7 × 5 = 55 W wanted, 50 W made: the last light does not fit
    expect(power(grid, 8).powered).toBe(true);
    expect(power(grid, 9).powered).toBe(false);
    expect(grid.setEnabled(2, false)).toBe(true);
    run(grid, 1);
    expect(power(grid, 2)).toMatchObject({ status: 'disabled', powered: false, output: 0 });
    expect(power(grid, 9).powered).toBe(true); // never browned out while on, so no wait
    expect(netOf(grid, 1)).toMatchObject({ total_consumption: 35, grid_healthy: true });

    run(grid, 1, NIGHT); // the sun goes: every light browns out
    expect(power(grid, 3).status).toBe('unpowered');
    run(grid, RESTART_TICKS, NOON);
    expect(power(grid, 3).status).toBe('unpowered'); // waits RESTART_TICKS whole ticks after the brown-out
    run(grid, 1, NOON);
    expect(power(grid, 3).status).toBe('active');
    expect(grid.setEnabled(999, false)).toBe(false);
  });

  it('signals a change only when a figure or a powered flag moves', () => {
    const grid = gridOf([[1, 'solar_panel', 0, 0], [2, 'light', 3, 0], [3, 'light', 30, 0]]);
    expect(grid.tick(NOON, 0)).toBe(true); // first tick: everything is new
    expect(grid.tick(NOON, 0)).toBe(false);
    grid.setEnabled(2, false);
    expect(grid.tick(NOON, 0)).toBe(true);
    const n = grid.networkOf(1);
    expect(grid.networks.changed[n]).toBe(1);
    expect(grid.networks.changed[grid.networkOf(3)]).toBe(0); // the lonely light's network did not move
    expect(grid.tick(NOON, 0)).toBe(false);
    grid.remove(1); grid.remove(2); grid.remove(3);
    expect(grid.networkOf(3)).toBe(-1); // a query re-forms the networks before the tick does
    expect(grid.tick(NOON, 0)).toBe(true); // and the tick still reports it, though no network is left
    expect(grid.tick(NOON, 0)).toBe(false);
  });
});
