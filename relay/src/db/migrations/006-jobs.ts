/**
 * Ours (issue 11 item 7, seed 000's JobRouter): background jobs owned by a token's `sub`, kept so
 * GET /jobs/:id answers after a restart (a job that was running when the relay stopped is marked
 * failed when it starts again).
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { columnTypes } from './column-types.ts';

export function jobs(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
    async up(db: Kysely<any>) {
      await db.schema.createTable('jobs')
        .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('type', 'varchar(40)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('progress', t.float, (c) => c.notNull().defaultTo(0))
        .addColumn('params', t.json, (c) => c.notNull())
        .addColumn('result', t.json)
        .addColumn('error', t.json)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('started_at', t.timestamp)
        .addColumn('finished_at', t.timestamp)
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('idx_jobs_owner').on('jobs').columns(['owner', 'created_at']).execute();
      await db.schema.createIndex('idx_jobs_status').on('jobs').column('status').execute();
    },
  };
}
