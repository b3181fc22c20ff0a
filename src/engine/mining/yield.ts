/**
 * Turns an edit's exact material balance (EditLedger, density units) into whole inventory items.
 *
 * One item is UNITS_PER_ITEM = DENSITY_MAX = 127 units of solid density: digging out one fully solid
 * voxel of rock yields one rock. Edits rarely move whole voxels, so each player carries a remainder of
 * units per item between edits (0..126 each); nothing is lost, and nothing is created, across any
 * sequence of digs and builds: items * 127 + remainder changes by exactly what the edits moved.
 * Integer maths only, and the remainder is plain JSON (stored with the player's inventory), so the
 * relay and every page that replays the same edits from the same remainder get the same items.
 *
 * Policy (the issue's): a dig ('remove') yields the items of what it removed; a build ('add') costs
 * BUILD_ITEM (soil) for every unit it added, and what it adds is soil (brush.ts: every voxel the build
 * or smooth tool raises becomes soil, a topped-up ore voxel included), so building beside ore and
 * digging it back yields soil, never ore. Smoothing moves density both ways: what it adds is soil, and
 * what it removes is the real material; what it yields or costs is the caller's call (the ledger has
 * both sides). Units an edit converts to soil (the old units of a topped-up ore voxel) count nowhere
 * (edit-ledger.ts), so no sequence of edits yields more of a material than the world held.
 */
import { DENSITY_MAX } from '../../protocol/world.ts';
import type { BrushEdit } from '../../protocol/terrain.ts';
import { BUILD_ITEM, ITEM_IDS, YIELD_BY_MATERIAL_ID, type ItemId } from '../items.ts';
import { BRUSH_DENSITY_SCALE, brushFalloff, brushReach, type BrushReach } from '../brush.ts';
import { totalUnits, type EditLedger } from './edit-ledger.ts';

export const UNITS_PER_ITEM = DENSITY_MAX;

/** Units carried per item between edits, each 1..UNITS_PER_ITEM-1; an absent item carries 0. */
export type YieldRemainder = Partial<Record<ItemId, number>>;

/** Whole items (> 0) per item. */
export type ItemCounts = Partial<Record<ItemId, number>>;

/**
 * Splits carried + delta units into whole items and a remainder in 0..126 (floor division). A negative
 * delta (a cost) gives negative items: the whole items to take, leaving a non-negative remainder.
 */
export function settleUnits(carried: number, deltaUnits: number): { items: number; remainder: number } {
  const total = carried + deltaUnits;
  const items = Math.floor(total / UNITS_PER_ITEM);
  return { items, remainder: total - items * UNITS_PER_ITEM };
}

/** Folds per-material units into per-item units (grass counts as soil; air yields nothing). Clears `out` first. */
export function unitsByItem(byMaterial: Int32Array, out: Int32Array = new Int32Array(ITEM_IDS.length)): Int32Array {
  out.fill(0);
  for (let m = 0; m < byMaterial.length && m < YIELD_BY_MATERIAL_ID.length; m++) {
    const item = YIELD_BY_MATERIAL_ID[m];
    if (item >= 0) out[item] += byMaterial[m];
  }
  return out;
}

const itemScratch = new Int32Array(ITEM_IDS.length);

/** What a dig yields: the removed units per item plus what the player carried, as whole items and a new remainder. */
export function mineYield(ledger: EditLedger, remainder: YieldRemainder): { items: ItemCounts; remainder: YieldRemainder } {
  const units = unitsByItem(ledger.removed, itemScratch);
  const items: ItemCounts = {};
  const next: YieldRemainder = {};
  // Walk the catalogue in order so equal inputs give equal (and equally ordered) JSON.
  ITEM_IDS.forEach((id, i) => {
    const s = settleUnits(remainder[id] ?? 0, units[i]);
    if (s.items > 0) items[id] = s.items;
    if (s.remainder > 0) next[id] = s.remainder;
  });
  return { items, remainder: next };
}

/** What a build costs without a reservation (a local, unsequenced game): whole BUILD_ITEMs to take and the new remainder. */
export function buildCost(ledger: EditLedger, remainder: YieldRemainder): { items: number; remainder: YieldRemainder } {
  const s = settleUnits(remainder[BUILD_ITEM] ?? 0, -totalUnits(ledger.added));
  return { items: -s.items, remainder: withUnits(remainder, BUILD_ITEM, s.remainder) };
}

/** BUILD_ITEMs to hold back before an 'add' edit is sequenced: enough for its worst case, after the carried units. */
export function buildReservation(edit: BrushEdit, remainder: YieldRemainder): number {
  const s = settleUnits(remainder[BUILD_ITEM] ?? 0, -maxBuildUnits(edit));
  return -s.items;
}

/**
 * After a reserved build is applied: the reserved items not used (to give back) and the new remainder.
 * `refund` is >= 0 whenever `reserved` came from buildReservation for the same edit and remainder.
 */
export function settleBuild(ledger: EditLedger, reserved: number, remainder: YieldRemainder): { refund: number; remainder: YieldRemainder } {
  const s = settleUnits(remainder[BUILD_ITEM] ?? 0, reserved * UNITS_PER_ITEM - totalUnits(ledger.added));
  return { refund: s.items, remainder: withUnits(remainder, BUILD_ITEM, s.remainder) };
}

function withUnits(remainder: YieldRemainder, id: ItemId, units: number): YieldRemainder {
  const next: YieldRemainder = {};
  for (const other of ITEM_IDS) {
    const u = other === id ? units : remainder[other] ?? 0;
    if (u > 0) next[other] = u;
  }
  return next;
}

/**
 * old + f·amount is rounded to a double before Math.round, which can lift a fraction a few ulps under
 * .5 to .5 and so add one more unit than round(f·amount); rounding the bound up that early covers it.
 */
const FP_SLACK = 1e-6;
const reach: BrushReach = { ax: 0, bx: 0, ay: 0, by: 0, az: 0, bz: 0 };

/**
 * The most solid density an 'add' of this position, radius and strength can add, whatever the terrain:
 * per voxel the brush visits, a voxel can gain at most round(f·amount), and never more than DENSITY_MAX.
 */
export function maxBuildUnits(edit: BrushEdit): number {
  const { x: px, y: py, z: pz } = edit.position;
  const r2 = edit.radius * edit.radius;
  const amount = edit.strength * BRUSH_DENSITY_SCALE;
  const { ax, bx, ay, by, az, bz } = brushReach(edit, reach);
  let sum = 0;
  for (let z = az; z <= bz; z++) for (let y = ay; y <= by; y++) for (let x = ax; x <= bx; x++) {
    const dx = x - px, dy = y - py, dz = z - pz;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 >= r2) continue;
    const gain = Math.round(brushFalloff(d2, r2) * amount + FP_SLACK);
    sum += gain > DENSITY_MAX ? DENSITY_MAX : gain;
  }
  return sum;
}
