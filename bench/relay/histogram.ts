/**
 * Latency histogram for the relay load generator. At 500 clients the receivers see ~250k records a
 * second; keeping every sample would churn megabytes, so samples go into fixed 0.05 ms buckets
 * (exact enough for a 10 ms target) up to 30 s, with one overflow bucket past that. Each load
 * generator process fills its own; the parent merges them (`toSparse` / `addSparse`: only the
 * non-empty buckets cross the IPC channel).
 */
const BUCKET_MS = 0.05;
const BUCKETS = Math.ceil(30_000 / BUCKET_MS);

export class Histogram {
  readonly counts = new Uint32Array(BUCKETS + 1);
  count = 0;
  max = 0;

  add(ms: number): void {
    const b = ms <= 0 ? 0 : Math.min(BUCKETS, Math.floor(ms / BUCKET_MS));
    this.counts[b]++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** Nearest-rank percentile (p in 0..100), reported at the bucket's upper edge; NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let b = 0; b <= BUCKETS; b++) {
      seen += this.counts[b];
      if (seen >= rank) return b === BUCKETS ? this.max : Math.min(this.max, (b + 1) * BUCKET_MS);
    }
    return this.max;
  }

  /** The non-empty buckets as flat [bucket, count, bucket, count, ...], for IPC. */
  toSparse(): number[] {
    const out: number[] = [];
    for (let b = 0; b <= BUCKETS; b++) if (this.counts[b]) out.push(b, this.counts[b]);
    return out;
  }

  /** Adds another histogram's buckets (from `toSparse`) and its max. */
  addSparse(pairs: number[], max: number): void {
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      this.counts[pairs[i]] += pairs[i + 1];
      this.count += pairs[i + 1];
    }
    if (max > this.max) this.max = max;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.max = 0;
  }
}
