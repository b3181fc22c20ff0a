import { describe, expect, it } from 'vitest';
import { densityGroundProbe } from './ground-probe.ts';

describe('densityGroundProbe', () => {
  // A floor at y = 2.3 and a cave ceiling at y = 9.6: solid below 2.3 and above 9.6.
  const cave = densityGroundProbe((_x, y) => (y < 6 ? 2.3 - y : y - 9.6));

  it('finds the surface below a point in the open, between samples', () => {
    expect(cave.surfaceY(0, 0, 5)).toBeCloseTo(2.3, 9);
  });

  it('finds the surface above a point inside the ground', () => {
    expect(cave.surfaceY(0, 0, -7.1)).toBeCloseTo(2.3, 9);
    expect(cave.surfaceY(0, 0, 12)).toBeNull(); // inside the roof, which is solid all the way up
  });

  it('gives up beyond its search distance', () => {
    expect(densityGroundProbe((_x, y) => -y - 100, 24).surfaceY(0, 0, 0)).toBeNull();
  });
});
