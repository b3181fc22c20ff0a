import { describe, expect, it } from 'vitest';
import { INVENTORY_SLOTS } from '../items.ts';
import { addItem, emptyInventory } from './inventory.ts';
import { StoredInventorySchema, type Inventory } from './inventory-schema.ts';

/** A stored value with the given slots filled in (the rest empty). */
function stored(filled: Record<number, unknown>, extra: Record<string, unknown> = {}): unknown {
  const slots: unknown[] = Array.from({ length: INVENTORY_SLOTS }, () => null);
  for (const [i, s] of Object.entries(filled)) slots[Number(i)] = s;
  return { slots, ...extra };
}

const cell = (slot: number, quantity = 3) => ({ slot, item_id: 'energy_cell', quantity, metadata: { charge: 80 } });
const issue = (v: unknown) => {
  const r = StoredInventorySchema.safeParse(v);
  return r.success ? null : `${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`;
};

describe('StoredInventorySchema (what the relay loads from players.inventory)', () => {
  it('accepts what the rules produce, with or without a mining remainder', () => {
    const r = addItem(emptyInventory(), 'energy_cell', 3, { charge: 80 });
    if (!r.ok) throw new Error(r.error.message);
    const parsed: Inventory = StoredInventorySchema.parse(JSON.parse(JSON.stringify(r.value)));
    expect(parsed).toEqual(r.value);
    expect(issue(stored({ 5: cell(5) }, { yield_remainder: { soil: 66, rock: 0 } }))).toBeNull();
  });

  it('refuses a broken layout: wrong length, a slot naming another position', () => {
    expect(issue({ slots: [] })).toMatch(/^slots:/);
    expect(issue({ slots: Array.from({ length: INVENTORY_SLOTS + 1 }, () => null) })).toMatch(/^slots:/);
    expect(issue(stored({ 2: cell(3) }))).toBe('slots.2.slot: slot 2 says it is slot 3');
    expect(issue({})).toMatch(/^slots:/);
  });

  it('refuses bad stacks: unknown item, quantity 0, fractional or over the stack size, bad metadata', () => {
    expect(issue(stored({ 0: { ...cell(0), item_id: 'gold' } }))).toMatch(/^slots\.0\.item_id/);
    expect(issue(stored({ 0: cell(0, 0) }))).toMatch(/^slots\.0\.quantity/);
    expect(issue(stored({ 0: cell(0, 1.5) }))).toMatch(/^slots\.0\.quantity/);
    expect(issue(stored({ 0: cell(0, 11) }))).toBe('slots.0.quantity: quantity is over the item\'s stack size');
    expect(issue(stored({ 0: { ...cell(0), metadata: [1] } }))).toMatch(/^slots\.0\.metadata/);
  });

  it('refuses a remainder out of 0..126 or naming an unknown item', () => {
    expect(issue(stored({}, { yield_remainder: { soil: 127 } }))).toMatch(/^yield_remainder\.soil/);
    expect(issue(stored({}, { yield_remainder: { soil: -1 } }))).toMatch(/^yield_remainder\.soil/);
    expect(issue(stored({}, { yield_remainder: { gold: 3 } }))).not.toBeNull();
  });
});
