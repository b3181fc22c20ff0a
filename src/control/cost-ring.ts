/** The last N per-frame costs in a fixed typed array: adding allocates nothing; percentiles copy on read. */
export class CostRing {
  private readonly values: Float32Array;
  private count = 0;
  private head = 0;

  constructor(capacity = 240) {
    this.values = new Float32Array(capacity);
  }

  add(value: number): void {
    this.values[this.head] = value;
    this.head = (this.head + 1) % this.values.length;
    if (this.count < this.values.length) this.count++;
  }

  /** p in 0..1 (nearest rank); 0 when empty. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const sorted = this.values.slice(0, this.count).sort();
    return sorted[Math.min(this.count - 1, Math.max(0, Math.ceil(p * this.count) - 1))];
  }
}
