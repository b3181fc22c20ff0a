/**
 * Ours (issue 11, webhooks; seed 000's WebhookRouter): the webhooks API tokens register, owned by
 * the token's `sub`, and a log of their delivery attempts (one row per attempt, pruned to the
 * newest few per webhook by the store).
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { columnTypes } from './column-types.ts';

export function webhooks(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
    async up(db: Kysely<any>) {
      await db.schema.createTable('webhooks')
        .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        // A JSON array of event names, as text: PostgreSQL would hand jsonb back parsed, SQLite as a string.
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('idx_webhooks_owner').on('webhooks').columns(['owner', 'created_at']).execute();

      await t.id(db.schema.createTable('webhook_deliveries'))
        .addColumn('webhook_id', 'varchar(40)', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
        .addColumn('delivery_id', 'varchar(40)', (c) => c.notNull())
        .addColumn('event', 'varchar(40)', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', t.float, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('idx_webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();
    },
  };
}
