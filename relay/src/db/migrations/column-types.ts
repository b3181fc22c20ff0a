/**
 * The column types that differ between SQLite and PostgreSQL, chosen once per dialect so that the
 * migrations themselves are dialect-free kysely schema-builder calls.
 */
import { sql, type ColumnDataType, type CreateTableBuilder, type Expression } from 'kysely';
import type { SqlDialect } from '../schema.ts';

type DataType = ColumnDataType | Expression<unknown>;

export interface ColumnTypes {
  /** Adds the seed's `id SERIAL PRIMARY KEY`. */
  id<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  bytes: DataType;
  timestamp: DataType;
  json: DataType;
  bool: DataType;
  float: DataType;
  bigint: DataType;
  inet: DataType;
  textArray: DataType;
  true: Expression<unknown> | number | boolean;
  false: Expression<unknown> | number | boolean;
}

export function columnTypes(dialect: SqlDialect): ColumnTypes {
  if (dialect === 'postgres') {
    return {
      id: (t) => t.addColumn('id', 'serial', (c) => c.primaryKey()),
      bytes: 'bytea', timestamp: 'timestamptz', json: 'jsonb', bool: 'boolean', float: 'double precision',
      bigint: 'bigint', inet: sql`inet`, textArray: sql`text[]`, true: true, false: false,
    };
  }
  // SQLite: INTEGER PRIMARY KEY AUTOINCREMENT never reuses an id; booleans are 0/1; JSON is text.
  return {
    id: (t) => t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    bytes: 'blob', timestamp: 'text', json: 'text', bool: 'integer', float: 'real',
    bigint: 'integer', inet: 'text', textArray: 'text', true: 1, false: 0,
  };
}
