import type { PlayerSim } from '../engine/player/player-sim.ts';
import type { CollisionField } from '../engine/player/collision-field.ts';
import { BOARD_DISTANCE, LEAVE_MAX_SPEED, SHIP_RADIUS } from '../engine/player/player-constants.ts';
import { shipDistance } from '../engine/player/player-commands.ts';
import { groundBelow } from './spawn.ts';

/** The numbers the HUD and the wrist panel show. One object, refreshed in place. */
export interface Readout {
  mode: 'walking' | 'spacecraft';
  health: number;
  oxygen: number;
  /** m/s of the body or the ship. */
  speed: number;
  /** Height of the ship's hull above the ground below it (m); null when walking or out of range. */
  altitude: number | null;
  landed: boolean;
  nearShip: boolean;
  canLeave: boolean;
  message: string | null;
}

export const createReadout = (): Readout => ({
  mode: 'walking', health: 100, oxygen: 100, speed: 0, altitude: null, landed: false, nearShip: false, canLeave: false, message: null,
});

const ALTITUDE_RANGE = 400;

export function updateReadout(player: PlayerSim, collision: CollisionField, out: Readout): Readout {
  const s = player.state;
  const ship = s.ship;
  out.mode = s.mode;
  out.health = s.health;
  out.oxygen = s.oxygen;
  out.landed = ship.landed;
  out.message = s.held ? 'Waiting for the ground to load…' : null;
  if (s.mode === 'spacecraft') {
    const speed = Math.sqrt(ship.vx * ship.vx + ship.vy * ship.vy + ship.vz * ship.vz);
    out.speed = speed;
    const ground = groundBelow(collision, ship.x, ship.z, ship.y, ALTITUDE_RANGE);
    // From the bottom of the hull, so a landed ship reads 0 m.
    out.altitude = ground === null ? null : Math.max(0, ship.y - SHIP_RADIUS - ground);
    out.canLeave = speed < LEAVE_MAX_SPEED;
    out.nearShip = true;
  } else {
    out.speed = Math.sqrt(s.vx * s.vx + s.vz * s.vz);
    out.altitude = null;
    // The rule boarding itself uses, so the hint never promises a refusal.
    out.nearShip = shipDistance(s) <= BOARD_DISTANCE;
    out.canLeave = false;
  }
  return out;
}
