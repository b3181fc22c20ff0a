import { describe, expect, it } from 'vitest';
import { createCreatureApi, MAX_CATCH_UP, SAVE_EVERY_TICKS, TICK_MS, type CreatureTickMessage } from './creature-worker-api.ts';
import { snapshotCount } from './creature-snapshot.ts';
import { VoxelStore } from '../voxel-store.ts';
import { chunkBytes, encodeChunk } from '../chunk-codec.ts';

const WORLD = { seed: 7, kind: 'planet' as const };

/** An API whose clock and timer the test drives. */
function driven() {
  let t = 0, tick: (() => void) | null = null;
  const api = createCreatureApi({ now: () => t, every: (fn) => { tick = fn; return 1; }, cancel: () => { tick = null; } });
  return { api, advance(ms: number) { t += ms; tick?.(); } };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const stateBytes = (api: ReturnType<typeof createCreatureApi>) => Buffer.from(must(api.saveState()).state.buffer);

describe('creature worker API', () => {
  it('refuses bad input in seed 000 format and changes nothing', () => {
    const api = createCreatureApi();
    expect(api.spawn({ n: 1, type: 'grazer', level: 1, position: { x: 0, y: 0, z: 0 } })).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    must(api.init(WORLD));
    must(api.spawn({ n: 5, type: 'grazer', level: 3, position: { x: 1, y: 80, z: 1 } }));
    must(api.step(3));
    const before = stateBytes(api);
    const refusals = [
      api.spawn({ n: 6, type: 'dragon', level: 1, position: { x: 0, y: 0, z: 0 } }),
      api.spawn({ n: 6, type: 'grazer', level: 0, position: { x: 0, y: 0, z: 0 } }),
      api.spawn({ n: 6, type: 'grazer', level: 1, position: { x: NaN, y: 0, z: 0 } }),
      api.spawn({ n: 6, type: 'grazer', level: 1, position: { x: 0, y: 0, z: 99999 } }),
      api.spawn({ n: 5, type: 'grazer', level: 1, position: { x: 0, y: 0, z: 0 } }), // n taken
      api.spawn({ n: 0, type: 'grazer', level: 1, position: { x: 0, y: 0, z: 0 } }),
      api.spawn({ n: 6, type: 'grazer', level: 1, position: { x: 0, y: 0, z: 0 }, extra: 1 }),
      api.remove(77), api.remove('5'),
      api.command(77, 1), api.command(5, 5), api.command(5, 9), api.command(5, 1, -2),
      api.setOwner(5, 1.5), api.setOwner(99, 1),
      api.setPlayers(new Float64Array(3)), api.setPlayers([0, 1, 2, 3]), api.setPlayers(Float64Array.of(-1, 0, 0, 0)), api.setPlayers(Float64Array.of(1, NaN, 0, 0)),
      api.terrainOps([{ position: { x: 0, y: 0, z: 0 }, radius: 3, strength: 5, operation: 'remove' }, { op: 'chunk', cx: 0, cy: 0, cz: 0, data: new Uint8Array(10) }]),
      api.restoreState({ state: new Float64Array(5), inputs: 0, tick: 0 }),
      api.step(0),
    ];
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['INVALID_PARAMETER', 'MISSING_PARAMETER', 'RESOURCE_NOT_FOUND', 'CONFLICT']).toContain(r.error.code);
    }
    expect(stateBytes(api)).toEqual(before);
    expect(api.status().count).toBe(1);
    // The refused terrain batch applied none of its ops: a creature still sees the untouched ground.
    expect(must(api.terrainOps([])).ops).toBe(0);
  });

  it('spawn answers the grounded position, which groundNear agrees with', () => {
    const api = createCreatureApi();
    must(api.init(WORLD));
    const g = must(api.groundNear({ type: 'rockling', position: { x: 3, y: -20, z: 3 } }));
    const at = must(api.spawn({ n: 9, type: 'rockling', level: 1, position: { x: 3, y: -20, z: 3 } }));
    expect(at).toEqual(g);
    const fromAbove = must(api.spawn({ n: 10, type: 'rockling', level: 1, position: { x: 3, y: 200, z: 3 } }));
    expect(new VoxelStore(7).columnInfo(3, 3).height).toBeCloseTo(fromAbove.y, 0);
  });

  it('terrain ops keep its world in step: a snapshot and an edit move the ground a creature spawns on', () => {
    const api = createCreatureApi();
    must(api.init(WORLD));
    const source = new VoxelStore(7);
    const g = must(api.groundNear({ type: 'grazer', position: { x: 8, y: 100, z: 8 } })).y;
    source.applyEdit({ position: { x: 8, y: g + 2, z: 8 }, radius: 4, strength: 10, operation: 'add' });
    const cy = Math.floor((g + 2) / 32);
    const ops = [-1, 0, 1].map((dy) => ({ op: 'chunk' as const, cx: 0, cy: cy + dy, cz: 0, data: encodeChunk(chunkBytes(source, 0, cy + dy, 0)) }));
    expect(must(api.terrainOps(ops)).ops).toBe(3);
    const raised = must(api.groundNear({ type: 'grazer', position: { x: 8, y: 100, z: 8 } })).y;
    expect(raised).toBeGreaterThan(g + 2);
    must(api.terrainOps([{ position: { x: 8, y: raised, z: 8 }, radius: 8, strength: 10, operation: 'remove' }]));
    expect(must(api.groundNear({ type: 'grazer', position: { x: 8, y: 100, z: 8 } })).y).toBeLessThan(g);
  });

  it('runs a fixed 20 Hz loop with bounded catch-up, sending snapshots, events and a save every second', () => {
    const { api, advance } = driven();
    must(api.init(WORLD));
    const got: CreatureTickMessage[] = [];
    must(api.start((m: CreatureTickMessage) => got.push(m)));
    must(api.spawn({ n: 1, type: 'grazer', level: 1, position: { x: 0, y: 90, z: 0 } }));
    advance(TICK_MS / 2);
    expect(got.length).toBe(0);
    advance(TICK_MS / 2);
    expect(got.map((m) => m.tick)).toEqual([1]);
    expect(snapshotCount(got[0].snapshot)).toBe(1);
    expect(got[0].events).toEqual([expect.objectContaining({ kind: 'spawned', n: 1 })]);
    advance(TICK_MS * 10); // a stalled worker: catches up a few ticks, drops the rest
    expect(got.length).toBe(1 + MAX_CATCH_UP);
    for (let i = 0; i < 40; i++) advance(TICK_MS);
    const saves = got.filter((m) => m.save);
    expect(saves.length).toBeGreaterThanOrEqual(2);
    expect(saves.every((m) => m.tick % SAVE_EVERY_TICKS === 0 && m.save!.tick === m.tick)).toBe(true);
    expect(saves[0].save!.inputs).toBe(1);
    // Paused, the loop holds; step still runs ticks.
    must(api.pause());
    const held = got.length;
    advance(TICK_MS * 5);
    expect(got.length).toBe(held);
    must(api.step(2));
    expect(got.length).toBe(held + 2);
    must(api.stop());
    advance(TICK_MS * 5);
    expect(got.length).toBe(held + 2);
  });

  it('restoreState continues from a save, and sets the input count to the save\'s', () => {
    const a = createCreatureApi(), b = createCreatureApi();
    for (const api of [a, b]) must(api.init(WORLD));
    for (let i = 1; i <= 20; i++) must(a.spawn({ n: i, type: i % 3 ? 'grazer' : 'alien_predator', level: 1 + i, position: { x: i * 3, y: 50, z: (i * 7) % 20 } }));
    must(a.step(40));
    const saved = must(a.saveState());
    expect(must(b.restoreState({ state: saved.state.slice(), inputs: saved.inputs, tick: saved.tick }))).toEqual({ tick: 40, count: a.status().count });
    expect(b.status().inputs).toBe(20);
    must(a.step(60)); must(b.step(60));
    expect(stateBytes(b)).toEqual(stateBytes(a));
  });

  it('crash() throws from a later task, not from the call', () => {
    const thrown: unknown[] = [];
    const api = createCreatureApi({ later: (fn) => { try { fn(); } catch (e) { thrown.push(e); } } });
    expect(() => api.crash()).not.toThrow();
    expect(String(thrown[0])).toMatch(/crash requested/);
  });
});
