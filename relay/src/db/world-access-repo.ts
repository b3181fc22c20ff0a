/** Who may make characters in which world (seed 001: open worlds, and invite-only ones with grants). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface WorldAccessRow { world_id: number; world_name: string; kind: string; seed: number; access_mode: 'open' | 'invite' }

export class WorldAccessRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async worlds(): Promise<WorldAccessRow[]> {
    const rows = await this.db.selectFrom('worlds').select(['id', 'world_name', 'kind', 'seed', 'access_mode']).orderBy('id').execute();
    return rows.map((r) => ({ world_id: r.id, world_name: r.world_name, kind: r.kind, seed: Number(r.seed), access_mode: r.access_mode === 'invite' ? 'invite' : 'open' }));
  }

  async world(worldId: number): Promise<WorldAccessRow | null> {
    return (await this.worlds()).find((w) => w.world_id === worldId) ?? null;
  }

  /** The invite-only worlds this account has been granted. */
  async grantsOf(userId: number): Promise<Set<number>> {
    const rows = await this.db.selectFrom('world_access').select('world_id').where('user_id', '=', userId).execute();
    return new Set(rows.map((r) => r.world_id));
  }

  async setMode(worldId: number, mode: 'open' | 'invite'): Promise<void> {
    await this.db.updateTable('worlds').set({ access_mode: mode }).where('id', '=', worldId).execute();
  }

  async grant(worldId: number, userId: number): Promise<void> {
    await this.db.insertInto('world_access').values({ world_id: worldId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
  }
}
