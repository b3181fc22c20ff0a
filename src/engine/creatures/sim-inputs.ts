/**
 * The simulation's inputs as numbers in one growable Float64Array: each input is its kind then its
 * fields. All of them are numbers, so the queue is saved with the state as it is (a save taken between
 * ticks holds the inputs not yet applied), and applying them needs no objects.
 */
export const SimInput = { Spawn: 1, Remove: 2, Command: 3, SetOwner: 4, SetPlayers: 5, Clear: 6 } as const;

/** Fields after the kind, per kind; SetPlayers is [count, count × (key, x, y, z)]. */
export const SPAWN_FIELDS = 15;

/** A creature to add, as the spawn input carries it (a CreatureRecord with numbers for names). */
export interface SimSpawn {
  /** The n of creature_<n>: the creature's id in the store. */
  n: number;
  /** Index into CREATURE_TYPE_NAMES. */
  type: number;
  level: number;
  x: number; y: number; z: number;
  vx: number; vy: number; vz: number;
  /** Clamped to the level's maximum (Infinity: full). */
  health: number;
  stamina: number;
  /** CreatureState number. */
  state: number;
  /** Owner key, -1 wild. */
  ownerKey: number;
  /** The player `follow` walks to; the owner when -1. */
  followKey: number;
  /** Seeds (or continues) the creature's xorshift stream. */
  seed: number;
}

/** The queue: a Float64Array that grows and is emptied (not freed) after each tick. */
export class InputQueue {
  data = new Float64Array(256);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  /** Replaces the content with `n` numbers of `src` from `at`. */
  load(src: ArrayLike<number>, at: number, n: number): void {
    this.length = 0;
    for (let i = 0; i < n; i++) this.push(src[at + i]);
  }
}

export function encodeSpawn(q: InputQueue, c: SimSpawn): void {
  q.push(SimInput.Spawn); q.push(c.n); q.push(c.type); q.push(c.level); q.push(c.x); q.push(c.y); q.push(c.z);
  q.push(c.vx); q.push(c.vy); q.push(c.vz); q.push(c.health); q.push(c.stamina); q.push(c.state);
  q.push(c.ownerKey); q.push(c.followKey); q.push(c.seed);
}

export function decodeSpawn(q: ArrayLike<number>, at: number): SimSpawn {
  return {
    n: q[at], type: q[at + 1], level: q[at + 2], x: q[at + 3], y: q[at + 4], z: q[at + 5], vx: q[at + 6], vy: q[at + 7], vz: q[at + 8],
    health: q[at + 9], stamina: q[at + 10], state: q[at + 11], ownerKey: q[at + 12], followKey: q[at + 13], seed: q[at + 14],
  };
}

/** Numbers input `kind` at q[at] takes, kind included. */
export function inputLength(q: ArrayLike<number>, at: number): number {
  switch (q[at]) {
    case SimInput.Spawn: return 1 + SPAWN_FIELDS;
    case SimInput.Remove: return 2;
    case SimInput.Command: return 4;
    case SimInput.SetOwner: return 3;
    case SimInput.SetPlayers: return 2 + q[at + 1] * 4;
    case SimInput.Clear: return 1;
    default: throw new RangeError(`unknown input kind ${q[at]}`);
  }
}
