/**
 * Every creature as structure-of-arrays in typed arrays: one array per field, slot i is one
 * creature. The tick walks these arrays in slot order with no objects behind them, and a snapshot
 * for the main thread or the relay is a copy of a few buffers.
 *
 * Ids are stable (never reused); slots are not: removing swaps the last creature into the hole, so
 * slots stay dense and `count` is the loop bound. `slotOfId` maps back. An id is either handed out
 * here (tests, the bench) or given by the caller: the game's creature number n of creature_<n>.
 * Ids below DENSE_IDS map through a typed array; larger ones (a registry's n can reach 10^9)
 * through a Map, whose get on a small integer key allocates nothing either.
 */
import { CREATURE_TYPES, statsAtLevel, type CreatureTypeId } from './creature-types.ts';

/** Behaviour states, kept as small ints in `state`. The first five are seed 000's commands. */
export const CreatureState = { Wander: 0, Follow: 1, Stay: 2, Aggressive: 3, Passive: 4, Flee: 5 } as const;
export type CreatureState = (typeof CreatureState)[keyof typeof CreatureState];

export const NO_ID = -1;
/** Ids below this map to slots through `slotOfId` (at most 4 MiB); larger ones through a Map. */
export const DENSE_IDS = 1 << 20;

export interface CreatureInput {
  type: CreatureTypeId;
  level: number;
  x: number; y: number; z: number;
  state?: CreatureState;
  /** Owning player's number, or NO_ID for a wild creature. */
  owner?: number;
  /** Player whose position `follow` walks to; the owner when omitted. */
  leader?: number;
  /** Seeds the creature's own RNG; any integer, 0 is replaced by a fixed odd constant. */
  seed: number;
  /** Starting velocity (m/s), zero when omitted. */
  vx?: number; vy?: number; vz?: number;
  /** Starting health and stamina, clamped to the level's maximum; full when omitted. */
  health?: number; stamina?: number;
}

export class CreatureStore {
  count = 0;
  capacity: number;
  /** Increments once per tick; perception is staggered on it. */
  tickCount = 0;
  private nextId = 0;

  id!: Int32Array;
  x!: Float64Array; y!: Float64Array; z!: Float64Array;
  vx!: Float64Array; vy!: Float64Array; vz!: Float64Array;
  /** Facing as a unit vector in the ground plane, so the brain never needs atan2 (not deterministic). */
  headX!: Float64Array; headZ!: Float64Array;
  /** Wander target on a unit circle in the creature's own frame (jittered each tick, as in Reynolds' wander). */
  wanderX!: Float64Array; wanderZ!: Float64Array;
  type!: Uint8Array;
  level!: Int32Array;
  state!: Uint8Array;
  dead!: Uint8Array;
  health!: Float64Array; stamina!: Float64Array;
  /** Level-scaled stats, fixed at add: the tick reads these instead of the type table. */
  damage!: Float64Array; defense!: Float64Array; speed!: Float64Array;
  maxHealth!: Float64Array; maxStamina!: Float64Array;
  owner!: Int32Array;
  /** Player key `follow` walks to (usually the owner; a command may name another player). */
  leader!: Int32Array;
  /** Id (not slot) of the creature it hunts or flees, or NO_ID. */
  target!: Int32Array;
  /** Ticks until it may strike again. */
  cooldown!: Int32Array;
  /** xorshift32 state, one per creature, so a creature's choices do not depend on the others'. */
  rng!: Uint32Array;
  /** id → slot, or -1, for ids below DENSE_IDS; grows with the ids seen. */
  slotOfId = new Int32Array(64).fill(-1);
  /** id → slot for ids from DENSE_IDS up. */
  private readonly sparse = new Map<number, number>();

  constructor(capacity = 64) {
    this.capacity = capacity;
    this.allocate(capacity);
  }

  /** Every per-creature array, in a fixed order: growth, swap-remove and the determinism test walk this. */
  arrays(): (Float64Array | Int32Array | Uint8Array | Uint32Array)[] {
    return [
      this.id, this.x, this.y, this.z, this.vx, this.vy, this.vz, this.headX, this.headZ, this.wanderX, this.wanderZ,
      this.type, this.level, this.state, this.dead, this.health, this.stamina, this.damage, this.defense, this.speed,
      this.maxHealth, this.maxStamina, this.owner, this.leader, this.target, this.cooldown, this.rng,
    ];
  }

  private allocate(n: number): void {
    const old = this.count > 0 ? this.arrays() : null;
    const f64 = () => new Float64Array(n), i32 = () => new Int32Array(n), u8 = () => new Uint8Array(n);
    this.id = i32(); this.x = f64(); this.y = f64(); this.z = f64(); this.vx = f64(); this.vy = f64(); this.vz = f64();
    this.headX = f64(); this.headZ = f64(); this.wanderX = f64(); this.wanderZ = f64();
    this.type = u8(); this.level = i32(); this.state = u8(); this.dead = u8(); this.health = f64(); this.stamina = f64();
    this.damage = f64(); this.defense = f64(); this.speed = f64(); this.maxHealth = f64(); this.maxStamina = f64();
    this.owner = i32(); this.leader = i32(); this.target = i32(); this.cooldown = i32(); this.rng = new Uint32Array(n);
    if (old) {
      const now = this.arrays();
      for (let a = 0; a < old.length; a++) now[a].set(old[a].subarray(0, this.count));
    }
    this.capacity = n;
  }

  /**
   * Adds a creature and returns its id: `id` when given (a non-negative integer no live creature
   * has; throws otherwise), else the next one handed out here. Never called inside the tick, so
   * growing here is fine.
   */
  add(c: CreatureInput, id?: number): number {
    if (id === undefined) id = this.nextId;
    else if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError('id must be an integer 0..2^31-1');
    else if (this.slotOf(id) >= 0) throw new RangeError(`id ${id} is already in the store`);
    if (id >= this.nextId) this.nextId = id + 1;
    if (this.count === this.capacity) this.allocate(this.capacity * 2);
    const s = this.count++;
    this.mapId(id, s);
    const t = CREATURE_TYPES[c.type], stats = statsAtLevel(t, c.level);
    this.id[s] = id;
    this.x[s] = c.x; this.y[s] = c.y; this.z[s] = c.z;
    this.vx[s] = c.vx ?? 0; this.vy[s] = c.vy ?? 0; this.vz[s] = c.vz ?? 0;
    this.headX[s] = 0; this.headZ[s] = 1; this.wanderX[s] = 0; this.wanderZ[s] = 1;
    this.type[s] = t.index; this.level[s] = c.level; this.state[s] = c.state ?? CreatureState.Wander; this.dead[s] = 0;
    this.health[s] = Math.min(stats.health, c.health ?? stats.health); this.stamina[s] = Math.min(stats.stamina, c.stamina ?? stats.stamina);
    this.maxHealth[s] = stats.health; this.maxStamina[s] = stats.stamina;
    this.damage[s] = stats.damage; this.defense[s] = stats.defense; this.speed[s] = stats.speed;
    this.owner[s] = c.owner ?? NO_ID; this.leader[s] = c.leader ?? this.owner[s]; this.target[s] = NO_ID; this.cooldown[s] = 0;
    this.rng[s] = (c.seed >>> 0) || 0x9e3779b9;
    return id;
  }

  private mapId(id: number, s: number): void {
    if (id >= DENSE_IDS) { if (s < 0) this.sparse.delete(id); else this.sparse.set(id, s); return; }
    if (id >= this.slotOfId.length) {
      let n = this.slotOfId.length * 2;
      while (n <= id) n *= 2;
      const grown = new Int32Array(n).fill(-1);
      grown.set(this.slotOfId);
      this.slotOfId = grown;
    }
    this.slotOfId[id] = s;
  }

  slotOf(id: number): number {
    if (id < 0) return -1;
    if (id < DENSE_IDS) return id < this.slotOfId.length ? this.slotOfId[id] : -1;
    const s = this.sparse.get(id);
    return s === undefined ? -1 : s;
  }

  /** The next id `add` would hand out (saved with the columns, so a restored store goes on the same). */
  get idCounter(): number { return this.nextId; }

  /**
   * Replaces everything with `count` creatures whose columns are `columns` (in arrays() order,
   * one value per creature each, from `offset`): what a saved state restores. Rebuilds the id → slot map.
   */
  load(count: number, tickCount: number, nextId: number, columns: ArrayLike<number>, offset: number): void {
    for (let i = 0; i < this.count; i++) this.mapId(this.id[i], -1);
    this.count = 0;
    if (count > this.capacity) { let n = this.capacity; while (n < count) n *= 2; this.allocate(n); }
    const arrays = this.arrays();
    for (let a = 0; a < arrays.length; a++) {
      const dst = arrays[a];
      for (let i = 0; i < count; i++) dst[i] = columns[offset + a * count + i];
    }
    this.count = count;
    this.tickCount = tickCount;
    this.nextId = nextId;
    for (let i = 0; i < count; i++) this.mapId(this.id[i], i);
  }

  /** Removes by id: the last creature moves into the freed slot. */
  remove(id: number): boolean {
    const s = this.slotOf(id);
    if (s < 0) return false;
    const last = --this.count;
    if (s !== last) {
      for (const a of this.arrays()) a[s] = a[last];
      this.mapId(this.id[s], s);
    }
    this.mapId(id, -1);
    return true;
  }
}
