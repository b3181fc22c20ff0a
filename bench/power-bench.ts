/**
 * Power grid bench (issue 12): one grid tick for 1,000 structures in 50 networks, our typed-array
 * grid (src/engine/base/power-grid.ts) beside a straightforward object-per-structure grid written
 * here with the same rules (it filters and sorts each network's members on every tick, as a first
 * version would). Both step through the same ticks of one game day (sun and gusts from the world
 * clock), so batteries charge, drain and brown-outs happen; they run in alternating blocks so they
 * share the machine's noise, and their results are compared at the end (the note says if they
 * agree). Also the network rebuild, ours (spatial hash) beside an all-pairs check.
 */
import { PowerGrid, RESTART_TICKS } from '../src/engine/base/power-grid.ts';
import { WorldClock } from '../src/engine/base/world-clock.ts';
import { windFactorQ16 } from '../src/engine/base/wind.ts';
import { Q16 } from '../src/engine/base/fixed-trig.ts';
import { MJ_PER_WATT_TICK, MJ_PER_WH } from '../src/engine/base/power-units.ts';
import { STRUCTURE_TYPES, type StructureType, type StructureTypeId } from '../src/engine/base/structure-types.ts';
import type { StructureInput } from '../src/engine/base/structure-store.ts';
import { median, percentile, round, type Figures } from './stats.ts';

const NETWORKS = 50;
/** One base: 20 structures around a pole, every one within the pole's 12 m. */
const BASE: StructureTypeId[] = [
  'power_pole', 'power_pole', 'power_pole', 'solar_panel', 'solar_panel', 'solar_panel', 'solar_panel',
  'wind_turbine', 'wind_turbine', 'battery', 'battery', 'oxygenator', 'habitat', 'fabricator',
  'light', 'light', 'light', 'light', 'storage', 'storage',
];
const SEED = 3;
const WARMUP = 1000;
const TICKS = 6000;
const BLOCK = 100;
/** Clock ticks per bench tick: 6,000 bench ticks walk through a whole 12,000-tick day. */
const STRIDE = 2;

function layout(): StructureInput[] {
  const out: StructureInput[] = [];
  for (let n = 0; n < NETWORKS; n++) {
    const cx = (n % 10) * 100, cz = Math.floor(n / 10) * 100;
    BASE.forEach((type, i) => {
      const ring = i === 0 ? 0 : 3 + (i % 3) * 2.5; // 3..8 m out, on three rings
      const a = i * 0.3125 * 2 * Math.PI;
      out.push({ id: n * 100 + i, type, x: cx + ring * Math.cos(a), y: 0, z: cz + ring * Math.sin(a) });
    });
  }
  return out;
}

interface Obj {
  id: number; def: StructureType; x: number; y: number; z: number;
  enabled: boolean; demand: boolean; chargeMj: number; cooldown: number;
  powered: boolean; status: string; output: number;
}

/** The same grid rules, one object per structure, arrays built per tick. */
class ObjectGrid {
  readonly all: Obj[];
  networks: Obj[][] = [];

  constructor(structures: StructureInput[]) {
    this.all = structures.map((s) => ({
      id: s.id, def: STRUCTURE_TYPES[s.type], x: s.x, y: s.y, z: s.z, enabled: true,
      demand: STRUCTURE_TYPES[s.type].alwaysDemands, chargeMj: 0, cooldown: 0, powered: false, status: 'idle', output: 0,
    }));
  }

  /** All pairs, union-find. */
  rebuild(): void {
    const parent = this.all.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let i = 0; i < this.all.length; i++) for (let j = i + 1; j < this.all.length; j++) {
      const a = this.all[i], b = this.all[j], r = Math.max(a.def.connectionRange, b.def.connectionRange);
      if ((a.x - b.x) ** 2 + (a.y - b.y) ** 2 + (a.z - b.z) ** 2 <= r * r) parent[find(i)] = find(j);
    }
    const groups = new Map<number, Obj[]>();
    this.all.forEach((o, i) => {
      const root = find(i);
      if (!groups.has(root)) groups.set(root, []);
      groups.get(root)!.push(o);
    });
    this.networks = [...groups.values()];
  }

  tick(solarQ16: number, windQ16: number): void {
    for (const net of this.networks) {
      const byId = (a: Obj, b: Obj) => a.id - b.id;
      const gens = net.filter((o) => o.def.role === 'generator');
      const cons = net.filter((o) => o.def.role === 'consumer').sort((a, b) => b.def.priority - a.def.priority || a.id - b.id);
      const bats = net.filter((o) => o.def.role === 'battery' && o.enabled).sort(byId);
      let gen = 0;
      for (const g of gens) {
        g.output = g.enabled ? Math.floor((g.def.peakW * (g.def.source === 'solar' ? solarQ16 : windQ16)) / Q16) : 0;
        gen += g.output;
        g.status = !g.enabled ? 'disabled' : g.output > 0 ? 'active' : 'idle';
      }
      let used = 0, short = false;
      const available = gen * MJ_PER_WATT_TICK + bats.reduce((s, b) => s + b.chargeMj, 0);
      for (const c of cons) {
        if (!c.enabled) { c.cooldown = 0; c.powered = false; c.status = 'disabled'; continue; }
        if (!c.demand) { c.powered = false; c.status = 'idle'; continue; }
        const need = c.def.consumptionW * MJ_PER_WATT_TICK;
        if (!short && c.cooldown === 0 && used + need <= available) { used += need; c.powered = true; c.status = 'active'; continue; }
        short = true;
        if (c.powered) c.cooldown = RESTART_TICKS;
        else if (c.cooldown > 0) c.cooldown--;
        c.powered = false; c.status = 'unpowered';
      }
      const surplus = gen * MJ_PER_WATT_TICK - used;
      if (surplus !== 0) this.share(bats, Math.abs(surplus), surplus > 0 ? 1 : -1);
    }
  }

  private share(bats: Obj[], energy: number, sign: 1 | -1): void {
    const room = (b: Obj) => (sign > 0 ? b.def.capacityWh * MJ_PER_WH - b.chargeMj : b.chargeMj);
    let rest = energy, left = bats.length;
    for (const b of bats) { const t = Math.min(room(b), Math.ceil(rest / left--)); b.chargeMj += sign * t; rest -= t; }
    for (const b of bats) { const t = Math.min(room(b), rest); b.chargeMj += sign * t; rest -= t; }
  }
}

function sameResults(grid: PowerGrid, objects: ObjectGrid): boolean {
  const st = grid.store;
  return objects.all.every((o) => {
    const s = st.slotOf(o.id);
    if (o.def.role === 'battery') return st.chargeMj[s] === o.chargeMj;
    if (o.def.role === 'consumer') return (st.powered[s] === 1) === o.powered && st.cooldown[s] === o.cooldown;
    return o.def.role !== 'generator' || st.outputW[s] === o.output;
  });
}

/** power.tick_us (median) and power.tick_us_p95, power.rebuild_us; ours beside the object grid. */
export function runPowerBench(figures: Figures): void {
  const structures = layout();
  const clock = new WorldClock();
  const ours = new PowerGrid(1024), theirs = new ObjectGrid(structures);
  for (const s of structures) ours.add(s);
  const fabricators = structures.filter((s) => s.type === 'fabricator').map((s) => s.id);
  const oursT: number[] = [], theirsT: number[] = [];
  let tick = 0;
  const step = (i: number, timed: boolean) => {
    const t = tick + i * STRIDE, solar = clock.solarFactorQ16(t), wind = windFactorQ16(SEED, t);
    // Fabricators work in bursts (a minute on, a minute off), as players start and collect jobs.
    if (i % 600 === 0) {
      const working = (i / 600) % 2 === 0;
      for (const id of fabricators) ours.setDemand(id, working);
      for (const o of theirs.all) if (o.def.id === 'fabricator') o.demand = working;
    }
    const t0 = performance.now();
    ours.tick(solar, wind);
    const t1 = performance.now();
    theirs.tick(solar, wind);
    const t2 = performance.now();
    if (timed) { oursT.push((t1 - t0) * 1000); theirsT.push((t2 - t1) * 1000); }
  };
  theirs.rebuild();
  for (let i = 0; i < WARMUP; i++) step(i, false);
  tick = WARMUP * STRIDE;
  for (let b = 0; b < TICKS / BLOCK; b++) for (let i = b * BLOCK; i < (b + 1) * BLOCK; i++) step(i, true);
  const agree = sameResults(ours, theirs);

  const rebuildOurs: number[] = [], rebuildTheirs: number[] = [];
  for (let i = 0; i < 60; i++) {
    ours.setHealth(structures[i >> 1].id, i % 2 ? 50 : 0); // wreck one, then repair it: the networks re-form
    const t0 = performance.now();
    ours.ensureTopology();
    const t1 = performance.now();
    theirs.rebuild();
    const t2 = performance.now();
    if (i >= 10) { rebuildOurs.push((t1 - t0) * 1000); rebuildTheirs.push((t2 - t1) * 1000); }
  }
  const note = `${structures.length} structures in ${ours.topology.networkCount} networks, ${TICKS} ticks through a day; `
    + `object grid (per-tick filter/sort) as baseline; results ${agree ? 'identical' : 'DIFFER'}`;
  figures['power.tick_us'] = { value: round(median(oursT), 1), unit: 'us', baseline: round(median(theirsT), 1), target: '<= 200', note };
  figures['power.tick_us_p95'] = { value: round(percentile(oursT, 95), 1), unit: 'us', baseline: round(percentile(theirsT, 95), 1), target: '<= 200' };
  figures['power.rebuild_us'] = {
    value: round(median(rebuildOurs), 1), unit: 'us', baseline: round(median(rebuildTheirs), 1),
    note: 'networks re-formed after a structure is wrecked: spatial hash beside all pairs',
  };
}
