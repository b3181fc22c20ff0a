/**
 * Accounts (issue 11, seed 001) and sign-in tokens (seed 000 "Authentication"):
 * - users gain a role (Player, WorldBuilder, Admin, Superuser) and `is_temporary` (made by
 *   /register or /register-guest: purged 24 h after creation; accounts an admin makes are not);
 * - sessions (seed 000's table, seed 001's account sessions) gain the selected character; the
 *   session token column holds the SHA-256 of the opaque session id, never the id itself;
 * - players (seed 000's, one character per account and world) gain `placed`: a character created
 *   from the account page has no position until it first enters its world;
 * - worlds gain `access_mode` (open, invite) with `world_access` grants for invite-only worlds;
 * - refresh token families and tokens (hashes only), and revoked access tokens until they expire.
 * Times in the token tables are milliseconds since the epoch (BIGINT): the token code's own unit.
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { columnTypes } from './column-types.ts';

export function accounts(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('role', 'varchar(20)', (c) => c.notNull().defaultTo('Player')).execute();
      await db.schema.alterTable('users').addColumn('is_temporary', t.bool, (c) => c.notNull().defaultTo(t.false)).execute();
      await db.schema.alterTable('sessions').addColumn('character_id', 'integer', (c) => c.references('players.id').onDelete('set null')).execute();
      await db.schema.alterTable('players').addColumn('placed', t.bool, (c) => c.notNull().defaultTo(t.true)).execute();
      await db.schema.alterTable('worlds').addColumn('access_mode', 'varchar(10)', (c) => c.notNull().defaultTo('open')).execute();
      await db.schema.createTable('world_access')
        .addColumn('world_id', 'integer', (c) => c.notNull().references('worlds.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('world_access_pk', ['world_id', 'user_id'])
        .execute();
      await db.schema.createIndex('idx_users_temporary').on('users').columns(['is_temporary', 'created_at']).execute();

      await db.schema.createTable('refresh_families')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('sub', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', t.bigint, (c) => c.notNull())
        .addColumn('revoked_at', t.bigint)
        .execute();
      await db.schema.createIndex('idx_refresh_families_sub').on('refresh_families').column('sub').execute();
      await db.schema.createTable('refresh_tokens')
        .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('family_id', 'varchar(64)', (c) => c.notNull().references('refresh_families.id').onDelete('cascade'))
        .addColumn('issued_at', t.bigint, (c) => c.notNull())
        .addColumn('expires_at', t.bigint, (c) => c.notNull())
        .addColumn('used_at', t.bigint)
        .execute();
      await db.schema.createIndex('idx_refresh_tokens_expires').on('refresh_tokens').column('expires_at').execute();
      await db.schema.createTable('revoked_access_tokens')
        .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('expires_at', t.bigint, (c) => c.notNull())
        .execute();
    },
  };
}
