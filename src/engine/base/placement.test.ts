import { describe, expect, it } from 'vitest';
import { checkPlacement, DEFAULT_BUILD_REACH } from './placement.ts';
import { densityGroundProbe, type DensityAt } from './ground-probe.ts';
import type { PlacedStructure } from './footprint.ts';

/** Ground whose surface is y = rise × x (solid below). */
const slope = (rise: number): DensityAt => (x, y) => rise * x - y;
const flat = densityGroundProbe(slope(0));
const sky = densityGroundProbe(() => -1);
const none: PlacedStructure[] = [];

describe('checkPlacement', () => {
  it('snaps to the ground under a point in the air, and over a point underground', () => {
    const down = checkPlacement({ type: 'solar_panel', position: { x: 3, y: 6.3, z: 1 } }, flat, none);
    expect(down.ok).toBe(true);
    expect(down.reason).toBeNull();
    expect(down.position!.y).toBeCloseTo(0, 9);
    expect(down.position!.x).toBe(3);
    const up = checkPlacement({ type: 'solar_panel', position: { x: 3, y: -4.1, z: 1 } }, flat, none);
    expect(up.position!.y).toBeCloseTo(0, 9);
  });

  it('refuses a spot with no ground, or a footprint hanging over a drop', () => {
    const r = checkPlacement({ type: 'light', position: { x: 0, y: 10, z: 0 } }, sky, none);
    expect(r).toMatchObject({ ok: false, reason: 'no_ground', position: null });
    const cliff = densityGroundProbe((x, y) => (x < 1 ? -y : -1)); // the ground ends at x = 1
    const edge = checkPlacement({ type: 'habitat', position: { x: 0, y: 1, z: 0 } }, cliff, none);
    expect(edge).toMatchObject({ ok: false, reason: 'no_ground' });
    expect(edge.message).toMatch(/drop/);
  });

  it('refuses ground steeper than the type allows, on either axis and at any yaw', () => {
    const steep = densityGroundProbe(slope(0.9));
    const panel = checkPlacement({ type: 'solar_panel', position: { x: 0, y: 5, z: 0 } }, steep, none);
    expect(panel).toMatchObject({ ok: false, reason: 'slope' });
    expect(panel.message).toMatch(/90%/);
    expect(checkPlacement({ type: 'solar_panel', position: { x: 0, y: 5, z: 0 }, yaw: 37 }, steep, none).reason).toBe('slope');
    expect(checkPlacement({ type: 'power_pole', position: { x: 0, y: 5, z: 0 } }, steep, none).ok).toBe(true); // poles take 100%
    expect(checkPlacement({ type: 'solar_panel', position: { x: 0, y: 5, z: 0 } }, densityGroundProbe(slope(0.2)), none).ok).toBe(true);
  });

  it('checks reach only when asked', () => {
    const far = { type: 'light' as const, position: { x: 20, y: 0, z: 0 } };
    const eye = { x: 0, y: 1.6, z: 0 };
    const r = checkPlacement({ ...far, reach: { from: eye, distance: DEFAULT_BUILD_REACH } }, flat, none);
    expect(r).toMatchObject({ ok: false, reason: 'reach' });
    expect(r.position!.x).toBe(20);
    expect(checkPlacement(far, flat, none).ok).toBe(true);
  });

  it('refuses a footprint that overlaps a structure, and names it', () => {
    const existing: PlacedStructure[] = [{ id: 7, type: 'battery', x: 0, y: 0, z: 0, yaw: 0 }];
    const r = checkPlacement({ type: 'solar_panel', position: { x: 1.2, y: 2, z: 0 } }, flat, existing);
    expect(r).toMatchObject({ ok: false, reason: 'overlap' });
    expect(r.message).toContain('structure_7');
    expect(checkPlacement({ type: 'solar_panel', position: { x: 1.5, y: 2, z: 0 } }, flat, existing).ok).toBe(true); // flush
  });
});
