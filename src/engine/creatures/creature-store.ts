/**
 * Every creature as structure-of-arrays in typed arrays: one array per field, slot i is one
 * creature. The tick walks these arrays in slot order with no objects behind them, and a snapshot
 * for the main thread or the relay is a copy of a few buffers.
 *
 * Ids are stable (never reused); slots are not: removing swaps the last creature into the hole, so
 * slots stay dense and `count` is the loop bound. `slotOfId` maps back.
 */
import { CREATURE_TYPES, statsAtLevel, type CreatureTypeId } from './creature-types.ts';

/** Behaviour states, kept as small ints in `state`. The first five are seed 000's commands. */
export const CreatureState = { Wander: 0, Follow: 1, Stay: 2, Aggressive: 3, Passive: 4, Flee: 5 } as const;
export type CreatureState = (typeof CreatureState)[keyof typeof CreatureState];

export const NO_ID = -1;

export interface CreatureInput {
  type: CreatureTypeId;
  level: number;
  x: number; y: number; z: number;
  state?: CreatureState;
  /** Owning player's number, or NO_ID for a wild creature. */
  owner?: number;
  /** Seeds the creature's own RNG; any integer, 0 is replaced by a fixed odd constant. */
  seed: number;
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
  /** Id (not slot) of the creature it hunts or flees, or NO_ID. */
  target!: Int32Array;
  /** Ticks until it may strike again. */
  cooldown!: Int32Array;
  /** xorshift32 state, one per creature, so a creature's choices do not depend on the others'. */
  rng!: Uint32Array;
  /** id → slot, or -1; grows with the ids handed out. */
  slotOfId = new Int32Array(64).fill(-1);

  constructor(capacity = 64) {
    this.capacity = capacity;
    this.allocate(capacity);
  }

  /** Every per-creature array, in a fixed order: growth, swap-remove and the determinism test walk this. */
  arrays(): (Float64Array | Int32Array | Uint8Array | Uint32Array)[] {
    return [
      this.id, this.x, this.y, this.z, this.vx, this.vy, this.vz, this.headX, this.headZ, this.wanderX, this.wanderZ,
      this.type, this.level, this.state, this.dead, this.health, this.stamina, this.damage, this.defense, this.speed,
      this.maxHealth, this.maxStamina, this.owner, this.target, this.cooldown, this.rng,
    ];
  }

  private allocate(n: number): void {
    const old = this.count > 0 ? this.arrays() : null;
    const f64 = () => new Float64Array(n), i32 = () => new Int32Array(n), u8 = () => new Uint8Array(n);
    this.id = i32(); this.x = f64(); this.y = f64(); this.z = f64(); this.vx = f64(); this.vy = f64(); this.vz = f64();
    this.headX = f64(); this.headZ = f64(); this.wanderX = f64(); this.wanderZ = f64();
    this.type = u8(); this.level = i32(); this.state = u8(); this.dead = u8(); this.health = f64(); this.stamina = f64();
    this.damage = f64(); this.defense = f64(); this.speed = f64(); this.maxHealth = f64(); this.maxStamina = f64();
    this.owner = i32(); this.target = i32(); this.cooldown = i32(); this.rng = new Uint32Array(n);
    if (old) {
      const now = this.arrays();
      for (let a = 0; a < old.length; a++) now[a].set(old[a].subarray(0, this.count));
    }
    this.capacity = n;
  }

  /** Adds a creature and returns its id. Never called inside the tick, so growing here is fine. */
  add(c: CreatureInput): number {
    if (this.count === this.capacity) this.allocate(this.capacity * 2);
    const s = this.count++, id = this.nextId++;
    if (id >= this.slotOfId.length) {
      const grown = new Int32Array(this.slotOfId.length * 2).fill(-1);
      grown.set(this.slotOfId);
      this.slotOfId = grown;
    }
    const t = CREATURE_TYPES[c.type], stats = statsAtLevel(t, c.level);
    this.id[s] = id; this.slotOfId[id] = s;
    this.x[s] = c.x; this.y[s] = c.y; this.z[s] = c.z;
    this.vx[s] = 0; this.vy[s] = 0; this.vz[s] = 0;
    this.headX[s] = 0; this.headZ[s] = 1; this.wanderX[s] = 0; this.wanderZ[s] = 1;
    this.type[s] = t.index; this.level[s] = c.level; this.state[s] = c.state ?? CreatureState.Wander; this.dead[s] = 0;
    this.health[s] = stats.health; this.stamina[s] = stats.stamina; this.maxHealth[s] = stats.health; this.maxStamina[s] = stats.stamina;
    this.damage[s] = stats.damage; this.defense[s] = stats.defense; this.speed[s] = stats.speed;
    this.owner[s] = c.owner ?? NO_ID; this.target[s] = NO_ID; this.cooldown[s] = 0;
    this.rng[s] = (c.seed >>> 0) || 0x9e3779b9;
    return id;
  }

  slotOf(id: number): number {
    return id >= 0 && id < this.slotOfId.length ? this.slotOfId[id] : -1;
  }

  /** Removes by id: the last creature moves into the freed slot. */
  remove(id: number): boolean {
    const s = this.slotOf(id);
    if (s < 0) return false;
    const last = --this.count;
    if (s !== last) {
      for (const a of this.arrays()) a[s] = a[last];
      this.slotOfId[this.id[s]] = s;
    }
    this.slotOfId[id] = -1;
    return true;
  }
}
