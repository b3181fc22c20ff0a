/**
 * A player's inventory rules: pure functions over the plain stored value (inventory-schema.ts), the
 * same on the relay (which owns inventories and applies every change) and on a page (which predicts).
 * Each change returns a new value and never alters its input, and either applies in full or is
 * refused with a reason and changes nothing: half-added loot or half-paid costs cannot happen.
 * New values rather than in-place edits: these run once per player action, not per frame.
 */
import { INVENTORY_SLOTS, ITEMS, MAX_WEIGHT_KG, type ItemId } from '../items.ts';
import { checkItem, checkMetadata, checkQuantity, GRAMS, gramsToKg, refuse, sameMetadata, type InventoryRefusal } from './inventory-checks.ts';
import type { Inventory, InventorySlot, ItemMetadata } from './inventory-schema.ts';

const MAX_GRAMS = MAX_WEIGHT_KG * 1000;

export function emptyInventory(): Inventory {
  return { slots: Array.from({ length: INVENTORY_SLOTS }, () => null) };
}

/** How many of an item the inventory holds, over all its stacks. */
export function countItem(inv: Inventory, item: ItemId): number {
  let n = 0;
  for (const s of inv.slots) if (s && s.item_id === item) n += s.quantity;
  return n;
}

export const hasItem = (inv: Inventory, item: ItemId, quantity = 1): boolean => countItem(inv, item) >= quantity;

/** Total weight in whole grams (exact). */
export function weightGrams(inv: Inventory): number {
  let g = 0;
  for (const s of inv.slots) if (s) g += GRAMS[s.item_id] * s.quantity;
  return g;
}

/** Total weight in kg rounded to 0.01 (seed 000 `weight`). */
export const inventoryWeight = (inv: Inventory): number => gramsToKg(weightGrams(inv));

/** Seed 000's GET /inventory/get body: only the filled slots, in slot order. */
export function inventoryView(inv: Inventory, player_id: string) {
  return {
    player_id,
    slots: inv.slots.filter((s): s is InventorySlot => s !== null).map((s) => ({ slot: s.slot, item_id: s.item_id, quantity: s.quantity, metadata: s.metadata })),
    weight: inventoryWeight(inv),
    max_weight: MAX_WEIGHT_KG,
  };
}

export type AddResult = { ok: true; value: Inventory; slot: number; new_quantity: number } | InventoryRefusal;
export type RemoveResult = { ok: true; value: Inventory; remaining_quantity: number } | InventoryRefusal;
export type SpendResult = { ok: true; value: Inventory } | InventoryRefusal;

/**
 * Adds `quantity` of `item`: first topping up stacks of that item with equal metadata (in slot order),
 * then filling empty slots. `slot` is the first slot that received some (seed 000 `slot`); `new_quantity`
 * is how many of the item the inventory then holds over all stacks.
 */
export function addItem(inv: Inventory, item: string, quantity: number, metadata: unknown = {}): AddResult {
  const bad = checkItem(item) ?? checkQuantity(quantity);
  if (bad) return bad;
  const id = item as ItemId;
  const meta = checkMetadata(metadata);
  if (!meta.ok) return meta;
  const before = weightGrams(inv);
  const after = before + GRAMS[id] * quantity;
  if (after > MAX_GRAMS) {
    return refuse('CONFLICT', 'too_heavy', `too heavy: ${quantity} ${id} would bring the weight from ${gramsToKg(before)} to ${gramsToKg(after)} kg, over the ${MAX_WEIGHT_KG} kg limit`);
  }
  const stack = ITEMS[id].stack;
  const slots = inv.slots.slice();
  let left = quantity, first = -1;
  for (let i = 0; i < slots.length && left > 0; i++) {
    const s = slots[i];
    if (!s || s.item_id !== id || s.quantity >= stack || !sameMetadata(s.metadata, meta.value)) continue;
    const take = Math.min(left, stack - s.quantity);
    slots[i] = { ...s, quantity: s.quantity + take };
    left -= take;
    if (first < 0) first = i;
  }
  for (let i = 0; i < slots.length && left > 0; i++) {
    if (slots[i]) continue;
    const take = Math.min(left, stack);
    slots[i] = { slot: i, item_id: id, quantity: take, metadata: copyOf(meta.value) };
    left -= take;
    if (first < 0) first = i;
  }
  if (left > 0) {
    return refuse('CONFLICT', 'no_room', `no room: ${left} of ${quantity} ${id} would not fit (stacks of ${stack}, ${freeSlots(inv)} empty slots)`);
  }
  const value = { ...inv, slots };
  return { ok: true, value, slot: first, new_quantity: countItem(value, id) };
}

/** Removes `quantity` of `item`, from the last stacks first (whatever their metadata). */
export function removeItem(inv: Inventory, item: string, quantity: number): RemoveResult {
  const bad = checkItem(item) ?? checkQuantity(quantity);
  if (bad) return bad;
  const id = item as ItemId;
  const held = countItem(inv, id);
  if (held === 0) return refuse('RESOURCE_NOT_FOUND', 'not_held', `not held: the inventory has no ${id}`);
  if (held < quantity) return refuse('CONFLICT', 'not_enough', `not enough ${id}: holds ${held}, asked to remove ${quantity}`);
  const slots = inv.slots.slice();
  let left = quantity;
  for (let i = slots.length - 1; i >= 0 && left > 0; i--) {
    const s = slots[i];
    if (!s || s.item_id !== id) continue;
    const take = Math.min(left, s.quantity);
    slots[i] = take === s.quantity ? null : { ...s, quantity: s.quantity - take };
    left -= take;
  }
  return { ok: true, value: { ...inv, slots }, remaining_quantity: held - quantity };
}

/**
 * Pays every cost or none (a structure, a recipe): all entries are checked before anything is taken.
 * An empty cost list is free. The refusal names every item that falls short, not only the first.
 */
export function spendItems(inv: Inventory, costs: Partial<Record<string, number>>): SpendResult {
  // An entry set to undefined is an absent one (a Partial built by spreading).
  const entries = Object.entries(costs).filter(([, quantity]) => quantity !== undefined);
  for (const [item, quantity] of entries) {
    const bad = checkItem(item) ?? checkQuantity(quantity as number, `costs.${item}`);
    if (bad) return bad;
  }
  const short = entries
    .filter(([item, quantity]) => countItem(inv, item as ItemId) < (quantity as number))
    .map(([item, quantity]) => `${item} ${countItem(inv, item as ItemId)}/${quantity as number}`);
  if (short.length > 0) return refuse('CONFLICT', 'not_enough', `cannot afford: ${short.join(', ')} (held/needed)`);
  let value = inv;
  for (const [item, quantity] of entries) {
    const r = removeItem(value, item, quantity as number);
    // Unreachable after the checks above; were it reached, `inv` is untouched (values are immutable).
    if (!r.ok) return r;
    value = r.value;
  }
  return { ok: true, value };
}

function freeSlots(inv: Inventory): number {
  let n = 0;
  for (const s of inv.slots) if (!s) n++;
  return n;
}

/** Each new stack gets its own metadata object, so stacks never share one. */
const copyOf = (m: ItemMetadata): ItemMetadata => JSON.parse(JSON.stringify(m)) as ItemMetadata;
