import { describe, expect, it } from 'vitest';
import { gridOf, netOf, power, run } from './test-grids.ts';

describe('PowerGrid networks', () => {
  it('links structures within range and names each network by its smallest id', () => {
    const grid = gridOf([
      [5, 'solar_panel', 0, 0], [3, 'light', 3, 0], // 3 m apart: linked (4 m wiring)
      [9, 'light', 20, 0], // far away: a network of its own
    ]);
    expect(grid.networkOf(5)).toBe(grid.networkOf(3));
    expect(grid.networkOf(9)).not.toBe(grid.networkOf(5));
    expect(netOf(grid, 5).base_id).toBe('base_3');
    expect(netOf(grid, 9).base_id).toBe('base_9');
    expect(grid.topology.networkCount).toBe(2);
  });

  it('uses the longer of two ranges: a pole reaches 12 m, two lights only 4 m', () => {
    const grid = gridOf([
      [1, 'power_pole', 0, 0], [2, 'light', 11.9, 0], // within the pole's reach
      [3, 'light', 40, 0], [4, 'light', 44.5, 0], // 4.5 m apart: beyond both lights' 4 m
    ]);
    expect(grid.networkOf(1)).toBe(grid.networkOf(2));
    expect(grid.networkOf(3)).not.toBe(grid.networkOf(4));
  });

  it('forms a chain of poles into one network and splits it when a pole is removed', () => {
    const grid = gridOf([
      [10, 'solar_panel', 0, 0], [11, 'power_pole', 3, 0], [12, 'power_pole', 14, 0], [13, 'power_pole', 25, 0],
      [14, 'oxygenator', 28, 0],
    ]);
    run(grid, 1);
    expect(grid.topology.networkCount).toBe(1);
    expect(power(grid, 14).status).toBe('active');
    expect(grid.remove(12)).toBe(true);
    run(grid, 1);
    expect(grid.topology.networkCount).toBe(2);
    expect(netOf(grid, 10).base_id).toBe('base_10');
    expect(netOf(grid, 14).base_id).toBe('base_13');
    expect(power(grid, 14).status).toBe('unpowered');
    expect(grid.remove(12)).toBe(false);
  });

  it('drops a wrecked pole from the wiring and takes it back when repaired', () => {
    const grid = gridOf([[1, 'light', 0, 0], [2, 'power_pole', 3, 0], [3, 'light', 14, 0]]);
    expect(grid.topology.networkCount).toBe(0); // not built until asked
    expect(grid.networkOf(1)).toBe(grid.networkOf(3));
    grid.setHealth(2, 0);
    expect(grid.networkOf(2)).toBe(-1);
    expect(grid.networkOf(1)).not.toBe(grid.networkOf(3));
    run(grid, 1);
    expect(power(grid, 2)).toMatchObject({ status: 'disabled', powered: false });
    grid.setHealth(2, 20);
    expect(grid.networkOf(1)).toBe(grid.networkOf(3));
    expect(() => grid.setHealth(2, NaN)).toThrow(RangeError);
  });

  it('refuses bad input: a duplicate id, an unknown type, a position or health that is not a number', () => {
    const grid = gridOf([[1, 'light', 0, 0]]);
    expect(() => grid.add({ id: 1, type: 'light', x: 5, y: 0, z: 0 })).toThrow(/already/);
    expect(() => grid.add({ id: 2, type: 'lamp' as 'light', x: 5, y: 0, z: 0 })).toThrow(/unknown/);
    expect(() => grid.add({ id: 3, type: 'light', x: NaN, y: 0, z: 0 })).toThrow(RangeError);
    expect(() => grid.add({ id: 1.5, type: 'light', x: 0, y: 0, z: 0 })).toThrow(RangeError);
    expect(() => grid.add({ id: 4, type: 'light', x: 0, y: 0, z: 0, health: Infinity })).toThrow(RangeError);
    expect(grid.size).toBe(1);
  });

  it('keeps a switched-off pole wired and rebuilds nothing for a toggle', () => {
    const grid = gridOf([[1, 'light', 0, 0], [2, 'power_pole', 3, 0], [3, 'light', 14, 0]]);
    run(grid, 1);
    const rebuilds = grid.topology.baseIds;
    grid.setEnabled(2, false);
    run(grid, 1);
    expect(grid.topology.baseIds).toBe(rebuilds); // same array: no rebuild happened
    expect(grid.networkOf(1)).toBe(grid.networkOf(3));
  });

  it('forms 1,000 structures into the same networks whatever order they were added in', () => {
    const rows: Parameters<typeof gridOf>[0] = [];
    for (let i = 0; i < 1000; i++) rows.push([i, i % 10 === 0 ? 'power_pole' : 'light', (i % 100) * 3, Math.floor(i / 100) * 30]);
    const a = gridOf(rows), b = gridOf([...rows].reverse());
    expect(a.topology.networkCount).toBe(0);
    a.ensureTopology(); b.ensureTopology();
    expect(a.topology.networkCount).toBe(10);
    expect(b.topology.baseIds).toEqual(a.topology.baseIds);
    for (let i = 0; i < 1000; i += 7) expect(b.networkOf(i)).toBe(a.networkOf(i));
  });
});
