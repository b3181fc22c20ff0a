/**
 * How a fold lands in the database. Its snapshots become versions above the world's folded_seq
 * (db/migrations/003-chunk-versions.ts), written FOLD_WRITE_CHUNKS a statement with a turn of the
 * event loop between, so the edit commits queued meanwhile go in between instead of waiting behind
 * one 2-3 MB transaction. Then one small transaction publishes them all by moving folded_seq (and
 * prunes the log behind the retained tail), and the versions they superseded are dropped. Until
 * that small transaction commits, readers at the old folded_seq see none of the new versions.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.ts';
import type { WorldsRepo } from '../db/worlds-repo.ts';
import type { EditsRepo } from '../db/edits-repo.ts';
import type { ChunksRepo, StoredChunk } from '../db/chunks-repo.ts';

/** Snapshots per statement (~16 × 11 KB): an edit commit waits behind one such write at most. */
export const FOLD_WRITE_CHUNKS = 16;

export interface FoldWriterDeps {
  db: Kysely<Database>;
  worlds: WorldsRepo;
  edits: EditsRepo;
  chunks: ChunksRepo;
  /** Log entries kept behind folded_seq so a short outage resumes from the log. */
  retainEdits: number;
  log: Logger;
}

export interface Fold { folded_seq: number; chunks: readonly StoredChunk[] }

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes, publishes and tidies `fold` for `worldId`; once it resolves, folded_seq is fold.folded_seq. */
export async function writeFold(d: FoldWriterDeps, worldId: number, fold: Fold): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < fold.chunks.length; i += FOLD_WRITE_CHUNKS) {
    await d.chunks.writeVersions(d.db, worldId, fold.folded_seq, fold.chunks.slice(i, i + FOLD_WRITE_CHUNKS), at);
    await nextTurn();
  }
  await d.db.transaction().execute(async (trx) => {
    await d.worlds.setFoldedSeq(trx, worldId, fold.folded_seq);
    await d.edits.prune(trx, worldId, fold.folded_seq - d.retainEdits);
  });
  // Published: a failed clean-up must not look like a failed fold. The next fold drops these too.
  try {
    await d.chunks.dropSuperseded(d.db, worldId, fold.folded_seq);
  } catch (e) {
    d.log.warn({ err: e, world_id: worldId }, 'dropping superseded chunk versions failed');
  }
}
