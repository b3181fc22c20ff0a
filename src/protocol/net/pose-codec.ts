/**
 * Poses on the wire: 16 bytes per player, id included; in VR 8 more bytes per hand. Sent 20 times a
 * second, so they are quantised by hand into a DataView instead of JSON. Layout (little endian):
 *
 *   0..1   u16  peer id (the relay overwrites it with the sender's, so a client cannot pose as another)
 *   2..4   u24  x: (x + 4096) * 2048   (0.5 mm steps over the ±4096 m world)
 *   5..7   u24  z: the same
 *   8..9   u16  y: (y + 64) * 200      (5 mm steps over −64..256 m)
 *   10..13 u32  orientation quaternion, "smallest three": 2 bits for the largest component's index,
 *               then the other three in 10 bits each over ±1/√2 (the largest is rebuilt, kept ≥ 0)
 *   14     u8   flags: bit 0 spacecraft (else walking), bit 1 VR (two hand records follow)
 *   15     u8   sequence number, wrapping; receivers drop a pose older than the one they hold
 *   VR only, per hand (left, then right), 8 bytes:
 *   0..3   u32  offset from the body position: x 11 bits, y 11 bits (±2.048 m, 2 mm), z 10 bits (4 mm)
 *   4..7   u32  orientation, smallest three as above
 *
 * Everything here reads and writes caller-owned objects: no allocation per pose.
 */
import { WORLD_BOUNDS } from '../world.ts';

export const POSE_BYTES = 16;
export const HAND_BYTES = 8;
export const VR_POSE_BYTES = POSE_BYTES + 2 * HAND_BYTES;
export const POSE_FLAG_SPACECRAFT = 1;
export const POSE_FLAG_VR = 2;

const XZ_SCALE = 2048;
const XZ_MAX = 0xffffff;
const Y_SCALE = 200;
const Y_MAX = 0xffff;
const Q_RANGE = Math.SQRT1_2;
const Q_STEPS = 1023;
const HAND_RANGE = 2.048;

export interface Quat { x: number; y: number; z: number; w: number }
export interface HandPose { x: number; y: number; z: number; q: Quat }

/** One player's pose as read from or written to the wire. `hands` is filled only when `vr`. */
export interface Pose {
  id: number;
  x: number; y: number; z: number;
  q: Quat;
  spacecraft: boolean;
  vr: boolean;
  seq: number;
  /** Offsets from (x, y, z) and orientations: [left, right]. */
  hands: [HandPose, HandPose];
}

export function createPose(): Pose {
  const hand = (): HandPose => ({ x: 0, y: 0, z: 0, q: { x: 0, y: 0, z: 0, w: 1 } });
  return { id: 0, x: 0, y: 0, z: 0, q: { x: 0, y: 0, z: 0, w: 1 }, spacecraft: false, vr: false, seq: 0, hands: [hand(), hand()] };
}

/** Bytes the record at `offset` takes (its flags say whether hands follow). */
export function poseLength(view: DataView, offset: number): number {
  return view.getUint8(offset + 14) & POSE_FLAG_VR ? VR_POSE_BYTES : POSE_BYTES;
}

const clampInt = (v: number, max: number): number => (v <= 0 ? 0 : v >= max ? max : Math.round(v));

function packQuat(q: Quat): number {
  const ax = Math.abs(q.x), ay = Math.abs(q.y), az = Math.abs(q.z), aw = Math.abs(q.w);
  let largest = 0, big = ax;
  if (ay > big) { largest = 1; big = ay; }
  if (az > big) { largest = 2; big = az; }
  if (aw > big) { largest = 3; big = aw; }
  const len = Math.hypot(q.x, q.y, q.z, q.w) || 1;
  // Flip the sign so the dropped component is positive (q and −q are the same rotation).
  const s = ((largest === 0 ? q.x : largest === 1 ? q.y : largest === 2 ? q.z : q.w) < 0 ? -1 : 1) / len;
  let packed = largest, shift = 2;
  for (let i = 0; i < 4; i++) {
    if (i === largest) continue;
    const c = (i === 0 ? q.x : i === 1 ? q.y : i === 2 ? q.z : q.w) * s;
    packed |= clampInt(((c + Q_RANGE) / (2 * Q_RANGE)) * Q_STEPS, Q_STEPS) << shift;
    shift += 10;
  }
  return packed >>> 0;
}

function unpackQuat(packed: number, out: Quat): void {
  const largest = packed & 3;
  let sum = 0, shift = 2;
  const c = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    if (i === largest) continue;
    const v = (((packed >>> shift) & Q_STEPS) / Q_STEPS) * 2 * Q_RANGE - Q_RANGE;
    c[i] = v;
    sum += v * v;
    shift += 10;
  }
  c[largest] = Math.sqrt(Math.max(0, 1 - sum));
  out.x = c[0]; out.y = c[1]; out.z = c[2]; out.w = c[3];
}

const signed = (v: number, bits: number, range: number): number => {
  const half = 1 << (bits - 1);
  return clampInt((v / range) * half + half, (1 << bits) - 1);
};
const unsigned = (raw: number, bits: number, range: number): number => ((raw - (1 << (bits - 1))) / (1 << (bits - 1))) * range;

/** Writes `pose` at `offset`; returns the bytes written (16, or 32 in VR). */
export function writePose(view: DataView, offset: number, pose: Pose): number {
  const x = clampInt((pose.x - WORLD_BOUNDS.minX) * XZ_SCALE, XZ_MAX);
  const z = clampInt((pose.z - WORLD_BOUNDS.minZ) * XZ_SCALE, XZ_MAX);
  view.setUint16(offset, pose.id & 0xffff, true);
  view.setUint16(offset + 2, x & 0xffff, true);
  view.setUint8(offset + 4, x >>> 16);
  view.setUint16(offset + 5, z & 0xffff, true);
  view.setUint8(offset + 7, z >>> 16);
  view.setUint16(offset + 8, clampInt((pose.y - WORLD_BOUNDS.minY) * Y_SCALE, Y_MAX), true);
  view.setUint32(offset + 10, packQuat(pose.q), true);
  view.setUint8(offset + 14, (pose.spacecraft ? POSE_FLAG_SPACECRAFT : 0) | (pose.vr ? POSE_FLAG_VR : 0));
  view.setUint8(offset + 15, pose.seq & 0xff);
  if (!pose.vr) return POSE_BYTES;
  for (let h = 0; h < 2; h++) {
    const hand = pose.hands[h];
    const at = offset + POSE_BYTES + h * HAND_BYTES;
    const packed = signed(hand.x, 11, HAND_RANGE) | (signed(hand.y, 11, HAND_RANGE) << 11) | (signed(hand.z, 10, HAND_RANGE) << 22);
    view.setUint32(at, packed >>> 0, true);
    view.setUint32(at + 4, packQuat(hand.q), true);
  }
  return VR_POSE_BYTES;
}

/** Reads the record at `offset` into `out`; returns its length. */
export function readPose(view: DataView, offset: number, out: Pose): number {
  out.id = view.getUint16(offset, true);
  const x = view.getUint16(offset + 2, true) | (view.getUint8(offset + 4) << 16);
  const z = view.getUint16(offset + 5, true) | (view.getUint8(offset + 7) << 16);
  out.x = x / XZ_SCALE + WORLD_BOUNDS.minX;
  out.z = z / XZ_SCALE + WORLD_BOUNDS.minZ;
  out.y = view.getUint16(offset + 8, true) / Y_SCALE + WORLD_BOUNDS.minY;
  unpackQuat(view.getUint32(offset + 10, true), out.q);
  const flags = view.getUint8(offset + 14);
  out.spacecraft = (flags & POSE_FLAG_SPACECRAFT) !== 0;
  out.vr = (flags & POSE_FLAG_VR) !== 0;
  out.seq = view.getUint8(offset + 15);
  if (!out.vr) return POSE_BYTES;
  for (let h = 0; h < 2; h++) {
    const hand = out.hands[h];
    const at = offset + POSE_BYTES + h * HAND_BYTES;
    const packed = view.getUint32(at, true);
    hand.x = unsigned(packed & 0x7ff, 11, HAND_RANGE);
    hand.y = unsigned((packed >>> 11) & 0x7ff, 11, HAND_RANGE);
    hand.z = unsigned((packed >>> 22) & 0x3ff, 10, HAND_RANGE);
    unpackQuat(view.getUint32(at + 4, true), hand.q);
  }
  return VR_POSE_BYTES;
}

/** x and z of the record at `offset` without decoding the rest (the relay's interest grid). */
export function poseX(view: DataView, offset: number): number {
  return (view.getUint16(offset + 2, true) | (view.getUint8(offset + 4) << 16)) / XZ_SCALE + WORLD_BOUNDS.minX;
}
export function poseZ(view: DataView, offset: number): number {
  return (view.getUint16(offset + 5, true) | (view.getUint8(offset + 7) << 16)) / XZ_SCALE + WORLD_BOUNDS.minZ;
}

/** Is `bytes` exactly one well-formed record (what a client may send)? */
export function isSinglePose(bytes: Uint8Array): boolean {
  if (bytes.byteLength !== POSE_BYTES && bytes.byteLength !== VR_POSE_BYTES) return false;
  const flags = bytes[14];
  if (flags & ~(POSE_FLAG_SPACECRAFT | POSE_FLAG_VR)) return false;
  return bytes.byteLength === ((flags & POSE_FLAG_VR) ? VR_POSE_BYTES : POSE_BYTES);
}

/** Yaw (radians about +y) and pitch (about the yawed +x) as a quaternion, written into `out`. */
export function yawPitchQuat(yaw: number, pitch: number, out: Quat): Quat {
  const cy = Math.cos(yaw / 2), sy = Math.sin(yaw / 2), cp = Math.cos(pitch / 2), sp = Math.sin(pitch / 2);
  // q = qYaw * qPitch (YXZ order, as three.js cameras use).
  out.x = cy * sp; out.y = sy * cp; out.z = -sy * sp; out.w = cy * cp;
  return out;
}
