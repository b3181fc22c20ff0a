/**
 * A uniform grid of cubic cells over the structures, hashed into a power-of-two bucket table with
 * linked lists in typed arrays (head per bucket, next per slot). With cells as large as the longest
 * range, every structure within range of a point lies in the 27 cells around it, so finding
 * neighbours costs a few dozen checks instead of a scan over every structure.
 *
 * Two cells may share a bucket; callers always check the real distance, so a shared bucket only
 * costs a wasted comparison, and visiting a bucket twice only repeats a comparison.
 */
import type { StructureStore } from './structure-store.ts';

export class SpatialHash {
  head = new Int32Array(64);
  next = new Int32Array(64);
  private mask = 63;

  constructor(readonly cellSize: number) {}

  cell(v: number): number {
    return Math.floor(v / this.cellSize);
  }

  bucket(cx: number, cy: number, cz: number): number {
    return (Math.imul(cx, -1918454973) ^ Math.imul(cy, -669632447) ^ Math.imul(cz, -887442657)) & this.mask;
  }

  /** Files every live (not wrecked) structure under its cell. */
  build(store: StructureStore): void {
    let buckets = this.head.length;
    while (buckets < store.count * 2) buckets *= 2;
    if (buckets !== this.head.length) this.head = new Int32Array(buckets);
    this.mask = buckets - 1;
    if (this.next.length < store.capacity) this.next = new Int32Array(store.capacity);
    this.head.fill(-1);
    for (let s = 0; s < store.end; s++) {
      if (!store.isAlive(s)) continue;
      const b = this.bucket(this.cell(store.x[s]), this.cell(store.y[s]), this.cell(store.z[s]));
      this.next[s] = this.head[b];
      this.head[b] = s;
    }
  }
}
