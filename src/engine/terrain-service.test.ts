import { describe, expect, it, vi } from 'vitest';
import { createTerrainApi } from './terrain-service.ts';
import { VoxelStore } from './voxel-store.ts';
import { COLLISION_EDGE, COLLISION_VOLUME } from './collision-data.ts';
import { chunkBytes, encodeChunk } from './chunk-codec.ts';
import { createEditLedger } from './mining/edit-ledger.ts';
import { MATERIAL_ID, MATERIALS } from '../protocol/world.ts';

function setup() {
  const api = createTerrainApi();
  expect(api.init({ seed: 7 }).ok).toBe(true);
  return api;
}

const hashOf = (api: ReturnType<typeof createTerrainApi>) => {
  const r = api.chunkHash({ cx: 0, cy: 0, cz: 0 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const good = { position: { x: 4, y: 10, z: 4 }, radius: 3, strength: 5, operation: 'remove' as const };

describe('terrain service', () => {
  it('rejects bad edits with typed errors and no state change', () => {
    const api = setup();
    const before = hashOf(api);
    const bad: [unknown, string][] = [
      [{ ...good, radius: Number.NaN }, 'INVALID_PARAMETER'],
      [{ ...good, radius: -1 }, 'INVALID_PARAMETER'],
      [{ ...good, radius: 1e9 }, 'INVALID_PARAMETER'],
      [{ ...good, strength: 0 }, 'INVALID_PARAMETER'],
      [{ ...good, strength: 99 }, 'INVALID_PARAMETER'],
      [{ ...good, operation: 'explode' }, 'INVALID_PARAMETER'],
      [{ ...good, position: { x: 1e6, y: 0, z: 0 } }, 'INVALID_PARAMETER'],
      [{ ...good, position: { x: '1', y: 0, z: 0 } }, 'INVALID_PARAMETER'],
      [{ position: good.position, strength: 5, operation: 'add' }, 'MISSING_PARAMETER'],
      [undefined, 'MISSING_PARAMETER'],
    ];
    for (const [input, code] of bad) {
      const r = api.applyEdit(input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code, JSON.stringify(input)).toBe(code);
    }
    // A replay with one bad edit applies none of them.
    expect(api.replay([good, { ...good, radius: Number.NaN }]).ok).toBe(false);
    expect(api.editCount()).toBe(0);
    expect(hashOf(api)).toBe(before);
  });

  it('rejects bad coordinates, positions and seeds', () => {
    const api = setup();
    expect(api.meshChunk({ cx: 0.5, cy: 0, cz: 0 }).ok).toBe(false);
    expect(api.meshChunk({ cx: 0, cy: 99, cz: 0 }).ok).toBe(false);
    expect(api.chunkHash({ cx: 0, cy: 0 }).ok).toBe(false);
    expect(api.info({ x: 0, y: 1e5, z: 0 }).ok).toBe(false);
    expect(api.columnInfo({ x: Number.NaN, z: 0 }).ok).toBe(false);
    expect(api.init({ seed: -1 }).ok).toBe(false);
    expect(api.init({}).ok).toBe(false);
  });

  it('a remove brush turns a solid point into air (seen via info)', () => {
    const api = setup();
    const col = api.columnInfo({ x: 20, z: 20 });
    if (!col.ok) throw new Error('columnInfo failed');
    let y = Math.floor(col.value.height) - 2;
    for (;;) { const r = api.info({ x: 20, y, z: 20 }); if (r.ok && r.value.density >= 1) break; y--; }
    const pos = { x: 20, y, z: 20 };
    const out = api.applyEdit({ position: pos, radius: 4, strength: 10, operation: 'remove' });
    expect(out.ok && out.value.voxelsModified > 0 && out.value.sequence === 1).toBe(true);
    const after = api.info(pos);
    expect(after.ok && after.value.density <= 0).toBe(true);
    expect(api.editCount()).toBe(1);
  });

  it('meshes chunks with transfer, version = edit count, and replays logs', () => {
    const transferred: Transferable[][] = [];
    const api = createTerrainApi({ transfer: (v, t) => { transferred.push(t); return v; } });
    api.init({ seed: 7 });
    api.applyEdit(good);
    const m = api.meshChunk({ cx: 0, cy: 0, cz: 0 });
    expect(m.ok).toBe(true);
    if (m.ok) {
      expect(m.value.version).toBe(1);
      expect(m.value.indices.length % 3).toBe(0);
      expect(transferred[0]).toContain(m.value.positions.buffer);
    }
    const twin = createTerrainApi();
    twin.init({ seed: 7 });
    expect(twin.replay([good]).ok).toBe(true);
    expect(hashOf(twin)).toBe(hashOf(api));
  });

  it('crash() returns, then throws from a later task (uncaught in a worker: its error event)', () => {
    const queued: Array<() => void> = [];
    const api = createTerrainApi({ later: (fn) => { queued.push(fn); } });
    expect(api.crash()).toBeUndefined();
    expect(queued).toHaveLength(1);
    expect(() => queued[0]()).toThrow('terrain worker crash requested');
    // Without `later`, the worker's default defers with setTimeout.
    const timers: unknown[] = [];
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void) => { timers.push(fn); return 0; }) as unknown as typeof setTimeout);
    try {
      expect(createTerrainApi().crash()).toBeUndefined();
    } finally {
      setTimeoutSpy.mockRestore();
    }
    expect(timers).toHaveLength(1);
    expect(() => (timers[0] as () => void)()).toThrow('terrain worker crash requested');
  });

  it('sends 33³ collision density with each mesh, or null + the fill value when uniform', () => {
    const transferred: Transferable[][] = [];
    const api = createTerrainApi({ transfer: (v, t) => { transferred.push(t); return v; } });
    api.init({ seed: 7 });
    const store = new VoxelStore(7);
    const edit = { ...good, operation: 'add' as const };
    api.applyEdit(edit);
    store.applyEdit(edit);
    const E = COLLISION_EDGE;
    for (const [x, z] of [[16, 16], [4, 4]]) {
      const cx = Math.floor(x / 32), cz = Math.floor(z / 32);
      const cy = Math.floor(store.columnInfo(x, z).height / 32);
      const m = api.meshChunk({ cx, cy, cz });
      if (!m.ok) throw new Error(m.error.message);
      const col = m.value.collision;
      if (!col) throw new Error('surface chunk without collision data');
      expect(col.length).toBe(COLLISION_VOLUME);
      expect(transferred.at(-1)).toContain(col.buffer);
      for (let i = 0; i < COLLISION_VOLUME; i++) {
        const lx = i % E, ly = Math.floor(i / E) % E, lz = Math.floor(i / (E * E));
        const want = store.sample(cx * 32 + lx, cy * 32 + ly, cz * 32 + lz).density;
        if (col[i] !== want) throw new Error(`chunk ${cx},${cy},${cz} local ${lx},${ly},${lz}: ${col[i]} vs ${want}`);
      }
    }
    const air = api.meshChunk({ cx: 0, cy: 7, cz: 0 });
    expect(air.ok && air.value.collision === null && air.value.collisionFill === -127).toBe(true);
    expect(air.ok && air.value.indices.length).toBe(0);
    // A second mesh never shares the first one's (transferred) collision buffer.
    const a = api.meshChunk({ cx: 0, cy: 0, cz: 0 }), b = api.meshChunk({ cx: 0, cy: 0, cz: 0 });
    expect(a.ok && b.ok && a.value.collision !== b.value.collision && a.value.collision!.buffer !== b.value.collision!.buffer).toBe(true);
  });

  it('init takes a world kind: the arena is flat ground, solid deep down', () => {
    const api = createTerrainApi();
    const r = api.init({ seed: 7, kind: 'arena' });
    expect(r.ok && r.value).toEqual({ seed: 7, kind: 'arena' });
    expect(api.init({ seed: 7, kind: 'moon' }).ok).toBe(false);
    api.init({ seed: 7, kind: 'arena' });
    const col = api.columnInfo({ x: 0, z: 0 });
    expect(col.ok && col.value.height).toBe(0);
    const deep = api.meshChunk({ cx: 0, cy: -2, cz: 0 });
    expect(deep.ok && deep.value.collision === null && deep.value.collisionFill === 127).toBe(true);
    const ground = api.meshChunk({ cx: 0, cy: -1, cz: 0 });
    // Local y 32 is world y = 0 (density 0), below is solid: not uniform.
    expect(ground.ok && ground.value.collision !== null && ground.value.indices.length > 0).toBe(true);
    if (ground.ok && ground.value.collision) {
      const E = COLLISION_EDGE;
      expect(ground.value.collision[5 + 32 * E + 5 * E * E]).toBe(0);
      expect(ground.value.collision[5 + 31 * E + 5 * E * E]).toBe(24);
    }
    const info = api.info({ x: 0, y: 0.5, z: 0 });
    expect(info.ok && info.value.biome).toBe('plains');
  });

  it('loadChunk installs a snapshot (mesh version counts it); bad input is refused and changes nothing', () => {
    const source = new VoxelStore(7);
    source.applyEdit(good);
    const data = encodeChunk(chunkBytes(source, 0, 0, 0));
    const api = setup();
    const before = hashOf(api);
    const bad: unknown[] = [
      undefined, null, { cx: 0, cy: 0, cz: 0 }, { cx: 0, cy: 0, cz: 0, data: [1, 2] },
      { cx: 0, cy: 0, cz: 0, data: new Uint8Array(0) }, { cx: 0, cy: 0, cz: 0, data: new Uint8Array([9, 9, 9]) },
      { cx: 0, cy: 0, cz: 0, data: encodeChunk(new Uint8Array(100)) }, { cx: 0.5, cy: 0, cz: 0, data },
      { cx: 0, cy: 99, cz: 0, data }, { cx: 0, cy: 0, cz: 0, data, extra: 1 },
    ];
    for (const input of bad) expect(api.loadChunk(input).ok, String(input)).toBe(false);
    expect(hashOf(api)).toBe(before);
    expect(api.opCount()).toBe(0);

    const r = api.loadChunk({ cx: 0, cy: 0, cz: 0, data });
    expect(r.ok && r.value.sequence).toBe(1);
    expect(r.ok && r.value.touched.length).toBe(27 * 3);
    expect(hashOf(api)).toBe(source.chunkHash(0, 0, 0));
    expect(api.editCount()).toBe(0);
    const m = api.meshChunk({ cx: 0, cy: 0, cz: 0 });
    expect(m.ok && m.value.version).toBe(1);
    // A replay of [snapshot, edit] equals applying them; one bad snapshot in a replay applies nothing.
    const twin = setup();
    expect(twin.replay([{ op: 'chunk', cx: 0, cy: 0, cz: 0, data: new Uint8Array([1]) }, good]).ok).toBe(false);
    expect(twin.opCount()).toBe(0);
    expect(twin.replay([{ op: 'chunk', cx: 0, cy: 0, cz: 0, data }, good]).ok).toBe(true);
    api.applyEdit(good);
    expect(hashOf(twin)).toBe(hashOf(api));
    expect(twin.opCount()).toBe(2);
  });

  it('applyEdit answers what the edit moved only when asked; the counts match the engine\'s ledger', () => {
    const dig = { ...good, position: { x: 10.5, y: 6, z: 42.5 }, radius: 4, strength: 8 };
    const build = { ...dig, position: { x: 20, y: 8, z: 52 }, operation: 'add' as const };
    const asked = setup(), plain = setup();
    const store = new VoxelStore(7);
    let units = 0;
    for (const e of [dig, build, dig]) {
      const a = asked.applyEdit(e, { moved: true }), p = plain.applyEdit(e);
      if (!a.ok || !p.ok) throw new Error('edit refused');
      const ledger = createEditLedger();
      store.applyEdit(e, ledger);
      // Each answer is that edit's alone (the worker's ledger is cleared between edits), as plain arrays.
      expect(a.value.moved).toEqual({ removed: Array.from(ledger.removed), added: Array.from(ledger.added) });
      expect(Array.isArray(a.value.moved!.removed) && a.value.moved!.added.length).toBe(MATERIALS.length);
      units += a.value.moved!.removed.reduce((x, y) => x + y) + a.value.moved!.added.reduce((x, y) => x + y);
      expect('moved' in p.value).toBe(false);
      const { moved: _, ...rest } = a.value;
      expect(rest).toEqual(p.value);
    }
    expect(units).toBeGreaterThan(127);
    const edited = { cx: 0, cy: 0, cz: 1 };
    expect(asked.chunkHash(edited)).toEqual(plain.chunkHash(edited));
    expect(asked.chunkHash(edited)).toEqual({ ok: true, value: store.chunkHash(0, 0, 1) });
    // A build adds soil only; a dig after it removes something.
    const again = setup();
    const b = again.applyEdit(build, { moved: true });
    expect(b.ok && b.value.moved!.added.reduce((x, y) => x + y)).toBe(b.ok && b.value.moved!.added[MATERIAL_ID.soil]);
    expect(b.ok && b.value.moved!.removed.every((u) => u === 0)).toBe(true);
    const off = setup().applyEdit(good, { moved: false });
    expect(off.ok && 'moved' in off.value).toBe(false);
  });

  it('applyEdit refuses bad options and then applies nothing', () => {
    const api = setup();
    const before = hashOf(api);
    for (const options of [null, 5, 'moved', { moved: 'yes' }, { moved: 1 }, { moved: true, extra: 1 }, []]) {
      const r = api.applyEdit(good, options);
      expect(r.ok, JSON.stringify(options)).toBe(false);
      if (!r.ok) expect(r.error.code, JSON.stringify(options)).toBe('INVALID_PARAMETER');
    }
    expect(api.editCount()).toBe(0);
    expect(hashOf(api)).toBe(before);
    expect(api.applyEdit(good, {}).ok).toBe(true);
  });
});
