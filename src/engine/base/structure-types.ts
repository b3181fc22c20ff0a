/**
 * Every base structure a player can build (issue 12): what it costs, how tough and how big it is,
 * and what it does on the power grid. Plain data, so GET /base/types can list it as it is and the
 * page, the relay and the workers all build, wire and refund by the same table.
 *
 * Units: power in whole watts (W); battery capacity in watt-hours (Wh; the grid stores energy in
 * integer millijoules, see power-units.ts); sizes and ranges in metres; slope as rise over run.
 *
 * Bootstrap: the fabricator and the wind turbine cost raw materials only, so a player who has dug a
 * little can build power and then fabricate the parts (plates, wire, glass, silicon, cells) that the
 * rest of the base costs.
 */
import type { ItemId } from '../items.ts';

export const STRUCTURE_TYPE_IDS = [
  'solar_panel', 'wind_turbine', 'battery', 'power_pole', 'fabricator', 'oxygenator', 'habitat', 'light', 'storage',
] as const;
export type StructureTypeId = (typeof STRUCTURE_TYPE_IDS)[number];

/** How a structure takes part in the grid. 'conductor' and 'passive' neither make nor use power. */
export type PowerRole = 'generator' | 'consumer' | 'battery' | 'conductor' | 'passive';

export interface StructureType {
  id: StructureTypeId;
  name: string;
  /** Items spent to build it (item id → count). */
  cost: Partial<Record<ItemId, number>>;
  maxHealth: number;
  /** Bounding box in metres: x = width, z = depth (before yaw), y = height; anchored at the base centre. */
  size: { x: number; y: number; z: number };
  role: PowerRole;
  /** What drives a generator's output: the sun's elevation or the wind's gusts. */
  source: 'solar' | 'wind' | null;
  /** Generator output at full sun or full wind, W. */
  peakW: number;
  /** Consumer draw while it has demand, W. */
  consumptionW: number;
  /** Battery capacity, Wh. */
  capacityWh: number;
  /** Brown-out rank: when a network runs short, the lowest priority goes off first (0 = draws nothing). */
  priority: number;
  /** False when the consumer draws only while the caller says it is working (the fabricator). */
  alwaysDemands: boolean;
  /** Reach of its wiring, metres: two structures connect when either one's range covers the other. */
  connectionRange: number;
  /** Oxygen coverage radius while powered (for a pole: while its network has a powered source), metres. */
  oxygenRange: number;
  /** Share of the cost given back on removal at full health (scaled by health left). */
  refundFraction: number;
  /** Steepest ground it may stand on, rise over run (0.7 ≈ 35°). */
  maxSlope: number;
}

const WIRE = 4;
const POLE_REACH = 12;

type Spec = Pick<StructureType, 'name' | 'cost' | 'maxHealth' | 'size' | 'role'> & Partial<StructureType>;

function define(id: StructureTypeId, spec: Spec): StructureType {
  return {
    id, source: null, peakW: 0, consumptionW: 0, capacityWh: 0, priority: 0, alwaysDemands: true,
    connectionRange: WIRE, oxygenRange: 0, refundFraction: 1, maxSlope: 0.7, ...spec,
  };
}

export const STRUCTURE_TYPES: Readonly<Record<StructureTypeId, StructureType>> = {
  // Seed 000's GET /base/info example: a solar panel with power_output 50 and health 100.
  solar_panel: define('solar_panel', {
    name: 'Solar panel', cost: { iron_plate: 2, glass: 3, silicon: 2 }, maxHealth: 100,
    size: { x: 2, y: 1.2, z: 2 }, role: 'generator', source: 'solar', peakW: 50,
  }),
  wind_turbine: define('wind_turbine', {
    name: 'Wind turbine', cost: { rock: 6, iron_ore: 4, copper_ore: 2 }, maxHealth: 120,
    size: { x: 1.5, y: 6, z: 1.5 }, role: 'generator', source: 'wind', peakW: 30, maxSlope: 0.5,
  }),
  // 10 Wh runs an oxygenator and a light (25 W) for 24 real minutes: longer than a 10-minute night.
  battery: define('battery', {
    name: 'Battery', cost: { iron_plate: 2, copper_wire: 2, energy_cell: 2 }, maxHealth: 80,
    size: { x: 1, y: 1.2, z: 1 }, role: 'battery', capacityWh: 10,
  }),
  power_pole: define('power_pole', {
    name: 'Power pole', cost: { iron_plate: 1, copper_wire: 1 }, maxHealth: 50,
    size: { x: 0.4, y: 4, z: 0.4 }, role: 'conductor', connectionRange: POLE_REACH, oxygenRange: 6, maxSlope: 1,
  }),
  fabricator: define('fabricator', {
    name: 'Fabricator', cost: { rock: 10, iron_ore: 6, copper_ore: 2 }, maxHealth: 200,
    size: { x: 2, y: 1.6, z: 1.5 }, role: 'consumer', consumptionW: 80, priority: 2, alwaysDemands: false,
  }),
  // Life support outranks everything else, so a short grid keeps the player breathing longest.
  oxygenator: define('oxygenator', {
    name: 'Oxygenator', cost: { iron_plate: 3, copper_wire: 2, glass: 1 }, maxHealth: 150,
    size: { x: 1.5, y: 2, z: 1.5 }, role: 'consumer', consumptionW: 20, priority: 4, oxygenRange: 10,
  }),
  habitat: define('habitat', {
    name: 'Habitat', cost: { iron_plate: 6, glass: 4, copper_wire: 2 }, maxHealth: 400,
    size: { x: 4, y: 3, z: 4 }, role: 'consumer', consumptionW: 10, priority: 5, oxygenRange: 8, maxSlope: 0.4,
  }),
  light: define('light', {
    name: 'Light', cost: { copper_wire: 1, glass: 1 }, maxHealth: 30,
    size: { x: 0.4, y: 2, z: 0.4 }, role: 'consumer', consumptionW: 5, priority: 1, maxSlope: 1,
  }),
  storage: define('storage', {
    name: 'Storage', cost: { iron_plate: 3 }, maxHealth: 150,
    size: { x: 1.5, y: 1, z: 1.5 }, role: 'passive',
  }),
};

export const isStructureTypeId = (v: string): v is StructureTypeId =>
  Object.prototype.hasOwnProperty.call(STRUCTURE_TYPES, v);

/** The catalogue in STRUCTURE_TYPE_IDS order, indexable by the grid's Uint8 type codes. */
export const STRUCTURE_TYPE_LIST: readonly StructureType[] = STRUCTURE_TYPE_IDS.map((id) => STRUCTURE_TYPES[id]);

export const structureTypeIndex = (id: StructureTypeId): number => STRUCTURE_TYPE_IDS.indexOf(id);

/**
 * Items given back when a structure is removed: each cost line × refundFraction × health left,
 * rounded down (so a wrecked structure returns less), lines that round to 0 left out.
 */
export function refundFor(type: StructureTypeId, health: number): Partial<Record<ItemId, number>> {
  const def = STRUCTURE_TYPES[type];
  const left = Math.max(0, Math.min(health, def.maxHealth));
  const out: Partial<Record<ItemId, number>> = {};
  for (const [item, count] of Object.entries(def.cost) as [ItemId, number][]) {
    // Multiply before dividing: full health then gives back exactly count × refundFraction.
    const back = Math.floor((count * def.refundFraction * left) / def.maxHealth);
    if (back > 0) out[item] = back;
  }
  return out;
}
