/**
 * The creatures to draw this frame, as typed-array columns mutated in place (never React state):
 * the interpolator (threads/creature-timeline.ts) writes it once per frame from the worker's
 * snapshots or the relay's records, and the renderer (scene/creatures-system.ts), the aim/picking
 * code and the control API read it. Slot i is one creature; `count` is the loop bound.
 */
import { CREATURE_TYPE_NAMES } from '../protocol/creatures.ts';

/** flags bits. */
export const CreatureFlag = { Tamed: 1, Mine: 2, Dying: 4, Selected: 8 } as const;

export class CreatureFrame {
  count = 0;
  capacity = 0;
  /** The n of creature_<n>. */
  number = new Int32Array(0);
  /** Index into CREATURE_TYPE_NAMES. */
  type = new Uint8Array(0);
  x = new Float32Array(0); y = new Float32Array(0); z = new Float32Array(0);
  /** Velocity, m/s (the gait's rate and the wings' beat come from it). */
  vx = new Float32Array(0); vy = new Float32Array(0); vz = new Float32Array(0);
  /** Facing, a unit vector in the ground plane. */
  headX = new Float32Array(0); headZ = new Float32Array(0);
  /** Where its head looks (a target, its owner), or NaN in lookX for straight ahead. */
  lookX = new Float32Array(0); lookY = new Float32Array(0); lookZ = new Float32Array(0);
  /** Index into CREATURE_STATE_NAMES. */
  state = new Uint8Array(0);
  health01 = new Float32Array(0);
  level = new Uint16Array(0);
  flags = new Uint8Array(0);

  constructor(capacity = 64) {
    this.grow(capacity);
  }

  /** Makes room for n creatures (keeps the first `count`); called outside the per-frame path when a batch is bigger. */
  grow(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(n, this.capacity * 2);
    const keep = <T extends Float32Array | Int32Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a.subarray(0, this.count));
      return b;
    };
    const f = (k: number) => new Float32Array(k);
    this.number = keep(this.number, (k) => new Int32Array(k));
    this.type = keep(this.type, (k) => new Uint8Array(k));
    this.x = keep(this.x, f); this.y = keep(this.y, f); this.z = keep(this.z, f);
    this.vx = keep(this.vx, f); this.vy = keep(this.vy, f); this.vz = keep(this.vz, f);
    this.headX = keep(this.headX, f); this.headZ = keep(this.headZ, f);
    this.lookX = keep(this.lookX, f); this.lookY = keep(this.lookY, f); this.lookZ = keep(this.lookZ, f);
    this.state = keep(this.state, (k) => new Uint8Array(k));
    this.health01 = keep(this.health01, f);
    this.level = keep(this.level, (k) => new Uint16Array(k));
    this.flags = keep(this.flags, (k) => new Uint8Array(k));
    this.capacity = cap;
  }

  /** The slot of creature n, or -1 (a linear scan: for the API and picking, not per-creature loops). */
  slotOf(n: number): number {
    for (let i = 0; i < this.count; i++) if (this.number[i] === n) return i;
    return -1;
  }
}

export const CREATURE_TYPE_COUNT = CREATURE_TYPE_NAMES.length;
