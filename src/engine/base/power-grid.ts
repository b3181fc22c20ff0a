/**
 * The power grid: structures wired into networks, run on a fixed tick (POWER_TICK_HZ), giving the
 * same numbers on every client and on the relay from the same inputs (structures, toggles, demand,
 * the tick's sun and wind factors) and the same starting snapshot.
 *
 * Each tick, per network: switched-on generators make peakW × factor (whole W); the consumers that
 * want power are served most important first from this tick's generation plus the batteries'
 * charge, and the first one that does not fit browns out together with every consumer below it
 * (a consumer is fully powered or off, and nothing of lower priority stays on while a more
 * important one is short); the surplus charges the batteries, a deficit drains them.
 * A consumer that browned out waits RESTART_TICKS before trying again, so a grid on the edge
 * settles instead of flickering (and flooding power_grid_update) every tick.
 *
 * Networks are rebuilt (grid-topology.ts) only when the set of live structures changes.
 */
import { chargeBatteries, drainBatteries, bankTotals } from './battery-bank.ts';
import { GridTopology } from './grid-topology.ts';
import { NetworkFigures } from './network-figures.ts';
import { Q16 } from './fixed-trig.ts';
import { MJ_PER_WATT_TICK } from './power-units.ts';
import {
  StructureStore, STATUS_ACTIVE, STATUS_DISABLED, STATUS_IDLE, STATUS_UNPOWERED, type StructureInput,
} from './structure-store.ts';
import { SOURCE_SOLAR, TYPE_CONSUMPTION_W, TYPE_OXYGEN_SOURCE, TYPE_PEAK_W, TYPE_SOURCE } from './type-tables.ts';
import { restoreGrid, snapshotGrid, type PowerGridSnapshot } from './grid-snapshot.ts';

/** Ticks (3 s) a browned-out consumer stays off, after the tick it went off in, before it tries again. */
export const RESTART_TICKS = 30;

export class PowerGrid {
  readonly store: StructureStore;
  readonly topology = new GridTopology();
  readonly networks = new NetworkFigures();
  /** Whether the last tick changed any network figure, powered flag or status. */
  changed = false;
  private dirty = true;
  private anyChange = false;
  /** Networks were re-formed since the last tick (perhaps by a query): the next tick reports a change. */
  private reformed = false;
  private readonly bank = new Float64Array(2);
  private before = new Float64Array(0);

  constructor(capacity = 64) {
    this.store = new StructureStore(capacity);
  }

  get size(): number { return this.store.count; }
  has(id: number): boolean { return this.store.slotOf(id) >= 0; }

  add(s: StructureInput): void {
    this.store.add(s);
    this.dirty = true;
  }

  remove(id: number): boolean {
    if (this.store.remove(id) < 0) return false;
    this.dirty = true;
    return true;
  }

  /** POST /power/toggle. Stays wired either way; returns false for an unknown id. */
  setEnabled(id: number, enabled: boolean): boolean {
    const slot = this.store.slotOf(id);
    if (slot >= 0) this.store.enabled[slot] = enabled ? 1 : 0;
    return slot >= 0;
  }

  /** Damage or repair. Crossing 0 wrecks or restores it, which re-forms the networks. */
  setHealth(id: number, health: number): boolean {
    if (!Number.isFinite(health)) throw new RangeError(`structure health must be finite, got ${health}`);
    const slot = this.store.slotOf(id);
    if (slot < 0) return false;
    if (this.store.health[slot] > 0 !== health > 0) this.dirty = true;
    this.store.health[slot] = health;
    return true;
  }

  /** Whether a consumer wants power now (the fabricator while it works; others always do). */
  setDemand(id: number, wants: boolean): boolean {
    const slot = this.store.slotOf(id);
    if (slot >= 0) this.store.demand[slot] = wants ? 1 : 0;
    return slot >= 0;
  }

  /** Re-forms the networks if structures changed since; queries between ticks call this first. */
  ensureTopology(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.topology.rebuild(this.store);
    this.networks.reset(this.topology.networkCount);
    if (this.before.length < this.store.capacity) this.before = new Float64Array(this.store.capacity);
    const st = this.store;
    for (let s = 0; s < st.end; s++) if (st.used[s] && !st.isAlive(s)) this.put(s, 0, 0, STATUS_DISABLED);
    this.reformed = true;
  }

  /** Runs one tick with the sun's and the wind's Q16 factors (world-clock.ts, wind.ts); returns `changed`. */
  tick(solarQ16: number, windQ16: number): boolean {
    this.ensureTopology();
    this.anyChange = this.reformed;
    this.reformed = false;
    for (let n = 0; n < this.topology.networkCount; n++) this.tickNetwork(n, solarQ16, windQ16);
    this.changed = this.anyChange;
    return this.changed;
  }

  networkOf(id: number): number {
    this.ensureTopology();
    const slot = this.store.slotOf(id);
    return slot < 0 ? -1 : this.store.network[slot];
  }

  snapshot(): PowerGridSnapshot { return snapshotGrid(this.store); }
  restore(snapshot: PowerGridSnapshot): void { restoreGrid(this.store, snapshot); }

  /** Writes one structure's result, noting whether its powered flag or status changed. */
  private put(s: number, outW: number, powered: number, status: number): void {
    const st = this.store;
    if (st.powered[s] !== powered || st.status[s] !== status) this.anyChange = true;
    st.outputW[s] = outW; st.powered[s] = powered; st.status[s] = status;
  }

  private tickNetwork(n: number, solarQ16: number, windQ16: number): void {
    const st = this.store, { generators: gens, consumers: cons, batteries: bats, others } = this.topology;
    let genW = 0;
    for (let k = gens.offset[n]; k < gens.offset[n + 1]; k++) {
      const s = gens.list[k];
      if (!st.enabled[s]) { this.put(s, 0, 0, STATUS_DISABLED); continue; }
      const factor = TYPE_SOURCE[st.type[s]] === SOURCE_SOLAR ? solarQ16 : windQ16;
      const w = Math.floor((TYPE_PEAK_W[st.type[s]] * factor) / Q16);
      genW += w;
      this.put(s, w, w > 0 ? 1 : 0, w > 0 ? STATUS_ACTIVE : STATUS_IDLE);
    }
    bankTotals(st, bats, n, this.bank);
    const available = genW * MJ_PER_WATT_TICK + this.bank[0];
    let used = 0, consW = 0, demandW = 0, short = false, oxygen = false;
    for (let k = cons.offset[n]; k < cons.offset[n + 1]; k++) {
      const s = cons.list[k];
      if (!st.enabled[s]) { st.cooldown[s] = 0; this.put(s, 0, 0, STATUS_DISABLED); continue; }
      if (!st.demand[s]) { this.put(s, 0, 0, STATUS_IDLE); continue; }
      const w = TYPE_CONSUMPTION_W[st.type[s]];
      demandW += w;
      if (!short && st.cooldown[s] === 0 && used + w * MJ_PER_WATT_TICK <= available) {
        used += w * MJ_PER_WATT_TICK; consW += w;
        if (TYPE_OXYGEN_SOURCE[st.type[s]]) oxygen = true;
        this.put(s, w, 1, STATUS_ACTIVE);
        continue;
      }
      short = true;
      if (st.powered[s]) st.cooldown[s] = RESTART_TICKS; // just browned out
      else if (st.cooldown[s] > 0) st.cooldown[s]--;
      this.put(s, 0, 0, STATUS_UNPOWERED);
    }
    // Battery flow per battery, in W (positive = discharging), from its charge before and after.
    for (let k = bats.offset[n]; k < bats.offset[n + 1]; k++) this.before[k] = st.chargeMj[bats.list[k]];
    const surplus = genW * MJ_PER_WATT_TICK - used;
    if (surplus > 0) chargeBatteries(st, bats, n, surplus);
    else if (surplus < 0) drainBatteries(st, bats, n, -surplus);
    bankTotals(st, bats, n, this.bank);
    const live = genW > 0 || this.bank[0] > 0 ? 1 : 0;
    for (let k = bats.offset[n]; k < bats.offset[n + 1]; k++) {
      const s = bats.list[k];
      if (!st.enabled[s]) { this.put(s, 0, 0, STATUS_DISABLED); continue; }
      this.put(s, Math.trunc((this.before[k] - st.chargeMj[s]) / MJ_PER_WATT_TICK), live, STATUS_ACTIVE);
    }
    for (let k = others.offset[n]; k < others.offset[n + 1]; k++) {
      const s = others.list[k];
      if (st.enabled[s]) this.put(s, 0, live, STATUS_ACTIVE);
      else this.put(s, 0, 0, STATUS_DISABLED);
    }
    if (this.networks.set(n, genW, consW, demandW, this.bank[0], this.bank[1], oxygen)) this.anyChange = true;
  }
}
