/**
 * Every item a player can hold (issue 12): what digging yields (one per worldgen material, one item
 * for a fully solid voxel), the parts the fabricator makes from them, and what each weighs and how
 * many stack in one slot. Pure data: the page, the relay and the workers read the same table, so an
 * inventory means the same on every side.
 */
import { MATERIALS, type MaterialName } from '../protocol/world.ts';

export const ITEM_IDS = [
  // Raw materials, from digging.
  'soil', 'rock', 'sand', 'ice', 'snow', 'basalt', 'sandstone', 'iron_ore', 'copper_ore',
  // Parts, from the fabricator.
  'iron_plate', 'copper_wire', 'glass', 'silicon', 'energy_cell',
  // Creature drops (issue 13): food some creatures like, and material.
  'raw_meat', 'chitin',
] as const;
export type ItemId = (typeof ITEM_IDS)[number];

export interface ItemDef {
  id: ItemId;
  name: string;
  /** kg per unit. */
  weight: number;
  /** Units in one slot. */
  stack: number;
  kind: 'raw' | 'part' | 'drop';
}

const raw = (id: ItemId, name: string, weight: number): ItemDef => ({ id, name, weight, stack: 100, kind: 'raw' });
const part = (id: ItemId, name: string, weight: number, stack = 50): ItemDef => ({ id, name, weight, stack, kind: 'part' });

export const ITEMS: Readonly<Record<ItemId, ItemDef>> = {
  soil: raw('soil', 'Soil', 0.25),
  rock: raw('rock', 'Rock', 0.5),
  sand: raw('sand', 'Sand', 0.25),
  ice: raw('ice', 'Ice', 0.3),
  snow: raw('snow', 'Snow', 0.1),
  basalt: raw('basalt', 'Basalt', 0.6),
  sandstone: raw('sandstone', 'Sandstone', 0.4),
  iron_ore: raw('iron_ore', 'Iron ore', 1),
  copper_ore: raw('copper_ore', 'Copper ore', 1),
  iron_plate: part('iron_plate', 'Iron plate', 0.5),
  copper_wire: part('copper_wire', 'Copper wire', 0.2),
  glass: part('glass', 'Glass', 0.3),
  silicon: part('silicon', 'Silicon', 0.2),
  energy_cell: part('energy_cell', 'Energy cell', 1, 10),
  raw_meat: { id: 'raw_meat', name: 'Raw meat', weight: 0.5, stack: 20, kind: 'drop' },
  chitin: { id: 'chitin', name: 'Chitin', weight: 0.4, stack: 50, kind: 'drop' },
};

export const isItemId = (v: string): v is ItemId => Object.prototype.hasOwnProperty.call(ITEMS, v);

/** The item a voxel of each material yields when dug ('air' yields nothing). Grass is soil with a top. */
export const MATERIAL_YIELD: Readonly<Record<MaterialName, ItemId | null>> = {
  air: null, rock: 'rock', soil: 'soil', grass: 'soil', sand: 'sand', ice: 'ice', snow: 'snow',
  ore: 'iron_ore', basalt: 'basalt', sandstone: 'sandstone', copper_ore: 'copper_ore',
};

/** MATERIAL_YIELD by material id, for the hot path (index = material id; -1 = nothing). */
export const YIELD_BY_MATERIAL_ID: Int8Array = Int8Array.from(MATERIALS, (m) => {
  const item = MATERIAL_YIELD[m];
  return item === null ? -1 : ITEM_IDS.indexOf(item);
});

/** The material the build tool places, and the item it spends. */
export const BUILD_ITEM: ItemId = 'soil';

/** A player's carrying limits (seed 000 `max_weight`). */
export const INVENTORY_SLOTS = 24;
export const MAX_WEIGHT_KG = 100;
