/**
 * Issue 12 on a real relay: digging pays into the inventory exactly what the edit removed (the
 * same figure a page computes from the same world), building costs soil and is refused without it,
 * structures are placed, shared, switched and removed with refunds, the grid follows the clock, bad
 * input changes nothing, and a restart keeps structures and inventories.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InventoryUpdate, StructureInfo } from '../../src/protocol/net/base-events.ts';
import type { BrushEdit } from '../../src/protocol/terrain.ts';
import { VoxelStore } from '../../src/engine/voxel-store.ts';
import { clearEditLedger, createEditLedger } from '../../src/engine/mining/edit-ledger.ts';
import { mineYield } from '../../src/engine/mining/yield.ts';
import { countItem as countStored } from '../../src/engine/inventory/inventory.ts';
import { StoredInventorySchema } from '../../src/engine/inventory/inventory-schema.ts';
import { DEFAULT_WORLD } from '../../src/protocol/net/worlds.ts';
import { ask, disconnectAll, next, player, startRelay, tempDataDir, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
const relays: Relay[] = [];
/** Counts an item in a received inventory, checked as a page checks it (the wire type is the plain shape). */
const countItem = (inv: unknown, item: Parameters<typeof countStored>[1]) => countStored(StoredInventorySchema.parse(inv), item);
const open: Client[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) {
    await disconnectAll(r, open);
    await r.close();
  }
});

const start = async (dataDir?: string, creative = true) => {
  const r = await startRelay({ creative, ...(dataDir ? { dataDir } : {}) });
  relays.push(r);
  return r;
};
const join = async (r: Relay, name: string) => {
  const p = await player(r.url, name);
  open.push(p.socket);
  return p;
};
/** The next inventory_update on `socket` that satisfies `test`. */
const update = (socket: Client, test: (u: InventoryUpdate) => boolean = () => true) => new Promise<InventoryUpdate>((resolve) => {
  const on = (u: InventoryUpdate) => { if (test(u)) { socket.off('inventory_update', on); resolve(u); } };
  socket.on('inventory_update', on);
});

/** A dig into the default world's ground near the origin, and what it yields computed here, as a page would. */
function digAndExpected(): { edit: BrushEdit; items: Record<string, number> } {
  const store = new VoxelStore(DEFAULT_WORLD.seed);
  const height = Math.floor(store.columnInfo(3.5, 4.5).height);
  const edit: BrushEdit = { position: { x: 3.5, y: height - 1, z: 4.5 }, radius: 3, strength: 10, operation: 'remove' };
  const ledger = createEditLedger();
  clearEditLedger(ledger);
  store.applyEdit(edit, ledger);
  return { edit, items: mineYield(ledger, {}).items as Record<string, number> };
}

describe('mining and building through the relay', () => {
  it('a dig yields exactly what it removed; a build without soil is refused and changes nothing', async () => {
    const r = await start(undefined, false);
    const a = await join(r, 'Miner');
    expect(a.join.base?.inventory.slots.every((s) => s === null)).toBe(true);
    const { edit, items } = digAndExpected();
    expect(Object.values(items).reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
    const mined = update(a.socket, (u) => u.cause === 'mined');
    const ack = await ask<{ edit_seq: number }>(a.socket, 'sync_terrain_deform', edit);
    expect(ack.ok).toBe(true);
    const got = await mined;
    for (const [item, n] of Object.entries(items)) expect(countItem(got.inventory, item as Parameters<typeof countStored>[1]), item).toBe(n);

    // Build more than the soil held: refused before it is sequenced.
    const seq = ack.ok ? ack.value.edit_seq : 0;
    const big: BrushEdit = { ...edit, radius: 8, operation: 'add' };
    const refused = await ask(a.socket, 'sync_terrain_deform', big);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'not_enough', item_id: 'soil' } } });
    const after = await ask<{ edits: unknown[]; edit_seq: number }>(a.socket, 'request_terrain_edits', { since_seq: seq });
    expect(after).toMatchObject({ ok: true, value: { edits: [], edit_seq: seq } });

    // A small build that fits is paid for in soil.
    const soil = countItem(got.inventory, 'soil');
    const built = update(a.socket, (u) => u.cause === 'built' && countItem(u.inventory, 'soil') < soil);
    const small: BrushEdit = { ...edit, radius: 1.5, strength: 3, operation: 'add' };
    expect((await ask(a.socket, 'sync_terrain_deform', small)).ok).toBe(true);
    expect(countItem((await built).inventory, 'soil')).toBeLessThan(soil);
  });
});

/** Flat ground near (x, z) in the default world (heights within 3 m either side differ by under 0.6 m). */
function flatSpots(count: number): Array<{ x: number; z: number }> {
  const store = new VoxelStore(DEFAULT_WORLD.seed);
  const h = (x: number, z: number) => store.columnInfo(x, z).height;
  const out: Array<{ x: number; z: number }> = [];
  for (let x = -60; x <= 60 && out.length < count; x += 4) for (let z = -60; z <= 60 && out.length < count; z += 4) {
    const c = h(x, z);
    const flat = [[3, 0], [-3, 0], [0, 3], [0, -3]].every(([dx, dz]) => Math.abs(h(x + dx, z + dz) - c) < 0.6);
    if (flat && out.every((p) => Math.hypot(p.x - x, p.z - z) >= 5)) out.push({ x, z });
  }
  return out;
}

describe('structures and the power grid through the relay', () => {
  it('places, shares, switches, refuses bad input, removes with a refund, and keeps it all across a restart', async () => {
    const data = tempDataDir();
    let r = await start(data.dir);
    const a = await join(r, 'Builder');
    const b = await join(r, 'Watcher');
    for (const [item_id, quantity] of [['iron_plate', 40], ['glass', 20], ['silicon', 20], ['copper_wire', 40], ['energy_cell', 10], ['rock', 40], ['iron_ore', 20]] as const) {
      expect((await ask(a.socket, 'inventory_add', { item_id, quantity })).ok, item_id).toBe(true);
    }
    // Bad inventory input: unknown item, negative and fractional quantity, removing more than held.
    expect(await ask(a.socket, 'inventory_add', { item_id: 'unobtainium', quantity: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await ask(a.socket, 'inventory_add', { item_id: 'rock', quantity: -3 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await ask(a.socket, 'inventory_add', { item_id: 'rock', quantity: 1.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await ask(a.socket, 'inventory_remove', { item_id: 'rock', quantity: 41 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const seen = next(b.socket, 'sync_structure_place');
    const at = (x: number, z: number) => ({ x, y: 200, z });
    const place = (structure_type: string, x: number, z: number) => ask<{ structure: StructureInfo }>(a.socket, 'structure_place', { structure_type, position: at(x, z) });
    const spots = flatSpots(3);
    const near = (i: number) => spots[i];
    const solar = await place('solar_panel', near(0).x, near(0).z);
    expect(solar.ok, JSON.stringify(solar)).toBe(true);
    const panel = solar.ok ? solar.value.structure : null!;
    expect(panel.position.y).toBeLessThan(150);
    expect(await seen).toEqual(panel);
    // Within wiring reach of the panel (4 m), so all three make one network.
    for (const [type, dx] of [['battery', 2.5], ['light', -2.5]] as const) {
      const r = await place(type, near(0).x + dx, near(0).z + 2.5);
      expect(r.ok, `${type}: ${JSON.stringify(r)}`).toBe(true);
    }
    // Where another stands: refused with the reason; an unknown type too.
    expect(await place('battery', near(0).x, near(0).z)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'overlap' } } });
    expect(await place('death_ray', 30, 30)).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });

    // Noon: the panel generates and the grid says so to everyone.
    const noon = await ask(a.socket, 'world_time_set', { time_of_day: 0.5 });
    expect(noon.ok).toBe(true);
    const grid = await new Promise<{ networks: Array<{ total_generation: number; base_id: string }> }>((resolve) => {
      const on = (g: { networks: Array<{ total_generation: number; base_id: string }> }) => { if (g.networks.some((n) => n.total_generation > 0)) { b.socket.off('power_grid_update', on); resolve(g); } };
      b.socket.on('power_grid_update', on);
    });
    expect(grid.networks[0].total_generation).toBeGreaterThan(0);

    // Someone else's structure cannot be switched or removed; an unknown one is not found.
    expect(await ask(b.socket, 'power_toggle', { structure_id: panel.structure_id, enabled: false })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await ask(b.socket, 'structure_remove', { structure_id: panel.structure_id })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await ask(a.socket, 'structure_remove', { structure_id: 'structure_999999' })).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND' } });
    const off = await ask(a.socket, 'power_toggle', { structure_id: panel.structure_id, enabled: false });
    expect(off).toMatchObject({ ok: true, value: { enabled: false, powered: false } });

    // Removal refunds the cost (full health: all of it) into the owner's inventory.
    const refunded = update(a.socket, (u) => u.cause === 'refund');
    const removed = await ask<{ resources_refunded: Record<string, number> }>(a.socket, 'structure_remove', { structure_id: panel.structure_id });
    expect(removed).toMatchObject({ ok: true, value: { resources_refunded: { iron_plate: 2, glass: 3, silicon: 2 } } });
    const held = (await refunded).inventory;

    // A restart keeps the other structures and the inventory.
    await disconnectAll(r, open);
    await r.close();
    relays.splice(relays.indexOf(r), 1);
    r = await start(data.dir);
    const back = await player(r.url, 'Ana', undefined, a.identity);
    open.push(back.socket);
    const base = back.join.base;
    expect(base?.structures.map((s) => s.structure_type).sort()).toEqual(['battery', 'light']);
    expect(base?.inventory).toEqual(held);
    data.remove();
  });
});
