/**
 * Who a creature sees and whom it counts as an enemy. Sight uses the spatial grid, so a look costs
 * the creatures in the cells around it, not all of them.
 */
import { NO_ID, type CreatureStore } from './creature-store.ts';
import type { SpatialGrid } from './spatial-grid.ts';
import { TYPE_HOSTILE, TYPE_SIGHT } from './creature-world.ts';

/** A wild hostile creature (a predator nobody owns). */
export const isWildHostile = (store: CreatureStore, s: number): boolean =>
  store.owner[s] < 0 && TYPE_HOSTILE[store.type[s]] === 1;

/**
 * Wild predators hunt what is not one of them (prey and tamed creatures); everyone else, tamed
 * or wild, treats wild predators as the enemy (to fight or to flee).
 */
export function isEnemy(store: CreatureStore, a: number, b: number): boolean {
  if (store.dead[b]) return false;
  if (isWildHostile(store, a)) return !isWildHostile(store, b);
  return isWildHostile(store, b);
}

/** Id of the nearest enemy within the creature's sight radius, or NO_ID. Ties go to the lower slot. */
export function nearestEnemy(store: CreatureStore, grid: SpatialGrid, s: number): number {
  const n = grid.near(store, s, TYPE_SIGHT[store.type[s]]);
  const found = grid.found, x = store.x, z = store.z;
  let best = -1, bestD2 = Infinity;
  for (let i = 0; i < n; i++) {
    const o = found[i];
    if (!isEnemy(store, s, o)) continue;
    const dx = x[o] - x[s], dz = z[o] - z[s], d2 = dx * dx + dz * dz;
    if (d2 < bestD2 || (d2 === bestD2 && o < best)) { bestD2 = d2; best = o; }
  }
  return best < 0 ? NO_ID : store.id[best];
}

/** Slot of a target id if it is still alive, else -1. */
export function liveSlot(store: CreatureStore, id: number): number {
  if (id === NO_ID) return -1;
  const s = store.slotOf(id);
  return s >= 0 && !store.dead[s] ? s : -1;
}
