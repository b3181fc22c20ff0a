/**
 * The grid's structures as parallel typed arrays (structure of arrays), one slot per structure.
 * A tick walks these arrays and allocates nothing; they grow (doubling) only when a structure is
 * added to a full store. Slots of removed structures are reused, so a slot number means nothing
 * outside this process: results never depend on slot order (the grid orders by structure id).
 */
import { STRUCTURE_TYPES, structureTypeIndex, type StructureTypeId } from './structure-types.ts';
import { TYPE_ALWAYS_DEMANDS } from './type-tables.ts';

/** One structure as the caller describes it. */
export interface StructureInput {
  /** The caller's structure id: a whole number, unique in the world (e.g. 789 for "structure_789"). */
  id: number;
  type: StructureTypeId;
  /** Anchor (base centre), metres. */
  x: number;
  y: number;
  z: number;
  /** Switched on (POST /power/toggle); default true. */
  enabled?: boolean;
  /** Default: the type's maxHealth. At 0 or below the structure is wrecked and joins no network. */
  health?: number;
}

/** A structure's state after a tick (seed 000 `status`), as stored in StructureStore.status. */
export const STRUCTURE_STATUSES = ['active', 'unpowered', 'disabled', 'idle'] as const;
export type StructureStatus = (typeof STRUCTURE_STATUSES)[number];
export const STATUS_ACTIVE = 0;
export const STATUS_UNPOWERED = 1;
export const STATUS_DISABLED = 2;
/** Wants nothing right now: a fabricator not working, a solar panel at night. */
export const STATUS_IDLE = 3;

type Grown = Float64Array | Int32Array | Uint8Array | Uint16Array;

function grow<A extends Grown>(a: A, capacity: number): A {
  const b = new (a.constructor as new (n: number) => A)(capacity);
  b.set(a);
  return b;
}

export class StructureStore {
  capacity: number;
  /** Slots ever used; live slots are those below this with used[slot] = 1. */
  end = 0;
  count = 0;

  // Inputs.
  used: Uint8Array;
  id: Float64Array;
  type: Uint8Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  enabled: Uint8Array;
  health: Float64Array;
  /** Whether a consumer wants power this tick (always 1 for most; the caller sets it for the fabricator). */
  demand: Uint8Array;

  // State carried from tick to tick (the snapshot).
  chargeMj: Float64Array;
  /** Ticks a browned-out consumer must wait before it may come back on. */
  cooldown: Uint16Array;

  // Results of the last tick.
  network: Int32Array;
  outputW: Int32Array;
  powered: Uint8Array;
  status: Uint8Array;

  private readonly slotById = new Map<number, number>();
  private readonly free: number[] = [];

  constructor(capacity = 64) {
    this.capacity = Math.max(1, capacity);
    const n = this.capacity;
    this.used = new Uint8Array(n); this.id = new Float64Array(n); this.type = new Uint8Array(n);
    this.x = new Float64Array(n); this.y = new Float64Array(n); this.z = new Float64Array(n);
    this.enabled = new Uint8Array(n); this.health = new Float64Array(n); this.demand = new Uint8Array(n);
    this.chargeMj = new Float64Array(n); this.cooldown = new Uint16Array(n);
    this.network = new Int32Array(n).fill(-1); this.outputW = new Int32Array(n);
    this.powered = new Uint8Array(n); this.status = new Uint8Array(n);
  }

  slotOf(id: number): number {
    return this.slotById.get(id) ?? -1;
  }

  isAlive(slot: number): boolean {
    return this.used[slot] === 1 && this.health[slot] > 0;
  }

  add(s: StructureInput): number {
    if (!Number.isSafeInteger(s.id) || s.id < 0) throw new RangeError(`structure id must be a whole number >= 0, got ${s.id}`);
    if (this.slotById.has(s.id)) throw new Error(`structure ${s.id} is already on the grid`);
    const def = STRUCTURE_TYPES[s.type];
    if (!def) throw new Error(`unknown structure type ${String(s.type)}`);
    if (!Number.isFinite(s.x) || !Number.isFinite(s.y) || !Number.isFinite(s.z)) throw new RangeError('structure position must be finite');
    if (s.health !== undefined && !Number.isFinite(s.health)) throw new RangeError('structure health must be finite');
    let slot = this.free.pop();
    if (slot === undefined) {
      if (this.end === this.capacity) this.resize(this.capacity * 2);
      slot = this.end++;
    }
    const t = structureTypeIndex(s.type);
    this.used[slot] = 1; this.id[slot] = s.id; this.type[slot] = t;
    this.x[slot] = s.x; this.y[slot] = s.y; this.z[slot] = s.z;
    this.enabled[slot] = s.enabled === false ? 0 : 1;
    this.health[slot] = s.health ?? def.maxHealth;
    this.demand[slot] = TYPE_ALWAYS_DEMANDS[t];
    this.chargeMj[slot] = 0; this.cooldown[slot] = 0;
    this.network[slot] = -1; this.outputW[slot] = 0; this.powered[slot] = 0; this.status[slot] = STATUS_IDLE;
    this.slotById.set(s.id, slot);
    this.count++;
    return slot;
  }

  /** Frees the structure's slot; returns the slot it had, or -1 if unknown. */
  remove(id: number): number {
    const slot = this.slotOf(id);
    if (slot < 0) return -1;
    this.slotById.delete(id);
    this.used[slot] = 0;
    this.network[slot] = -1;
    this.free.push(slot);
    this.count--;
    return slot;
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    this.used = grow(this.used, capacity); this.id = grow(this.id, capacity); this.type = grow(this.type, capacity);
    this.x = grow(this.x, capacity); this.y = grow(this.y, capacity); this.z = grow(this.z, capacity);
    this.enabled = grow(this.enabled, capacity); this.health = grow(this.health, capacity); this.demand = grow(this.demand, capacity);
    this.chargeMj = grow(this.chargeMj, capacity); this.cooldown = grow(this.cooldown, capacity);
    this.network = grow(this.network, capacity); this.outputW = grow(this.outputW, capacity);
    this.powered = grow(this.powered, capacity); this.status = grow(this.status, capacity);
  }
}
