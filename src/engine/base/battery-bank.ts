/**
 * Sharing a network's surplus among its batteries, and its deficit, in whole millijoules.
 *
 * Each switched-on battery is offered an equal share (rounded up, so nothing is left over by
 * rounding); a battery that is full (or empty, when draining) takes what it can and the rest is
 * offered to the batteries after it; a second pass in id order places whatever is still left.
 * Batteries therefore fill and empty together, which is what a player expects to see, and the
 * split depends only on the charges and the id order, so every client computes the same charges.
 * Switched-off batteries keep their charge and take no part.
 */
import type { StructureStore } from './structure-store.ts';
import type { MemberLists } from './grid-topology.ts';
import { TYPE_CAPACITY_MJ } from './type-tables.ts';

/** Moves up to `energy` mJ into (sign 1) or out of (sign -1) network n's batteries; returns the mJ moved. */
function share(store: StructureStore, batteries: MemberLists, n: number, energy: number, sign: 1 | -1): number {
  const { list, offset } = batteries;
  const { chargeMj, enabled, type } = store;
  const from = offset[n], to = offset[n + 1];
  let left = 0;
  for (let k = from; k < to; k++) left += enabled[list[k]];
  if (left === 0 || energy <= 0) return 0;
  let rest = energy;
  for (let k = from; k < to && rest > 0; k++) {
    const s = list[k];
    if (!enabled[s]) continue;
    const room = sign > 0 ? TYPE_CAPACITY_MJ[type[s]] - chargeMj[s] : chargeMj[s];
    const take = Math.min(room, Math.ceil(rest / left--));
    chargeMj[s] += sign * take;
    rest -= take;
  }
  for (let k = from; k < to && rest > 0; k++) {
    const s = list[k];
    if (!enabled[s]) continue;
    const room = sign > 0 ? TYPE_CAPACITY_MJ[type[s]] - chargeMj[s] : chargeMj[s];
    const take = Math.min(room, rest);
    chargeMj[s] += sign * take;
    rest -= take;
  }
  return energy - rest;
}

export const chargeBatteries = (store: StructureStore, batteries: MemberLists, n: number, energy: number): number =>
  share(store, batteries, n, energy, 1);

export const drainBatteries = (store: StructureStore, batteries: MemberLists, n: number, energy: number): number =>
  share(store, batteries, n, energy, -1);

/** Charge and capacity (mJ) of network n's switched-on batteries, written into out[0], out[1]. */
export function bankTotals(store: StructureStore, batteries: MemberLists, n: number, out: Float64Array): void {
  let charge = 0, capacity = 0;
  for (let k = batteries.offset[n]; k < batteries.offset[n + 1]; k++) {
    const s = batteries.list[k];
    if (!store.enabled[s]) continue;
    charge += store.chargeMj[s];
    capacity += TYPE_CAPACITY_MJ[store.type[s]];
  }
  out[0] = charge;
  out[1] = capacity;
}
