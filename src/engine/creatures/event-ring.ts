/**
 * What happened during a tick, as typed-array columns the brain writes with no objects: a kill, a
 * strike, a creature picking a target or starting to flee, a command or spawn taking effect. The
 * sim drains it into plain objects after the tick (outside the hot loop) and clears it.
 *
 * Writers call push(kind, a, b), which takes only small integers (never a boxed double), and
 * then write the doubles straight into `value`, `x`, `y`, `z` at the index it returned.
 */

/** Event kinds: `a` and `b` are creature numbers (or -1), `value` and x, y, z as noted. */
export const SimEventKind = {
  /** a died; b killed it (-1: no creature did); x, y, z where. */
  Died: 1,
  /** a struck b for `value` damage. */
  Struck: 2,
  /** a picked b as its target (value 0: to hunt, 1: to flee from it). seed 004's ai:thinking. */
  Thinking: 3,
  /** a command took effect on a: `value` the state, b the player key it follows (-1 none). seed 004's ai:action. */
  Action: 4,
  /** a came into the world at x, y, z. */
  Spawned: 5,
} as const;
export type SimEventKind = (typeof SimEventKind)[keyof typeof SimEventKind];

/** Enough for every creature of a busy 2,000 to do two things in one tick. */
export const EVENT_RING_CAPACITY = 4096;

export class EventRing {
  count = 0;
  /** Events that did not fit since the last clear (kept count of, never silently lost). */
  dropped = 0;
  readonly kind: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly value: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;

  constructor(readonly capacity = EVENT_RING_CAPACITY) {
    this.kind = new Uint8Array(capacity);
    this.a = new Int32Array(capacity); this.b = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
    this.x = new Float64Array(capacity); this.y = new Float64Array(capacity); this.z = new Float64Array(capacity);
  }

  /** Index of a new event with value and position zeroed, or -1 when full. */
  push(kind: number, a: number, b: number): number {
    if (this.count === this.capacity) { this.dropped++; return -1; }
    const e = this.count++;
    this.kind[e] = kind; this.a[e] = a; this.b[e] = b;
    this.value[e] = 0; this.x[e] = 0; this.y[e] = 0; this.z[e] = 0;
    return e;
  }

  clear(): void {
    this.count = 0;
    this.dropped = 0;
  }
}
