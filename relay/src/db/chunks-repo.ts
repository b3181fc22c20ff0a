/**
 * Folded chunk snapshots (terrain_chunks): deflated bytes and their SHA-256, as versions. A row is
 * one chunk at one `fold_seq`; the world's published state is, per chunk, its newest version at or
 * below the world's folded_seq (migrations/003-chunk-versions.ts says why). Readers therefore take
 * `foldedSeq`; a fold writes versions above it, publishes by moving folded_seq, then drops the
 * versions that were superseded.
 */
import { sql, type Kysely } from 'kysely';
import type { ChunkCoords } from '../../../src/protocol/net/events.ts';
import type { Database } from './schema.ts';

export interface StoredChunk { cx: number; cy: number; cz: number; data: Uint8Array; checksum: string }

export class ChunksRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Writes `chunks` as versions at `foldSeq` on `db`, in one statement (atomic on its own; the fold
   * writer keeps each call to a few chunks). Writing the same version again replaces it: a fold
   * retried after a failure.
   */
  async writeVersions(db: Kysely<Database>, worldId: number, foldSeq: number, chunks: readonly StoredChunk[], at: string): Promise<void> {
    if (chunks.length === 0) return;
    const rows = chunks.map((c) => ({
      world_id: worldId, chunk_x: c.cx, chunk_y: c.cy, chunk_z: c.cz, data: c.data, checksum: c.checksum, created_at: at, updated_at: at, fold_seq: foldSeq,
    }));
    await db.insertInto('terrain_chunks').values(rows)
      .onConflict((oc) => oc.columns(['world_id', 'chunk_x', 'chunk_y', 'chunk_z', 'fold_seq']).doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'), checksum: eb.ref('excluded.checksum'), updated_at: eb.ref('excluded.updated_at'),
      })))
      .execute();
  }

  /** Deletes the versions a published fold superseded (an older version of a chunk that has a newer one at or below foldedSeq). */
  async dropSuperseded(db: Kysely<Database>, worldId: number, foldedSeq: number): Promise<void> {
    await db.deleteFrom('terrain_chunks as c').where('c.world_id', '=', worldId).where('c.fold_seq', '<', foldedSeq)
      .where(({ exists }) => exists(newerVersion(db, foldedSeq)))
      .execute();
  }

  /** Deletes versions above foldedSeq: a fold that never published (the relay stopped mid-way). */
  async dropUnpublished(db: Kysely<Database>, worldId: number, foldedSeq: number): Promise<void> {
    await db.deleteFrom('terrain_chunks').where('world_id', '=', worldId).where('fold_seq', '>', foldedSeq).execute();
  }

  /** Every published chunk's coordinates and checksum: the join manifest. */
  async manifest(worldId: number, foldedSeq: number): Promise<Array<{ chunk_coords: ChunkCoords; checksum: string }>> {
    const rows = await this.published(worldId, foldedSeq).select(['c.chunk_x', 'c.chunk_y', 'c.chunk_z', 'c.checksum']).execute();
    return rows.map((r) => ({ chunk_coords: { x: r.chunk_x, y: r.chunk_y, z: r.chunk_z }, checksum: r.checksum ?? '' }));
  }

  async get(worldId: number, coords: ChunkCoords, foldedSeq: number): Promise<StoredChunk | null> {
    const r = await this.db.selectFrom('terrain_chunks').select(['data', 'checksum'])
      .where('world_id', '=', worldId).where('chunk_x', '=', coords.x).where('chunk_y', '=', coords.y).where('chunk_z', '=', coords.z)
      .where('fold_seq', '<=', foldedSeq).orderBy('fold_seq', 'desc').limit(1)
      .executeTakeFirst();
    return r ? { cx: coords.x, cy: coords.y, cz: coords.z, data: r.data, checksum: r.checksum ?? '' } : null;
  }

  /** Every published snapshot of a world, to restore its replica. */
  async all(worldId: number, foldedSeq: number): Promise<StoredChunk[]> {
    const rows = await this.published(worldId, foldedSeq).select(['c.chunk_x', 'c.chunk_y', 'c.chunk_z', 'c.data', 'c.checksum']).execute();
    return rows.map((r) => ({ cx: r.chunk_x, cy: r.chunk_y, cz: r.chunk_z, data: r.data, checksum: r.checksum ?? '' }));
  }

  /** Each chunk's newest version at or below foldedSeq, in the order those versions were written. */
  private published(worldId: number, foldedSeq: number) {
    return this.db.selectFrom('terrain_chunks as c').where('c.world_id', '=', worldId).where('c.fold_seq', '<=', foldedSeq)
      .where(({ not, exists }) => not(exists(newerVersion(this.db, foldedSeq))))
      .orderBy('c.id');
  }
}

/** A version of the same chunk as the outer row `c`, newer than it and published at foldedSeq. */
function newerVersion(db: Kysely<Database>, foldedSeq: number) {
  return db.selectFrom('terrain_chunks as n').select(sql.lit(1).as('one'))
    .whereRef('n.world_id', '=', sql.ref('c.world_id')).whereRef('n.chunk_x', '=', sql.ref('c.chunk_x'))
    .whereRef('n.chunk_y', '=', sql.ref('c.chunk_y')).whereRef('n.chunk_z', '=', sql.ref('c.chunk_z'))
    .whereRef('n.fold_seq', '>', sql.ref('c.fold_seq')).where('n.fold_seq', '<=', foldedSeq);
}
