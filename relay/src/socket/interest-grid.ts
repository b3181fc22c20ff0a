/**
 * The poses of one world and who should hear them. Every player's latest record lives in one
 * preallocated byte array (32 bytes a slot, indexed by peer id) and every player sits in a grid cell
 * of INTEREST_RADIUS_M, so a flush visits only the 3×3 cells around each player that moved: the cost
 * follows the players in view, not the players in the world. Nothing here allocates per pose; a
 * flush allocates one outgoing Buffer per receiver (socket.io keeps a reference to what it sends).
 */
import { VR_POSE_BYTES, poseX, poseZ, readPose, type Pose } from '../../../src/protocol/net/pose-codec.ts';
import { WORLD_BOUNDS } from '../../../src/protocol/world.ts';

const SLOT = VR_POSE_BYTES;

export class InterestGrid {
  private cap: number;
  private records: Uint8Array;
  private view: DataView;
  private len: Uint8Array;
  private x: Float64Array;
  private z: Float64Array;
  private cell: Int32Array;
  private slotInCell: Int32Array;
  private dirtyFlag: Uint8Array;
  private dirty: Uint16Array;
  private dirtyCount = 0;
  private bytesFor: Uint32Array;
  private cursor: Uint32Array;
  private touched: Uint16Array;
  private out: (Buffer | null)[];
  private readonly cols: number;
  private readonly cells: number[][];
  private readonly r2: number;
  /** Receiver candidates the last flush examined: what the flush cost grows with. */
  lastCandidates = 0;

  constructor(private readonly radius: number, capacity = 64) {
    this.r2 = radius * radius;
    this.cols = Math.ceil((WORLD_BOUNDS.maxX - WORLD_BOUNDS.minX) / radius);
    this.cells = Array.from({ length: this.cols * this.cols }, () => []);
    this.cap = 0;
    this.records = this.len = this.dirtyFlag = new Uint8Array(0);
    this.view = new DataView(this.records.buffer);
    this.x = this.z = new Float64Array(0);
    this.cell = this.slotInCell = new Int32Array(0);
    this.dirty = this.touched = new Uint16Array(0);
    this.bytesFor = this.cursor = new Uint32Array(0);
    this.out = [];
    this.grow(capacity);
  }

  /** Stores `peer`'s record (its id bytes replaced by `peer`) and marks it for the next flush. */
  write(peer: number, record: Uint8Array): void {
    if (peer >= this.cap) this.grow(Math.max(peer + 1, this.cap * 2));
    const at = peer * SLOT;
    this.records.set(record, at);
    this.view.setUint16(at, peer, true);
    this.len[peer] = record.byteLength;
    const px = poseX(this.view, at), pz = poseZ(this.view, at);
    this.x[peer] = px;
    this.z[peer] = pz;
    const c = this.cellOf(px, pz);
    if (c !== this.cell[peer]) {
      this.leaveCell(peer);
      const list = this.cells[c];
      this.cell[peer] = c;
      this.slotInCell[peer] = list.length;
      list.push(peer);
    }
    if (!this.dirtyFlag[peer]) {
      this.dirtyFlag[peer] = 1;
      this.dirty[this.dirtyCount++] = peer;
    }
  }

  /** The player left: it is neither heard nor hears from now on. */
  remove(peer: number): void {
    if (peer >= this.cap) return;
    this.leaveCell(peer);
    this.len[peer] = 0;
  }

  /** The last record `peer` sent, decoded into `out`; false if it sent none. */
  read(peer: number, out: Pose): boolean {
    if (peer >= this.cap || this.len[peer] === 0) return false;
    readPose(this.view, peer * SLOT, out);
    return true;
  }

  get pending(): number { return this.dirtyCount; }

  /**
   * Hands each receiver one Buffer with the records of the players in range that changed since the
   * last flush, starting at `headroom` (free bytes in front, for the sender's framing); returns how
   * many records went out.
   */
  flush(deliver: (receiver: number, buf: Buffer, at: number) => void, headroom = 0): number {
    let touchedCount = 0, delivered = 0;
    this.lastCandidates = 0;
    // Pass 1 sizes each receiver's buffer, pass 2 fills it: two walks instead of growable lists.
    this.scatter((r, s) => {
      if (this.bytesFor[r] === 0) this.touched[touchedCount++] = r;
      this.bytesFor[r] += this.len[s];
    });
    for (let i = 0; i < touchedCount; i++) {
      const r = this.touched[i];
      this.out[r] = Buffer.allocUnsafe(headroom + this.bytesFor[r]);
      this.cursor[r] = headroom;
    }
    const candidates = this.lastCandidates;
    this.scatter((r, s) => {
      const n = this.len[s];
      (this.out[r] as Buffer).set(this.records.subarray(s * SLOT, s * SLOT + n), this.cursor[r]);
      this.cursor[r] += n;
      delivered++;
    });
    this.lastCandidates = candidates;
    for (let i = 0; i < touchedCount; i++) {
      const r = this.touched[i];
      const buf = this.out[r] as Buffer;
      this.out[r] = null;
      this.bytesFor[r] = 0;
      this.cursor[r] = 0;
      deliver(r, buf, headroom);
    }
    for (let i = 0; i < this.dirtyCount; i++) this.dirtyFlag[this.dirty[i]] = 0;
    this.dirtyCount = 0;
    return delivered;
  }

  private scatter(pair: (receiver: number, sender: number) => void): void {
    for (let i = 0; i < this.dirtyCount; i++) {
      const s = this.dirty[i];
      const c = this.cell[s];
      if (c < 0) continue; // left since it moved
      const col = c % this.cols, row = (c - col) / this.cols;
      for (let dr = -1; dr <= 1; dr++) {
        const rr = row + dr;
        if (rr < 0 || rr >= this.cols) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = col + dc;
          if (cc < 0 || cc >= this.cols) continue;
          const list = this.cells[rr * this.cols + cc];
          for (let k = 0; k < list.length; k++) {
            const r = list[k];
            if (r === s) continue;
            this.lastCandidates++;
            const dx = this.x[r] - this.x[s], dz = this.z[r] - this.z[s];
            if (dx * dx + dz * dz <= this.r2) pair(r, s);
          }
        }
      }
    }
  }

  private cellOf(px: number, pz: number): number {
    const clamp = (v: number) => (v < 0 ? 0 : v >= this.cols ? this.cols - 1 : v);
    const col = clamp(Math.floor((px - WORLD_BOUNDS.minX) / this.radius));
    const row = clamp(Math.floor((pz - WORLD_BOUNDS.minZ) / this.radius));
    return row * this.cols + col;
  }

  private leaveCell(peer: number): void {
    const c = this.cell[peer];
    if (c < 0) return;
    // Swap-remove: the last peer of the cell takes this one's place.
    const list = this.cells[c];
    const at = this.slotInCell[peer];
    const last = list.pop() as number;
    if (last !== peer) {
      list[at] = last;
      this.slotInCell[last] = at;
    }
    this.cell[peer] = -1;
  }

  private grow(cap: number): void {
    const copy = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(old: T, make: (n: number) => T, n: number): T => {
      const next = make(n);
      next.set(old as never);
      return next;
    };
    this.records = copy(this.records, (n) => new Uint8Array(n), cap * SLOT);
    this.view = new DataView(this.records.buffer);
    this.len = copy(this.len, (n) => new Uint8Array(n), cap);
    this.dirtyFlag = copy(this.dirtyFlag, (n) => new Uint8Array(n), cap);
    this.x = copy(this.x, (n) => new Float64Array(n), cap);
    this.z = copy(this.z, (n) => new Float64Array(n), cap);
    const cell = new Int32Array(cap).fill(-1);
    cell.set(this.cell);
    this.cell = cell;
    this.slotInCell = copy(this.slotInCell, (n) => new Int32Array(n), cap);
    this.dirty = copy(this.dirty, (n) => new Uint16Array(n), cap);
    this.touched = copy(this.touched, (n) => new Uint16Array(n), cap);
    this.bytesFor = copy(this.bytesFor, (n) => new Uint32Array(n), cap);
    this.cursor = copy(this.cursor, (n) => new Uint32Array(n), cap);
    this.out.length = cap;
    this.cap = cap;
  }
}
