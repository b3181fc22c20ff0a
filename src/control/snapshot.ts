/**
 * The deterministic game snapshot (GET /snapshot, window.spacetime.snapshot()): full-precision
 * player state, the world's identity and edit log, the settings. Equal runs give equal snapshots,
 * so a replay can be checked field by field and a rejected request can be shown to change nothing.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Game } from '../app/game.ts';
import type { GameSnapshot } from '../protocol/automation.ts';
import { DEG } from '../engine/player/angles.ts';
import { eulerYXZFromQuat } from '../engine/player/quaternion.ts';
import { settingsValues } from '../state/settings.ts';
import { scenePath } from '../protocol/scenes.ts';

const hashOf = (value: unknown) => bytesToHex(sha256(utf8ToBytes(JSON.stringify(value))));

export function gameSnapshot(game: Game): GameSnapshot {
  const s = game.player.state;
  const body = s.mode === 'walking' ? s : s.ship;
  const ship = eulerYXZFromQuat(s.ship, { x: 0, y: 0, z: 0 });
  const view = s.mode === 'walking' ? { x: s.pitch / DEG, y: s.yaw / DEG, z: 0 } : { x: ship.x / DEG, y: ship.y / DEG, z: ship.z / DEG };
  const { scene, ready } = game.store.getState();
  const log = game.pool.editLog();
  return {
    scene: scene ? scenePath(scene) : null,
    ready,
    player: {
      player_id: game.player.playerId,
      mode: s.mode,
      position: { x: body.x, y: body.y, z: body.z },
      rotation: view,
      velocity: { x: body.vx, y: body.vy, z: body.vz },
      health: s.health,
      oxygen: s.oxygen,
      grounded: s.grounded,
      deaths: s.deaths,
      ship: { position: { x: s.ship.x, y: s.ship.y, z: s.ship.z }, rotation: { x: ship.x / DEG, y: ship.y / DEG, z: ship.z / DEG } },
    },
    terrain: { seed: game.pool.world.seed, edit_count: log.length, edit_log_sha256: hashOf(log) },
    settings_sha256: hashOf(settingsValues(game.settings.getState())),
  };
}
