/**
 * The main-thread creature interpolator: keeps each creature's last two samples and, once a frame,
 * writes the CreatureFrame (scene/creature-frame.ts) in place, drawn a little in the past so there
 * is nearly always a sample on each side: one tick (50 ms) behind for the local worker's 20 Hz
 * snapshots, ~120 ms for the relay's 10 Hz position records. A creature whose next sample is late
 * goes on along its velocity for up to MAX_EXTRAPOLATE_MS, then waits. Heading follows the
 * velocity when it moves.
 *
 * Worker snapshots are complete (a creature missing from one is gone); relay records are not (only
 * creatures in range come), so a relay creature goes when forget(n) is called or after
 * RELAY_TIMEOUT_MS without a record. Type, level and flags of relay creatures come from setMeta
 * (the page's registry); worker snapshots carry type, level and owner themselves.
 *
 * Worker sample times come from the tick number on a clock fitted to the arrivals (the earliest
 * arrival bounds the delay), so message jitter does not shake the creatures. Per frame nothing is
 * allocated: columns are typed arrays indexed by slot, and n → slot is a Map whose entries change
 * only when creatures come and go.
 */
import { CreatureFrame, CreatureFlag } from '../scene/creature-frame.ts';
import {
  SNAP_HEADER, SNAP_STRIDE, SNAP_TICK, SNAP_COUNT, SNAP_DT_MS, SNAP_N, SNAP_TYPE, SNAP_X, SNAP_Y, SNAP_Z, SNAP_VX, SNAP_VY, SNAP_VZ,
  SNAP_HEAD_X, SNAP_HEAD_Z, SNAP_LOOK_X, SNAP_LOOK_Y, SNAP_LOOK_Z, SNAP_STATE, SNAP_HEALTH01, SNAP_LEVEL, SNAP_OWNER,
} from '../engine/creatures/creature-snapshot.ts';
import {
  recordHealth01, recordNumber, recordState, recordVx, recordVy, recordVz, recordX, recordY, recordZ,
} from '../protocol/net/creature-codec.ts';

export const WORKER_DELAY_MS = 50;
export const RELAY_DELAY_MS = 120;
export const MAX_EXTRAPOLATE_MS = 200;
export const RELAY_TIMEOUT_MS = 2000;
/** Below this speed (m/s) the heading stays as it was instead of following a jittery velocity. */
const HEADING_MIN_SPEED = 0.3;
const WORKER = 0, RELAY = 1;

/** Per-creature columns: 2 samples of position and velocity, the latest of the rest. */
class Columns {
  readonly number: Int32Array; readonly source: Uint8Array; readonly seen: Int32Array;
  readonly t0: Float64Array; readonly t1: Float64Array;
  /** x0 y0 z0 vx0 vy0 vz0 x1 y1 z1 vx1 vy1 vz1 per slot. */
  readonly kin: Float64Array;
  readonly headX: Float32Array; readonly headZ: Float32Array;
  readonly lookX: Float32Array; readonly lookY: Float32Array; readonly lookZ: Float32Array;
  readonly state: Uint8Array; readonly health01: Float32Array; readonly type: Uint8Array; readonly level: Uint16Array;
  readonly owner: Int32Array; readonly lastSeen: Float64Array;

  constructor(readonly capacity: number) {
    const n = capacity, f32 = () => new Float32Array(n), f64 = () => new Float64Array(n);
    this.number = new Int32Array(n); this.source = new Uint8Array(n); this.seen = new Int32Array(n);
    this.t0 = f64(); this.t1 = f64(); this.kin = new Float64Array(n * 12);
    this.headX = f32(); this.headZ = f32(); this.lookX = f32(); this.lookY = f32(); this.lookZ = f32();
    this.state = new Uint8Array(n); this.health01 = f32(); this.type = new Uint8Array(n); this.level = new Uint16Array(n);
    this.owner = new Int32Array(n); this.lastSeen = f64();
  }

  /** Every column, for growing and swap-removing in one loop. */
  all(): (Int32Array | Uint8Array | Uint16Array | Float32Array | Float64Array)[] {
    return [this.number, this.source, this.seen, this.t0, this.t1, this.headX, this.headZ, this.lookX, this.lookY, this.lookZ,
      this.state, this.health01, this.type, this.level, this.owner, this.lastSeen];
  }
}

interface Meta { type: number; level: number; flags: number }

export class CreatureTimeline {
  workerDelayMs = WORKER_DELAY_MS;
  relayDelayMs = RELAY_DELAY_MS;
  count = 0;
  private c = new Columns(64);
  private readonly slotOf = new Map<number, number>();
  private readonly meta = new Map<number, Meta>();
  private stamp = 0;
  /** Arrival clock fit for worker ticks: sample time = tick × dt + offset. */
  private offset = NaN;
  private lastTick = -1;

  /** A worker snapshot (creature-snapshot.ts layout), read at once: the buffer may be recycled after. */
  ingestSnapshot(f: Float32Array, arrivalMs: number): void {
    const ints = new Int32Array(f.buffer, f.byteOffset, f.length);
    const tick = ints[SNAP_TICK], n = ints[SNAP_COUNT], dt = f[SNAP_DT_MS] || 50;
    const est = arrivalMs - tick * dt;
    // Ticks going back (a replacement worker restored an older save, a new world): fit the clock afresh,
    // so the creatures go on from where they are drawn instead of waiting for the old tick count.
    if (tick < this.lastTick) this.offset = NaN;
    this.lastTick = tick;
    this.offset = Number.isNaN(this.offset) || est < this.offset ? est : this.offset + (est - this.offset) * 0.02;
    const t = tick * dt + this.offset, stamp = ++this.stamp;
    for (let i = 0, o = SNAP_HEADER; i < n; i++, o += SNAP_STRIDE) {
      const s = this.slotFor(ints[o + SNAP_N], WORKER, t);
      const c = this.c;
      c.source[s] = WORKER; c.seen[s] = stamp; c.lastSeen[s] = arrivalMs;
      this.push(s, t, f[o + SNAP_X], f[o + SNAP_Y], f[o + SNAP_Z], f[o + SNAP_VX], f[o + SNAP_VY], f[o + SNAP_VZ]);
      c.headX[s] = f[o + SNAP_HEAD_X]; c.headZ[s] = f[o + SNAP_HEAD_Z];
      c.lookX[s] = f[o + SNAP_LOOK_X]; c.lookY[s] = f[o + SNAP_LOOK_Y]; c.lookZ[s] = f[o + SNAP_LOOK_Z];
      c.state[s] = f[o + SNAP_STATE]; c.health01[s] = f[o + SNAP_HEALTH01];
      c.type[s] = f[o + SNAP_TYPE]; c.level[s] = f[o + SNAP_LEVEL]; c.owner[s] = ints[o + SNAP_OWNER];
    }
    // A snapshot is complete: worker creatures missing from it are gone.
    for (let s = this.count - 1; s >= 0; s--) if (this.c.source[s] === WORKER && this.c.seen[s] !== stamp) this.removeSlot(s);
  }

  /** `count` relay position records (creature-codec.ts) from `view`. */
  ingestRecords(view: DataView, count: number, arrivalMs: number): void {
    for (let i = 0; i < count; i++) {
      const n = recordNumber(view, i);
      const existing = this.slotOf.get(n);
      if (existing !== undefined && this.c.source[existing] === WORKER) continue; // simulated here: the worker's word stands
      const s = existing ?? this.slotFor(n, RELAY, arrivalMs);
      const c = this.c;
      c.source[s] = RELAY; c.lastSeen[s] = arrivalMs;
      this.push(s, arrivalMs, recordX(view, i), recordY(view, i), recordZ(view, i), recordVx(view, i), recordVy(view, i), recordVz(view, i));
      c.lookX[s] = NaN; c.lookY[s] = NaN; c.lookZ[s] = NaN;
      c.state[s] = recordState(view, i); c.health01[s] = recordHealth01(view, i);
    }
  }

  /** What the registry knows of creature n (type index, level, CreatureFlag bits). */
  setMeta(n: number, type: number, level: number, flags: number): void {
    this.meta.set(n, { type, level, flags });
    const s = this.slotOf.get(n);
    if (s !== undefined && this.c.source[s] === RELAY) { this.c.type[s] = type; this.c.level[s] = level; }
  }

  /** Creature n is gone (removed, died, out of range): drop it now. */
  forget(n: number): void {
    this.meta.delete(n);
    const s = this.slotOf.get(n);
    if (s !== undefined) this.removeSlot(s);
  }

  /** Writes every creature as it stands at `nowMs` (minus the render delay) into `frame`. */
  sample(nowMs: number, frame: CreatureFrame): void {
    const c = this.c;
    for (let s = this.count - 1; s >= 0; s--) if (c.source[s] === RELAY && nowMs - c.lastSeen[s] > RELAY_TIMEOUT_MS) this.removeSlot(s);
    if (frame.capacity < this.count) frame.grow(this.count);
    const k = c.kin;
    for (let s = 0; s < this.count; s++) {
      const renderT = nowMs - (c.source[s] === WORKER ? this.workerDelayMs : this.relayDelayMs);
      const t0 = c.t0[s], t1 = c.t1[s], o = s * 12;
      let x: number, y: number, z: number, vx: number, vy: number, vz: number;
      if (renderT >= t1 || t1 <= t0) {
        let ahead = renderT - t1;
        ahead = ahead < 0 ? 0 : ahead > MAX_EXTRAPOLATE_MS ? MAX_EXTRAPOLATE_MS : ahead;
        vx = k[o + 9]; vy = k[o + 10]; vz = k[o + 11];
        x = k[o + 6] + vx * ahead / 1000; y = k[o + 7] + vy * ahead / 1000; z = k[o + 8] + vz * ahead / 1000;
      } else if (renderT <= t0) {
        x = k[o]; y = k[o + 1]; z = k[o + 2]; vx = k[o + 3]; vy = k[o + 4]; vz = k[o + 5];
      } else {
        const a = (renderT - t0) / (t1 - t0), b = 1 - a;
        x = k[o] * b + k[o + 6] * a; y = k[o + 1] * b + k[o + 7] * a; z = k[o + 2] * b + k[o + 8] * a;
        vx = k[o + 3] * b + k[o + 9] * a; vy = k[o + 4] * b + k[o + 10] * a; vz = k[o + 5] * b + k[o + 11] * a;
      }
      const speed = Math.sqrt(vx * vx + vz * vz);
      if (speed > HEADING_MIN_SPEED) { c.headX[s] = vx / speed; c.headZ[s] = vz / speed; }
      frame.number[s] = c.number[s]; frame.type[s] = c.type[s];
      frame.x[s] = x; frame.y[s] = y; frame.z[s] = z; frame.vx[s] = vx; frame.vy[s] = vy; frame.vz[s] = vz;
      frame.headX[s] = c.headX[s]; frame.headZ[s] = c.headZ[s];
      frame.lookX[s] = c.lookX[s]; frame.lookY[s] = c.lookY[s]; frame.lookZ[s] = c.lookZ[s];
      frame.state[s] = c.state[s]; frame.health01[s] = c.health01[s]; frame.level[s] = c.level[s];
      frame.flags[s] = this.flagsOf(s);
    }
    frame.count = this.count;
  }

  private flagsOf(s: number): number {
    const m = this.meta.get(this.c.number[s]);
    let f = m !== undefined ? m.flags : this.c.owner[s] >= 0 && this.c.source[s] === WORKER ? CreatureFlag.Tamed : 0;
    if (this.c.health01[s] <= 0) f |= CreatureFlag.Dying;
    return f;
  }

  /** The slot of n, made (with its first sample to come at time t) if it is new. */
  private slotFor(n: number, source: number, t: number): number {
    const found = this.slotOf.get(n);
    if (found !== undefined) return found;
    if (this.count === this.c.capacity) this.grow();
    const s = this.count++, c = this.c;
    this.slotOf.set(n, s);
    c.number[s] = n; c.source[s] = source; c.t0[s] = t; c.t1[s] = -Infinity;
    c.headX[s] = 0; c.headZ[s] = 1; c.owner[s] = -1;
    const m = this.meta.get(n);
    c.type[s] = m?.type ?? 0; c.level[s] = m?.level ?? 1;
    return s;
  }

  /** Shifts the latest sample to the previous one and stores the new one (a first sample fills both). */
  private push(s: number, t: number, x: number, y: number, z: number, vx: number, vy: number, vz: number): void {
    const c = this.c, k = c.kin, o = s * 12;
    const first = c.t1[s] === -Infinity;
    if (!first && t <= c.t1[s]) return; // stale or repeated
    if (first) { k[o] = x; k[o + 1] = y; k[o + 2] = z; k[o + 3] = vx; k[o + 4] = vy; k[o + 5] = vz; c.t0[s] = t; }
    else { k.copyWithin(o, o + 6, o + 12); c.t0[s] = c.t1[s]; }
    k[o + 6] = x; k[o + 7] = y; k[o + 8] = z; k[o + 9] = vx; k[o + 10] = vy; k[o + 11] = vz;
    c.t1[s] = t;
  }

  private removeSlot(s: number): void {
    const c = this.c, last = --this.count;
    this.slotOf.delete(c.number[s]);
    if (s !== last) {
      for (const a of c.all()) a[s] = a[last];
      c.kin.copyWithin(s * 12, last * 12, last * 12 + 12);
      this.slotOf.set(c.number[s], s);
    }
  }

  private grow(): void {
    const old = this.c, next = new Columns(old.capacity * 2), from = old.all(), to = next.all();
    for (let a = 0; a < from.length; a++) to[a].set(from[a].subarray(0, this.count));
    next.kin.set(old.kin.subarray(0, this.count * 12));
    this.c = next;
  }
}
