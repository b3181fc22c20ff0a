/**
 * Input checks and refusals for the inventory rules. Every refusal carries a seed 000 error code (so a
 * door can answer it in the seed's format as it is) and a `reason` the UI can act on without parsing
 * the message (e.g. "too heavy" and "no room" look different in the inventory panel).
 */
import type { ErrorCode, TypedError } from '../../protocol/errors.ts';
import { isItemId, ITEMS, type ItemId } from '../items.ts';
import { ItemMetadataSchema, MAX_ITEM_QUANTITY, type ItemMetadata } from './inventory-schema.ts';

export type InventoryRefusalReason =
  | 'unknown_item'      // INVALID_PARAMETER: not in the item catalogue
  | 'invalid_quantity'  // INVALID_PARAMETER: not an integer 1..MAX_ITEM_QUANTITY
  | 'invalid_metadata'  // INVALID_PARAMETER: not a small plain JSON object
  | 'too_heavy'         // CONFLICT: the result would weigh more than MAX_WEIGHT_KG
  | 'no_room'           // CONFLICT: not enough free stack space or empty slots
  | 'not_held'          // RESOURCE_NOT_FOUND: removing an item the player has none of
  | 'not_enough';       // CONFLICT: removing or spending more than held

export interface InventoryError extends TypedError { reason: InventoryRefusalReason }
export interface InventoryRefusal { ok: false; error: InventoryError }

export function refuse(code: ErrorCode, reason: InventoryRefusalReason, message: string): InventoryRefusal {
  return { ok: false, error: { code, reason, message } };
}

/** A refusal for a bad item id, or null when `item` is in the catalogue (and so an ItemId). */
export function checkItem(item: string): InventoryRefusal | null {
  return isItemId(item) ? null : refuse('INVALID_PARAMETER', 'unknown_item', `item_id: unknown item '${String(item)}'`);
}

/** Quantities are whole, positive and bounded: 0, negatives, fractions, NaN and huge values are refused. */
export function checkQuantity(quantity: number, field = 'quantity'): InventoryRefusal | null {
  if (typeof quantity === 'number' && Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_ITEM_QUANTITY) return null;
  return refuse('INVALID_PARAMETER', 'invalid_quantity', `${field}: must be an integer from 1 to ${MAX_ITEM_QUANTITY}, got ${String(quantity)}`);
}

/** The metadata as the inventory will store it (a detached copy), or a refusal. */
export function checkMetadata(metadata: unknown): { ok: true; value: ItemMetadata } | InventoryRefusal {
  const r = ItemMetadataSchema.safeParse(metadata);
  if (!r.success) return refuse('INVALID_PARAMETER', 'invalid_metadata', `metadata: ${r.error.issues[0]?.message ?? 'invalid'}`);
  // A copy, so the caller changing its object later cannot change a stored stack.
  return { ok: true, value: JSON.parse(JSON.stringify(r.data)) as ItemMetadata };
}

/** Equal JSON values, whatever the key order: stacks with equal metadata merge. */
export function sameMetadata(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>, rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameMetadata(ra[k], rb[k]));
}

/** Item weight in whole grams: sums of grams are exact where sums of kg fractions drift (0.1 + 0.2). */
export const GRAMS: Readonly<Record<ItemId, number>> = Object.fromEntries(
  Object.values(ITEMS).map((def) => [def.id, Math.round(def.weight * 1000)]),
) as Record<ItemId, number>;

/** Grams as kg rounded to 0.01, the seed's `weight` (45.5). */
export const gramsToKg = (grams: number): number => Math.round(grams / 10) / 100;
