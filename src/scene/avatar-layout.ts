/**
 * Lays out the remote players' avatars as instance matrices and colours, from the per-frame
 * RemotePlayersView: pure arithmetic into preallocated typed arrays (no three.js objects, no
 * allocation), so the avatar system only copies counts and flags dirty buffers, and the layout is
 * unit-testable without a renderer.
 *
 * What the view's position means (the pose writer's contract, src/net/):
 * - walking on the desktop: the feet; orientation is the view (yaw and pitch);
 * - in VR (vr = 1, walking): the headset; orientation is the headset's; hands are world poses;
 * - flying (spacecraft = 1): the ship's centre and orientation.
 */
import type { RemotePlayersView } from '../net/remote-players-view.ts';
import { peerColorLinear } from './avatar-colors.ts';

export const AVATAR_CAPACITY = 64;
/** Name tags farther than this from the camera are hidden (unreadable, and they clutter the sky). */
export const TAG_MAX_DISTANCE = 60;
/** The helmet's centre above a walker's feet (the body is 1.8 m tall, eyes at 1.6 m). */
export const WALKER_HEAD_Y = 1.62;
/** Name tag anchors above the pose position: walker feet, VR head, ship centre. */
export const TAG_Y = { walker: 2.25, vrHead: 0.45, ship: 2.7 } as const;
/** The remote ship at the size of the player's own (its collision sphere is the same). */
export const SHIP_SCALE = 1;
/** Ships are light hulls tinted toward the pilot's colour by this much. */
const SHIP_TINT = 0.35;

export interface AvatarLayout {
  readonly capacity: number;
  /** Walker bodies (feet origin, yaw only) and their colours. */
  readonly body: Float32Array; readonly bodyColor: Float32Array; bodyCount: number;
  /** Helmets: walkers' and VR heads'. Untinted. */
  readonly helmet: Float32Array; helmetCount: number;
  /** VR hands (two per VR player), tinted. */
  readonly hand: Float32Array; readonly handColor: Float32Array; handCount: number;
  readonly ship: Float32Array; readonly shipColor: Float32Array; shipCount: number;
  /** Name tags within TAG_MAX_DISTANCE: world anchor (xyz) and the view slot they belong to. */
  readonly tag: Float32Array; readonly tagSlot: Int16Array; tagCount: number;
}

export function createAvatarLayout(capacity = AVATAR_CAPACITY): AvatarLayout {
  return {
    capacity,
    body: new Float32Array(16 * capacity), bodyColor: new Float32Array(3 * capacity), bodyCount: 0,
    helmet: new Float32Array(16 * capacity), helmetCount: 0,
    hand: new Float32Array(32 * capacity), handColor: new Float32Array(6 * capacity), handCount: 0,
    ship: new Float32Array(16 * capacity), shipColor: new Float32Array(3 * capacity), shipCount: 0,
    tag: new Float32Array(3 * capacity), tagSlot: new Int16Array(capacity), tagCount: 0,
  };
}

const rgb = { r: 0, g: 0, b: 0 };

/**
 * Fills `out` from the view's slots 0..count-1 (call view.sample first). Slots beyond the layout's
 * capacity are not drawn. `eye` is the camera position, for the name tags' distance cut.
 */
export function layoutAvatars(view: RemotePlayersView, out: AvatarLayout, eye: { x: number; y: number; z: number }): void {
  out.bodyCount = out.helmetCount = out.handCount = out.shipCount = out.tagCount = 0;
  const n = Math.min(view.count, out.capacity);
  const p = view.position, q = view.orientation;
  for (let s = 0; s < n; s++) {
    const x = p[3 * s], y = p[3 * s + 1], z = p[3 * s + 2];
    const qx = q[4 * s], qy = q[4 * s + 1], qz = q[4 * s + 2], qw = q[4 * s + 3];
    peerColorLinear(view.peerId[s], rgb);
    let tagY: number;
    if (view.spacecraft[s]) {
      const i = out.shipCount++;
      compose(out.ship, 16 * i, x, y, z, qx, qy, qz, qw, SHIP_SCALE);
      out.shipColor[3 * i] = 1 + (rgb.r - 1) * SHIP_TINT;
      out.shipColor[3 * i + 1] = 1 + (rgb.g - 1) * SHIP_TINT;
      out.shipColor[3 * i + 2] = 1 + (rgb.b - 1) * SHIP_TINT;
      tagY = y + TAG_Y.ship;
    } else if (view.vr[s]) {
      compose(out.helmet, 16 * out.helmetCount++, x, y, z, qx, qy, qz, qw, 1);
      const hp = view.handPosition, hq = view.handOrientation;
      for (let h = 0; h < 2; h++) {
        const i = out.handCount++;
        const o3 = 6 * s + 3 * h, o4 = 8 * s + 4 * h;
        compose(out.hand, 16 * i, hp[o3], hp[o3 + 1], hp[o3 + 2], hq[o4], hq[o4 + 1], hq[o4 + 2], hq[o4 + 3], 1);
        out.handColor[3 * i] = rgb.r; out.handColor[3 * i + 1] = rgb.g; out.handColor[3 * i + 2] = rgb.b;
      }
      tagY = y + TAG_Y.vrHead;
    } else {
      // The body stays upright and turns with the view's yaw; the helmet follows the full view (it nods).
      const fx = -2 * (qx * qz + qw * qy), fz = -(1 - 2 * (qx * qx + qy * qy));
      const half = (fx * fx + fz * fz > 1e-8 ? Math.atan2(-fx, -fz) : 0) / 2;
      const i = out.bodyCount++;
      compose(out.body, 16 * i, x, y, z, 0, Math.sin(half), 0, Math.cos(half), 1);
      out.bodyColor[3 * i] = rgb.r; out.bodyColor[3 * i + 1] = rgb.g; out.bodyColor[3 * i + 2] = rgb.b;
      compose(out.helmet, 16 * out.helmetCount++, x, y + WALKER_HEAD_Y, z, qx, qy, qz, qw, 1);
      tagY = y + TAG_Y.walker;
    }
    const dx = x - eye.x, dy = tagY - eye.y, dz = z - eye.z;
    if (dx * dx + dy * dy + dz * dz > TAG_MAX_DISTANCE * TAG_MAX_DISTANCE) continue;
    const t = out.tagCount++;
    out.tag[3 * t] = x; out.tag[3 * t + 1] = tagY; out.tag[3 * t + 2] = z;
    out.tagSlot[t] = s;
  }
}

/** Column-major 4x4 from position, unit quaternion and uniform scale (three's Matrix4.compose). */
export function compose(te: Float32Array, o: number, px: number, py: number, pz: number,
  qx: number, qy: number, qz: number, qw: number, scale: number): void {
  const x2 = qx + qx, y2 = qy + qy, z2 = qz + qz;
  const xx = qx * x2, xy = qx * y2, xz = qx * z2, yy = qy * y2, yz = qy * z2, zz = qz * z2;
  const wx = qw * x2, wy = qw * y2, wz = qw * z2;
  te[o] = (1 - (yy + zz)) * scale; te[o + 1] = (xy + wz) * scale; te[o + 2] = (xz - wy) * scale; te[o + 3] = 0;
  te[o + 4] = (xy - wz) * scale; te[o + 5] = (1 - (xx + zz)) * scale; te[o + 6] = (yz + wx) * scale; te[o + 7] = 0;
  te[o + 8] = (xz + wy) * scale; te[o + 9] = (yz - wx) * scale; te[o + 10] = (1 - (xx + yy)) * scale; te[o + 11] = 0;
  te[o + 12] = px; te[o + 13] = py; te[o + 14] = pz; te[o + 15] = 1;
}
