/**
 * A uniform grid over the ground plane (x, z), rebuilt from scratch every tick: head-per-bucket and
 * next-per-slot linked lists in typed arrays, so a rebuild is one pass and allocates nothing once
 * the arrays are big enough. Cells are hashed into a power-of-two table because the world has no
 * bounds; two cells sharing a bucket cost only wasted distance checks.
 *
 * A query stamps each bucket it visits, so a bucket reached from two cells is read once and every
 * creature appears at most once: the result is exactly the set within the radius.
 */
import type { CreatureStore } from './creature-store.ts';

export class SpatialGrid {
  head = new Int32Array(1024);
  next = new Int32Array(64);
  private stamp = new Int32Array(1024);
  private query = 0;
  private mask = 1023;
  /** Slots found by the last `near`; valid until the next call. */
  found = new Int32Array(64);

  constructor(readonly cellSize: number) {}

  private bucket(cx: number, cz: number): number {
    return (Math.imul(cx, -1918454973) ^ Math.imul(cz, -887442657)) & this.mask;
  }

  /** Files every live creature under its cell. Grows only when the store did. */
  build(store: CreatureStore): void {
    let buckets = this.head.length;
    while (buckets < store.count * 2) buckets *= 2;
    if (buckets !== this.head.length) {
      this.head = new Int32Array(buckets);
      this.stamp = new Int32Array(buckets);
      this.mask = buckets - 1;
    }
    if (this.next.length < store.capacity) {
      this.next = new Int32Array(store.capacity);
      this.found = new Int32Array(store.capacity);
    }
    this.head.fill(-1);
    const inv = 1 / this.cellSize, x = store.x, z = store.z, dead = store.dead;
    for (let s = 0; s < store.count; s++) {
      if (dead[s]) continue;
      const b = this.bucket(Math.floor(x[s] * inv), Math.floor(z[s] * inv));
      this.next[s] = this.head[b];
      this.head[b] = s;
    }
  }

  /**
   * Other live creatures within `radius` of creature `s` in the ground plane, into `found`; returns
   * how many. Order is fixed by the slots, so results are deterministic. Takes a slot rather than
   * a point so no double crosses the call (see creature-world.ts on boxing).
   */
  near(store: CreatureStore, s: number, radius: number): number {
    const inv = 1 / this.cellSize, r2 = radius * radius, x = store.x, z = store.z, px = x[s], pz = z[s], skip = s;
    const cx0 = Math.floor((px - radius) * inv), cx1 = Math.floor((px + radius) * inv);
    const cz0 = Math.floor((pz - radius) * inv), cz1 = Math.floor((pz + radius) * inv);
    if (++this.query === 0x7fffffff) { this.stamp.fill(0); this.query = 1; }
    const q = this.query;
    let n = 0;
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cz = cz0; cz <= cz1; cz++) {
        const b = this.bucket(cx, cz);
        if (this.stamp[b] === q) continue;
        this.stamp[b] = q;
        for (let o = this.head[b]; o !== -1; o = this.next[o]) {
          if (o === skip) continue;
          const dx = x[o] - px, dz = z[o] - pz;
          if (dx * dx + dz * dz <= r2) this.found[n++] = o;
        }
      }
    }
    return n;
  }
}
