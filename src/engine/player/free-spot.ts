/**
 * Finding a place to put a body: the walker beside the ship when leaving it, the ship beside the
 * player at spawn. Candidates ring the anchor (right-hand side first); each is dropped from a little
 * above the anchor's height until it rests on the ground, sampling only the collision field.
 * Commands use this, never the per-tick path, so a few thousand samples are fine.
 */
import { cos, sin } from './angles.ts';
import type { Shape, ShapeMover } from './shape-mover.ts';

const DIRECTIONS = 8;
/** Coarse drop step, then halving: finds the ground to ~1.5 cm in ~log2(0.5/0.015) extra tests. */
const DROP_STEP = 0.5;
const REFINE_STEPS = 5;
/** Heights above the anchor to try a drop from, for ground that rises around it. */
const LIFTS = [0, 1.5, 3, 6];

export class FreeSpots {
  /** The spot found by the last successful call (body origin: feet for the capsule, centre for the ship). */
  x = 0;
  y = 0;
  z = 0;
  /** Whether the last drop() could start (its NaN then means no ground below, not no room). */
  private startFitted = false;

  constructor(private readonly mover: ShapeMover) {}

  /**
   * A spot at `distance` from (ax, ay, az) where shape rests on the ground within maxDrop below
   * the anchor height ay (the shape's origin height to start from). Starts on the right of yaw
   * and goes round. False when no candidate has loaded, open, grounded room.
   */
  around(shape: Shape, ax: number, ay: number, az: number, yaw: number, distance: number, maxDrop: number): boolean {
    for (let i = 0; i < DIRECTIONS; i++) {
      // Right of the heading first (yaw 0 looks toward -z, so right is +x), then round to the left.
      const a = yaw - Math.PI / 2 + (i * 2 * Math.PI) / DIRECTIONS;
      const x = ax - sin(a) * distance, z = az - cos(a) * distance;
      for (const lift of LIFTS) {
        const y = this.drop(shape, x, ay + lift, z, maxDrop + lift);
        if (!Number.isNaN(y)) {
          this.x = x; this.y = y; this.z = z;
          return true;
        }
        // It fitted but fell through without ground: starting higher cannot help.
        if (this.startFitted) break;
      }
    }
    return false;
  }

  /**
   * Lowers shape from (x, top, z) until it would touch the ground and returns that origin height
   * (to within a couple of centimetres), or NaN when it does not fit at the start or finds no
   * ground within maxDrop (or runs into terrain that has not streamed in).
   */
  drop(shape: Shape, x: number, top: number, z: number, maxDrop: number): number {
    const mover = this.mover;
    this.startFitted = mover.fits(x, top, z, shape);
    if (!this.startFitted) return NaN;
    let free = top;
    for (let fallen = DROP_STEP; fallen <= maxDrop; fallen += DROP_STEP) {
      const y = top - fallen;
      if (!mover.field.loadedAround(x, y + shape.midY, z, shape.reach)) return NaN;
      if (mover.fits(x, y, z, shape)) { free = y; continue; }
      // Ground between free and y: halve the gap a few times.
      let blocked = y;
      for (let k = 0; k < REFINE_STEPS; k++) {
        const mid = (free + blocked) / 2;
        if (mover.fits(x, mid, z, shape)) free = mid; else blocked = mid;
      }
      return free;
    }
    return NaN;
  }
}
