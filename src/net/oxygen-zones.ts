/**
 * Where the local player can breathe, from the relay's structure states (issue 12): inside the oxygen
 * range of every structure the relay says gives oxygen now (a powered oxygenator or habitat, or a live
 * pole on a network with one; the relay's engine grid decides, see engine/base/oxygen.ts).
 *
 * The player step asks this every tick, so the zones are packed into a typed array when the base
 * changes and the query allocates nothing.
 */
import { STRUCTURE_TYPES, isStructureTypeId } from '../engine/base/structure-types.ts';
import type { BaseState, BaseStore } from './base-replica.ts';

const STRIDE = 4; // x, y, z, range²

export class OxygenZones {
  private zones = new Float64Array(0);
  private count = 0;

  constructor(store: BaseStore) {
    this.rebuild(store.getState());
    store.subscribe((s, prev) => {
      if (s.states !== prev.states || s.structures !== prev.structures) this.rebuild(s);
    });
  }

  /** The number of structures giving oxygen now. */
  get size(): number {
    return this.count;
  }

  covers(x: number, y: number, z: number): boolean {
    const a = this.zones;
    for (let i = 0, o = 0; i < this.count; i++, o += STRIDE) {
      const dx = a[o] - x, dy = a[o + 1] - y, dz = a[o + 2] - z;
      if (dx * dx + dy * dy + dz * dz <= a[o + 3]) return true;
    }
    return false;
  }

  private rebuild(s: BaseState): void {
    let n = 0;
    for (const id in s.states) if (s.states[id].oxygen && s.structures[id]) n++;
    if (this.zones.length < n * STRIDE) this.zones = new Float64Array(n * STRIDE * 2);
    let o = 0;
    for (const id in s.states) {
      const info = s.structures[id];
      if (!s.states[id].oxygen || !info || !isStructureTypeId(info.structure_type)) continue;
      const r = STRUCTURE_TYPES[info.structure_type].oxygenRange;
      this.zones[o] = info.position.x; this.zones[o + 1] = info.position.y; this.zones[o + 2] = info.position.z;
      this.zones[o + 3] = r * r;
      o += STRIDE;
    }
    this.count = o / STRIDE;
  }
}
