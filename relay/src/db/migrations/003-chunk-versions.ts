/**
 * terrain_chunks rows become versions: `fold_seq` is the edit_seq a snapshot is at, and the seed's
 * one-row-per-chunk key gains it. A fold then writes its snapshots as new versions in small
 * statements that edit commits can slip between, and publishes them all at once by moving the
 * world's folded_seq (one tiny transaction); readers take each chunk's newest version at or below
 * folded_seq. Before, a fold rewrote ~200 snapshots (2-3 MB) in one transaction that every edit
 * acknowledgement waited behind.
 *
 * SQLite cannot change a table's UNIQUE constraint in place, so it rebuilds the table (ids kept);
 * PostgreSQL alters it. Existing rows are at their world's folded_seq.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../schema.ts';
import { columnTypes } from './column-types.ts';
import { terrainChunksTable } from './001-seed-tables.ts';

const KEY = ['world_id', 'chunk_x', 'chunk_y', 'chunk_z', 'fold_seq'] as const;

export function chunkVersions(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against whatever the schema was
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') {
        await db.schema.alterTable('terrain_chunks').addColumn('fold_seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await sql`UPDATE terrain_chunks SET fold_seq = worlds.folded_seq FROM worlds WHERE worlds.id = terrain_chunks.world_id`.execute(db);
        await db.schema.alterTable('terrain_chunks').dropConstraint('terrain_chunks_world_chunk').execute();
        await db.schema.alterTable('terrain_chunks').addUniqueConstraint('terrain_chunks_world_chunk_fold', [...KEY]).execute();
        return;
      }
      await terrainChunksTable(db, t, 'terrain_chunks_versions')
        .addColumn('fold_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('terrain_chunks_world_chunk_fold', [...KEY])
        .execute();
      await sql`INSERT INTO terrain_chunks_versions (id, world_id, chunk_x, chunk_y, chunk_z, data, checksum, created_at, updated_at, fold_seq)
        SELECT c.id, c.world_id, c.chunk_x, c.chunk_y, c.chunk_z, c.data, c.checksum, c.created_at, c.updated_at, COALESCE(w.folded_seq, 0)
        FROM terrain_chunks c LEFT JOIN worlds w ON w.id = c.world_id`.execute(db);
      await db.schema.dropTable('terrain_chunks').execute();
      await db.schema.alterTable('terrain_chunks_versions').renameTo('terrain_chunks').execute();
    },
  };
}
