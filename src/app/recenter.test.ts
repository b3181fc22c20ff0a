import { describe, expect, it } from 'vitest';
import { createRecenter, recenterFromTracking } from './recenter.ts';
import { emptyTracking } from '../protocol/vr.ts';

describe('recenter', () => {
  it('refuses without a tracked headset and changes nothing', () => {
    const rc = createRecenter();
    const r = recenterFromTracking(emptyTracking(), rc);
    expect(!r.ok && r.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(rc).toEqual({ x: 0, z: 0, yawRad: 0 });
  });

  it('takes the headset floor point and heading as the new centre', () => {
    const t = emptyTracking();
    t.headset.tracking_valid = true;
    t.headset.position = { x: 0.5, y: 1.6, z: -0.3 };
    t.headset.rotation = { x: 10, y: 90, z: 0 };
    const rc = createRecenter();
    const r = recenterFromTracking(t, rc);
    expect(r.ok && r.value.new_center).toEqual({ x: 0.5, y: 0, z: -0.3 });
    expect(rc.x).toBe(0.5);
    expect(rc.z).toBe(-0.3);
    expect(rc.yawRad).toBeCloseTo(Math.PI / 2, 12);
  });
});
