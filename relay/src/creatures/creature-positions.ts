/**
 * sync_creature_position on the relay's hot path. Accepted records (24 bytes, creature-codec.ts) are
 * copied into one preallocated byte array with their position and sender; everything accepted in an
 * event-loop turn goes out together on setImmediate, like poses: one volatile binary message per
 * receiver with the records of the creatures within INTEREST_RADIUS_M of its player (not its own
 * records back). Nothing is allocated per record; a flush allocates one Buffer per receiver.
 */
import { CREATURE_RECORD_BYTES } from '../../../src/protocol/net/creature-codec.ts';
import { INTEREST_RADIUS_M } from '../../../src/protocol/net/limits.ts';

/** A receiver: its peer id, where its player is (only players that sent a pose are receivers), and who it is. */
export interface Listener<T> { peer: number; x: number; z: number; target: T | null }

const R2 = INTEREST_RADIUS_M * INTEREST_RADIUS_M;

export class CreaturePositionRelay<T> {
  private cap = 0;
  private bytes = new Uint8Array(0);
  /** The same memory as `bytes`, for Buffer.copy (which, unlike subarray, makes no object). */
  private bytesBuf = Buffer.alloc(0);
  private x = new Float64Array(0);
  private z = new Float64Array(0);
  private sender = new Int32Array(0);
  private count = 0;
  private scheduled = false;
  private readonly flushNow = (): void => this.flush();
  /** Records sent to receivers since the relay started (metrics, tests). */
  delivered = 0;

  /**
   * `listeners` fills `out` with the world's receivers (reusing its objects) and returns how many;
   * called once a flush. `send` hands one receiver its message.
   */
  constructor(private readonly listeners: (out: Listener<T>[]) => number, private readonly send: (target: T, buf: Buffer) => void, capacity = 256) {
    this.grow(capacity);
  }

  /** Keeps record `i` of `src` (already checked and applied to the registry) for the next flush. */
  accept(sender: number, src: Uint8Array, i: number, x: number, z: number): void {
    if (this.count === this.cap) this.grow(this.cap * 2);
    const k = this.count++;
    const from = i * CREATURE_RECORD_BYTES, to = k * CREATURE_RECORD_BYTES;
    for (let b = 0; b < CREATURE_RECORD_BYTES; b++) this.bytes[to + b] = src[from + b];
    this.x[k] = x; this.z[k] = z; this.sender[k] = sender;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushNow);
    }
  }

  private readonly receivers: Listener<T>[] = [];

  private flush(): void {
    this.scheduled = false;
    const n = this.count;
    this.count = 0;
    if (n === 0) return;
    const count = this.listeners(this.receivers);
    for (let r = 0; r < count; r++) {
      const l = this.receivers[r];
      let size = 0;
      for (let k = 0; k < n; k++) if (this.heard(l, k)) size += CREATURE_RECORD_BYTES;
      if (size === 0) continue;
      const buf = Buffer.allocUnsafe(size);
      let at = 0;
      for (let k = 0; k < n; k++) {
        if (!this.heard(l, k)) continue;
        this.bytesBuf.copy(buf, at, k * CREATURE_RECORD_BYTES, (k + 1) * CREATURE_RECORD_BYTES);
        at += CREATURE_RECORD_BYTES;
      }
      this.delivered += size / CREATURE_RECORD_BYTES;
      this.send(l.target as T, buf);
    }
  }

  private heard(l: Listener<T>, k: number): boolean {
    if (this.sender[k] === l.peer) return false;
    const dx = this.x[k] - l.x, dz = this.z[k] - l.z;
    return dx * dx + dz * dz <= R2;
  }

  private grow(cap: number): void {
    const bytes = new Uint8Array(cap * CREATURE_RECORD_BYTES);
    bytes.set(this.bytes);
    const x = new Float64Array(cap), z = new Float64Array(cap), sender = new Int32Array(cap);
    x.set(this.x); z.set(this.z); sender.set(this.sender);
    this.bytes = bytes;
    this.bytesBuf = Buffer.from(bytes.buffer, 0, bytes.byteLength);
    this.x = x; this.z = z; this.sender = sender;
    this.cap = cap;
  }
}
