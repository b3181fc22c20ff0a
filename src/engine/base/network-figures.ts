/**
 * Per-network results of the last tick, as typed arrays indexed by network number (see
 * grid-topology.ts for the numbering), plus what the previous tick reported, so the grid can say
 * which networks changed and callers emit power_grid_update only for those.
 *
 * "Changed" means a figure a player would see moved: generation or consumption (whole watts),
 * grid health, or the battery level by at least one whole percent. Battery charge itself moves on
 * nearly every tick, and reporting each millijoule would turn the event into a 10 Hz stream.
 */
export class NetworkFigures {
  count = 0;
  /** W made this tick by switched-on generators. */
  generationW = new Int32Array(0);
  /** W drawn by powered consumers. */
  consumptionW = new Int32Array(0);
  /** W wanted by switched-on consumers with demand, powered or not. */
  demandW = new Int32Array(0);
  /** Switched-on batteries' charge and capacity, mJ. */
  chargeMj = new Float64Array(0);
  capacityMj = new Float64Array(0);
  /** 1 when every consumer that wants power has it. */
  healthy = new Uint8Array(0);
  /** 1 when the network has energy at all this tick (generation or charge): poles and storage show powered. */
  live = new Uint8Array(0);
  /** 1 when an oxygenator or habitat on it is powered: its poles then carry oxygen. */
  oxygen = new Uint8Array(0);
  /** 1 when this tick's figures differ from the last tick's (or the network is new). */
  changed = new Uint8Array(0);
  private batteryPercent = new Int32Array(0);

  /** Sizes the arrays for a new numbering; every network counts as changed. */
  reset(count: number): void {
    this.count = count;
    if (this.generationW.length < count) {
      const n = Math.max(count, this.generationW.length * 2);
      this.generationW = new Int32Array(n); this.consumptionW = new Int32Array(n); this.demandW = new Int32Array(n);
      this.chargeMj = new Float64Array(n); this.capacityMj = new Float64Array(n);
      this.healthy = new Uint8Array(n); this.live = new Uint8Array(n); this.oxygen = new Uint8Array(n);
      this.changed = new Uint8Array(n); this.batteryPercent = new Int32Array(n);
    }
    this.generationW.fill(-1, 0, count); // impossible values, so the first tick compares as changed
    this.batteryPercent.fill(-1, 0, count);
    // Old numbers meant other networks: until the next tick, no network claims energy or oxygen.
    this.live.fill(0, 0, count); this.oxygen.fill(0, 0, count); this.healthy.fill(0, 0, count);
  }

  /** Records network n's figures for this tick; returns whether a visible figure changed. */
  set(n: number, genW: number, consW: number, demandW: number, chargeMj: number, capacityMj: number, oxygen: boolean): boolean {
    const healthy = consW === demandW ? 1 : 0;
    const pct = capacityMj > 0 ? Math.floor((chargeMj * 100) / capacityMj) : 0;
    const changed = genW !== this.generationW[n] || consW !== this.consumptionW[n]
      || healthy !== this.healthy[n] || pct !== this.batteryPercent[n] || (oxygen ? 1 : 0) !== this.oxygen[n];
    this.generationW[n] = genW; this.consumptionW[n] = consW; this.demandW[n] = demandW;
    this.chargeMj[n] = chargeMj; this.capacityMj[n] = capacityMj;
    this.healthy[n] = healthy; this.live[n] = genW > 0 || chargeMj > 0 ? 1 : 0; this.oxygen[n] = oxygen ? 1 : 0;
    this.batteryPercent[n] = pct;
    this.changed[n] = changed ? 1 : 0;
    return changed;
  }
}
