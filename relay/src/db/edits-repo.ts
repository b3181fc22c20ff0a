/** A world's ordered edit log (terrain_edits): appended in batches, read by range, pruned after folding. */
import type { Kysely } from 'kysely';
import type { SequencedEdit } from '../../../src/protocol/net/events.ts';
import type { Database } from './schema.ts';

/** 10 bound values per row; SQLite allows 32766 per statement, PostgreSQL 65535. */
const ROWS_PER_INSERT = 500;

export class EditsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends edits (already numbered) on `db`, the caller's transaction. */
  async append(db: Kysely<Database>, worldId: number, edits: readonly SequencedEdit[], at: string): Promise<void> {
    for (let i = 0; i < edits.length; i += ROWS_PER_INSERT) {
      const rows = edits.slice(i, i + ROWS_PER_INSERT).map((e) => ({
        world_id: worldId, edit_seq: e.edit_seq, player_id: e.player_id,
        x: e.position.x, y: e.position.y, z: e.position.z,
        radius: e.radius, strength: e.strength, operation: e.operation, created_at: at,
      }));
      await db.insertInto('terrain_edits').values(rows).execute();
    }
  }

  /** Edits with edit_seq > sinceSeq, in order; the first `limit` of them if given. */
  async since(worldId: number, sinceSeq: number, limit?: number): Promise<SequencedEdit[]> {
    let q = this.db.selectFrom('terrain_edits')
      .select(['edit_seq', 'player_id', 'x', 'y', 'z', 'radius', 'strength', 'operation'])
      .where('world_id', '=', worldId).where('edit_seq', '>', sinceSeq).orderBy('edit_seq');
    if (limit !== undefined) q = q.limit(limit);
    const rows = await q.execute();
    return rows.map((r) => ({
      edit_seq: Number(r.edit_seq), player_id: r.player_id, position: { x: r.x, y: r.y, z: r.z },
      radius: r.radius, strength: r.strength, operation: r.operation,
    }));
  }

  async maxSeq(worldId: number): Promise<number> {
    const r = await this.db.selectFrom('terrain_edits').select((eb) => eb.fn.max('edit_seq').as('m'))
      .where('world_id', '=', worldId).executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  /** Deletes entries with edit_seq <= throughSeq (they are folded into terrain_chunks). */
  async prune(db: Kysely<Database>, worldId: number, throughSeq: number): Promise<void> {
    if (throughSeq <= 0) return;
    await db.deleteFrom('terrain_edits').where('world_id', '=', worldId).where('edit_seq', '<=', throughSeq).execute();
  }
}
