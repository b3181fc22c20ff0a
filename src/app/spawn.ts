import type { Game } from './game.ts';
import type { Result } from '../protocol/errors.ts';

/** Height of the free-fly camera above the ground at spawn. */
const SPAWN_CLEARANCE = 14;

/** Places the camera above the ground at the world origin, unless the URL gave a position. */
export async function spawnPlayer(game: Game): Promise<void> {
  const { position, yaw, pitch } = game.flags;
  if (position) {
    game.placeRig(position[0], position[1], position[2], yaw ?? 0, pitch ?? -15);
    return;
  }
  const column = await game.pool.query<Result<{ height: number }>>((api) => api.columnInfo({ x: 0, z: 24 }));
  const ground = column.ok ? column.value.height : 40;
  game.placeRig(0, ground + SPAWN_CLEARANCE, 24, yaw ?? 0, pitch ?? -14);
}
