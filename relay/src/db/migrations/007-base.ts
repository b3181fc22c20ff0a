/**
 * Issue 12 (survive and build): each world's clock. Day and night follow a world time the relay
 * keeps, `now - clock_epoch_ms`, so every client and the power grid agree on it; moving the epoch
 * sets the time of day (the debug route). Null means the world's created_at. Inventories live in
 * seed 000's `players.inventory` and structures in its `structures` table, both from migration 001.
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { columnTypes } from './column-types.ts';

export function base(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
    async up(db: Kysely<any>) {
      await db.schema.alterTable('worlds').addColumn('clock_epoch_ms', t.bigint).execute();
    },
  };
}
