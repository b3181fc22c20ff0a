/**
 * Issue 12's part of the relay link: inventories, structures, the power grid and the world clock.
 * The relay owns all four. A page asks (inventory_add / _remove, structure_place / _remove,
 * power_toggle, world_time_set, fabricator_craft) and the relay checks the request with the same
 * pure engine rules the page uses single-player, persists it, and tells everyone concerned: the
 * player's own `inventory_update`, and to the whole world seed 000's `sync_structure_place`,
 * `sync_structure_remove` and `sync_structure_state`, plus `power_grid_update`, `world_clock` and
 * `fabricator_update` (a fabricator job's progress).
 * Payload schemas only check shape; the engine rules give the reasons (unknown item, cannot afford).
 */
import { z } from 'zod';
import type { Vec3 } from '../vec3.ts';
import type { Ack } from './errors.ts';

// The wire shapes of the engine's values (protocol/ is the bottom layer: it cannot import engine/).
// The engine's own types (engine/inventory/inventory-schema.ts, engine/base/power-report.ts) are
// assignable to these; a page checks what it receives with the engine's zod schemas before using it.

/** engine/inventory: 24 positional slots and the mining remainder (units per item). */
export interface Inventory {
  slots: Array<{ slot: number; item_id: string; quantity: number; metadata: Record<string, unknown> } | null>;
  yield_remainder?: Partial<Record<string, number>>;
}
/** Whole items per item id. */
export type ItemCounts = Partial<Record<string, number>>;
export type StructureStatus = 'active' | 'unpowered' | 'disabled' | 'idle';
interface MemberRow { structure_id: string; type: string; status: StructureStatus }
/** engine/base/power-report.ts NetworkReport: seed 000's GET /power/status body, plus demand and batteries. */
export interface NetworkReport {
  base_id: string;
  total_generation: number;
  total_consumption: number;
  total_demand: number;
  battery_charge: number;
  battery_capacity: number;
  grid_healthy: boolean;
  generators: (MemberRow & { output: number })[];
  consumers: (MemberRow & { consumption: number })[];
  batteries: (MemberRow & { output: number; charge: number; capacity: number })[];
}

const finite = z.number().finite();
const Vec3Schema = z.object({ x: finite, y: finite, z: finite }).strict();
/** Seed 000's ids look like `structure_789`; ours are `structure_<n>` with n the grid's number. */
export const StructureIdSchema = z.string().regex(/^structure_[1-9]\d{0,8}$/, 'structure_id must look like structure_<number>');

export const InventoryAddSchema = z.object({
  item_id: z.string().min(1).max(64),
  quantity: finite,
  metadata: z.record(z.string(), z.unknown()).optional(),
}).strict();

export const InventoryRemoveSchema = z.object({ item_id: z.string().min(1).max(64), quantity: finite }).strict();

export const StructurePlaceSchema = z.object({
  structure_type: z.string().min(1).max(64),
  position: Vec3Schema,
  /** Degrees; structures turn about y only (x and z are kept as sent and ignored). */
  rotation: Vec3Schema.optional(),
}).strict();

export const StructureRemoveSchema = z.object({ structure_id: StructureIdSchema }).strict();
export const PowerToggleSchema = z.object({ structure_id: StructureIdSchema, enabled: z.boolean() }).strict();
/** 0..1 from midnight (0.5 = noon). Allowed in a creative relay or to a WorldBuilder and up. */
export const WorldTimeSetSchema = z.object({ time_of_day: z.number().min(0).max(1) }).strict();

/** The most crafts one fabricator job may queue (engine/crafting/recipes.ts uses the same). */
export const FABRICATOR_MAX_COUNT = 50;
/** Start a job on one of your fabricators: `count` crafts of a recipe (GET /fabricator/recipes), inputs spent at once. */
export const FabricatorCraftSchema = z.object({
  structure_id: StructureIdSchema,
  recipe_id: z.string().min(1).max(64),
  count: z.number().int().min(1).max(FABRICATOR_MAX_COUNT).optional(),
}).strict();

/** A structure as the relay shares it (seed 000's sync_structure_place arguments, plus state). */
export interface StructureInfo {
  structure_id: string;
  structure_type: string;
  position: Vec3;
  rotation: Vec3;
  /** The owner's public player id. */
  owner_id: string;
  health: number;
  enabled: boolean;
  built_at: string;
}

/** sync_structure_state's `state` (seed 000: "power, health, etc."). */
export interface StructureState {
  health: number;
  enabled: boolean;
  powered: boolean;
  status: StructureStatus;
  /** W made, drawn or (batteries) delivered. */
  output: number;
  /** Whether it gives oxygen now, within its type's oxygen range (a powered oxygenator or habitat, a live pole on such a network). */
  oxygen: boolean;
  /** A fabricator's running job (absent when it has none); progress is as of when the state was sent. */
  job?: FabricatorJobInfo;
}

/** A fabricator's job: `count` crafts of `recipe_id`, progress 0..1 over the powered ticks it needs. */
export interface FabricatorJobInfo { recipe_id: string; count: number; progress: number }

/**
 * fabricator_update, to the whole world: a job started, moved on a tenth, or finished (`done`, sent
 * once its outputs are in the owner's inventory). A job pauses, sending nothing, while its
 * fabricator is unpowered (sync_structure_state says so).
 */
export interface FabricatorUpdate extends FabricatorJobInfo { structure_id: string; done: boolean }

/** The world clock: the tick (POWER_TICK_HZ) at `server_ms`; a page counts on from it. */
export interface WorldClockInfo { tick: number; tick_hz: number; day_length_s: number; start_time_of_day: number }

/** What a joiner gets of the base layer, in the join result. */
export interface BaseJoin {
  inventory: Inventory;
  structures: StructureInfo[];
  states: Record<string, StructureState>;
  grid: NetworkReport[];
  clock: WorldClockInfo;
}

export interface InventoryUpdate {
  inventory: Inventory;
  /** Why it changed: a dig's yield, a build's cost or refund, a structure, or a direct add/remove. */
  cause: 'mined' | 'built' | 'structure' | 'refund' | 'add' | 'remove' | 'fabricated';
  /** What a dig (or a finished fabricator job) yielded that did not fit (too heavy or no room), left behind. */
  dropped?: ItemCounts;
}

export interface BaseClientEvents {
  inventory_add(payload: z.input<typeof InventoryAddSchema>, reply: (ack: Ack<{ inventory: Inventory; slot: number; new_quantity: number }>) => void): void;
  inventory_remove(payload: z.input<typeof InventoryRemoveSchema>, reply: (ack: Ack<{ inventory: Inventory; remaining_quantity: number }>) => void): void;
  structure_place(payload: z.input<typeof StructurePlaceSchema>, reply: (ack: Ack<{ structure: StructureInfo }>) => void): void;
  structure_remove(payload: z.input<typeof StructureRemoveSchema>, reply: (ack: Ack<{ structure_id: string; resources_refunded: ItemCounts }>) => void): void;
  power_toggle(payload: z.input<typeof PowerToggleSchema>, reply: (ack: Ack<{ structure_id: string; powered: boolean; enabled: boolean }>) => void): void;
  world_time_set(payload: z.input<typeof WorldTimeSetSchema>, reply: (ack: Ack<WorldClockInfo>) => void): void;
  fabricator_craft(payload: z.input<typeof FabricatorCraftSchema>, reply: (ack: Ack<{ structure_id: string; job: FabricatorJobInfo; inputs_spent: ItemCounts; outputs: ItemCounts; ticks: number }>) => void): void;
}

export interface BaseRelayEvents {
  inventory_update(data: InventoryUpdate): void;
  sync_structure_place(data: StructureInfo): void;
  sync_structure_remove(data: { structure_id: string; reason: 'removed' | 'destroyed' }): void;
  sync_structure_state(data: { structure_id: string; state: StructureState }): void;
  /** The networks whose figures changed (and base_ids that no longer exist). */
  power_grid_update(data: { networks: NetworkReport[]; gone: string[]; tick: number }): void;
  world_clock(data: WorldClockInfo): void;
  fabricator_update(data: FabricatorUpdate): void;
}
