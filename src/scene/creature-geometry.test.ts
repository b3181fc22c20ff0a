import { describe, expect, test } from 'vitest';
import { Box3 } from 'three';
import { CREATURE_TYPE_NAMES } from '../protocol/creatures.ts';
import { CREATURE_GEOMETRY } from './creature-geometry.ts';
import { PartKind } from './creature-parts.ts';

/** Expected extents (m): model space, facing −z, before level scaling. */
const BOUNDS = {
  grazer: { length: [2.2, 3.2], height: [1.8, 2.8], width: [0.7, 1.3] },
  alien_predator: { length: [3.0, 4.2], height: [1.7, 2.6], width: [0.7, 1.3] },
  skyray: { length: [2.2, 3.2], height: [0.2, 1.2], width: [2.5, 3.2] },
  rockling: { length: [0.6, 1.0], height: [0.9, 1.4], width: [0.7, 1.1] },
} as const;

describe('creature geometry', () => {
  for (const name of CREATURE_TYPE_NAMES) {
    test(`${name}: every vertex says its part, pivot and knee; sizes fit the type`, () => {
      const g = CREATURE_GEOMETRY[name]();
      const n = g.getAttribute('position').count;
      expect(n).toBeGreaterThan(300);
      for (const [attr, size] of [['normal', 3], ['color', 3], ['aPart', 4], ['aPivot', 4], ['aKnee', 4], ['aGlow', 1]] as const) {
        const a = g.getAttribute(attr);
        expect(a, attr).toBeDefined();
        expect(a.count, attr).toBe(n);
        expect(a.itemSize, attr).toBe(size);
        for (let i = 0; i < a.array.length; i++) if (!Number.isFinite(a.array[i])) throw new Error(`${attr}[${i}] is not finite`);
      }
      const part = g.getAttribute('aPart');
      const kinds = new Set<number>();
      for (let i = 0; i < n; i++) {
        const kind = part.getX(i);
        expect(Object.values(PartKind)).toContain(kind);
        kinds.add(kind);
        expect([-1, 0, 1, 2]).toContain(part.getY(i));
        expect(part.getZ(i)).toBeGreaterThanOrEqual(0);
        expect(part.getZ(i)).toBeLessThan(1);
      }
      // Every type turns its head and carries the tame markers; walkers have legs, the flyer wings.
      for (const k of [PartKind.Body, PartKind.Head, PartKind.Collar, PartKind.Beacon]) expect(kinds.has(k), `kind ${k}`).toBe(true);
      expect(kinds.has(name === 'skyray' ? PartKind.Wing : PartKind.Leg)).toBe(true);
      expect(kinds.has(name === 'skyray' ? PartKind.Leg : PartKind.Wing)).toBe(false);

      const box = new Box3().setFromBufferAttribute(g.getAttribute('position') as never);
      const size = { length: box.max.z - box.min.z, height: box.max.y - box.min.y, width: box.max.x - box.min.x };
      const want = BOUNDS[name];
      for (const key of ['length', 'height', 'width'] as const) {
        expect(size[key], key).toBeGreaterThanOrEqual(want[key][0]);
        expect(size[key], key).toBeLessThanOrEqual(want[key][1]);
      }
      // Walkers stand on y = 0; the head is forward (−z) of the tail.
      if (name !== 'skyray') expect(Math.abs(box.min.y)).toBeLessThan(0.02);
      expect(g.boundingSphere!.radius).toBeLessThan(4.5 / 1.2);
    });
  }

  test('a leg vertex turns about its own hip: left and right legs have mirrored pivots', () => {
    const g = CREATURE_GEOMETRY.grazer();
    const part = g.getAttribute('aPart'), pivot = g.getAttribute('aPivot');
    const hips = new Set<string>();
    for (let i = 0; i < part.count; i++) if (part.getX(i) === PartKind.Leg) hips.add(`${pivot.getX(i).toFixed(2)},${pivot.getZ(i).toFixed(2)}`);
    expect([...hips].sort()).toEqual(['-0.30,-0.45', '-0.30,0.50', '0.30,-0.45', '0.30,0.50']);
  });
});
