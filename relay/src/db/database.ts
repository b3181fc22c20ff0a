/**
 * Opens the relay's SQLite file through kysely. The pragmas are the durability contract: WAL with
 * synchronous=FULL means a committed transaction survives kill -9 and power loss (better-sqlite3's
 * WAL default, NORMAL, may lose the last commits on power loss), so "acknowledged" can mean
 * "committed". This file is the only place SQLite-specific SQL lives; PostgreSQL gets its own opener.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** How long a writer waits for another connection's lock before failing (ms). */
  busyTimeoutMs?: number;
}

export function openDatabase(opts: OpenDatabaseOptions): Kysely<Database> {
  const sqlite = new BetterSqlite3(opts.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
