/**
 * An open-addressing hash table (linear probing) from integer triples to slots, for the voxel
 * caches: a lookup is a few typed-array reads and allocates nothing. Entries are marked stale
 * instead of deleted, so probe chains stay intact; a stale hit is refilled in place. The table
 * doubles when half full (up to `maxCapacity`, then it starts over empty), and tells its owner
 * how slots moved so the payload can follow.
 */
const EMPTY = 0x7fffffff;

export class KeyTable {
  capacity: number;
  private mask: number;
  used = 0;
  kx: Int32Array; ky: Int32Array; kz: Int32Array;
  stale: Uint8Array;
  /** Set by find: the slot is new or was stale, and its payload must be filled. */
  fresh = false;

  /**
   * `move(from, to)` is called for every live entry while growing, after `resize(capacity)` let
   * the owner make room for the new size; `reset()` when the table starts over.
   */
  constructor(
    capacity: number,
    private readonly maxCapacity: number,
    private readonly resize: (capacity: number) => void,
    private readonly move: (from: number, to: number) => void,
  ) {
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.kx = new Int32Array(capacity).fill(EMPTY); this.ky = new Int32Array(capacity); this.kz = new Int32Array(capacity);
    this.stale = new Uint8Array(capacity);
  }

  private hash(x: number, y: number, z: number): number {
    return (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(z, 83492791)) & this.mask;
  }

  /** The slot of (x, y, z), inserting it if absent; `fresh` says whether its payload needs filling. */
  find(x: number, y: number, z: number): number {
    for (let h = this.hash(x, y, z); ; h = (h + 1) & this.mask) {
      const k = this.kx[h];
      if (k === x && this.ky[h] === y && this.kz[h] === z) {
        this.fresh = this.stale[h] === 1;
        this.stale[h] = 0;
        return h;
      }
      if (k === EMPTY) {
        if (this.used + 1 > this.capacity >> 1) { this.grow(); return this.find(x, y, z); }
        this.kx[h] = x; this.ky[h] = y; this.kz[h] = z; this.stale[h] = 0;
        this.used++;
        this.fresh = true;
        return h;
      }
    }
  }

  /** Marks (x, y, z) stale if present. */
  invalidate(x: number, y: number, z: number): void {
    for (let h = this.hash(x, y, z); ; h = (h + 1) & this.mask) {
      const k = this.kx[h];
      if (k === EMPTY) return;
      if (k === x && this.ky[h] === y && this.kz[h] === z) { this.stale[h] = 1; return; }
    }
  }

  private grow(): void {
    if (this.capacity >= this.maxCapacity) {
      this.kx.fill(EMPTY);
      this.used = 0;
      return;
    }
    const ox = this.kx, oy = this.ky, oz = this.kz, os = this.stale, old = this.capacity;
    this.capacity *= 2;
    this.mask = this.capacity - 1;
    this.kx = new Int32Array(this.capacity).fill(EMPTY); this.ky = new Int32Array(this.capacity); this.kz = new Int32Array(this.capacity);
    this.stale = new Uint8Array(this.capacity);
    this.resize(this.capacity);
    for (let i = 0; i < old; i++) {
      if (ox[i] === EMPTY) continue;
      let h = this.hash(ox[i], oy[i], oz[i]);
      while (this.kx[h] !== EMPTY) h = (h + 1) & this.mask;
      this.kx[h] = ox[i]; this.ky[h] = oy[i]; this.kz[h] = oz[i]; this.stale[h] = os[i];
      this.move(i, h);
    }
  }
}
