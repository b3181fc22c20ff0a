/**
 * The few quaternion operations the sim needs, on plain objects with qx/qy/qz/qw fields (the ship
 * state and the camera pose) so nothing is allocated per frame. Conventions match three.js:
 * Euler order 'YXZ' (yaw about world up, then pitch, then roll), yaw 0 looks toward -z.
 */
import { asin, atan2, sinCos } from './angles.ts';

export interface QuatLike { qx: number; qy: number; qz: number; qw: number }
export interface Euler { x: number; y: number; z: number }

// Scratch for sinCos and rotation vectors (single-threaded, never held across calls).
const SC = new Float64Array(3);
const ROT = new Float64Array(3);

/** q = rotation of three.js Euler(pitch, yaw, roll, 'YXZ'). */
export function setQuatFromEulerYXZ(q: QuatLike, pitch: number, yaw: number, roll: number): void {
  const sc = SC;
  sc[0] = pitch / 2; sinCos(sc);
  const s1 = sc[1], c1 = sc[2];
  sc[0] = yaw / 2; sinCos(sc);
  const s2 = sc[1], c2 = sc[2];
  sc[0] = roll / 2; sinCos(sc);
  const s3 = sc[1], c3 = sc[2];
  q.qx = s1 * c2 * c3 + c1 * s2 * s3;
  q.qy = c1 * s2 * c3 - s1 * c2 * s3;
  q.qz = c1 * c2 * s3 - s1 * s2 * c3;
  q.qw = c1 * c2 * c3 + s1 * s2 * s3;
}

/** Inverse of setQuatFromEulerYXZ (three.js Euler.setFromRotationMatrix, order 'YXZ'), radians. */
export function eulerYXZFromQuat(q: QuatLike, out: Euler): Euler {
  const { qx: x, qy: y, qz: z, qw: w } = q;
  const m11 = 1 - 2 * (y * y + z * z), m13 = 2 * (x * z + w * y);
  const m21 = 2 * (x * y + w * z), m22 = 1 - 2 * (x * x + z * z), m23 = 2 * (y * z - w * x);
  const m31 = 2 * (x * z - w * y), m33 = 1 - 2 * (x * x + y * y);
  out.x = asin(-m23);
  if (Math.abs(m23) < 0.9999999) {
    out.y = atan2(m13, m33);
    out.z = atan2(m21, m22);
  } else {
    // Looking straight up or down: yaw and roll are the same axis; report it all as yaw.
    out.y = atan2(-m31, m11);
    out.z = 0;
  }
  return out;
}

/** Heading (yaw) of q: the YXZ yaw, what a level ship keeps when its pitch and roll are removed. */
export function yawOfQuat(q: QuatLike): number {
  const { qx: x, qy: y, qz: z, qw: w } = q;
  const m23 = 2 * (y * z - w * x);
  if (Math.abs(m23) < 0.9999999) return atan2(2 * (x * z + w * y), 1 - 2 * (x * x + y * y));
  return atan2(-2 * (x * z - w * y), 1 - 2 * (y * y + z * z));
}

export function normalizeQuat(q: QuatLike): void {
  const len = Math.sqrt(q.qx * q.qx + q.qy * q.qy + q.qz * q.qz + q.qw * q.qw);
  if (!(len > 0)) { q.qx = 0; q.qy = 0; q.qz = 0; q.qw = 1; return; }
  const inv = 1 / len;
  q.qx *= inv; q.qy *= inv; q.qz *= inv; q.qw *= inv;
}

/**
 * q = q * rotation by the vector (ax, ay, az) in q's own frame (axis = direction, angle = length,
 * radians), i.e. turn about the body's local axes. Renormalised so rounding never accumulates.
 */
export function rotateLocal(q: QuatLike, ax: number, ay: number, az: number): void {
  const v = ROT;
  v[0] = ax; v[1] = ay; v[2] = az;
  rotateLocalBy(q, v);
}

/** rotateLocal with the rotation vector in v[0..2] (no boxed arguments on the per-tick path). */
export function rotateLocalBy(q: QuatLike, v: Float64Array): void {
  const ax = v[0], ay = v[1], az = v[2];
  const angle = Math.sqrt(ax * ax + ay * ay + az * az);
  if (angle < 1e-12) return;
  const sc = SC;
  sc[0] = angle / 2; sinCos(sc);
  const s = sc[1] / angle;
  const dx = ax * s, dy = ay * s, dz = az * s, dw = sc[2];
  const { qx, qy, qz, qw } = q;
  q.qx = qw * dx + qx * dw + qy * dz - qz * dy;
  q.qy = qw * dy - qx * dz + qy * dw + qz * dx;
  q.qz = qw * dz + qx * dy - qy * dx + qz * dw;
  q.qw = qw * dw - qx * dx - qy * dy - qz * dz;
  normalizeQuat(q);
}

/**
 * v = q applied to v, in place: v + w t + u x t with t = 2 u x v (u = the vector part). The vector
 * travels in a typed array, not as arguments, so the per-tick call boxes no doubles.
 */
export function rotateVector(q: QuatLike, v: Float64Array): void {
  const { qx, qy, qz, qw } = q;
  const vx = v[0], vy = v[1], vz = v[2];
  const out = v;
  const tx = 2 * (qy * vz - qz * vy);
  const ty = 2 * (qz * vx - qx * vz);
  const tz = 2 * (qx * vy - qy * vx);
  out[0] = vx + qw * tx + (qy * tz - qz * ty);
  out[1] = vy + qw * ty + (qz * tx - qx * tz);
  out[2] = vz + qw * tz + (qx * ty - qy * tx);
}

/** out = normalised lerp from a to b along the shorter arc (render interpolation between ticks). */
export function nlerpQuat(a: QuatLike, b: QuatLike, t: number, out: QuatLike): void {
  const sign = a.qx * b.qx + a.qy * b.qy + a.qz * b.qz + a.qw * b.qw < 0 ? -1 : 1;
  out.qx = a.qx + (sign * b.qx - a.qx) * t;
  out.qy = a.qy + (sign * b.qy - a.qy) * t;
  out.qz = a.qz + (sign * b.qz - a.qz) * t;
  out.qw = a.qw + (sign * b.qw - a.qw) * t;
  normalizeQuat(out);
}

export function copyQuat(from: QuatLike, to: QuatLike): void {
  to.qx = from.qx; to.qy = from.qy; to.qz = from.qz; to.qw = from.qw;
}
