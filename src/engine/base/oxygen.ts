/**
 * Where a player can breathe: inside the oxygen range of a powered oxygenator or habitat, or of a
 * switched-on power pole whose network has a powered oxygenator or habitat (poles carry oxygen out
 * from the base the way Astroneer's tethers do). An unpowered source, or a pole on a network
 * without one, gives nothing. A pure query over the grid's last tick: call it as often as needed.
 *
 * Range is measured in 3D from the structure's anchor (its base centre). Right after structures
 * are added or removed, poles carry nothing until the next tick has re-judged their networks.
 */
import type { PowerGrid } from './power-grid.ts';
import { TYPE_OXYGEN_RANGE, TYPE_OXYGEN_SOURCE } from './type-tables.ts';

/** The id of a structure whose oxygen reaches (x, y, z) (the nearest, ties to the lower id), or -1. */
export function oxygenSourceAt(grid: PowerGrid, x: number, y: number, z: number): number {
  grid.ensureTopology();
  const st = grid.store, hash = grid.topology.hash, oxygenNet = grid.networks.oxygen;
  const cx = hash.cell(x), cy = hash.cell(y), cz = hash.cell(z);
  let best = -1, bestD2 = Infinity;
  for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    for (let s = hash.head[hash.bucket(cx + dx, cy + dy, cz + dz)]; s >= 0; s = hash.next[s]) {
      const t = st.type[s], r = TYPE_OXYGEN_RANGE[t];
      if (r === 0) continue;
      const on = TYPE_OXYGEN_SOURCE[t] ? st.powered[s] === 1 : st.enabled[s] === 1 && oxygenNet[st.network[s]] === 1; // as givesOxygen
      if (!on) continue;
      const ex = st.x[s] - x, ey = st.y[s] - y, ez = st.z[s] - z;
      const d2 = ex * ex + ey * ey + ez * ez;
      if (d2 > r * r) continue;
      if (d2 < bestD2 || (d2 === bestD2 && st.id[s] < st.id[best])) { best = s; bestD2 = d2; }
    }
  }
  return best < 0 ? -1 : st.id[best];
}

export const isOxygenated = (grid: PowerGrid, x: number, y: number, z: number): boolean =>
  oxygenSourceAt(grid, x, y, z) >= 0;

/** Whether structure `id` gives oxygen after the last tick (a powered source, or a live pole on a network with one). */
export function givesOxygen(grid: PowerGrid, id: number): boolean {
  grid.ensureTopology();
  const st = grid.store, s = st.slotOf(id);
  if (s < 0) return false;
  const t = st.type[s];
  if (TYPE_OXYGEN_RANGE[t] === 0) return false;
  return TYPE_OXYGEN_SOURCE[t] ? st.powered[s] === 1 : st.enabled[s] === 1 && grid.networks.oxygen[st.network[s]] === 1;
}
