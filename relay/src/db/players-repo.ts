/** Seed 000's `players`: where each user left off in each world, restored when they come back. */
import { sql, type Kysely } from 'kysely';
import type { SavedPlayerState } from '../../../src/protocol/net/events.ts';
import { PLAYER_MODES, type PlayerMode } from '../../../src/protocol/player.ts';
import type { Database } from './schema.ts';

export class PlayersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async save(userId: number, worldId: number, playerName: string, s: SavedPlayerState): Promise<void> {
    const at = new Date().toISOString();
    const values = {
      player_name: playerName,
      position_x: s.position.x, position_y: s.position.y, position_z: s.position.z,
      rotation_x: s.rotation.x, rotation_y: s.rotation.y, rotation_z: s.rotation.z,
      // The seed's column is INTEGER.
      health: Math.round(s.health), oxygen: s.oxygen, mode: s.mode, updated_at: at, placed: sql<boolean>`TRUE`,
    };
    await this.db.insertInto('players').values({ user_id: userId, world_id: worldId, created_at: at, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'world_id']).doUpdateSet(values))
      .execute();
  }

  async load(userId: number, worldId: number): Promise<SavedPlayerState | null> {
    const r = await this.db.selectFrom('players').selectAll().where('user_id', '=', userId).where('world_id', '=', worldId).executeTakeFirst();
    // A character made from the account page has not been anywhere yet: it spawns where a new player does.
    if (!r || !r.placed) return null;
    // A mode this build no longer knows falls back to the seed's default.
    const mode: PlayerMode = (PLAYER_MODES as readonly string[]).includes(r.mode) ? (r.mode as PlayerMode) : 'spacecraft';
    return {
      position: { x: r.position_x, y: r.position_y, z: r.position_z },
      rotation: { x: r.rotation_x, y: r.rotation_y, z: r.rotation_z },
      health: r.health, oxygen: r.oxygen, mode,
    };
  }
}
