import { describe, expect, it } from 'vitest';
import { PowerGrid } from './power-grid.ts';
import { WorldClock } from './world-clock.ts';
import { windFactorQ16 } from './wind.ts';
import { networkReport } from './power-report.ts';
import { STRUCTURE_TYPE_IDS } from './structure-types.ts';
import type { StructureInput } from './structure-store.ts';

const clock = new WorldClock({ dayLengthSeconds: 60 }); // a day every 600 ticks: several days per test
const SEED = 1234;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** 80 structures of every type scattered over three clusters, so networks form, meet and split. */
function layout(): StructureInput[] {
  const rand = lcg(99), out: StructureInput[] = [];
  for (let id = 1; id <= 80; id++) {
    const cluster = id % 3;
    out.push({
      id: id * 7, type: STRUCTURE_TYPE_IDS[Math.floor(rand() * STRUCTURE_TYPE_IDS.length)],
      x: cluster * 40 + rand() * 20, y: rand() * 2, z: rand() * 20,
    });
  }
  return out;
}

type Op = (g: PowerGrid) => unknown;

/** The same scripted play for every grid: toggles, fabricator work, damage and removals at fixed ticks. */
function script(structures: StructureInput[]): Map<number, Op> {
  const rand = lcg(5), ops = new Map<number, Op>();
  for (let t = 17; t < 6000; t += 1 + Math.floor(rand() * 90)) {
    const s = structures[Math.floor(rand() * structures.length)], r = rand();
    ops.set(t, r < 0.5 ? (g) => g.setEnabled(s.id, r < 0.3)
      : r < 0.8 ? (g) => g.setDemand(s.id, r < 0.7)
      : r < 0.95 ? (g) => g.setHealth(s.id, r < 0.9 ? 0 : 50)
      : (g) => g.remove(s.id));
  }
  return ops;
}

function play(grid: PowerGrid, ops: Map<number, Op>, from: number, to: number): string[] {
  const reports: string[] = [];
  for (let t = from; t < to; t++) {
    ops.get(t)?.(grid);
    grid.tick(clock.solarFactorQ16(t), windFactorQ16(SEED, t));
    if (t % 250 === 0) {
      for (let n = 0; n < grid.topology.networkCount; n++) reports.push(JSON.stringify(networkReport(grid, n)));
    }
  }
  return reports;
}

function build(structures: StructureInput[]): PowerGrid {
  const grid = new PowerGrid();
  for (const s of structures) grid.add(s);
  return grid;
}

describe('PowerGrid determinism', () => {
  const structures = layout();
  const ops = script(structures);

  it('gives identical figures and snapshots from the same inputs, whatever order the structures came in', () => {
    const a = build(structures), b = build([...structures].reverse());
    const ra = play(a, ops, 0, 3000), rb = play(b, ops, 0, 3000);
    expect(rb).toEqual(ra);
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(a.snapshot().batteries.some((x) => x.charge_mj > 0)).toBe(true); // the run did store energy
    expect(ra.some((r) => r.includes('"grid_healthy":false'))).toBe(true); // and had brown-outs
  });

  it('lets a joining client continue from a snapshot and stay in step', () => {
    const relay = build(structures);
    play(relay, ops, 0, 1500);
    const saved = JSON.parse(JSON.stringify(relay.snapshot()));
    // The joiner hears the structures as they are now (removals, toggles, health, demand included).
    const st = relay.store, joiner = new PowerGrid();
    for (let s = st.end - 1; s >= 0; s--) {
      if (!st.used[s]) continue;
      const id = st.id[s];
      joiner.add({ id, type: STRUCTURE_TYPE_IDS[st.type[s]], x: st.x[s], y: st.y[s], z: st.z[s], enabled: st.enabled[s] === 1, health: st.health[s] });
      joiner.setDemand(id, st.demand[s] === 1);
    }
    joiner.restore(saved);
    expect(joiner.snapshot()).toEqual(relay.snapshot());
    expect(play(joiner, ops, 1500, 3000)).toEqual(play(relay, ops, 1500, 3000));
    expect(joiner.snapshot()).toEqual(relay.snapshot());
  });
});
