/**
 * The relay's migrations, listed statically: no directory scanning, so they work the same from
 * source (tsx), from a bundle and in tests, and the order is the order written here.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, SqlDialect } from '../schema.ts';
import { seedTables } from './001-seed-tables.ts';
import { editLogAndChat } from './002-edit-log-chat.ts';
import { chunkVersions } from './003-chunk-versions.ts';
import { accounts } from './004-accounts.ts';
import { webhooks } from './005-webhooks.ts';
import { jobs } from './006-jobs.ts';
import { base } from './007-base.ts';
import { creatures } from './008-creatures.ts';

export function relayMigrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    '001-seed-tables': seedTables(dialect),
    '002-edit-log-chat': editLogAndChat(dialect),
    '003-chunk-versions': chunkVersions(dialect),
    '004-accounts': accounts(dialect),
    '005-webhooks': webhooks(dialect),
    '006-jobs': jobs(dialect),
    '007-base': base(dialect),
    '008-creatures': creatures(dialect),
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: SqlDialect) {}
  async getMigrations(): Promise<Record<string, Migration>> { return relayMigrations(this.dialect); }
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>, dialect: SqlDialect): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
