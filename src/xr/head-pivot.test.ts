import { describe, expect, it } from 'vitest';
import { Matrix4, Vector3 } from 'three';
import { headBodyOffset } from './head-pivot.ts';
import { cos, sin } from '../engine/player/angles.ts';

describe('headBodyOffset', () => {
  it('turned by the body yaw (as the sim does), matches three.js rotating the head offset by the rig yaw', () => {
    const rc = { x: 0.2, z: -0.1, yawRad: 0.3 };
    const out = { headX: 0, headZ: 0 };
    headBodyOffset(0.9, 0.4, rc, out);
    for (const yaw of [0, 0.7, -2, 3.1]) {
      // vr-moves.ts: world offset = body offset turned by the body's yaw.
      const wx = out.headX * cos(yaw) + out.headZ * sin(yaw);
      const wz = -out.headX * sin(yaw) + out.headZ * cos(yaw);
      // The rig's yaw is the body's minus the recenter heading.
      const v = new Vector3(0.9 - rc.x, 0, 0.4 - rc.z).applyMatrix4(new Matrix4().makeRotationY(yaw - rc.yawRad));
      expect(wx).toBeCloseTo(v.x, 12);
      expect(wz).toBeCloseTo(v.z, 12);
    }
  });

  it('is zero when the head is on the recenter point', () => {
    const out = { headX: 1, headZ: 1 };
    headBodyOffset(0.5, 0.5, { x: 0.5, z: 0.5, yawRad: 1.2 }, out);
    expect(out.headX).toBeCloseTo(0, 12);
    expect(out.headZ).toBeCloseTo(0, 12);
  });
});
