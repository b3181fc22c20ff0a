/**
 * Ours: each world's ordered edit log (the entries after folded_seq, plus a retained tail so a short
 * outage resumes from the log) and its chat history.
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { columnTypes } from './column-types.ts';

export function editLogAndChat(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
    async up(db: Kysely<any>) {
      // (world_id, edit_seq) is the key: the log is read and pruned by range on it.
      await db.schema.createTable('terrain_edits')
        .addColumn('world_id', 'integer', (c) => c.notNull().references('worlds.id').onDelete('cascade'))
        .addColumn('edit_seq', 'integer', (c) => c.notNull())
        .addColumn('player_id', 'text', (c) => c.notNull())
        .addColumn('x', t.float, (c) => c.notNull())
        .addColumn('y', t.float, (c) => c.notNull())
        .addColumn('z', t.float, (c) => c.notNull())
        .addColumn('radius', t.float, (c) => c.notNull())
        .addColumn('strength', t.float, (c) => c.notNull())
        .addColumn('operation', 'varchar(10)', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('terrain_edits_pk', ['world_id', 'edit_seq'])
        .execute();

      await t.id(db.schema.createTable('chat_messages'))
        .addColumn('world_id', 'integer', (c) => c.notNull().references('worlds.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'varchar(50)', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('idx_chat_messages_world').on('chat_messages').columns(['world_id', 'id']).execute();
    },
  };
}
