/**
 * The player's commands (seed 000 POST /player/mode, /player/teleport, /player/spawn, and the
 * game's own hover): they take values the door has already validated (protocol/player.ts
 * schemas), check the game's rules (rock, distance, speed), and only then change anything, so a
 * refusal leaves the state untouched.
 */
import { fail, ok, type Result } from '../../protocol/errors.ts';
import type { PlayerMode, SpawnRequest } from '../../protocol/player.ts';
import type { Vec3 } from '../../protocol/vec3.ts';
import { DEG } from './angles.ts';
import {
  BOARD_DISTANCE, CAPSULE_HEIGHT, CAPSULE_RADIUS, LEAVE_MAX_SPEED, SHIP_RADIUS,
} from './player-constants.ts';
import {
  BODY_CENTRE, parkShipBeside, refuseInside, stopShip, placeShip, placeWalker, rideShip, type SimParts,
} from './placement.ts';
import { yawOfQuat } from './quaternion.ts';
import type { PlayerState } from './player-state.ts';
import { CAPSULE_SHAPE } from './walker.ts';

/** Where a leaving player looks for ground: beside the hull, and down to the loaded ground below (the world is 320 m tall). */
const LEAVE_DISTANCE = SHIP_RADIUS + CAPSULE_RADIUS + 0.6;
const LEAVE_MAX_DROP = 320;
/** A forced boarding puts the ship's hull this far above the player's head. */
const HOVER_GAP = 0.3;

export interface ModeOptions { force?: boolean }

export function setMode(p: SimParts, mode: PlayerMode, options: ModeOptions = {}): Result<{ mode: PlayerMode; position: Vec3 }> {
  const s = p.state, ship = s.ship, previous = s.mode;
  if (mode !== previous) {
    const r = mode === 'spacecraft' ? board(p, options.force === true) : leave(p, options.force === true);
    if (!r.ok) return r;
    p.events.emit({ type: 'mode', mode: s.mode, previous });
  }
  const at = s.mode === 'spacecraft' ? ship : s;
  return ok({ mode: s.mode, position: { x: at.x, y: at.y, z: at.z } });
}

/** How far the ship's centre is from the walking body's centre: the distance boarding is judged by. */
export function shipDistance(s: PlayerState): number {
  const ship = s.ship;
  const dx = ship.x - s.x, dy = ship.y - (s.y + BODY_CENTRE), dz = ship.z - s.z;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

function board(p: SimParts, force: boolean): Result<true> {
  const s = p.state, ship = s.ship;
  const distance = shipDistance(s);
  if (distance > BOARD_DISTANCE) {
    if (!force) return fail('INVALID_PARAMETER', `the ship is ${distance.toFixed(1)} m away; board within ${BOARD_DISTANCE} m`);
    // Bring the ship to the player: hovering just above the head, facing the way they look.
    placeShip(p, s.x, s.y + CAPSULE_HEIGHT + HOVER_GAP + SHIP_RADIUS, s.z, 0, s.yaw, 0);
  }
  s.mode = 'spacecraft';
  stopShip(ship);
  rideShip(s);
  p.snapPose();
  return ok(true);
}

function leave(p: SimParts, force: boolean): Result<true> {
  const s = p.state, ship = s.ship;
  const speed = Math.sqrt(ship.vx * ship.vx + ship.vy * ship.vy + ship.vz * ship.vz);
  if (speed >= LEAVE_MAX_SPEED && !force) {
    return fail('INVALID_PARAMETER', `the ship is moving at ${speed.toFixed(1)} m/s; slow below ${LEAVE_MAX_SPEED} m/s to leave`);
  }
  const yaw = yawOfQuat(ship);
  stopShip(ship);
  s.mode = 'walking';
  if (p.spots.around(CAPSULE_SHAPE, ship.x, ship.y - BODY_CENTRE, ship.z, yaw, LEAVE_DISTANCE, LEAVE_MAX_DROP)) {
    placeWalker(p, p.spots.x, p.spots.y, p.spots.z, yaw, 0);
  } else {
    // No ground found beside it (tight cave, or not streamed in): step out where the ship is.
    placeWalker(p, ship.x, ship.y - BODY_CENTRE, ship.z, yaw, 0);
  }
  return ok(true);
}

/** Moves the player (walking) or the ship (spacecraft); yaw (and walking pitch) in degrees, kept when omitted. */
export function teleport(p: SimParts, position: Vec3, yawDegrees?: number, pitchDeg?: number): Result<Vec3> {
  const s = p.state;
  const { x, y, z } = position;
  const walking = s.mode === 'walking';
  const inside = refuseInside(p.field, x, y, z, walking ? y + BODY_CENTRE : y);
  if (inside) return inside;
  if (walking) {
    placeWalker(p, x, y, z, yawDegrees === undefined ? s.yaw : yawDegrees * DEG, pitchDeg === undefined ? s.pitch : pitchDeg * DEG);
    return ok({ x: s.x, y: s.y, z: s.z });
  }
  placeShip(p, x, y, z, 0, yawDegrees === undefined ? yawOfQuat(s.ship) : yawDegrees * DEG, 0);
  return ok({ x: s.ship.x, y: s.ship.y, z: s.ship.z });
}

/**
 * Puts the player in the ship, hovering still at a pose (degrees): the loading screen, the title
 * menu and the camera-placement door use it. Refused inside rock, like teleport.
 */
export function hover(p: SimParts, position: Vec3, yawDeg: number, pitchDeg: number): Result<Vec3> {
  const { x, y, z } = position;
  const inside = refuseInside(p.field, x, y, z);
  if (inside) return inside;
  const s = p.state, previous = s.mode;
  s.mode = 'spacecraft';
  placeShip(p, x, y, z, pitchDeg * DEG, yawDeg * DEG, 0);
  s.yaw = yawDeg * DEG; s.pitch = 0;
  if (previous !== 'spacecraft') p.events.emit({ type: 'mode', mode: 'spacecraft', previous });
  return ok({ x: s.ship.x, y: s.ship.y, z: s.ship.z });
}

/**
 * Sets the spawn point and puts the player there (walking: feet at position, ship parked beside;
 * spacecraft: the ship at position), at full health and oxygen. Mode defaults to walking.
 */
export function spawn(p: SimParts, request: SpawnRequest): Result<{ player_id: string; position: Vec3; mode: PlayerMode }> {
  const { position: { x, y, z }, rotation, mode = 'walking', player_id } = request;
  const s = p.state, previous = s.mode;
  const inside = refuseInside(p.field, x, y, z, mode === 'walking' ? y + BODY_CENTRE : y);
  if (inside) return inside;
  const pitch = (rotation?.x ?? 0) * DEG, yaw = (rotation?.y ?? 0) * DEG, roll = (rotation?.z ?? 0) * DEG;
  s.spawn.x = x; s.spawn.y = y; s.spawn.z = z;
  s.spawn.yaw = yaw; s.spawn.pitch = mode === 'walking' ? pitch : 0;
  p.vitals.restore(s);
  s.mode = mode;
  if (mode === 'walking') {
    placeWalker(p, x, y, z, yaw, pitch);
    parkShipBeside(p);
  } else {
    placeShip(p, x, y, z, pitch, yaw, roll);
    s.yaw = yaw; s.pitch = 0;
  }
  if (mode !== previous) p.events.emit({ type: 'mode', mode, previous });
  const at = mode === 'walking' ? s : s.ship;
  return ok({ player_id: player_id ?? p.playerId, position: { x: at.x, y: at.y, z: at.z }, mode });
}
