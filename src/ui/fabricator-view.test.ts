import { describe, expect, it } from 'vitest';
import { affordable, inputLines, jobRunning, nearestOwnedFabricator, powerStatus } from './fabricator-view.ts';
import { RECIPES } from '../engine/crafting/recipes.ts';
import { emptyInventory } from '../engine/inventory/inventory.ts';
import type { Inventory } from '../engine/inventory/inventory-schema.ts';
import type { ItemId } from '../engine/items.ts';
import type { StructureInfo, StructureState } from '../protocol/net/base-events.ts';

const at = (id: number, type: string, owner: string, x: number, z = 0, health = 200): StructureInfo => ({
  structure_id: `structure_${id}`, structure_type: type, position: { x, y: 0, z }, rotation: { x: 0, y: 0, z: 0 },
  owner_id: owner, health, enabled: true, built_at: '2026-01-01T00:00:00.000Z',
});
const state = (s: Partial<StructureState>): StructureState => ({ health: 200, enabled: true, powered: false, status: 'idle', output: 0, oxygen: false, ...s });

describe('nearestOwnedFabricator', () => {
  const origin = { x: 0, y: 0, z: 0 };
  it('finds the nearest of my fabricators within reach', () => {
    const list = [at(1, 'fabricator', 'me', 6), at(2, 'fabricator', 'me', 3), at(3, 'fabricator', 'you', 1), at(4, 'solar_panel', 'me', 0.5)];
    expect(nearestOwnedFabricator(list, 'me', origin)?.structure_id).toBe('structure_2');
  });
  it('ignores ones out of reach, wrecked, or when nobody is me', () => {
    expect(nearestOwnedFabricator([at(1, 'fabricator', 'me', 8.5)], 'me', origin)).toBeNull();
    expect(nearestOwnedFabricator([at(1, 'fabricator', 'me', 8)], 'me', origin)?.structure_id).toBe('structure_1');
    expect(nearestOwnedFabricator([at(1, 'fabricator', 'me', 2, 0, 0)], 'me', origin)).toBeNull();
    expect(nearestOwnedFabricator([at(1, 'fabricator', 'me', 2)], null, origin)).toBeNull();
  });
  it('breaks ties by the lower id, whatever the order', () => {
    expect(nearestOwnedFabricator([at(12, 'fabricator', 'me', 0, 3), at(9, 'fabricator', 'me', 3)], 'me', origin)?.structure_id).toBe('structure_9');
  });
});

describe('recipe inputs against the inventory', () => {
  const inv = (slots: Array<[ItemId, number]>): Inventory => {
    const e = emptyInventory();
    return { ...e, slots: e.slots.map((_, i) => (slots[i] ? { slot: i, item_id: slots[i][0], quantity: slots[i][1], metadata: {} } : null)) };
  };
  it('counts what is held against each input', () => {
    const lines = inputLines(RECIPES.silicon, inv([['sand', 3]]));
    expect(lines).toEqual([{ item: 'sand', need: 2, have: 3 }, { item: 'rock', need: 1, have: 0 }]);
    expect(affordable(lines)).toBe(false);
    expect(affordable(inputLines(RECIPES.iron_plate, inv([['iron_ore', 1], ['iron_ore', 1]])))).toBe(true);
    expect(affordable(inputLines(RECIPES.iron_plate, null))).toBe(false);
  });
});

describe('power status', () => {
  const job = { recipe_id: 'glass', count: 1, progress: 0.2, done: false };
  it('says why a running job is not moving', () => {
    expect(powerStatus(state({ status: 'unpowered' }), job)).toEqual({ text: 'waiting for power', tone: 'warn' });
    expect(powerStatus(state({ status: 'idle' }), job).text).toBe('waiting for power');
    expect(powerStatus(state({ status: 'active', powered: true, output: 80 }), job).text).toBe('working · 80 W');
    expect(powerStatus(state({ enabled: false, status: 'disabled' }), job).text).toBe('switched off');
    expect(powerStatus(state({}), { ...job, done: true }).text).toBe('idle');
    expect(powerStatus(undefined, undefined).text).toBe('idle');
    expect(jobRunning(job)).toBe(true);
    expect(jobRunning({ ...job, done: true })).toBe(false);
  });
});
