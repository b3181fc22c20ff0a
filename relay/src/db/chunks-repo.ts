/** Folded chunk snapshots (terrain_chunks): deflated bytes and their SHA-256, one row per edited chunk. */
import type { Kysely } from 'kysely';
import type { ChunkCoords } from '../../../src/protocol/net/events.ts';
import type { Database } from './schema.ts';

const UPSERT_ROWS = 100;

export interface StoredChunk { cx: number; cy: number; cz: number; data: Uint8Array; checksum: string }

export class ChunksRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts or replaces snapshots on `db`, the fold's transaction. ON CONFLICT reads the same on both
   * dialects. Many rows a statement: a fold writes a few hundred chunks in one transaction that every
   * edit commit waits behind, and one statement per row cost 60-100 ms of it in kysely's building and
   * binding; 100 rows × 8 values stay far under either dialect's parameter limit.
   */
  async upsert(db: Kysely<Database>, worldId: number, chunks: readonly StoredChunk[], at: string): Promise<void> {
    for (let i = 0; i < chunks.length; i += UPSERT_ROWS) {
      const rows = chunks.slice(i, i + UPSERT_ROWS).map((c) => ({
        world_id: worldId, chunk_x: c.cx, chunk_y: c.cy, chunk_z: c.cz, data: c.data, checksum: c.checksum, created_at: at, updated_at: at,
      }));
      await db.insertInto('terrain_chunks').values(rows)
        .onConflict((oc) => oc.columns(['world_id', 'chunk_x', 'chunk_y', 'chunk_z']).doUpdateSet((eb) => ({
          data: eb.ref('excluded.data'), checksum: eb.ref('excluded.checksum'), updated_at: eb.ref('excluded.updated_at'),
        })))
        .execute();
    }
  }

  /** Every stored chunk's coordinates and checksum: the join manifest. */
  async manifest(worldId: number): Promise<Array<{ chunk_coords: ChunkCoords; checksum: string }>> {
    const rows = await this.db.selectFrom('terrain_chunks').select(['chunk_x', 'chunk_y', 'chunk_z', 'checksum'])
      .where('world_id', '=', worldId).orderBy('id').execute();
    return rows.map((r) => ({ chunk_coords: { x: r.chunk_x, y: r.chunk_y, z: r.chunk_z }, checksum: r.checksum ?? '' }));
  }

  async get(worldId: number, coords: ChunkCoords): Promise<StoredChunk | null> {
    const r = await this.db.selectFrom('terrain_chunks').select(['data', 'checksum'])
      .where('world_id', '=', worldId).where('chunk_x', '=', coords.x).where('chunk_y', '=', coords.y).where('chunk_z', '=', coords.z)
      .executeTakeFirst();
    return r ? { cx: coords.x, cy: coords.y, cz: coords.z, data: r.data, checksum: r.checksum ?? '' } : null;
  }

  /** Every snapshot of a world, to restore its replica. */
  async all(worldId: number): Promise<StoredChunk[]> {
    const rows = await this.db.selectFrom('terrain_chunks').select(['chunk_x', 'chunk_y', 'chunk_z', 'data', 'checksum'])
      .where('world_id', '=', worldId).orderBy('id').execute();
    return rows.map((r) => ({ cx: r.chunk_x, cy: r.chunk_y, cz: r.chunk_z, data: r.data, checksum: r.checksum ?? '' }));
  }
}
