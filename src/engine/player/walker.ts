/**
 * One tick of the walking body: a capsule (feet origin) under gravity. On walkable ground (up to
 * 50°) the velocity follows the ground plane, so the body neither slides when standing on a slope
 * nor hops off crests; steeper contacts are not ground, so gravity slides the body down them.
 */
import { sinCos } from './angles.ts';
import {
  AIR_ACCEL, CAPSULE_RADIUS, GRAVITY, GROUND_ACCEL, GROUND_SNAP, JUMP_SPEED, MIN_GROUND_NORMAL_Y, SPRINT_SPEED, TERMINAL_SPEED, clampUnit,
} from './player-constants.ts';
import { WALK_SPEED } from '../../protocol/player.ts';
import type { PlayerInput, PlayerState } from './player-state.ts';
import type { Shape, ShapeMover } from './shape-mover.ts';

export const CAPSULE_SHAPE: Shape = {
  radius: CAPSULE_RADIUS,
  offsets: [0.4, 0.9, 1.4],
  midY: 0.9,
  // Half the height plus room for the ground snap below the feet.
  reach: 0.9 + GROUND_SNAP + 0.15,
};
const BOTTOM = CAPSULE_SHAPE.offsets[0];
/** Pull into the ground along its normal while grounded, so contact is found again every tick. */
const STICK_SPEED = 0.3;
/** Contacts within this distance still count as standing on the ground. */
const GROUND_SKIN = 0.06;

export class Walker {
  /** Normal of the ground stood on (valid while state.grounded). */
  private gnx = 0;
  private gny = 1;
  private gnz = 0;
  /** Speed into the ground removed when the last tick landed from the air (0 otherwise). */
  landingSpeed = 0;
  /** Heading the cached [heading, sin, cos] in sc belong to. */
  private heading = 0;
  private readonly sc = new Float64Array([0, 0, 1]);

  constructor(private readonly mover: ShapeMover) {}

  tick(s: PlayerState, input: PlayerInput, dt: number): void {
    this.landingSpeed = 0;
    const wasGrounded = s.grounded;
    const heading = Number.isNaN(input.headYaw) ? s.yaw : input.headYaw;
    if (heading !== this.heading) {
      // Only when the heading changed: walking straight costs no trig (and boxes no doubles).
      const sc = this.sc;
      sc[0] = heading;
      sinCos(sc);
      this.heading = heading;
    }
    const sh = this.sc[1], ch = this.sc[2];
    let mx = clampUnit(input.moveX), mz = clampUnit(input.moveZ);
    const len = Math.sqrt(mx * mx + mz * mz);
    if (len > 1) { mx /= len; mz /= len; }
    const speed = input.boost ? SPRINT_SPEED : WALK_SPEED;
    // right = (cos, 0, -sin), forward = (-sin, 0, -cos) for yaw 0 looking toward -z.
    const tx = (mx * ch - mz * sh) * speed, tz = (-mx * sh - mz * ch) * speed;
    // Accelerate (vx, vz) toward the target by at most accel*dt (inline: a call would box the doubles).
    const maxDelta = (wasGrounded ? GROUND_ACCEL : AIR_ACCEL) * dt;
    const dvx = tx - s.vx, dvz = tz - s.vz;
    const dv = Math.sqrt(dvx * dvx + dvz * dvz);
    if (dv <= maxDelta) { s.vx = tx; s.vz = tz; } else { s.vx += (dvx * maxDelta) / dv; s.vz += (dvz * maxDelta) / dv; }

    let jumped = false;
    if (wasGrounded && input.jump) {
      s.vy = JUMP_SPEED;
      s.grounded = false;
      jumped = true;
    } else if (wasGrounded) {
      // Walk along the ground plane, pressed lightly into it.
      s.vy = -(this.gnx * s.vx + this.gnz * s.vz) / this.gny;
      s.vx -= this.gnx * STICK_SPEED; s.vy -= this.gny * STICK_SPEED; s.vz -= this.gnz * STICK_SPEED;
    } else {
      s.vy = Math.max(-TERMINAL_SPEED, s.vy - GRAVITY * dt);
    }

    const fallSpeed = -s.vy;
    const mover = this.mover;
    mover.dt = dt;
    mover.move(s, CAPSULE_SHAPE);
    s.held = mover.held;
    if (s.held) return;

    let ny = mover.groundNy, nx = mover.groundNx, nz = mover.groundNz;
    if (ny < MIN_GROUND_NORMAL_Y) {
      // No walkable push this tick: look for ground just under the bottom sphere.
      const c = mover.contact, sp = c.sphere;
      sp[0] = s.x; sp[1] = s.y + BOTTOM; sp[2] = s.z; sp[3] = CAPSULE_RADIUS; sp[4] = GROUND_SKIN;
      if (c.test() && c.ny > ny) { nx = c.nx; ny = c.ny; nz = c.nz; }
    }
    if (ny < MIN_GROUND_NORMAL_Y && wasGrounded && !jumped) {
      if (this.snapDown(s)) { nx = this.gnx; ny = this.gny; nz = this.gnz; }
    }
    s.grounded = !jumped && ny >= MIN_GROUND_NORMAL_Y;
    if (s.grounded) {
      this.gnx = nx; this.gny = ny; this.gnz = nz;
      if (!wasGrounded) this.landingSpeed = Math.max(mover.impact, fallSpeed * ny);
    }
  }

  /** Forget the ground (teleport, respawn): the next tick starts in the air. */
  reset(): void {
    this.gnx = 0; this.gny = 1; this.gnz = 0;
    this.landingSpeed = 0;
  }

  /** Stays on the ground over a crest or down a slope: drops up to GROUND_SNAP onto walkable ground. */
  private snapDown(s: PlayerState): boolean {
    const c = this.mover.contact, sp = c.sphere;
    const probeY = s.y - GROUND_SNAP;
    sp[0] = s.x; sp[1] = probeY + BOTTOM; sp[2] = s.z; sp[3] = CAPSULE_RADIUS; sp[4] = 0;
    if (!c.test() || c.ny < MIN_GROUND_NORMAL_Y) return false;
    // Vertical lift that clears the contact plane from the probe position.
    const feet = probeY + c.depth / c.ny;
    if (feet >= s.y) return false;
    s.y = feet;
    this.gnx = c.nx; this.gny = c.ny; this.gnz = c.nz;
    // Keep moving along the new plane rather than into it.
    const vn = s.vx * c.nx + s.vy * c.ny + s.vz * c.nz;
    if (vn < 0) { s.vx -= vn * c.nx; s.vy -= vn * c.ny; s.vz -= vn * c.nz; }
    return true;
  }
}
