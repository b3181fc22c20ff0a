import { describe, expect, it } from 'vitest';
import { NIGHT, NOON, gridOf, run } from './test-grids.ts';
import { isOxygenated, oxygenSourceAt } from './oxygen.ts';

// A solar base at the origin with an oxygenator (10 m of oxygen), and a line of poles out east.
const base = () => gridOf([
  [1, 'solar_panel', 0, 0], [2, 'oxygenator', 3, 0],
  [3, 'power_pole', 6, 0], [4, 'power_pole', 17, 0], [5, 'power_pole', 28, 0], // each pole 11 m from the last
  [6, 'power_pole', 60, 0], // out of reach of the line: its own network
]);

describe('oxygen coverage', () => {
  it('covers the powered oxygenator\'s range and no further', () => {
    const grid = gridOf([[1, 'solar_panel', 0, 0], [2, 'oxygenator', 3, 0]]);
    run(grid, 1, NOON);
    expect(oxygenSourceAt(grid, 3, 1, 9)).toBe(2);
    expect(isOxygenated(grid, 3, 0, 10.5)).toBe(false);
  });

  it('is carried out along the poles of a network with a powered oxygenator', () => {
    const grid = base();
    run(grid, 1, NOON);
    expect(oxygenSourceAt(grid, 31, 0, 0)).toBe(5); // 31 m out: only the last pole's 6 m reaches
    expect(isOxygenated(grid, 36, 0, 0)).toBe(false);
    expect(isOxygenated(grid, 60, 0, 2)).toBe(false); // a pole on another network carries nothing
  });

  it('is absent when the oxygenator is unpowered or switched off', () => {
    const grid = base();
    run(grid, 1, NIGHT); // no sun, no battery
    expect(isOxygenated(grid, 3, 0, 1)).toBe(false);
    expect(isOxygenated(grid, 28, 0, 1)).toBe(false);
    run(grid, 1, NOON);
    expect(isOxygenated(grid, 28, 0, 1)).toBe(true);
    grid.setEnabled(2, false);
    run(grid, 1, NOON);
    expect(isOxygenated(grid, 3, 0, 1)).toBe(false);
    expect(isOxygenated(grid, 28, 0, 1)).toBe(false);
  });

  it('stops at a removed pole and at a switched-off one', () => {
    const grid = base();
    run(grid, 1, NOON);
    grid.setEnabled(5, false);
    run(grid, 1, NOON);
    expect(isOxygenated(grid, 31, 0, 0)).toBe(false);
    grid.setEnabled(5, true);
    grid.remove(4); // the middle pole: the last one is cut off from the base
    run(grid, 1, NOON);
    expect(isOxygenated(grid, 31, 0, 0)).toBe(false);
    expect(isOxygenated(grid, 8, 0, 3)).toBe(true);
  });

  it('comes from a powered habitat too', () => {
    const grid = gridOf([[1, 'wind_turbine', 0, 0], [2, 'habitat', 3, 0], [3, 'power_pole', 12, 0]]);
    run(grid, 1, NIGHT, 65536);
    expect(oxygenSourceAt(grid, 3, 0, 7)).toBe(2);
    expect(oxygenSourceAt(grid, 16, 0, 0)).toBe(3);
  });
});
