/**
 * The grid's carried state as plain JSON, so the relay can persist it and a joining client can
 * start from exactly the relay's state. Everything else a tick needs (structures, toggles, demand,
 * the tick count) the caller already holds and feeds in. Lists are sorted by structure id, so two
 * grids in the same state give equal snapshots whatever order they were built in.
 */
import type { StructureStore } from './structure-store.ts';
import { ROLE_BATTERY, ROLE_CONSUMER, TYPE_CAPACITY_MJ, TYPE_ROLE } from './type-tables.ts';

export interface PowerGridSnapshot {
  /** Every battery's charge, in whole millijoules. */
  batteries: { id: number; charge_mj: number }[];
  /** Consumers drawing power at the end of the last tick (a brown-out is only judged against them). */
  powered: number[];
  /** Consumers waiting to come back on after a brown-out, and for how many more ticks. */
  cooldowns: { id: number; ticks: number }[];
}

export function snapshotGrid(store: StructureStore): PowerGridSnapshot {
  const snap: PowerGridSnapshot = { batteries: [], powered: [], cooldowns: [] };
  for (let s = 0; s < store.end; s++) {
    if (!store.used[s]) continue;
    const id = store.id[s], role = TYPE_ROLE[store.type[s]];
    if (role === ROLE_BATTERY) snap.batteries.push({ id, charge_mj: store.chargeMj[s] });
    if (role !== ROLE_CONSUMER) continue;
    if (store.powered[s]) snap.powered.push(id);
    if (store.cooldown[s] > 0) snap.cooldowns.push({ id, ticks: store.cooldown[s] });
  }
  snap.batteries.sort((a, b) => a.id - b.id);
  snap.powered.sort((a, b) => a - b);
  snap.cooldowns.sort((a, b) => a.id - b.id);
  return snap;
}

/**
 * Puts a snapshot's state onto the structures already added (ids the grid does not hold are
 * skipped). Charges are clamped to capacity and rounded to whole mJ, so a hand-edited file cannot
 * break the integer arithmetic.
 */
export function restoreGrid(store: StructureStore, snap: PowerGridSnapshot): void {
  for (let s = 0; s < store.end; s++) {
    if (!store.used[s] || TYPE_ROLE[store.type[s]] !== ROLE_CONSUMER) continue;
    store.powered[s] = 0;
    store.cooldown[s] = 0;
  }
  for (const b of snap.batteries) {
    const s = store.slotOf(b.id);
    if (s < 0 || TYPE_ROLE[store.type[s]] !== ROLE_BATTERY) continue;
    const charge = Number.isFinite(b.charge_mj) ? Math.round(b.charge_mj) : 0;
    store.chargeMj[s] = Math.max(0, Math.min(TYPE_CAPACITY_MJ[store.type[s]], charge));
  }
  for (const id of snap.powered) {
    const s = store.slotOf(id);
    if (s >= 0 && TYPE_ROLE[store.type[s]] === ROLE_CONSUMER) store.powered[s] = 1;
  }
  for (const c of snap.cooldowns) {
    const s = store.slotOf(c.id);
    if (s >= 0 && TYPE_ROLE[store.type[s]] === ROLE_CONSUMER) store.cooldown[s] = Math.max(0, Math.min(0xffff, Math.round(c.ticks) || 0));
  }
}
