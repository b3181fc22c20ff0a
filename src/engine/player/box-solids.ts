/**
 * Solid boxes the player collides with besides the terrain: the base structures (issue 12), each its
 * catalogue box turned by its yaw about +y and standing on its anchor. Stored flat in a typed array
 * and queried by SphereContact alongside the density field, so the walker stands on a structure's top
 * and is stopped by its sides, and the ship bumps into them, through the same push-out as terrain.
 *
 * Queries come in bursts at nearly the same place (every substep, sphere and push of a tick), so the
 * boxes near the last query point are kept in a short list refreshed only when the point has moved
 * on: a query loops over a handful of boxes whatever the base's size, and allocates nothing.
 */
import { cosTurns, sinTurns } from '../base/fixed-trig.ts';

const STRIDE = 9; // centre x, y, z; half extents x, y, z; cos and sin of the yaw; bounding radius
/** The near list covers boxes within this distance of its centre plus their own radius... */
const NEAR_RADIUS = 16;
/** ...and is rebuilt when a query is farther than this from that centre (queries reach ≤ 8 m). */
const REFRESH_DISTANCE = 8;

export interface SolidBox { x: number; y: number; z: number; yawDeg: number; sizeX: number; sizeY: number; sizeZ: number }

export class BoxSolids {
  private data = new Float64Array(0);
  private count = 0;
  private near = new Int32Array(0);
  private nearCount = 0;
  private nearX = NaN;
  private nearY = NaN;
  private nearZ = NaN;
  /** Result of the last overlap(): outward normal and how far to move along it. */
  nx = 0;
  ny = 1;
  nz = 0;
  depth = 0;

  get size(): number { return this.count; }

  /** Replaces every box. The anchor is the base centre; the box rises sizeY above it. */
  set(boxes: readonly SolidBox[]): void {
    if (this.data.length < boxes.length * STRIDE) this.data = new Float64Array(boxes.length * STRIDE * 2);
    if (this.near.length < boxes.length) this.near = new Int32Array(boxes.length * 2);
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i], o = i * STRIDE, turns = b.yawDeg / 360;
      const hx = b.sizeX / 2, hy = b.sizeY / 2, hz = b.sizeZ / 2;
      this.data[o] = b.x; this.data[o + 1] = b.y + hy; this.data[o + 2] = b.z;
      this.data[o + 3] = hx; this.data[o + 4] = hy; this.data[o + 5] = hz;
      this.data[o + 6] = cosTurns(turns); this.data[o + 7] = sinTurns(turns);
      this.data[o + 8] = Math.sqrt(hx * hx + hy * hy + hz * hz);
    }
    this.count = boxes.length;
    this.nearX = NaN; // forces a refresh
  }

  /** The deepest overlap of the sphere (x, y, z, r + skin) with any box; false when none. */
  overlap(x: number, y: number, z: number, r: number, skin: number): boolean {
    if (this.count === 0) return false;
    const mx = x - this.nearX, my = y - this.nearY, mz = z - this.nearZ;
    if (!(mx * mx + my * my + mz * mz <= REFRESH_DISTANCE * REFRESH_DISTANCE)) this.refresh(x, y, z);
    const d = this.data, reach = r + skin;
    let best = 0;
    for (let k = 0; k < this.nearCount; k++) {
      const o = this.near[k] * STRIDE;
      const c = d[o + 6], s = d[o + 7], hx = d[o + 3], hy = d[o + 4], hz = d[o + 5];
      // Into the box's frame: its local +x is world (c, −s) in x-z and its local +z is (s, c) (three.js yaw).
      const wx = x - d[o], ly = y - d[o + 1], wz = z - d[o + 2];
      const lx = wx * c - wz * s, lz = wx * s + wz * c;
      const qx = lx < -hx ? -hx : lx > hx ? hx : lx;
      const qy = ly < -hy ? -hy : ly > hy ? hy : ly;
      const qz = lz < -hz ? -hz : lz > hz ? hz : lz;
      let ex = lx - qx, ey = ly - qy, ez = lz - qz, pen: number;
      const dist2 = ex * ex + ey * ey + ez * ez;
      if (dist2 > 0) {
        const dist = Math.sqrt(dist2);
        pen = reach - dist;
        if (pen <= best) continue;
        ex /= dist; ey /= dist; ez /= dist;
      } else {
        // The centre is inside: leave by the nearest face.
        const fx = hx - Math.abs(lx), fy = hy - Math.abs(ly), fz = hz - Math.abs(lz);
        ex = 0; ey = 0; ez = 0;
        if (fy <= fx && fy <= fz) { pen = reach + fy; ey = ly < 0 ? -1 : 1; }
        else if (fx <= fz) { pen = reach + fx; ex = lx < 0 ? -1 : 1; }
        else { pen = reach + fz; ez = lz < 0 ? -1 : 1; }
        if (pen <= best) continue;
      }
      best = pen;
      this.nx = ex * c + ez * s; this.ny = ey; this.nz = -ex * s + ez * c;
    }
    this.depth = best;
    return best > 0;
  }

  private refresh(x: number, y: number, z: number): void {
    const d = this.data;
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const o = i * STRIDE, dx = d[o] - x, dy = d[o + 1] - y, dz = d[o + 2] - z, lim = NEAR_RADIUS + d[o + 8];
      if (dx * dx + dy * dy + dz * dz <= lim * lim) this.near[n++] = i;
    }
    this.nearCount = n;
    this.nearX = x; this.nearY = y; this.nearZ = z;
  }
}
