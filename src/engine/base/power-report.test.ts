import { describe, expect, it } from 'vitest';
import { NOON, gridOf, run } from './test-grids.ts';
import { networkByBaseId, networkReport, structurePower } from './power-report.ts';
import { MJ_PER_WH } from './power-units.ts';

describe('power reports', () => {
  it('answers GET /power/status in the seed\'s fields, power in W and batteries in Wh', () => {
    const grid = gridOf([[789, 'solar_panel', 0, 0], [790, 'fabricator', 3, 0], [791, 'battery', 0, 3]]);
    grid.setDemand(790, true);
    grid.store.chargeMj[grid.store.slotOf(791)] = 2.5 * MJ_PER_WH;
    run(grid, 1, NOON);
    const n = networkByBaseId(grid, 'base_789');
    expect(n).toBe(grid.networkOf(790));
    expect(networkReport(grid, n)).toEqual({
      base_id: 'base_789', total_generation: 50, total_consumption: 80, total_demand: 80,
      battery_charge: 2.5, battery_capacity: 10, grid_healthy: true, // 30 W for 0.1 s is 3 J: below 0.01 Wh
      generators: [{ structure_id: 'structure_789', type: 'solar_panel', output: 50, status: 'active' }],
      consumers: [{ structure_id: 'structure_790', type: 'fabricator', consumption: 80, status: 'active' }],
      batteries: [{ structure_id: 'structure_791', type: 'battery', output: 30, charge: 2.5, capacity: 10, status: 'active' }],
    });
    expect(structurePower(grid, 789)).toEqual({ structure_id: 'structure_789', type: 'solar_panel', status: 'active', powered: true, output: 50 });
    expect(structurePower(grid, 1, (id) => `s${id}`)).toBeNull();
    expect(networkByBaseId(grid, 'base_1')).toBe(-1);
  });
});
