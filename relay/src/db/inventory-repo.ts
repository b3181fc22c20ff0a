/**
 * Seed 000's `players.inventory`: what a character carries in a world, as JSON. The relay owns it
 * (issue 12): every change is checked by the engine's inventory rules and written here before it is
 * answered, so a restart or a second page sees exactly what was spent and gained. A character that
 * has never been placed in the world gets its row now, still unplaced (it spawns as a new player).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export class InventoryRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** The stored value, parsed (unchecked: the caller validates it), or null when there is none. */
  async load(userId: number, worldId: number): Promise<unknown> {
    const r = await this.db.selectFrom('players').select('inventory').where('user_id', '=', userId).where('world_id', '=', worldId).executeTakeFirst();
    const raw: unknown = r?.inventory ?? null;
    if (raw === null) return null;
    if (typeof raw !== 'string') return raw;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }

  async save(userId: number, worldId: number, playerName: string, inventory: unknown): Promise<void> {
    const at = new Date().toISOString();
    const json = JSON.stringify(inventory);
    await this.db.insertInto('players').values({
      user_id: userId, world_id: worldId, player_name: playerName, position_x: 0, position_y: 0, position_z: 0,
      rotation_x: 0, rotation_y: 0, rotation_z: 0, health: 100, oxygen: 100, mode: 'walking', stats: null,
      inventory: json, created_at: at, updated_at: at, placed: sql<boolean>`FALSE`,
    }).onConflict((oc) => oc.columns(['user_id', 'world_id']).doUpdateSet({ inventory: json, updated_at: at }))
      .execute();
  }
}
