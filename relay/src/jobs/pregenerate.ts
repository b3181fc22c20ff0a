/**
 * region_pregenerate: bakes snapshots of the chunks in a sphere through the world's authoritative
 * engine (the terrain worker's `chunk` op, which generates a chunk the replica never materialised),
 * nearest the centre first, a batch at a time.
 *
 * Until now only folds wrote snapshots, and only of edited chunks. A chunk with no published version
 * is, at the world's folded_seq, exactly its generated state, so its snapshot can be written as a
 * version AT folded_seq: readers at that folded_seq see it at once, and the next fold that changes
 * the chunk writes a newer version and drops this one as it drops any superseded version. The engine
 * answers with the chunk as of its current edit; when edits after folded_seq might have reached the
 * chunk (a brush's box, plus a margin, meets it), that state is not the folded_seq state and the
 * chunk is left to the next fold (counted as skipped_edited). Each batch runs under a fold hold
 * (WorldService.beginJoin), so folded_seq cannot move while it is written; between batches the job
 * yields, records progress and may be cancelled (what was baked stays: each snapshot is correct).
 * Joiners then get baked chunks in their manifest and install them instead of generating them.
 */
import type { Kysely } from 'kysely';
import type { SequencedEdit } from '../../../src/protocol/net/events.ts';
import { chunkInWorld } from '../../../src/protocol/terrain.ts';
import { CHUNK_SIZE } from '../../../src/protocol/world.ts';
import type { Database } from '../db/schema.ts';
import { ChunksRepo, type StoredChunk } from '../db/chunks-repo.ts';
import { EditsRepo } from '../db/edits-repo.ts';
import type { HubPort } from '../socket/hub-port.ts';
import { JobError, type JobStep, type PregenerateParams } from './job-types.ts';

/** Chunks per fold hold. */
export const PREGENERATE_BATCH = 8;
/** Voxels around a brush's box that a change may still reach (smoothing reads a 1-voxel margin). */
const TOUCH_MARGIN = 2;

type C3 = { x: number; y: number; z: number };

/** The chunks whose box meets the sphere, nearest the centre first. */
export function regionChunks(center: C3, radius: number): C3[] {
  const lo = (v: number) => Math.floor((v - radius) / CHUNK_SIZE), hi = (v: number) => Math.floor((v + radius) / CHUNK_SIZE);
  const gap = (v: number, c: number) => Math.max(c * CHUNK_SIZE - v, 0, v - (c + 1) * CHUNK_SIZE);
  const out: Array<C3 & { d: number }> = [];
  for (let x = lo(center.x); x <= hi(center.x); x++) for (let y = lo(center.y); y <= hi(center.y); y++) for (let z = lo(center.z); z <= hi(center.z); z++) {
    if (!chunkInWorld(x, y, z)) continue;
    const d = Math.hypot(gap(center.x, x), gap(center.y, y), gap(center.z, z));
    if (d <= radius) out.push({ x, y, z, d });
  }
  out.sort((a, b) => a.d - b.d || a.y - b.y || a.x - b.x || a.z - b.z);
  return out.map(({ x, y, z }) => ({ x, y, z }));
}

/** Whether the edit's brush (its box plus a margin) can have changed chunk c. */
function mayTouch(e: SequencedEdit, c: C3): boolean {
  const meets = (p: number, lo: number) => Math.ceil(p - e.radius) - TOUCH_MARGIN <= lo + CHUNK_SIZE - 1 && Math.floor(p + e.radius) + TOUCH_MARGIN >= lo;
  return meets(e.position.x, c.x * CHUNK_SIZE) && meets(e.position.y, c.y * CHUNK_SIZE) && meets(e.position.z, c.z * CHUNK_SIZE);
}

export async function pregenerate(d: { hub: HubPort; db: Kysely<Database> }, p: PregenerateParams, step: JobStep): Promise<Record<string, unknown>> {
  const svc = await d.hub.open(p.world_id);
  if (!svc) throw new JobError('RESOURCE_NOT_FOUND', `no world ${p.world_id}`);
  const chunksRepo = new ChunksRepo(d.db), editsRepo = new EditsRepo(d.db);
  const region = regionChunks(p.center, p.radius_m);
  let baked = 0, stored = 0, skipped = 0;
  await step(0);
  for (let i = 0; i < region.length; i += PREGENERATE_BATCH) {
    const hold = await svc.beginJoin();
    try {
      const folded = hold.folded_seq;
      const have = new Set(hold.edited_chunks.map(({ chunk_coords: c }) => `${c.x},${c.y},${c.z}`));
      let log: SequencedEdit[] | null = null;
      const bake: StoredChunk[] = [];
      for (const c of region.slice(i, i + PREGENERATE_BATCH)) {
        if (have.has(`${c.x},${c.y},${c.z}`)) { stored++; continue; }
        const now = await svc.currentChunk(c, 'sync');
        if (now.edit_seq > folded) {
          // The edits after folded_seq, read again if the engine is further on than the last read.
          if (!log || (log.at(-1)?.edit_seq ?? folded) < now.edit_seq) log = await editsRepo.since(p.world_id, folded);
          if (log.some((e) => e.edit_seq <= now.edit_seq && mayTouch(e, c))) { skipped++; continue; }
        }
        bake.push({ cx: c.x, cy: c.y, cz: c.z, data: now.data instanceof Uint8Array ? now.data : new Uint8Array(now.data), checksum: now.checksum });
      }
      await chunksRepo.writeVersions(d.db, p.world_id, folded, bake, new Date().toISOString());
      baked += bake.length;
    } finally {
      hold.release();
    }
    await step(Math.min(1, (i + PREGENERATE_BATCH) / Math.max(1, region.length)));
  }
  return { world_id: p.world_id, center: p.center, radius_m: p.radius_m, chunks: region.length, baked, already_stored: stored, skipped_edited: skipped };
}
