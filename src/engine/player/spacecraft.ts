/**
 * One tick of the ship: 6-DoF flight with inertia and no gravity. Thrust accelerates along the
 * ship's own axes, speed is limited (60 m/s, 120 with boost) and coasts down without thrust.
 * Stick rates turn it about its own axes through a short smoothing lag. levelFlight keeps its up
 * equal to world up (VR comfort): only yaw turns, and moveY is vertical thrust. A gentle touch
 * (< 6 m/s) on up-facing ground with no thrust lands it; thrust lifts off again.
 */
import {
  LANDING_MAX_SPEED, LANDING_MIN_NORMAL_Y, SHIP_ACCEL, SHIP_BOOST_ACCEL, SHIP_BOOST_SPEED, SHIP_DAMPING, SHIP_MAX_SPEED, SHIP_OVERSPEED_BRAKE, SHIP_PITCH_RATE, SHIP_RADIUS, SHIP_ROLL_RATE, SHIP_TURN_SMOOTHING, SHIP_YAW_RATE, clampUnit,
} from './player-constants.ts';
import type { PlayerInput, ShipState } from './player-state.ts';
import { rotateLocal, rotateLocalBy, rotateVector, setQuatFromEulerYXZ, yawOfQuat, type QuatLike } from './quaternion.ts';
import type { Shape, ShapeMover } from './shape-mover.ts';

export const SHIP_SHAPE: Shape = { radius: SHIP_RADIUS, offsets: [0], midY: 0, reach: SHIP_RADIUS + 0.5 };
/** Stick input below this is noise, not thrust. */
const DEADZONE = 0.01;
/** Contacts this close still count as touching down. */
const LANDING_SKIN = 0.1;

export class Spacecraft {
  /** Results of the last tick: normal impact speed against the terrain, and whether it touched down. */
  impact = 0;
  touchedDown = false;
  private readonly v3 = new Float64Array(3);

  constructor(private readonly mover: ShapeMover) {}

  /** Mouse look: an immediate turn about the ship's own axes (yaw about world up in level flight). */
  look(ship: QuatLike, yaw: number, pitch: number, levelFlight: boolean): void {
    if (yaw === 0 && pitch === 0) return;
    if (levelFlight) setQuatFromEulerYXZ(ship, 0, yawOfQuat(ship) + yaw, 0);
    else {
      // Yaw then pitch, like a mouse-look camera: from level, the result is exactly Euler (pitch, yaw).
      rotateLocal(ship, 0, yaw, 0);
      rotateLocal(ship, pitch, 0, 0);
    }
  }

  /** Returns true when the tick was held at unloaded terrain. */
  tick(ship: ShipState, input: PlayerInput, levelFlight: boolean, dt: number): boolean {
    this.impact = 0;
    this.touchedDown = false;
    this.turn(ship, input, levelFlight, dt);

    const mx = clampUnit(input.moveX), my = clampUnit(input.moveY), mz = clampUnit(input.moveZ);
    const thrusting = Math.abs(mx) > DEADZONE || Math.abs(my) > DEADZONE || Math.abs(mz) > DEADZONE;
    if (ship.landed && !thrusting) {
      ship.vx = 0; ship.vy = 0; ship.vz = 0;
      return false;
    }
    ship.landed = false;
    if (thrusting) {
      const a = (input.boost ? SHIP_BOOST_ACCEL : SHIP_ACCEL) * dt;
      // Local +x right, +y up, -z forward.
      const v3 = this.v3;
      v3[0] = mx; v3[1] = my; v3[2] = -mz;
      rotateVector(ship, v3);
      ship.vx += this.v3[0] * a; ship.vy += this.v3[1] * a; ship.vz += this.v3[2] * a;
    } else {
      const k = 1 - Math.min(1, SHIP_DAMPING * dt);
      ship.vx *= k; ship.vy *= k; ship.vz *= k;
    }
    // Above the limit the speed falls back at a fixed rate, so releasing boost slows rather than stops.
    const limit = input.boost ? SHIP_BOOST_SPEED : SHIP_MAX_SPEED;
    let speedBefore = Math.sqrt(ship.vx * ship.vx + ship.vy * ship.vy + ship.vz * ship.vz);
    if (speedBefore > limit) {
      const k = Math.max(limit, speedBefore - SHIP_OVERSPEED_BRAKE * dt) / speedBefore;
      ship.vx *= k; ship.vy *= k; ship.vz *= k;
      speedBefore *= k;
    }

    const mover = this.mover;
    mover.dt = dt;
    mover.move(ship, SHIP_SHAPE);
    if (mover.held) return true;
    this.impact = mover.impact;
    if (!thrusting && speedBefore < LANDING_MAX_SPEED) {
      let ny = mover.groundNy;
      const c = mover.contact;
      const sp = c.sphere;
      sp[0] = ship.x; sp[1] = ship.y; sp[2] = ship.z; sp[3] = SHIP_RADIUS; sp[4] = LANDING_SKIN;
      if (ny <= LANDING_MIN_NORMAL_Y && c.test()) ny = c.ny;
      if (ny > LANDING_MIN_NORMAL_Y) {
        ship.landed = true;
        this.touchedDown = true;
        ship.vx = 0; ship.vy = 0; ship.vz = 0;
      }
    }
    return false;
  }

  /** Smoothed stick rates about the ship's axes: pitch (x), yaw (y), roll (z, positive = right). */
  private turn(ship: ShipState, input: PlayerInput, levelFlight: boolean, dt: number): void {
    const k = Math.min(1, dt / SHIP_TURN_SMOOTHING);
    const ty = clampUnit(input.turnYaw) * SHIP_YAW_RATE;
    const tx = levelFlight ? 0 : clampUnit(input.turnPitch) * SHIP_PITCH_RATE;
    const tz = levelFlight ? 0 : -clampUnit(input.roll) * SHIP_ROLL_RATE;
    ship.wx += (tx - ship.wx) * k;
    ship.wy += (ty - ship.wy) * k;
    ship.wz += (tz - ship.wz) * k;
    if (levelFlight) {
      // Rebuilt from the heading every tick, so switching level flight on also levels the ship.
      setQuatFromEulerYXZ(ship, 0, yawOfQuat(ship) + ship.wy * dt, 0);
    } else {
      const v = this.v3;
      v[0] = ship.wx * dt; v[1] = ship.wy * dt; v[2] = ship.wz * dt;
      rotateLocalBy(ship, v);
    }
  }
}
