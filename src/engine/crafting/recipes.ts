/**
 * What the fabricator makes (issue 12, item 5): a short list of recipes that turn dug raw materials
 * into the parts the structures cost (iron plate, copper wire, glass, silicon, energy cells). Plain
 * data, so GET /fabricator/recipes lists it as it is and the relay and the page agree on every cost.
 *
 * A recipe runs for `ticks` world ticks (the grid's 10 Hz tick), and only on ticks where its
 * fabricator is powered, so its energy is the fabricator's draw for that long: whole joules, exact.
 */
import type { ItemId } from '../items.ts';
import type { ItemCounts } from '../mining/yield.ts';
import { STRUCTURE_TYPES } from '../base/structure-types.ts';
import { POWER_TICK_HZ } from '../base/power-units.ts';
import { FABRICATOR_MAX_COUNT } from '../../protocol/net/base-events.ts';

export const RECIPE_IDS = ['iron_plate', 'copper_wire', 'glass', 'silicon', 'energy_cell'] as const;
export type RecipeId = (typeof RECIPE_IDS)[number];

export interface Recipe {
  id: RecipeId;
  name: string;
  /** Items spent when a job starts (per craft). */
  inputs: ItemCounts;
  /** Items given when it ends (per craft). */
  outputs: ItemCounts;
  /** Powered world ticks one craft takes. */
  ticks: number;
  /** Joules one craft draws: the fabricator's watts × its seconds. */
  energyJ: number;
}

/** The most crafts one job may queue: a job's inputs are spent at once, so keep a mistake small. */
export const MAX_CRAFT_COUNT = FABRICATOR_MAX_COUNT;

const FABRICATOR_W = STRUCTURE_TYPES.fabricator.consumptionW;

function define(id: RecipeId, name: string, inputs: ItemCounts, outputs: ItemCounts, ticks: number): Recipe {
  // ticks × W is a multiple of POWER_TICK_HZ for every recipe below (checked in the test), so joules stay whole.
  return { id, name, inputs, outputs, ticks, energyJ: (FABRICATOR_W * ticks) / POWER_TICK_HZ };
}

export const RECIPES: Readonly<Record<RecipeId, Recipe>> = {
  iron_plate: define('iron_plate', 'Iron plate', { iron_ore: 2 }, { iron_plate: 1 }, 30),
  copper_wire: define('copper_wire', 'Copper wire', { copper_ore: 1 }, { copper_wire: 2 }, 20),
  glass: define('glass', 'Glass', { sand: 2 }, { glass: 1 }, 30),
  silicon: define('silicon', 'Silicon', { sand: 2, rock: 1 }, { silicon: 1 }, 40),
  // The one part made from parts: the battery's store of charge.
  energy_cell: define('energy_cell', 'Energy cell', { iron_plate: 1, copper_wire: 2, silicon: 1 }, { energy_cell: 1 }, 60),
};

export const RECIPE_LIST: readonly Recipe[] = RECIPE_IDS.map((id) => RECIPES[id]);

export const isRecipeId = (v: string): v is RecipeId => Object.prototype.hasOwnProperty.call(RECIPES, v);

/** Each count × n (a job of n crafts spends and gives n times one craft's items). */
export function scaleCounts(counts: ItemCounts, n: number): ItemCounts {
  const out: ItemCounts = {};
  for (const [item, q] of Object.entries(counts) as [ItemId, number][]) out[item] = q * n;
  return out;
}

/** What a job of `count` crafts spends, gives, and how many powered ticks and joules it takes. */
export function craftPlan(recipe: Recipe, count: number) {
  return { inputs: scaleCounts(recipe.inputs, count), outputs: scaleCounts(recipe.outputs, count), ticks: recipe.ticks * count, energyJ: recipe.energyJ * count };
}

/**
 * Every item that can be had from `start` through the recipes (start included): a recipe adds its
 * outputs once all its inputs can be had, repeated until nothing new appears.
 */
export function reachableItems(start: Iterable<ItemId>): Set<ItemId> {
  const have = new Set<ItemId>(start);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of RECIPE_LIST) {
      if (!(Object.keys(r.inputs) as ItemId[]).every((i) => have.has(i))) continue;
      for (const o of Object.keys(r.outputs) as ItemId[]) if (!have.has(o)) { have.add(o); grew = true; }
    }
  }
  return have;
}
