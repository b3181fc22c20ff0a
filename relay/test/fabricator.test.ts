/**
 * The fabricator on a real relay (issue 12, item 5): a job is refused, without changing anything,
 * for someone else's fabricator, an unknown recipe, a structure that is not a fabricator, missing
 * inputs or a busy fabricator; a started job spends its inputs at once, waits while its grid is too
 * weak (one panel: 50 W for an 80 W fabricator), survives a relay restart, runs once a second panel
 * joins the network, and puts its outputs into the owner's inventory; removing a fabricator mid-job
 * gives its inputs back. Events are waited on, never time (a job's own seconds are its only wait).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FabricatorUpdate, InventoryUpdate, StructureInfo, StructureState } from '../../src/protocol/net/base-events.ts';
import { VoxelStore } from '../../src/engine/voxel-store.ts';
import { countItem as countStored } from '../../src/engine/inventory/inventory.ts';
import { StoredInventorySchema } from '../../src/engine/inventory/inventory-schema.ts';
import { ITEM_IDS, type ItemId } from '../../src/engine/items.ts';
import { STRUCTURE_TYPES } from '../../src/engine/base/structure-types.ts';
import { DEFAULT_WORLD } from '../../src/protocol/net/worlds.ts';
import { ask, disconnectAll, player, startRelay, tempDataDir, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
const relays: Relay[] = [];
const open: Client[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) {
    await disconnectAll(r, open);
    await r.close();
  }
});

const start = async (dataDir: string) => {
  const r = await startRelay({ creative: true, dataDir });
  relays.push(r);
  return r;
};
const stop = async (r: Relay) => {
  await disconnectAll(r, open);
  await r.close();
  relays.splice(relays.indexOf(r), 1);
};
/** Every item's count in a received inventory, checked as a page checks it. */
const counts = (inv: unknown): Record<ItemId, number> => {
  const parsed = StoredInventorySchema.parse(inv);
  return Object.fromEntries(ITEM_IDS.map((i) => [i, countStored(parsed, i)])) as Record<ItemId, number>;
};
/** The next `event` on `socket` whose payload satisfies `test`. */
function until<T>(socket: Client, event: string, test: (data: T) => boolean): Promise<T> {
  const s = socket as unknown as { on(e: string, f: (d: T) => void): void; off(e: string, f: (d: T) => void): void };
  return new Promise((resolve) => {
    const on = (d: T) => { if (test(d)) { s.off(event, on); resolve(d); } };
    s.on(event, on);
  });
}

/**
 * Flat ground in the default world for a fabricator with a solar panel 3 m either side in x
 * (heights over the three footprints within 0.5 m of the middle's).
 */
function flatRow(): { x: number; z: number } {
  const store = new VoxelStore(DEFAULT_WORLD.seed);
  const h = (x: number, z: number) => store.columnInfo(x, z).height;
  for (let x = -60; x <= 60; x += 4) for (let z = -60; z <= 60; z += 4) {
    const c = h(x, z);
    if ([-5, -3, 0, 3, 5].every((dx) => [-2, 0, 2].every((dz) => Math.abs(h(x + dx, z + dz) - c) < 0.5))) return { x, z };
  }
  throw new Error('no flat row near the origin');
}

describe('the fabricator through the relay', () => {
  it('refuses bad jobs unchanged, keeps a job across a restart, runs it only when powered, delivers, and refunds on removal', { timeout: 60_000 }, async () => {
    const data = tempDataDir();
    let r = await start(data.dir);
    const a = await player(r.url, 'Smith');
    const b = await player(r.url, 'Other');
    open.push(a.socket, b.socket);
    const updates: InventoryUpdate[] = [];
    a.socket.on('inventory_update', (u) => updates.push(u));
    for (const [item_id, quantity] of [['rock', 20], ['iron_ore', 20], ['copper_ore', 10], ['sand', 10], ['iron_plate', 4], ['glass', 6], ['silicon', 4]] as const) {
      expect((await ask(a.socket, 'inventory_add', { item_id, quantity })).ok, item_id).toBe(true);
    }
    const spot = flatRow();
    const place = async (structure_type: string, dx: number) => {
      const placed = await ask<{ structure: StructureInfo }>(a.socket, 'structure_place', { structure_type, position: { x: spot.x + dx, y: 200, z: spot.z } });
      expect(placed.ok, `${structure_type}: ${JSON.stringify(placed)}`).toBe(true);
      return placed.ok ? placed.value.structure.structure_id : '';
    };
    const fab = await place('fabricator', 0);
    const panel = await place('solar_panel', 3);
    expect((await ask(a.socket, 'world_time_set', { time_of_day: 0.5 })).ok).toBe(true);
    const before = counts(updates.at(-1)!.inventory);

    // Refusals: each is the seed's error and none touches the inventory (checked by the craft's update below).
    const craft = (socket: Client, payload: unknown) => ask<{ job: { recipe_id: string; count: number }; inputs_spent: Record<string, number> }>(socket, 'fabricator_craft', payload);
    expect(await craft(b.socket, { structure_id: fab, recipe_id: 'iron_plate' })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await craft(a.socket, { structure_id: fab, recipe_id: 'gold_bar' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', details: { reason: 'unknown_recipe' } } });
    expect(await craft(a.socket, { structure_id: fab, recipe_id: 'iron_plate', count: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await craft(a.socket, { structure_id: fab, recipe_id: 'iron_plate', count: 1.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await craft(a.socket, { structure_id: 'structure_999999', recipe_id: 'iron_plate' })).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND' } });
    expect(await craft(a.socket, { structure_id: panel, recipe_id: 'iron_plate' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', details: { reason: 'not_fabricator' } } });
    expect(await craft(a.socket, { structure_id: fab, recipe_id: 'energy_cell' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'cannot_afford' } } });
    expect(await craft(a.socket, { structure_id: fab, recipe_id: 'iron_plate', count: 11 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'cannot_afford' } } });

    // A job of two plates: four ore spent at once, and nothing else moved.
    const spent = until<InventoryUpdate>(a.socket, 'inventory_update', (u) => u.cause === 'fabricated');
    const started = await craft(a.socket, { structure_id: fab, recipe_id: 'iron_plate', count: 2 });
    expect(started).toMatchObject({ ok: true, value: { job: { recipe_id: 'iron_plate', count: 2 }, inputs_spent: { iron_ore: 4 } } });
    expect(counts((await spent).inventory)).toEqual({ ...before, iron_ore: before.iron_ore - 4 });
    expect(await craft(a.socket, { structure_id: fab, recipe_id: 'iron_plate' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'busy' } } });
    // One panel makes 50 W at noon: the fabricator wants 80 W, so it waits unpowered.
    await until<{ structure_id: string; state: StructureState }>(b.socket, 'sync_structure_state', (s) => s.structure_id === fab && s.state.status === 'unpowered');

    // A restart keeps the job where it was (no powered tick yet: nothing done).
    await stop(r);
    r = await start(data.dir);
    const back = await player(r.url, 'Maker', undefined, a.identity);
    open.push(back.socket);
    const socket = back.socket;
    const base = back.join.base!;
    expect(base.states[fab].job).toEqual({ recipe_id: 'iron_plate', count: 2, progress: 0 });
    const held = counts(base.inventory);

    // A second panel on the other side: 100 W, so the job runs to the end and the plates arrive.
    const progress: FabricatorUpdate[] = [];
    socket.on('fabricator_update', (u) => progress.push(u));
    const delivered = until<InventoryUpdate>(socket, 'inventory_update', (u) => u.cause === 'fabricated');
    const done = until<FabricatorUpdate>(socket, 'fabricator_update', (u) => u.structure_id === fab && u.done);
    const second = await ask(socket, 'structure_place', { structure_type: 'solar_panel', position: { x: spot.x - 3, y: 200, z: spot.z } });
    expect(second.ok, JSON.stringify(second)).toBe(true);
    const cost = STRUCTURE_TYPES.solar_panel.cost;
    expect(counts((await delivered).inventory)).toEqual({
      ...held, iron_plate: held.iron_plate - cost.iron_plate! + 2, glass: held.glass - cost.glass!, silicon: held.silicon - cost.silicon!,
    });
    expect(await done).toEqual({ structure_id: fab, recipe_id: 'iron_plate', count: 2, progress: 1, done: true });
    const tenths = progress.filter((u) => !u.done).map((u) => u.progress);
    expect(tenths.length).toBeGreaterThan(2);
    expect(tenths).toEqual([...tenths].sort((x, y) => x - y));
    await until<{ structure_id: string; state: StructureState }>(socket, 'sync_structure_state', (s) => s.structure_id === fab && s.state.status === 'idle' && !s.state.job);

    // Removing a fabricator mid-job gives back its inputs with its own cost.
    expect((await ask(socket, 'fabricator_craft', { structure_id: fab, recipe_id: 'glass', count: 3 })).ok).toBe(true);
    const removed = await ask<{ resources_refunded: Record<string, number> }>(socket, 'structure_remove', { structure_id: fab });
    expect(removed).toMatchObject({ ok: true, value: { resources_refunded: { ...STRUCTURE_TYPES.fabricator.cost, sand: 6 } } });
    data.remove();
  });
});
