import { describe, expect, it } from 'vitest';
import { CreatureSim } from './creature-sim.ts';
import { FunctionWorld, slope } from './test-worlds.ts';
import { CreatureState } from './creature-store.ts';
import type { SimSpawn } from './sim-inputs.ts';
import { CREATURE_TYPE_IDS } from './creature-types.ts';
import {
  SNAP_HEADER, SNAP_HEALTH01, SNAP_LOOK_X, SNAP_N, SNAP_OWNER, SNAP_STRIDE, SNAP_TYPE, SNAP_X, SNAP_Y, snapshotCount, snapshotTick,
} from './creature-snapshot.ts';
import { cosTurns, sinTurns } from '../base/fixed-trig.ts';

const T = (name: (typeof CREATURE_TYPE_IDS)[number]) => CREATURE_TYPE_IDS.indexOf(name);
const spawnOf = (n: number, type: number, x: number, z: number, more: Partial<SimSpawn> = {}): SimSpawn => ({
  n, type, level: 1, x, y: 0, z, vx: 0, vy: 0, vz: 0, health: Infinity, stamina: Infinity,
  state: CreatureState.Wander, ownerKey: -1, followKey: -1, seed: n * 31 + 7, ...more,
});

const hills = (x: number, z: number) => 2 * sinTurns(x / 60) + 1.5 * cosTurns(z / 45);
const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('CreatureSim inputs', () => {
  it('queues inputs and applies them at the next tick, in arrival order', () => {
    const sim = new CreatureSim(new FunctionWorld());
    const at = sim.spawn(spawnOf(40, T('rockling'), 3, 4));
    expect(sim.count).toBe(0); // not before the tick
    expect(sim.has(40)).toBe(true);
    sim.command(40, CreatureState.Stay);
    sim.step();
    const s = sim.store.slotOf(40);
    expect(s).toBe(0);
    expect(sim.store.state[s]).toBe(CreatureState.Stay); // the command came after the spawn, so it applied
    expect([sim.store.x[s], sim.store.y[s], sim.store.z[s]]).toEqual([at.x, at.y, at.z]);

    // A command queued before its creature's spawn finds nobody; remove then spawn of the same n re-adds it.
    sim.command(41, CreatureState.Stay);
    sim.spawn(spawnOf(41, T('grazer'), 10, 0));
    sim.remove(40);
    sim.spawn(spawnOf(40, T('skyray'), 0, 0));
    sim.step();
    expect(sim.store.state[sim.store.slotOf(41)]).not.toBe(CreatureState.Stay);
    expect(sim.store.type[sim.store.slotOf(40)]).toBe(T('skyray'));
    const events = sim.drainEvents();
    expect(events.filter((e) => e.kind === 'spawned').map((e) => e.n)).toEqual([41, 40]);
  });

  it('spawn grounds a walker on the surface and puts a flyer at its cruising height over it', () => {
    const sim = new CreatureSim(new FunctionWorld(slope));
    expect(sim.spawn(spawnOf(1, T('grazer'), 8, 5, { y: 60 }))).toEqual({ x: 8, y: slope(8, 5), z: 5 });
    expect(sim.spawn(spawnOf(2, T('grazer'), 8, 5, { y: -30 })).y).toBe(slope(8, 5));
    expect(sim.spawn(spawnOf(3, T('skyray'), 0, 0, { y: -30 })).y).toBe(9);
  });

  it('follow walks to the player given by setPlayers; setOwner and a follow key choose whom', () => {
    const sim = new CreatureSim(new FunctionWorld());
    sim.spawn(spawnOf(5, T('rockling'), 0, 0, { state: CreatureState.Follow, ownerKey: 2 }));
    sim.setPlayers(Float64Array.of(2, 30, 0, 0, 9, -30, 0, 0));
    for (let t = 0; t < 300; t++) sim.step();
    const s = sim.store.slotOf(5);
    expect(Math.abs(sim.store.x[s] - 30)).toBeLessThan(4);
    sim.command(5, CreatureState.Follow, 9); // follow player 9 instead
    for (let t = 0; t < 400; t++) sim.step();
    expect(Math.abs(sim.store.x[sim.store.slotOf(5)] + 30)).toBeLessThan(4);
    expect(sim.drainEvents()).toEqual([]); // drained after each run only what the last tick made
    sim.setOwner(5, -1);
    sim.step();
    expect(sim.store.owner[sim.store.slotOf(5)]).toBe(-1);
  });

  it('a kill reports struck, died (with the killer) and is gone the tick after; the snapshot shows it at health 0', () => {
    const sim = new CreatureSim(new FunctionWorld());
    sim.spawn(spawnOf(100, T('alien_predator'), 0, 0, { level: 40, state: CreatureState.Aggressive, ownerKey: 1 }));
    sim.spawn(spawnOf(200, T('alien_predator'), 6, 0, { state: CreatureState.Stay }));
    const all = [];
    let died = -1;
    for (let t = 0; t < 400 && died < 0; t++) {
      sim.step();
      const ev = sim.drainEvents();
      all.push(...ev);
      if (ev.some((e) => e.kind === 'died')) died = t;
    }
    expect(all.find((e) => e.kind === 'hunt')).toMatchObject({ n: 100, target: 200 });
    expect(all.some((e) => e.kind === 'struck' && e.n === 100 && e.target === 200 && e.damage > 0)).toBe(true);
    expect(all.find((e) => e.kind === 'died')).toMatchObject({ n: 200, killer: 100 });
    const snap = sim.packSnapshot();
    const ints = new Int32Array(snap.buffer);
    const slot = [0, 1].find((i) => ints[SNAP_HEADER + i * SNAP_STRIDE + SNAP_N] === 200)!;
    expect(snap[SNAP_HEADER + slot * SNAP_STRIDE + SNAP_HEALTH01]).toBe(0);
    expect(sim.has(200)).toBe(true);
    sim.step();
    expect(sim.store.slotOf(200)).toBe(-1);
    expect(sim.has(200)).toBe(false);
  });
});

describe('CreatureSim snapshot', () => {
  it('packs the header and every creature at the documented offsets', () => {
    const sim = new CreatureSim(new FunctionWorld(slope));
    sim.spawn(spawnOf(7, T('grazer'), 4, 4));
    sim.spawn(spawnOf(1_000_000_001, T('rockling'), 1, 2, { ownerKey: 4, state: CreatureState.Follow })); // n above 2^24
    sim.setPlayers(Float64Array.of(4, 10, 2, 10));
    sim.step(); sim.step();
    const snap = sim.packSnapshot(), ints = new Int32Array(snap.buffer);
    expect(snapshotTick(snap)).toBe(2);
    expect(snapshotCount(snap)).toBe(2);
    const s1 = sim.store.slotOf(1_000_000_001), o = SNAP_HEADER + s1 * SNAP_STRIDE;
    expect(ints[o + SNAP_N]).toBe(1_000_000_001);
    expect(ints[o + SNAP_OWNER]).toBe(4);
    expect(snap[o + SNAP_TYPE]).toBe(T('rockling'));
    expect(snap[o + SNAP_X]).toBe(Math.fround(sim.store.x[s1]));
    expect(snap[o + SNAP_Y]).toBe(Math.fround(sim.store.y[s1]));
    expect(snap[o + SNAP_LOOK_X]).toBe(10); // looks at the player it follows
    const o7 = SNAP_HEADER + sim.store.slotOf(7) * SNAP_STRIDE;
    expect(Number.isNaN(snap[o7 + SNAP_LOOK_X])).toBe(true);
    // A recycled buffer is reused.
    sim.recycle(snap);
    expect(sim.packSnapshot()).toBe(snap);
  });
});

/** A busy scene built through the sim's inputs, with players moving every tick. */
function busy(sim: CreatureSim, from: number, ticks: number): void {
  for (let t = from; t < from + ticks; t++) {
    sim.setPlayers(Float64Array.of(0, 40 + 30 * cosTurns(t / 600), 0, 40 + 30 * sinTurns(t / 600), 1, 80, 0, 20));
    if (t === 150) { sim.remove(12); sim.command(30, CreatureState.Aggressive, 1); }
    if (t === 260) sim.spawn(spawnOf(999, T('alien_predator'), 50, 50, { level: 12 }));
    sim.step();
    sim.drainEvents();
  }
}

function populate(sim: CreatureSim): void {
  for (let i = 0; i < 200; i++) {
    const kind = i % 10, x = (i * 37) % 100, z = (i * 53) % 100;
    const type = kind < 5 ? T('grazer') : kind < 6 ? T('alien_predator') : kind < 8 ? T('skyray') : T('rockling');
    const tame = type === T('rockling');
    sim.spawn(spawnOf(i + 1, type, x, z, { level: 1 + (i % 20), ownerKey: tame ? i % 2 : -1, state: tame ? CreatureState.Follow : CreatureState.Wander }));
  }
}

describe('CreatureSim save and restore', () => {
  it('a fresh sim restored from a save continues byte for byte like the one that saved', () => {
    const a = new CreatureSim(new FunctionWorld(hills));
    populate(a);
    busy(a, 0, 200);
    const saved = a.saveState();
    const b = new CreatureSim(new FunctionWorld(hills), 8);
    b.restoreState(saved.slice());
    expect(b.tick).toBe(a.tick);
    busy(a, 200, 300);
    busy(b, 200, 300);
    expect(bytes(b.saveState())).toEqual(bytes(a.saveState()));
    expect(bytes(b.packSnapshot())).toEqual(bytes(a.packSnapshot()));
    expect(a.store.dead.subarray(0, a.count).some((d) => d === 1) || a.count < 200).toBe(true); // things happened
    expect(a.store.slotOf(999)).toBeGreaterThanOrEqual(0);
  });

  it('a save holds inputs not yet applied; a corrupt save is refused and changes nothing', () => {
    const a = new CreatureSim(new FunctionWorld());
    a.spawn(spawnOf(1, T('grazer'), 0, 0));
    a.step();
    a.spawn(spawnOf(2, T('rockling'), 5, 0));
    a.command(1, CreatureState.Stay);
    const saved = a.saveState();
    const b = new CreatureSim(new FunctionWorld());
    b.restoreState(saved);
    expect(b.has(2)).toBe(true);
    a.step(); b.step();
    expect(bytes(b.saveState())).toEqual(bytes(a.saveState()));
    expect(b.store.state[b.store.slotOf(1)]).toBe(CreatureState.Stay);

    const before = bytes(b.saveState());
    const bad = saved.slice(0, saved.length - 1);
    expect(() => b.restoreState(bad)).toThrow(/length/);
    const wrong = saved.slice(); wrong[0] = 1;
    expect(() => b.restoreState(wrong)).toThrow(/not a creature save/);
    expect(bytes(b.saveState())).toEqual(before);
  });
});
