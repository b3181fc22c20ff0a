import { describe, expect, it } from 'vitest';
import { footprintAxes, footprintsOverlap, type PlacedStructure } from './footprint.ts';

const at = (type: PlacedStructure['type'], x: number, z: number, yaw = 0, y = 0): PlacedStructure => ({ type, x, y, z, yaw });

describe('footprints', () => {
  it('turns like three.js: +90° sends local +x to world -z', () => {
    const a = footprintAxes(90, new Float64Array(4));
    expect(a[0]).toBeCloseTo(0, 8);
    expect(a[1]).toBeCloseTo(-1, 8);
    expect(a[2]).toBeCloseTo(1, 8);
    expect(a[3]).toBeCloseTo(0, 8);
  });

  it('overlaps boxes that interpenetrate, not boxes that only touch', () => {
    const panel = at('solar_panel', 0, 0); // 2 × 2 m
    expect(footprintsOverlap(panel, at('solar_panel', 1.5, 0))).toBe(true);
    expect(footprintsOverlap(panel, at('solar_panel', 2, 0))).toBe(false); // flush
    expect(footprintsOverlap(panel, at('solar_panel', 0, -2.5))).toBe(false);
  });

  it('accounts for yaw: a panel turned 45° reaches 1.41 m out', () => {
    const panel = at('solar_panel', 0, 0);
    expect(footprintsOverlap(panel, at('solar_panel', 2.3, 0, 45))).toBe(true);
    expect(footprintsOverlap(panel, at('solar_panel', 2.5, 0, 45))).toBe(false);
    // A fabricator is 2 m wide and 1.5 m deep; turned 90° its width lies along z.
    expect(footprintsOverlap(at('fabricator', 0, 0), at('light', 0, 1.1))).toBe(false);
    expect(footprintsOverlap(at('fabricator', 0, 0, 90), at('light', 0, 1.1))).toBe(true);
    expect(footprintsOverlap(at('fabricator', 0, 0, 90), at('light', 0, 1.3))).toBe(false);
  });

  it('lets boxes at different heights pass over each other', () => {
    expect(footprintsOverlap(at('solar_panel', 0, 0), at('light', 0, 0, 0, 1.2))).toBe(false);
    expect(footprintsOverlap(at('solar_panel', 0, 0), at('light', 0, 0, 0, 1.0))).toBe(true);
  });
});
