import { describe, expect, it } from 'vitest';
import { asin, atan2, cos, sin, wrapAngle } from './angles.ts';
import { eulerYXZFromQuat, rotateLocal, rotateVector, setQuatFromEulerYXZ, yawOfQuat } from './quaternion.ts';

describe('trig from + - * / sqrt', () => {
  it('sin and cos match Math to 1e-15 over many turns', () => {
    for (let x = -50; x <= 50; x += 0.0137) {
      expect(Math.abs(sin(x) - Math.sin(x))).toBeLessThan(1e-15 * Math.max(1, Math.abs(x)));
      expect(Math.abs(cos(x) - Math.cos(x))).toBeLessThan(1e-15 * Math.max(1, Math.abs(x)));
    }
    expect(sin(0)).toBe(0);
    expect(cos(0)).toBe(1);
  });

  it('atan2 matches Math.atan2 in every quadrant, and asin matches Math.asin', () => {
    for (let a = 0; a < 400; a++) {
      const y = Math.sin(a * 1.3) * (1 + a), x = Math.cos(a * 0.7) * (2 + a * 0.5);
      expect(atan2(y, x)).toBeCloseTo(Math.atan2(y, x), 14);
    }
    for (const [y, x] of [[0, 1], [0, -1], [1, 0], [-1, 0], [0, 0], [1e-300, 1], [5, 5]]) {
      expect(atan2(y, x)).toBeCloseTo(Math.atan2(y, x), 15);
    }
    for (let v = -1; v <= 1; v += 0.001) expect(asin(v)).toBeCloseTo(Math.asin(v), 14);
    expect(asin(2)).toBeCloseTo(Math.PI / 2, 15);
    expect(atan2(NaN, 1)).toBeNaN();
  });

  it('wrapAngle keeps the angle in (-pi, pi]', () => {
    expect(wrapAngle(3 * Math.PI + 0.5)).toBeCloseTo(-Math.PI + 0.5, 12);
    expect(wrapAngle(-0.25)).toBe(-0.25);
  });
});

describe('quaternions (three.js YXZ conventions)', () => {
  it('euler → quaternion → euler round-trips', () => {
    const q = { qx: 0, qy: 0, qz: 0, qw: 1 }, e = { x: 0, y: 0, z: 0 };
    for (const [p, y, r] of [[0.3, 1.2, -0.4], [-1.2, -2.9, 2.5], [0, 3, 0], [1.5, 0.1, 0.2]]) {
      setQuatFromEulerYXZ(q, p, y, r);
      eulerYXZFromQuat(q, e);
      expect(e.x).toBeCloseTo(p, 12);
      expect(e.y).toBeCloseTo(y, 12);
      expect(e.z).toBeCloseTo(r, 12);
      expect(yawOfQuat(q)).toBeCloseTo(y, 12);
    }
  });

  it('yaw turns left: +90° takes forward (-z) to -x; local pitch tilts the nose up', () => {
    const q = { qx: 0, qy: 0, qz: 0, qw: 1 }, v = new Float64Array(3);
    setQuatFromEulerYXZ(q, 0, Math.PI / 2, 0);
    v.set([0, 0, -1]);
    rotateVector(q, v);
    expect([...v].map((c) => Math.round(c * 1e12) / 1e12 + 0)).toEqual([-1, 0, 0]);
    rotateLocal(q, 0.3, 0, 0);
    v.set([0, 0, -1]);
    rotateVector(q, v);
    expect(v[1]).toBeCloseTo(Math.sin(0.3), 12);
    expect(v[0]).toBeCloseTo(-Math.cos(0.3), 12);
  });
});
