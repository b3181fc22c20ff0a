import type { RayHit } from '../scene/terrain-raycast.ts';

/** Launch speed of the arc (m/s) and the gravity that bends it: about 12 m of reach on the flat. */
const LAUNCH_SPEED = 11;
const GRAVITY = 9.81;
const STEP_S = 0.04;
export const ARC_MAX_POINTS = 64;
/** Ground at most this steep (normal.y at least this) can be stood on. */
export const WALKABLE_NORMAL_Y = 0.64;

export type SegmentCast = (x: number, y: number, z: number, dx: number, dy: number, dz: number, length: number, out: RayHit) => void;

export interface TeleportArc {
  /** Arc vertices (x, y, z), `count` of them used; the last one is the hit point if there is one. */
  points: Float32Array;
  count: number;
  hit: RayHit;
  /** The arc ends on ground the player can stand on. */
  valid: boolean;
}

export const createTeleportArc = (hit: RayHit): TeleportArc => ({ points: new Float32Array(ARC_MAX_POINTS * 3), count: 0, hit, valid: false });

/**
 * Traces the teleport parabola from a controller ray, segment by segment, against the terrain.
 * Allocation-free; `cast` is the terrain ray cast (a segment is a ray of limited length).
 */
export function traceTeleportArc(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, cast: SegmentCast, arc: TeleportArc): void {
  let x = ox, y = oy, z = oz;
  const vx = dx * LAUNCH_SPEED, vz = dz * LAUNCH_SPEED;
  let vy = dy * LAUNCH_SPEED;
  const pts = arc.points;
  pts[0] = x; pts[1] = y; pts[2] = z;
  arc.count = 1;
  arc.valid = false;
  arc.hit.hit = false;
  for (let i = 1; i < ARC_MAX_POINTS; i++) {
    const nx = x + vx * STEP_S, ny = y + vy * STEP_S - 0.5 * GRAVITY * STEP_S * STEP_S, nz = z + vz * STEP_S;
    vy -= GRAVITY * STEP_S;
    const sx = nx - x, sy = ny - y, sz = nz - z;
    const len = Math.sqrt(sx * sx + sy * sy + sz * sz);
    cast(x, y, z, sx / len, sy / len, sz / len, len, arc.hit);
    if (arc.hit.hit) {
      pts[i * 3] = arc.hit.x; pts[i * 3 + 1] = arc.hit.y; pts[i * 3 + 2] = arc.hit.z;
      arc.count = i + 1;
      arc.valid = arc.hit.ny >= WALKABLE_NORMAL_Y;
      return;
    }
    x = nx; y = ny; z = nz;
    pts[i * 3] = x; pts[i * 3 + 1] = y; pts[i * 3 + 2] = z;
    arc.count = i + 1;
  }
}
