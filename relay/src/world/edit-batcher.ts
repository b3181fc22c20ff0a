/**
 * A world's edit intake: queues submitted edits, numbers them and makes them durable in batches,
 * one transaction for everything submitted within a tick (WAL, synchronous=FULL: one fsync for all
 * of them). An edit is resolved only after its batch has committed; edits submitted while a batch
 * commits form the next batch.
 *
 * Numbering happens at flush time, inside the batch's transaction: a batch whose write fails uses no
 * sequence numbers, so the log never has a gap. Only one batch is written at a time, so batches
 * commit and reach `committed` in edit_seq order.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SequencedEdit } from '../../../src/protocol/net/events.ts';
import type { BrushEdit } from '../../../src/protocol/terrain.ts';
import type { Database } from '../db/schema.ts';
import type { WorldsRepo } from '../db/worlds-repo.ts';
import type { EditsRepo } from '../db/edits-repo.ts';

export interface EditBatcherDeps {
  db: Kysely<Database>;
  worlds: WorldsRepo;
  edits: EditsRepo;
  log: Logger;
}

interface Pending { edit: BrushEdit; playerId: string; resolve: (e: SequencedEdit) => void; reject: (e: Error) => void }

export class EditBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;

  /**
   * `lastSeq` is the world's edit_seq now (the next batch continues it); `committed` is told each
   * durable batch, in order, before its submitters are resolved.
   */
  constructor(
    private readonly worldId: number,
    private readonly d: EditBatcherDeps,
    private readonly lastSeq: () => number,
    private readonly committed: (edits: SequencedEdit[]) => void,
  ) {}

  /** Queues an already validated edit; resolves with its sequenced form once it is durable. */
  submit(edit: BrushEdit, playerId: string): Promise<SequencedEdit> {
    return new Promise((resolve, reject) => {
      this.queue.push({ edit, playerId, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // Everything submitted within this tick joins the batch.
    setImmediate(() => { this.scheduled = false; void this.flush(); });
  }

  /** Writes the queued edits as one transaction; resolves once they are durable (or refused). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0);
    this.writing = this.write(batch).finally(() => {
      this.writing = null;
      if (this.queue.length) this.schedule();
    });
    await this.writing;
  }

  private async write(batch: Pending[]): Promise<void> {
    const at = new Date().toISOString();
    const first = this.lastSeq() + 1;
    const edits: SequencedEdit[] = batch.map((p, i) => ({
      edit_seq: first + i, player_id: p.playerId, position: { ...p.edit.position },
      radius: p.edit.radius, strength: p.edit.strength, operation: p.edit.operation,
    }));
    const last = edits[edits.length - 1].edit_seq;
    try {
      await this.d.db.transaction().execute(async (trx) => {
        await this.d.edits.append(trx, this.worldId, edits, at);
        await this.d.worlds.setEditSeq(trx, this.worldId, last, at);
      });
    } catch (e) {
      this.d.log.error({ err: e, world_id: this.worldId, edits: batch.length }, 'edit batch not written');
      const err = new Error(`edit not stored: ${(e as Error).message}`);
      for (const p of batch) p.reject(err);
      return;
    }
    this.committed(edits);
    batch.forEach((p, i) => p.resolve(edits[i]));
  }
}
