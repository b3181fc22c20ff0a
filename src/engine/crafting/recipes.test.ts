import { describe, expect, it } from 'vitest';
import { ITEM_IDS, ITEMS, isItemId, type ItemId } from '../items.ts';
import { STRUCTURE_TYPE_IDS, STRUCTURE_TYPES } from '../base/structure-types.ts';
import { craftPlan, isRecipeId, MAX_CRAFT_COUNT, RECIPE_IDS, RECIPE_LIST, RECIPES, reachableItems } from './recipes.ts';
import { jobProgress, jobStep, jobTotalTicks, parseCraftJob } from './craft-job.ts';

const RAW = ITEM_IDS.filter((i) => ITEMS[i].kind === 'raw');

describe('fabricator recipes', () => {
  it('is a short list of sane recipes: whole counts of known items, a few seconds each, whole joules', () => {
    expect(RECIPE_LIST.length).toBeGreaterThanOrEqual(4);
    expect(RECIPE_LIST.length).toBeLessThanOrEqual(6);
    for (const id of RECIPE_IDS) {
      const r = RECIPES[id];
      expect(r.id).toBe(id);
      expect(isRecipeId(id)).toBe(true);
      for (const counts of [r.inputs, r.outputs]) {
        expect(Object.keys(counts).length).toBeGreaterThan(0);
        for (const [item, n] of Object.entries(counts)) expect(isItemId(item) && Number.isInteger(n) && n! > 0, `${id}: ${item}`).toBe(true);
      }
      // Made things are parts; nothing makes ore from nothing.
      for (const out of Object.keys(r.outputs)) expect(ITEMS[out as ItemId].kind).toBe('part');
      expect(Number.isInteger(r.ticks) && r.ticks >= 10 && r.ticks <= 100, `${id} takes 1–10 s`).toBe(true);
      expect(Number.isInteger(r.energyJ)).toBe(true);
      expect(r.energyJ).toBe(STRUCTURE_TYPES.fabricator.consumptionW * r.ticks / 10);
    }
    expect(isRecipeId('toString')).toBe(false);
    expect(isRecipeId('gold_bar')).toBe(false);
  });

  it('makes every part, and every structure\'s cost can be had from raw materials through them', () => {
    const reachable = reachableItems(RAW);
    for (const part of ITEM_IDS.filter((i) => ITEMS[i].kind === 'part')) expect(reachable.has(part), part).toBe(true);
    for (const type of STRUCTURE_TYPE_IDS) {
      for (const item of Object.keys(STRUCTURE_TYPES[type].cost) as ItemId[]) expect(reachable.has(item), `${type} needs ${item}`).toBe(true);
    }
  });

  it('finds nothing beyond what is given when an input is missing', () => {
    // Without sand there is no glass and no silicon, so no energy cell either.
    const noSand = reachableItems(RAW.filter((i) => i !== 'sand'));
    for (const item of ['glass', 'silicon', 'energy_cell'] as const) expect(noSand.has(item)).toBe(false);
    expect(noSand.has('iron_plate')).toBe(true);
    expect([...reachableItems([])]).toEqual([]);
  });

  it('scales a job of n crafts: n times the items, ticks and joules', () => {
    const p = craftPlan(RECIPES.silicon, 3);
    expect(p.inputs).toEqual({ sand: 6, rock: 3 });
    expect(p.outputs).toEqual({ silicon: 3 });
    expect(p.ticks).toBe(RECIPES.silicon.ticks * 3);
    expect(p.energyJ).toBe(RECIPES.silicon.energyJ * 3);
    // The recipe's own table is not changed by scaling it.
    expect(RECIPES.silicon.inputs).toEqual({ sand: 2, rock: 1 });
  });

  it('is plain data that survives JSON, for GET /fabricator/recipes', () => {
    expect(JSON.parse(JSON.stringify(RECIPES))).toEqual(RECIPES);
  });
});

describe('a craft job as stored', () => {
  it('reports progress from whole ticks and moves a step at a time', () => {
    const job = { recipe_id: 'iron_plate' as const, count: 2, done_ticks: 0 };
    expect(jobTotalTicks(job)).toBe(60);
    expect(jobProgress(job)).toBe(0);
    expect(jobStep(job, 10)).toBe(0);
    expect(jobStep({ ...job, done_ticks: 5 }, 10)).toBe(0);
    expect(jobStep({ ...job, done_ticks: 6 }, 10)).toBe(1);
    expect(jobProgress({ ...job, done_ticks: 30 })).toBe(0.5);
    expect(jobStep({ ...job, done_ticks: 60 }, 10)).toBe(10);
    expect(jobProgress({ ...job, done_ticks: 99 })).toBe(1);
  });

  it('parses what it saved, clamps the ticks, and drops what it cannot run', () => {
    expect(parseCraftJob({ recipe_id: 'glass', count: 4, done_ticks: 7 })).toEqual({ recipe_id: 'glass', count: 4, done_ticks: 7 });
    expect(parseCraftJob({ recipe_id: 'glass', count: 1, done_ticks: 500 })).toEqual({ recipe_id: 'glass', count: 1, done_ticks: 30 });
    for (const bad of [null, 'glass', {}, { recipe_id: 'gold_bar', count: 1, done_ticks: 0 }, { recipe_id: 'glass', count: 0, done_ticks: 0 },
      { recipe_id: 'glass', count: MAX_CRAFT_COUNT + 1, done_ticks: 0 }, { recipe_id: 'glass', count: 1.5, done_ticks: 0 }, { recipe_id: 'glass', count: 1, done_ticks: -1 }]) {
      expect(parseCraftJob(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
