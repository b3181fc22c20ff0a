/**
 * Seed 000's tables under the seed's names and columns, plus what shared worlds need: worlds.kind,
 * edit_seq and folded_seq, users.display_name. Index names carry their table because both SQLite
 * and PostgreSQL want index names unique per database (the seed reuses idx_world).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { columnTypes, type ColumnTypes } from './column-types.ts';

const now = sql`CURRENT_TIMESTAMP`;

/** Seed 000's terrain_chunks columns under `name` (003 rebuilds the table with them on SQLite). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
export function terrainChunksTable(db: Kysely<any>, t: ColumnTypes, name: string) {
  return t.id(db.schema.createTable(name))
    .addColumn('world_id', 'integer', (c) => c.references('worlds.id').onDelete('cascade'))
    .addColumn('chunk_x', 'integer', (c) => c.notNull())
    .addColumn('chunk_y', 'integer', (c) => c.notNull())
    .addColumn('chunk_z', 'integer', (c) => c.notNull())
    .addColumn('data', t.bytes, (c) => c.notNull())
    .addColumn('checksum', 'varchar(64)')
    .addColumn('created_at', t.timestamp, (c) => c.defaultTo(now))
    .addColumn('updated_at', t.timestamp, (c) => c.defaultTo(now));
}

export function seedTables(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
    async up(db: Kysely<any>) {
      await t.id(db.schema.createTable('users'))
        .addColumn('username', 'varchar(50)', (c) => c.notNull().unique())
        .addColumn('email', 'varchar(255)', (c) => c.notNull().unique())
        .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
        .addColumn('display_name', 'varchar(50)')
        .addColumn('created_at', t.timestamp, (c) => c.defaultTo(now))
        .addColumn('last_login', t.timestamp)
        .addColumn('active', t.bool, (c) => c.defaultTo(t.true))
        .addColumn('api_tokens', t.textArray)
        .execute();

      await t.id(db.schema.createTable('worlds'))
        .addColumn('world_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('seed', t.bigint, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.defaultTo(now))
        .addColumn('last_played', t.timestamp)
        .addColumn('play_time_seconds', 'integer', (c) => c.defaultTo(0))
        .addColumn('difficulty', 'varchar(20)', (c) => c.defaultTo('normal'))
        .addColumn('world_data', t.json)
        .addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('planet'))
        .addColumn('edit_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('folded_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('idx_worlds_owner').on('worlds').column('owner_id').execute();
      await db.schema.createIndex('idx_worlds_last_played').on('worlds').column('last_played').execute();

      await t.id(db.schema.createTable('players'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('world_id', 'integer', (c) => c.references('worlds.id').onDelete('cascade'))
        .addColumn('player_name', 'varchar(50)', (c) => c.notNull())
        .addColumn('position_x', t.float, (c) => c.notNull())
        .addColumn('position_y', t.float, (c) => c.notNull())
        .addColumn('position_z', t.float, (c) => c.notNull())
        .addColumn('rotation_x', t.float, (c) => c.defaultTo(0))
        .addColumn('rotation_y', t.float, (c) => c.defaultTo(0))
        .addColumn('rotation_z', t.float, (c) => c.defaultTo(0))
        .addColumn('health', 'integer', (c) => c.defaultTo(100))
        .addColumn('oxygen', t.float, (c) => c.defaultTo(100))
        .addColumn('mode', 'varchar(20)', (c) => c.defaultTo('spacecraft'))
        .addColumn('inventory', t.json)
        .addColumn('stats', t.json)
        .addColumn('created_at', t.timestamp, (c) => c.defaultTo(now))
        .addColumn('updated_at', t.timestamp, (c) => c.defaultTo(now))
        .addUniqueConstraint('players_user_world', ['user_id', 'world_id'])
        .execute();
      await db.schema.createIndex('idx_players_world').on('players').column('world_id').execute();
      await db.schema.createIndex('idx_players_position').on('players').columns(['position_x', 'position_y', 'position_z']).execute();

      for (const [table, idColumn, typeColumn] of [['structures', 'structure_id', 'structure_type'], ['creatures', 'creature_id', 'creature_type']] as const) {
        let b = t.id(db.schema.createTable(table))
          .addColumn(idColumn, 'varchar(50)', (c) => c.notNull().unique())
          .addColumn('world_id', 'integer', (c) => c.references('worlds.id').onDelete('cascade'));
        if (table === 'structures') b = b.addColumn('owner_id', 'integer', (c) => c.references('users.id'));
        b = b.addColumn(typeColumn, 'varchar(50)', (c) => c.notNull())
          .addColumn('position_x', t.float, (c) => c.notNull())
          .addColumn('position_y', t.float, (c) => c.notNull())
          .addColumn('position_z', t.float, (c) => c.notNull());
        if (table === 'structures') {
          b = b.addColumn('rotation_x', t.float, (c) => c.defaultTo(0))
            .addColumn('rotation_y', t.float, (c) => c.defaultTo(0))
            .addColumn('rotation_z', t.float, (c) => c.defaultTo(0));
        } else {
          b = b.addColumn('level', 'integer', (c) => c.defaultTo(1));
        }
        b = b.addColumn('health', 'integer', (c) => c.defaultTo(100));
        if (table === 'creatures') {
          b = b.addColumn('tamed', t.bool, (c) => c.defaultTo(t.false))
            .addColumn('owner_id', 'integer', (c) => c.references('users.id'));
        }
        await b.addColumn('state', t.json)
          .addColumn('created_at', t.timestamp, (c) => c.defaultTo(now))
          .addColumn('updated_at', t.timestamp, (c) => c.defaultTo(now))
          .execute();
        await db.schema.createIndex(`idx_${table}_world`).on(table).column('world_id').execute();
        await db.schema.createIndex(`idx_${table}_position`).on(table).columns(['world_id', 'position_x', 'position_y', 'position_z']).execute();
      }

      // The UNIQUE constraint is the seed's idx_chunk too: both dialects index it.
      await terrainChunksTable(db, t, 'terrain_chunks')
        .addUniqueConstraint('terrain_chunks_world_chunk', ['world_id', 'chunk_x', 'chunk_y', 'chunk_z'])
        .execute();

      await t.id(db.schema.createTable('metrics'))
        .addColumn('metric_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('metric_value', t.float, (c) => c.notNull())
        .addColumn('labels', t.json)
        .addColumn('timestamp', t.timestamp, (c) => c.defaultTo(now))
        .execute();
      await db.schema.createIndex('idx_metrics_metric').on('metrics').columns(['metric_name', 'timestamp']).execute();
      await db.schema.createIndex('idx_metrics_timestamp').on('metrics').column('timestamp').execute();

      await t.id(db.schema.createTable('sessions'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('session_token', 'varchar(255)', (c) => c.notNull().unique())
        .addColumn('ip_address', t.inet)
        .addColumn('user_agent', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.defaultTo(now))
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_activity', t.timestamp)
        .execute();
      await db.schema.createIndex('idx_sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('idx_sessions_expires').on('sessions').column('expires_at').execute();
    },
  };
}
