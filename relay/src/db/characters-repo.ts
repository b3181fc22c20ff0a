/**
 * Seed 001's characters are seed 000's `players` rows: a named persona of one account in one world,
 * with where it stands and what it carries. The table's key (user_id, world_id) makes the slot
 * limit one character per account and world.
 */
import { sql, type Kysely } from 'kysely';
import { iso, type Database } from './schema.ts';

export interface CharacterRow { id: number; user_id: number; world_id: number; name: string; placed: boolean; created_at: string }

export const CHARACTER_SLOTS_PER_WORLD = 1;

export class CharactersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db.selectFrom('players').select(['id', 'user_id', 'world_id', 'player_name', 'placed', 'created_at']);
  }

  private static row(r: { id: number; user_id: number; world_id: number; player_name: string; placed: number | boolean; created_at: string | Date }): CharacterRow {
    return { id: r.id, user_id: r.user_id, world_id: r.world_id, name: r.player_name, placed: r.placed === true || r.placed === 1, created_at: iso(r.created_at) };
  }

  async forUser(userId: number): Promise<CharacterRow[]> {
    return (await this.select().where('user_id', '=', userId).orderBy('id').execute()).map(CharactersRepo.row);
  }

  async byId(id: number): Promise<CharacterRow | null> {
    const r = await this.select().where('id', '=', id).executeTakeFirst();
    return r ? CharactersRepo.row(r) : null;
  }

  async countInWorld(userId: number, worldId: number): Promise<number> {
    const r = await this.db.selectFrom('players').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('world_id', '=', worldId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** A character that has not been in its world yet (placed = false); null if the slot is taken. */
  async create(userId: number, worldId: number, name: string, now = new Date()): Promise<CharacterRow | null> {
    const at = now.toISOString();
    const r = await this.db.insertInto('players')
      .values({
        user_id: userId, world_id: worldId, player_name: name, position_x: 0, position_y: 0, position_z: 0, rotation_x: 0, rotation_y: 0, rotation_z: 0,
        health: 100, oxygen: 100, mode: 'walking', placed: sql<boolean>`FALSE`, created_at: at, updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id').executeTakeFirst();
    return r ? this.byId(r.id) : null;
  }

  /** Characters with their last saved position (admin: player-locations). */
  async locations(): Promise<Array<{ character_id: number; user_id: number; world_id: number; name: string; position: { x: number; y: number; z: number } | null; updated_at: string }>> {
    const rows = await this.db.selectFrom('players').select(['id', 'user_id', 'world_id', 'player_name', 'placed', 'position_x', 'position_y', 'position_z', 'updated_at']).orderBy('id').execute();
    return rows.map((r) => ({
      character_id: r.id, user_id: r.user_id, world_id: r.world_id, name: r.player_name,
      position: r.placed === true || r.placed === 1 ? { x: r.position_x, y: r.position_y, z: r.position_z } : null, updated_at: iso(r.updated_at),
    }));
  }
}
