import { describe, expect, it } from 'vitest';
import { INVENTORY_SLOTS, ITEM_IDS, type ItemId } from '../items.ts';
import { testRandom } from '../mining/test-terrain.ts';
import { addItem, countItem, emptyInventory, hasItem, inventoryView, inventoryWeight, removeItem, spendItems } from './inventory.ts';
import { StoredInventorySchema, type Inventory } from './inventory-schema.ts';

/** Applies adds that must succeed. */
function holding(...adds: Array<[ItemId, number, Record<string, unknown>?]>): Inventory {
  let inv = emptyInventory();
  for (const [item, quantity, metadata] of adds) {
    const r = addItem(inv, item, quantity, metadata);
    if (!r.ok) throw new Error(r.error.message);
    inv = r.value;
  }
  return inv;
}

const quantities = (inv: Inventory) => inv.slots.map((s) => (s ? `${s.item_id}:${s.quantity}` : null));

describe('addItem', () => {
  it('fills a new slot, then tops up that stack, then spills into the next empty slot', () => {
    const a = addItem(emptyInventory(), 'soil', 60);
    expect(a).toMatchObject({ ok: true, slot: 0, new_quantity: 60 });
    const b = addItem(a.ok ? a.value : emptyInventory(), 'soil', 70);
    expect(b).toMatchObject({ ok: true, slot: 0, new_quantity: 130 });
    if (!b.ok) return;
    expect(quantities(b.value).slice(0, 3)).toEqual(['soil:100', 'soil:30', null]);
  });

  it('tops up existing stacks before using an earlier empty slot', () => {
    const emptied = removeItem(holding(['rock', 1], ['soil', 40]), 'rock', 1);
    if (!emptied.ok) throw new Error(emptied.error.message);
    const r = addItem(emptied.value, 'soil', 70);
    expect(r).toMatchObject({ ok: true, slot: 1, new_quantity: 110 });
    if (r.ok) expect(quantities(r.value).slice(0, 3)).toEqual(['soil:10', 'soil:100', null]);
  });

  it('stacks only equal metadata, whatever the key order', () => {
    const inv = holding(['energy_cell', 2, { charge: 100, tier: 1 }], ['energy_cell', 3, { tier: 1, charge: 100 }], ['energy_cell', 1, { charge: 40 }]);
    expect(quantities(inv).slice(0, 3)).toEqual(['energy_cell:5', 'energy_cell:1', null]);
    expect(inv.slots[1]?.metadata).toEqual({ charge: 40 });
    expect(countItem(inv, 'energy_cell')).toBe(6);
  });

  it('refuses what would pass the weight limit, and says so', () => {
    const inv = holding(['iron_ore', 60]);
    const r = addItem(inv, 'iron_ore', 41);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'too_heavy' } });
    if (!r.ok) expect(r.error.message).toMatch(/60 to 101 kg, over the 100 kg limit/);
    expect(addItem(inv, 'iron_ore', 40)).toMatchObject({ ok: true, new_quantity: 100 });
  });

  it('refuses what has no room, and says so, without adding any of it', () => {
    let inv = emptyInventory();
    for (let i = 0; i < INVENTORY_SLOTS; i++) inv = (addItem(inv, 'energy_cell', 1, { charge: i }) as { value: Inventory }).value;
    const before = structuredClone(inv);
    const r = addItem(inv, 'energy_cell', 10, { charge: 3 });
    // Nine fit on the charge-3 stack (stacks of 10); the tenth has nowhere to go, so none is added.
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'no_room' } });
    if (!r.ok) expect(r.error.message).toMatch(/1 of 10 energy_cell would not fit/);
    expect(inv).toEqual(before);
  });

  it('refuses bad quantities, unknown items and bad metadata with INVALID_PARAMETER', () => {
    const inv = emptyInventory();
    for (const q of [0, -1, 1.5, NaN, Infinity, 1_000_001, '5' as unknown as number]) {
      expect(addItem(inv, 'soil', q), String(q)).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMETER', reason: 'invalid_quantity' } });
    }
    for (const item of ['unobtainium', '__proto__', 'toString', '']) {
      expect(addItem(inv, item, 1), item).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMETER', reason: 'unknown_item' } });
    }
    for (const m of [null, [1], 'x', { a: NaN }, { f: () => 1 }, { big: 'x'.repeat(2000) }]) {
      expect(addItem(inv, 'soil', 1, m), JSON.stringify(m)).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMETER', reason: 'invalid_metadata' } });
    }
  });

  it('never changes its input, and stores a copy of the metadata', () => {
    const meta = { charge: 50 };
    const inv = holding(['soil', 10]);
    const before = structuredClone(inv);
    const r = addItem(inv, 'energy_cell', 1, meta);
    meta.charge = 0;
    expect(inv).toEqual(before);
    expect(r.ok && r.value.slots[1]?.metadata).toEqual({ charge: 50 });
  });
});

describe('removeItem', () => {
  it('takes from the last stacks first and empties slots it uses up', () => {
    const inv = holding(['soil', 230]);
    const r = removeItem(inv, 'soil', 50);
    expect(r).toMatchObject({ ok: true, remaining_quantity: 180 });
    if (r.ok) expect(quantities(r.value).slice(0, 3)).toEqual(['soil:100', 'soil:80', null]);
  });

  it('refuses removing more than held (409) or an item not held at all (404), changing nothing', () => {
    const inv = holding(['soil', 5]);
    expect(removeItem(inv, 'soil', 6)).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'not_enough' } });
    expect(removeItem(inv, 'rock', 1)).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND', reason: 'not_held' } });
    expect(removeItem(inv, 'soil', -5)).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMETER' } });
    expect(removeItem(inv, 'gold', 1)).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMETER', reason: 'unknown_item' } });
    expect(countItem(inv, 'soil')).toBe(5);
  });
});

describe('spendItems, hasItem, weight and the seed view', () => {
  it('pays all of a cost or none of it, naming what falls short', () => {
    const inv = holding(['iron_plate', 4], ['copper_wire', 2]);
    const short = spendItems(inv, { iron_plate: 3, copper_wire: 3, glass: 1 });
    expect(short).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'not_enough' } });
    if (!short.ok) expect(short.error.message).toBe('cannot afford: copper_wire 2/3, glass 0/1 (held/needed)');
    const paid = spendItems(inv, { iron_plate: 3, copper_wire: 2 });
    expect(paid.ok && [countItem(paid.value, 'iron_plate'), countItem(paid.value, 'copper_wire')]).toEqual([1, 0]);
    expect(spendItems(inv, {})).toEqual({ ok: true, value: inv });
    expect(spendItems(inv, { iron_plate: 0 })).toMatchObject({ ok: false, error: { reason: 'invalid_quantity' } });
    expect(spendItems(inv, { nope: 1 })).toMatchObject({ ok: false, error: { reason: 'unknown_item' } });
    expect(countItem(inv, 'iron_plate')).toBe(4);
  });

  it('hasItem and countItem read across stacks', () => {
    const inv = holding(['sand', 150]);
    expect([countItem(inv, 'sand'), hasItem(inv, 'sand', 150), hasItem(inv, 'sand', 151), hasItem(inv, 'ice')]).toEqual([150, true, false, false]);
  });

  it('weighs in whole grams, so sums do not drift (3 × 0.1 kg is 0.3, 7 × 0.2 kg is 1.4)', () => {
    expect(inventoryWeight(holding(['snow', 3]))).toBe(0.3);
    expect(inventoryWeight(holding(['copper_wire', 7]))).toBe(1.4);
    expect(inventoryWeight(holding(['iron_ore', 45], ['snow', 5]))).toBe(45.5);
  });

  it('gives seed 000\'s GET /inventory/get body: filled slots only', () => {
    const inv = holding(['iron_ore', 40], ['energy_cell', 10, { charge: 100 }]);
    expect(inventoryView(inv, 'player_001')).toEqual({
      player_id: 'player_001',
      slots: [
        { slot: 0, item_id: 'iron_ore', quantity: 40, metadata: {} },
        { slot: 1, item_id: 'energy_cell', quantity: 10, metadata: { charge: 100 } },
      ],
      weight: 50,
      max_weight: 100,
    });
  });

  it('random sequences of operations keep a valid stored value and exact counts', () => {
    const rand = testRandom(3);
    let inv = emptyInventory();
    const expected = new Map<ItemId, number>();
    let applied = 0;
    for (let k = 0; k < 400; k++) {
      const item = ITEM_IDS[Math.floor(rand() * ITEM_IDS.length)];
      const quantity = 1 + Math.floor(rand() * 60);
      const r = rand() < 0.6 ? addItem(inv, item, quantity, rand() < 0.2 ? { n: Math.floor(rand() * 3) } : {}) : removeItem(inv, item, quantity);
      if (!r.ok) continue;
      expected.set(item, (expected.get(item) ?? 0) + ('new_quantity' in r ? quantity : -quantity));
      inv = r.value;
      applied++;
      expect(StoredInventorySchema.safeParse(inv).success).toBe(true);
      expect(inventoryWeight(inv)).toBeLessThanOrEqual(100);
    }
    for (const item of ITEM_IDS) expect(countItem(inv, item), item).toBe(expected.get(item) ?? 0);
    expect(applied).toBeGreaterThan(100);
  });
});
