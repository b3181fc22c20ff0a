/**
 * The stored shape of a player's inventory (the `players.inventory` column), as zod schemas: the relay
 * parses what it loads from the database with StoredInventorySchema before any rule runs on it, and
 * the inventory rules check a caller's metadata with ItemMetadataSchema, so "valid" means one thing.
 *
 * Slots are positional: `slots[i]` is slot i (null when empty), always INVENTORY_SLOTS long, so a
 * stack keeps its slot number across saves. Seed 000's GET /inventory/get lists only filled slots;
 * inventoryView (inventory.ts) produces that. `yield_remainder` is the mining remainder
 * (engine/mining/yield.ts), kept in the same column so one write saves both.
 */
import { z } from 'zod';
import { INVENTORY_SLOTS, ITEM_IDS, ITEMS } from '../items.ts';
import { UNITS_PER_ITEM } from '../mining/yield.ts';

/** The largest quantity one call may move: bigger numbers are typos or attacks, never play. */
export const MAX_ITEM_QUANTITY = 1_000_000;
/** Metadata is small facts (a battery's charge), not storage: a cap keeps rows and messages small. */
export const MAX_METADATA_CHARS = 1024;

export const ItemIdSchema = z.enum(ITEM_IDS);

/** A plain JSON object (no arrays, functions, NaN or undefined at the top), under MAX_METADATA_CHARS once serialised. */
export const ItemMetadataSchema = z.record(z.string(), z.json())
  .refine((m) => JSON.stringify(m).length <= MAX_METADATA_CHARS, `metadata must serialise to at most ${MAX_METADATA_CHARS} characters`);
export type ItemMetadata = z.infer<typeof ItemMetadataSchema>;

export const InventorySlotSchema = z.object({
  slot: z.number().int().min(0).max(INVENTORY_SLOTS - 1),
  item_id: ItemIdSchema,
  quantity: z.number().int().min(1),
  metadata: ItemMetadataSchema,
}).refine((s) => s.quantity <= ITEMS[s.item_id].stack, { message: 'quantity is over the item\'s stack size', path: ['quantity'] });
export type InventorySlot = z.infer<typeof InventorySlotSchema>;

export const YieldRemainderSchema = z.partialRecord(ItemIdSchema, z.number().int().min(0).max(UNITS_PER_ITEM - 1));

/**
 * Weight is not checked on load: a value saved under an older catalogue must still load (the rules then
 * refuse additions until it is light enough), whereas a broken slot layout would break the rules.
 */
export const StoredInventorySchema = z.object({
  slots: z.array(InventorySlotSchema.nullable()).length(INVENTORY_SLOTS),
  yield_remainder: YieldRemainderSchema.optional(),
}).superRefine((inv, ctx) => {
  // The rules find stacks by position; a slot that names another position would be found twice or never.
  inv.slots.forEach((s, i) => {
    if (s && s.slot !== i) ctx.addIssue({ code: 'custom', message: `slot ${i} says it is slot ${s.slot}`, path: ['slots', i, 'slot'] });
  });
});
export type Inventory = z.infer<typeof StoredInventorySchema>;
