/**
 * Issue 13 (creatures): seed 000's `creatures` table exists since 001; this adds what sharing them
 * needs. Creature ids are `creature_<n>` and must never be reused, not even after the newest one
 * died and its row went: `id_counters` keeps the last n handed out (one row per kind of id), written
 * in the same transaction as the row it named. Tamed creatures are looked up by owner.
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { columnTypes } from './column-types.ts';

export function creatures(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
    async up(db: Kysely<any>) {
      await db.schema.createTable('id_counters')
        .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('value', t.bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('idx_creatures_owner').on('creatures').column('owner_id').execute();
    },
  };
}
