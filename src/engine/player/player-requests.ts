/**
 * Seed 000 shapes of the player routes: request bodies (validated at the door) for POST
 * /player/teleport and /player/mode turned into the sim's commands and answered with the seed's response fields, and the
 * GET /player/position snapshot (the API layer adds status and timestamp). POST /player/spawn
 * takes its body as is (player-commands.ts spawn).
 */
import { ok, type Result } from '../../protocol/errors.ts';
import type { ModeRequest, PlayerMode, PlayerSnapshot, TeleportRequest } from '../../protocol/player.ts';
import type { Vec3 } from '../../protocol/vec3.ts';

import { setMode, teleport } from './player-commands.ts';
import { DEG, wrapAngle } from './angles.ts';
import type { SimParts } from './placement.ts';
import type { PlayerState } from './player-state.ts';
import { eulerYXZFromQuat } from './quaternion.ts';

const euler = { x: 0, y: 0, z: 0 };

export function teleportRequest(p: SimParts, body: TeleportRequest): Result<{ player_id: string; new_position: Vec3 }> {
  const { position, rotation, player_id } = body;
  const moved = teleport(p, position, rotation?.y, rotation?.x);
  if (!moved.ok) return moved;
  return ok({ player_id: player_id ?? p.playerId, new_position: moved.value });
}

export function modeRequest(p: SimParts, body: ModeRequest): Result<{ player_id: string; mode: PlayerMode }> {
  const { mode, player_id, force } = body;
  const changed = setMode(p, mode, { force });
  if (!changed.ok) return changed;
  return ok({ player_id: player_id ?? p.playerId, mode: changed.value.mode });
}

/**
 * GET /player/position: the body of the current mode (feet when walking, the ship's centre when
 * flying), rotation in degrees (walking: pitch, yaw, 0; flying: the ship's YXZ Euler angles, as a
 * three.js camera reports them), health and oxygen to 0.1.
 */
export function snapshotOf(s: PlayerState, playerId: string): PlayerSnapshot {
  const walking = s.mode === 'walking';
  const body = walking ? s : s.ship;
  let rotation;
  if (walking) rotation = { x: s.pitch / DEG, y: wrapAngle(s.yaw) / DEG, z: 0 };
  else {
    const e = eulerYXZFromQuat(s.ship, euler);
    rotation = { x: e.x / DEG, y: e.y / DEG, z: e.z / DEG };
  }
  return {
    player_id: playerId,
    position: { x: body.x, y: body.y, z: body.z },
    rotation,
    velocity: { x: body.vx, y: body.vy, z: body.vz },
    mode: s.mode,
    health: Math.round(s.health * 10) / 10,
    oxygen: Math.round(s.oxygen * 10) / 10,
    grounded: s.grounded,
    landed: s.ship.landed,
    speed: Math.sqrt(body.vx * body.vx + body.vy * body.vy + body.vz * body.vz),
    held: s.held,
    deaths: s.deaths,
  };
}
