/**
 * Putting the bodies somewhere on purpose (spawn, teleport, respawn, boarding and leaving), as
 * opposed to moving them by physics. Each placement zeroes velocity, clears the stale ground
 * contact and tells the sim to drop render interpolation so the camera jumps rather than glides.
 */
import { fail, type Result } from '../../protocol/errors.ts';
import { cos, sin, wrapAngle } from './angles.ts';
import type { CollisionField } from './collision-field.ts';
import type { FreeSpots } from './free-spot.ts';
import { CAPSULE_HEIGHT, GROUND_SNAP, SHIP_RADIUS, clampPitch } from './player-constants.ts';
import type { PlayerEvents } from './player-events.ts';
import type { PlayerState } from './player-state.ts';
import { setQuatFromEulerYXZ } from './quaternion.ts';
import type { ShapeMover } from './shape-mover.ts';
import { SHIP_SHAPE } from './spacecraft.ts';
import type { Vitals } from './vitals.ts';
import { CAPSULE_SHAPE, type Walker } from './walker.ts';

/** What the command and placement functions need from the sim. */
export interface SimParts {
  readonly state: PlayerState;
  readonly field: CollisionField;
  readonly mover: ShapeMover;
  readonly spots: FreeSpots;
  readonly walker: Walker;
  readonly vitals: Vitals;
  readonly events: PlayerEvents;
  readonly playerId: string;
  /** Drops render interpolation after a jump in position. */
  snapPose(): void;
}

/** How far from the player the ship parks, and how far down we look for ground to park it on. */
const PARK_DISTANCE = 5;
const PARK_MAX_DROP = 30;
/** A respawn point in the air is lowered to the ground below it when that has streamed in. */
const RESPAWN_MAX_DROP = 300;
/** Centre of the capsule above the feet: the point that must not be inside rock. */
export const BODY_CENTRE = CAPSULE_HEIGHT / 2;

/** Feet at (x, y, z), standing still, nudged out of the rock if it overlaps a little. */
export function placeWalker(p: SimParts, x: number, y: number, z: number, yaw: number, pitch: number): void {
  const s = p.state;
  s.x = x; s.y = y; s.z = z;
  s.vx = 0; s.vy = 0; s.vz = 0;
  s.yaw = wrapAngle(yaw); s.pitch = clampPitch(pitch);
  s.grounded = false; s.held = false;
  p.walker.reset();
  p.mover.resolve(s, CAPSULE_SHAPE);
  s.vx = 0; s.vy = 0; s.vz = 0;
  // Standing from the moment of placement, not only after the next tick: ground within snap reach
  // below the feet (the walker's own tick refines it, slope included).
  s.grounded = p.mover.fits(s.x, s.y, s.z, CAPSULE_SHAPE) && !p.mover.fits(s.x, s.y - GROUND_SNAP, s.z, CAPSULE_SHAPE);
  p.snapPose();
}

/** Ship centre at (x, y, z) with the given YXZ angles (radians), at rest and not landed. */
export function placeShip(p: SimParts, x: number, y: number, z: number, pitch: number, yaw: number, roll: number): void {
  const ship = p.state.ship;
  ship.x = x; ship.y = y; ship.z = z;
  stopShip(ship);
  ship.landed = false;
  setQuatFromEulerYXZ(ship, pitch, yaw, roll);
  p.mover.resolve(ship, SHIP_SHAPE);
  ship.vx = 0; ship.vy = 0; ship.vz = 0;
  rideShip(p.state);
  p.snapPose();
}

/** In spacecraft mode the walking body rides in the ship, so "the player's position" is the ship's. */
export function rideShip(s: PlayerState): void {
  s.x = s.ship.x; s.y = s.ship.y - BODY_CENTRE; s.z = s.ship.z;
  s.vx = s.ship.vx; s.vy = s.ship.vy; s.vz = s.ship.vz;
  s.grounded = false;
}

/** Parks the ship, level and landed, on the ground beside the walker (hovering there if no ground is loaded). */
export function parkShipBeside(p: SimParts): void {
  const s = p.state;
  const top = s.y + SHIP_RADIUS + 0.5;
  const found = p.spots.around(SHIP_SHAPE, s.x, top, s.z, s.yaw, PARK_DISTANCE, PARK_MAX_DROP);
  const ship = s.ship;
  if (found) {
    ship.x = p.spots.x; ship.y = p.spots.y; ship.z = p.spots.z;
  } else {
    // Terrain not streamed in yet: hover to the right of the view, right = (cos yaw, 0, -sin yaw).
    ship.x = s.x + PARK_DISTANCE * cos(s.yaw); ship.y = top; ship.z = s.z - PARK_DISTANCE * sin(s.yaw);
  }
  stopShip(ship);
  ship.landed = found;
  setQuatFromEulerYXZ(ship, 0, s.yaw, 0);
  p.snapPose();
}

/** Back at the spawn point: walking, full health and oxygen, the ship parked beside. */
export function respawn(p: SimParts): void {
  const s = p.state, sp = s.spawn;
  s.mode = 'walking';
  p.vitals.restore(s);
  let y = sp.y;
  const ground = p.spots.drop(CAPSULE_SHAPE, sp.x, sp.y, sp.z, RESPAWN_MAX_DROP);
  if (!Number.isNaN(ground)) y = ground;
  placeWalker(p, sp.x, y, sp.z, sp.yaw, sp.pitch);
  parkShipBeside(p);
}

/** True when the point is inside rock where the field is loaded (unloaded counts as free). */
export function insideTerrain(field: CollisionField, x: number, y: number, z: number): boolean {
  return field.sample(x, y, z) > 0;
}

/** The refusal for a place inside rock (probed at py, the body's centre), or null when it is free. */
export function refuseInside(field: CollisionField, x: number, y: number, z: number, py = y): Result<never> | null {
  return insideTerrain(field, x, py, z) ? fail('INVALID_PARAMETER', `position: (${x}, ${y}, ${z}) is inside terrain`) : null;
}

/** No linear or angular motion left. */
export function stopShip(ship: PlayerState['ship']): void {
  ship.vx = 0; ship.vy = 0; ship.vz = 0;
  ship.wx = 0; ship.wy = 0; ship.wz = 0;
}
