/**
 * Per-peer rings of timestamped poses in flat typed arrays (peer p's k-th pose at p * RING + k),
 * the storage behind RemotePlayers. Peers stay compact: removing one moves the last into its place,
 * so every loop runs over 0..size-1 with no holes.
 */
import type { Pose } from '../protocol/net/pose-codec.ts';

/** Poses kept per peer: 400 ms at 20 Hz, enough for a 100 ms delay through a burst of loss. */
export const RING = 8;
const START_CAPACITY = 16;

export class RingStore {
  size = 0;
  capacity = 0;
  ids = new Uint16Array(0);
  names: string[] = [];
  /** Next ring index to write, and how many of the ring's entries hold a pose. */
  head = new Int32Array(0);
  filled = new Int32Array(0);
  /** The last sequence number accepted (−1: none yet). */
  lastSeq = new Int16Array(0);
  t = new Float64Array(0);
  pos = new Float32Array(0);
  quat = new Float32Array(0);
  flags = new Uint8Array(0);
  hand = new Float32Array(0);
  handQuat = new Float32Array(0);
  private readonly index = new Map<number, number>();

  constructor() {
    this.grow(START_CAPACITY);
  }

  add(id: number, name: string): number {
    const known = this.index.get(id);
    if (known !== undefined) {
      this.names[known] = name;
      return known;
    }
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const p = this.size++;
    this.index.set(id, p);
    this.ids[p] = id;
    this.names[p] = name;
    this.head[p] = 0;
    this.filled[p] = 0;
    this.lastSeq[p] = -1;
    return p;
  }

  remove(id: number): void {
    const p = this.index.get(id);
    if (p === undefined) return;
    this.index.delete(id);
    const last = --this.size;
    if (p !== last) {
      this.move(last, p);
      this.index.set(this.ids[p], p);
    }
    this.names.length = this.size;
  }

  clear(): void {
    this.index.clear();
    this.size = 0;
    this.names.length = 0;
  }

  /**
   * Stores a pose at time `now`; returns true if the capacity grew (the caller resizes its outputs).
   * A pose older than the last one accepted (sequence numbers wrap at 256) is dropped.
   */
  push(pose: Pose, now: number): boolean {
    const before = this.capacity;
    let p = this.index.get(pose.id);
    // A pose can beat the user_online that names its sender: keep it, the name follows.
    if (p === undefined) p = this.add(pose.id, '');
    const last = this.lastSeq[p];
    if (last >= 0) {
      const ahead = (pose.seq - last) & 0xff;
      if (ahead === 0 || ahead >= 128) return this.capacity !== before;
    }
    this.lastSeq[p] = pose.seq;
    const i = p * RING + this.head[p];
    this.head[p] = (this.head[p] + 1) % RING;
    if (this.filled[p] < RING) this.filled[p]++;
    this.t[i] = now;
    this.pos[i * 3] = pose.x; this.pos[i * 3 + 1] = pose.y; this.pos[i * 3 + 2] = pose.z;
    this.quat[i * 4] = pose.q.x; this.quat[i * 4 + 1] = pose.q.y; this.quat[i * 4 + 2] = pose.q.z; this.quat[i * 4 + 3] = pose.q.w;
    this.flags[i] = (pose.spacecraft ? 1 : 0) | (pose.vr ? 2 : 0);
    for (let h = 0; h < 2; h++) {
      const hand = pose.hands[h];
      const hv = pose.vr ? 1 : 0;
      this.hand[i * 6 + h * 3] = hand.x * hv; this.hand[i * 6 + h * 3 + 1] = hand.y * hv; this.hand[i * 6 + h * 3 + 2] = hand.z * hv;
      const q = i * 8 + h * 4;
      this.handQuat[q] = hand.q.x; this.handQuat[q + 1] = hand.q.y; this.handQuat[q + 2] = hand.q.z; this.handQuat[q + 3] = hand.q.w;
    }
    return this.capacity !== before;
  }

  private move(from: number, to: number): void {
    this.ids[to] = this.ids[from];
    this.names[to] = this.names[from];
    this.head[to] = this.head[from];
    this.filled[to] = this.filled[from];
    this.lastSeq[to] = this.lastSeq[from];
    const per = (arr: Float32Array | Float64Array | Uint8Array, n: number) => arr.copyWithin(to * RING * n, from * RING * n, (from + 1) * RING * n);
    per(this.t, 1); per(this.pos, 3); per(this.quat, 4); per(this.flags, 1); per(this.hand, 6); per(this.handQuat, 8);
  }

  private grow(capacity: number): void {
    const bigger = <T extends Float32Array | Float64Array | Uint8Array | Uint16Array | Int32Array | Int16Array>(old: T, make: (n: number) => T, n: number): T => {
      const next = make(capacity * n);
      next.set(old);
      return next;
    };
    this.ids = bigger(this.ids, (n) => new Uint16Array(n), 1);
    this.head = bigger(this.head, (n) => new Int32Array(n), 1);
    this.filled = bigger(this.filled, (n) => new Int32Array(n), 1);
    this.lastSeq = bigger(this.lastSeq, (n) => new Int16Array(n), 1);
    this.t = bigger(this.t, (n) => new Float64Array(n), RING);
    this.pos = bigger(this.pos, (n) => new Float32Array(n), RING * 3);
    this.quat = bigger(this.quat, (n) => new Float32Array(n), RING * 4);
    this.flags = bigger(this.flags, (n) => new Uint8Array(n), RING);
    this.hand = bigger(this.hand, (n) => new Float32Array(n), RING * 6);
    this.handQuat = bigger(this.handQuat, (n) => new Float32Array(n), RING * 8);
    this.capacity = capacity;
  }
}

/** Normalised lerp of quaternions a and b (short way round) into out[o..o+3]. */
export function nlerpInto(src: Float32Array, a: number, b: number, alpha: number, out: Float32Array, o: number): void {
  const dot = src[a] * src[b] + src[a + 1] * src[b + 1] + src[a + 2] * src[b + 2] + src[a + 3] * src[b + 3];
  const s = dot < 0 ? -1 : 1;
  let len = 0;
  for (let i = 0; i < 4; i++) {
    const v = src[a + i] + (src[b + i] * s - src[a + i]) * alpha;
    out[o + i] = v;
    len += v * v;
  }
  len = Math.sqrt(len) || 1;
  for (let i = 0; i < 4; i++) out[o + i] /= len;
}
