/** A mesh job for one chunk. Lower priority values run first. */
export interface MeshJob {
  key: number;
  cx: number;
  cy: number;
  cz: number;
  priority: number;
}

/**
 * Pending mesh jobs, one per chunk key. The streamer re-ranks the whole set every few hundred
 * milliseconds, so sorting lazily on take is cheaper than keeping a heap in order on every update.
 */
export class JobQueue {
  private readonly jobs = new Map<number, MeshJob>();
  private order: MeshJob[] = [];
  private dirty = false;

  get size(): number {
    return this.jobs.size;
  }

  /** Adds a job or lowers/raises the priority of the queued one. */
  upsert(key: number, cx: number, cy: number, cz: number, priority: number): void {
    const job = this.jobs.get(key);
    if (job) {
      // Urgent jobs (negative: edits, retries) keep their place when the streamer re-ranks by distance.
      if (job.priority !== priority && !(job.priority < 0 && priority >= 0)) {
        job.priority = priority;
        this.dirty = true;
      }
      return;
    }
    this.jobs.set(key, { key, cx, cy, cz, priority });
    this.dirty = true;
  }

  remove(key: number): void {
    if (this.jobs.delete(key)) this.dirty = true;
  }

  /** Drops every job whose key fails the predicate (chunks the viewer has left). */
  retain(keep: (key: number) => boolean): void {
    for (const key of this.jobs.keys()) if (!keep(key)) this.remove(key);
  }

  take(): MeshJob | undefined {
    if (this.dirty) {
      this.order = [...this.jobs.values()].sort((a, b) => b.priority - a.priority);
      this.dirty = false;
    }
    // Sorted descending so the best job pops from the end in O(1).
    while (this.order.length > 0) {
      const job = this.order.pop()!;
      if (this.jobs.get(job.key) === job) {
        this.jobs.delete(job.key);
        return job;
      }
    }
    return undefined;
  }
}
