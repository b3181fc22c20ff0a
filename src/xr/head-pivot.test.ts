import { describe, expect, it } from 'vitest';
import { Matrix4, Vector3 } from 'three';
import { headOffset } from './head-pivot.ts';

describe('headOffset', () => {
  it('matches three.js: the rig rotation applied to the head offset from the recenter point', () => {
    const rc = { x: 0.2, z: -0.1, yawRad: 0.3 };
    const out = { x: 0, z: 0 };
    for (const yaw of [0, 0.7, -2, 3.1]) {
      headOffset(yaw, 0.9, 0.4, rc, out);
      const v = new Vector3(0.9 - rc.x, 0, 0.4 - rc.z).applyMatrix4(new Matrix4().makeRotationY(yaw));
      expect(out.x).toBeCloseTo(v.x, 12);
      expect(out.z).toBeCloseTo(v.z, 12);
    }
  });

  it('is zero when the head is on the recenter point', () => {
    const out = { x: 1, z: 1 };
    headOffset(1.2, 0.5, 0.5, { x: 0.5, z: 0.5, yawRad: 0 }, out);
    expect(out.x).toBeCloseTo(0, 12);
    expect(out.z).toBeCloseTo(0, 12);
  });
});
