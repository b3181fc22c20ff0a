/** Seed 000's `worlds` as the relay's WorldRow: what a shared world is, and how far its log got. */
import type { Kysely } from 'kysely';
import type { CreateWorld } from '../../../src/protocol/net/worlds.ts';
import { iso, isoOrNull, type Database, type WorldsRow } from './schema.ts';

export interface WorldRow {
  world_id: number;
  world_name: string;
  seed: number;
  kind: 'planet' | 'arena';
  edit_seq: number;
  folded_seq: number;
  created_at: string;
  last_played: string | null;
}

export const toWorldRow = (r: WorldsRow): WorldRow => ({
  world_id: r.id,
  world_name: r.world_name,
  // PostgreSQL hands BIGINT back as a string.
  seed: Number(r.seed),
  kind: r.kind,
  edit_seq: Number(r.edit_seq),
  folded_seq: Number(r.folded_seq),
  created_at: iso(r.created_at),
  last_played: isoOrNull(r.last_played),
});

export class WorldsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<WorldRow[]> {
    const rows = await this.db.selectFrom('worlds').selectAll().orderBy('id').execute();
    return rows.map(toWorldRow);
  }

  async get(worldId: number): Promise<WorldRow | null> {
    const r = await this.db.selectFrom('worlds').selectAll().where('id', '=', worldId).executeTakeFirst();
    return r ? toWorldRow(r) : null;
  }

  /** The oldest world with this name and seed (how the default world is found again after a restart). */
  async findByNameAndSeed(name: string, seed: number): Promise<WorldRow | null> {
    const r = await this.db.selectFrom('worlds').selectAll()
      .where('world_name', '=', name).where('seed', '=', seed).orderBy('id').limit(1).executeTakeFirst();
    return r ? toWorldRow(r) : null;
  }

  async create(input: CreateWorld, ownerId: number | null = null): Promise<WorldRow> {
    const r = await this.db.insertInto('worlds')
      .values({ world_name: input.world_name, seed: input.seed, kind: input.kind, owner_id: ownerId, created_at: new Date().toISOString() })
      .returningAll().executeTakeFirstOrThrow();
    return toWorldRow(r);
  }

  /** Inside the edit batch's transaction, so worlds.edit_seq never runs ahead of the log. */
  async setEditSeq(db: Kysely<Database>, worldId: number, editSeq: number, at: string): Promise<void> {
    await db.updateTable('worlds').set({ edit_seq: editSeq, last_played: at }).where('id', '=', worldId).execute();
  }

  async setFoldedSeq(db: Kysely<Database>, worldId: number, foldedSeq: number): Promise<void> {
    await db.updateTable('worlds').set({ folded_seq: foldedSeq }).where('id', '=', worldId).execute();
  }
}
