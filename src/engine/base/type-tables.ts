/**
 * The catalogue as typed arrays indexed by type code (the index in STRUCTURE_TYPE_IDS), for the
 * grid's hot loops: a tick reads a number from a typed array instead of chasing an object per
 * structure. Derived once from structure-types.ts; never edit these by hand.
 */
import { STRUCTURE_TYPE_LIST } from './structure-types.ts';
import { MJ_PER_WH } from './power-units.ts';

// The order matters: grid-topology.ts keeps one member list per code, conductor and passive sharing one.
export const ROLE_GENERATOR = 0;
export const ROLE_CONSUMER = 1;
export const ROLE_BATTERY = 2;
export const ROLE_CONDUCTOR = 3;
export const ROLE_PASSIVE = 4;
const ROLE_CODES = { generator: ROLE_GENERATOR, consumer: ROLE_CONSUMER, battery: ROLE_BATTERY, conductor: ROLE_CONDUCTOR, passive: ROLE_PASSIVE };

export const SOURCE_NONE = 0;
export const SOURCE_SOLAR = 1;
export const SOURCE_WIND = 2;

const table = <A extends Float64Array | Int32Array | Uint8Array>(make: new (n: number) => A, pick: (i: number) => number): A => {
  const a = new make(STRUCTURE_TYPE_LIST.length);
  for (let i = 0; i < a.length; i++) a[i] = pick(i);
  return a;
};

export const TYPE_ROLE = table(Uint8Array, (i) => ROLE_CODES[STRUCTURE_TYPE_LIST[i].role]);
export const TYPE_SOURCE = table(Uint8Array, (i) => {
  const s = STRUCTURE_TYPE_LIST[i].source;
  return s === 'solar' ? SOURCE_SOLAR : s === 'wind' ? SOURCE_WIND : SOURCE_NONE;
});
export const TYPE_PEAK_W = table(Int32Array, (i) => STRUCTURE_TYPE_LIST[i].peakW);
export const TYPE_CONSUMPTION_W = table(Int32Array, (i) => STRUCTURE_TYPE_LIST[i].consumptionW);
export const TYPE_CAPACITY_MJ = table(Float64Array, (i) => Math.round(STRUCTURE_TYPE_LIST[i].capacityWh * MJ_PER_WH));
export const TYPE_PRIORITY = table(Int32Array, (i) => STRUCTURE_TYPE_LIST[i].priority);
export const TYPE_ALWAYS_DEMANDS = table(Uint8Array, (i) => (STRUCTURE_TYPE_LIST[i].alwaysDemands ? 1 : 0));
export const TYPE_CONNECTION_RANGE = table(Float64Array, (i) => STRUCTURE_TYPE_LIST[i].connectionRange);
export const TYPE_OXYGEN_RANGE = table(Float64Array, (i) => STRUCTURE_TYPE_LIST[i].oxygenRange);
export const TYPE_MAX_HEALTH = table(Float64Array, (i) => STRUCTURE_TYPE_LIST[i].maxHealth);

/** True for the structures that make oxygen themselves when powered (not poles, which only extend it). */
export const TYPE_OXYGEN_SOURCE = table(Uint8Array, (i) =>
  STRUCTURE_TYPE_LIST[i].oxygenRange > 0 && STRUCTURE_TYPE_LIST[i].role === 'consumer' ? 1 : 0);

/** The largest connection or oxygen range: a spatial-hash cell this big finds every neighbour in 27 cells. */
export const MAX_RANGE = STRUCTURE_TYPE_LIST.reduce((m, t) => Math.max(m, t.connectionRange, t.oxygenRange), 0);
