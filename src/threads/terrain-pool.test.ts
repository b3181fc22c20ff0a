import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { TerrainPool } from './terrain-pool.ts';
import { createTerrainApi, type TerrainApi } from '../engine/terrain-service.ts';
import { createEditLedger } from '../engine/mining/edit-ledger.ts';
import { VoxelStore } from '../engine/voxel-store.ts';
import { chunkBytes, encodeChunk } from '../engine/chunk-codec.ts';
import type { BrushEdit } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';

/**
 * A terrain "worker" in this process: the real terrain service behind a MessageChannel, so the
 * pool talks Comlink to it exactly as to a Web Worker. crash() fires the worker's `error` event.
 */
function fakeWorker(tap?: (api: TerrainApi) => TerrainApi): Worker {
  const { port1, port2 } = new MessageChannel();
  const errors = new EventTarget();
  const api = createTerrainApi({
    later: (fn) => queueMicrotask(() => {
      try { fn(); } catch (e) { errors.dispatchEvent(Object.assign(new Event('error'), { message: (e as Error).message })); }
    }),
  });
  Comlink.expose(tap ? tap(api) : api, port1);
  const worker = {
    postMessage: (m: unknown, t?: Transferable[]) => port2.postMessage(m, t ?? []),
    addEventListener: (type: string, l: EventListener) => (type === 'error' ? errors : port2).addEventListener(type, l),
    removeEventListener: (type: string, l: EventListener) => (type === 'error' ? errors : port2).removeEventListener(type, l),
    start: () => port2.start(),
    terminate: () => { port1.close(); port2.close(); },
  };
  return worker as unknown as Worker;
}

const SEED = 7;
let pool: TerrainPool | null = null;
afterEach(() => { pool?.dispose(); pool = null; });

const hash = async (p: TerrainPool, cx: number, cy: number, cz: number) => {
  const r = await p.query<Result<string>>((api) => api.chunkHash({ cx, cy, cz }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('TerrainPool op log', () => {
  it('a replaced worker replays edits and snapshots in order to the same voxels', async () => {
    // The "relay's" world: an edit the snapshot carries, then an edit made after it.
    const source = new VoxelStore(SEED);
    const h = Math.floor(source.columnInfo(0, 0).height);
    const cy = Math.floor(h / 32);
    const before: BrushEdit = { position: { x: 4, y: h, z: 4 }, radius: 5, strength: 8, operation: 'remove' };
    const after: BrushEdit = { position: { x: 6, y: h - 1, z: 6 }, radius: 3, strength: 6, operation: 'add' };
    source.applyEdit(before);
    const snapshot = encodeChunk(chunkBytes(source, 0, cy, 0));
    source.applyEdit(after);

    pool = new TerrainPool({ seed: SEED, kind: 'planet' }, 2, () => undefined, () => undefined, fakeWorker);
    const loaded = await pool.loadChunk(0, cy, 0, snapshot);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.value.touched.length).toBe(27 * 3);
    expect((await pool.applyEdit(after)).ok).toBe(true);
    expect(pool.opLog().length).toBe(2);
    expect(pool.editLog().length).toBe(1);
    const expected = source.chunkHash(0, cy, 0);
    expect(await hash(pool, 0, cy, 0)).toBe(expected);

    // Worker 0 dies; its replacement is built from init + replay(op log) before any job.
    const failures: string[] = [];
    pool.dispose();
    pool = new TerrainPool({ seed: SEED, kind: 'planet' }, 2, () => undefined, (m) => failures.push(m), fakeWorker);
    await pool.loadChunk(0, cy, 0, snapshot);
    await pool.applyEdit(after);
    expect(pool.crashWorker(0).ok).toBe(true);
    await vi.waitFor(() => expect(pool!.stats().replaced).toBe(1));
    expect(failures.some((m) => m.includes('replacing'))).toBe(true);
    expect(await hash(pool, 0, cy, 0)).toBe(expected);
  });

  it('a snapshot the workers refuse is not logged and changes nothing', async () => {
    pool = new TerrainPool({ seed: SEED, kind: 'planet' }, 2, () => undefined, () => undefined, fakeWorker);
    const clean = await hash(pool, 0, 0, 0);
    const r = await pool.loadChunk(0, 0, 0, new Uint8Array([1, 2, 3]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_PARAMETER');
    expect(pool.opLog().length).toBe(0);
    expect(await hash(pool, 0, 0, 0)).toBe(clean);
  });

  it('reset() forgets the op log', async () => {
    pool = new TerrainPool({ seed: SEED, kind: 'planet' }, 1, () => undefined, () => undefined, fakeWorker);
    await pool.applyEdit({ position: { x: 0, y: 10, z: 0 }, radius: 2, strength: 2, operation: 'remove' });
    pool.reset({ seed: SEED, kind: 'planet' });
    expect(pool.opLog().length).toBe(0);
    expect(pool.editLog().length).toBe(0);
  });
});

describe('TerrainPool.applyEdit with { moved: true }', () => {
  /** Workers that record the options each applyEdit call carried (undefined: none). */
  function recording(seen: unknown[], after?: (options: unknown) => void) {
    return () => fakeWorker((api) => ({
      ...api,
      applyEdit: (edit: unknown, options?: unknown) => {
        seen.push(options);
        const r = api.applyEdit(edit, options);
        after?.(options);
        return r;
      },
    }));
  }

  const at = (h: number): BrushEdit => ({ position: { x: 4, y: h, z: 4 }, radius: 4, strength: 8, operation: 'remove' });

  it('answers what the edit moved, counted by exactly one worker; without the flag no worker counts', async () => {
    const seen: unknown[] = [];
    const source = new VoxelStore(SEED);
    const h = Math.floor(source.columnInfo(4, 4).height);
    pool = new TerrainPool({ seed: SEED, kind: 'planet' }, 3, () => undefined, () => undefined, recording(seen));
    const ledger = createEditLedger();
    source.applyEdit(at(h), ledger);
    const r = await pool.applyEdit(at(h), { moved: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.moved).toEqual({ removed: Array.from(ledger.removed), added: Array.from(ledger.added) });
    expect(r.value.moved!.removed.reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(seen).toHaveLength(3);
    expect(seen.filter((o) => o !== undefined)).toEqual([{ moved: true }]);

    seen.length = 0;
    const plain = await pool.applyEdit(at(h - 2));
    expect(plain.ok && 'moved' in plain.value).toBe(false);
    expect(plain.ok && plain.value.sequence).toBe(2);
    expect(seen).toEqual([undefined, undefined, undefined]);
    const off = await pool.applyEdit(at(h - 3), { moved: false });
    expect(off.ok && 'moved' in off.value).toBe(false);
    expect(seen.every((o) => o === undefined)).toBe(true);
    // Only the edits are logged, never the option.
    expect(pool.editLog()).toEqual([at(h), at(h - 2), at(h - 3)]);
  });

  it('when the counting worker gives no answer, another answers without `moved` and the edit stands', async () => {
    const seen: unknown[] = [];
    const source = new VoxelStore(SEED);
    const h = Math.floor(source.columnInfo(4, 4).height);
    // The counting worker applies the edit, then its call fails (as a worker dying mid-call would).
    const lost = (options: unknown) => { if (options !== undefined) throw new Error('answer lost'); };
    pool = new TerrainPool({ seed: SEED, kind: 'planet' }, 2, () => undefined, () => undefined, recording(seen, lost));
    const r = await pool.applyEdit(at(h), { moved: true });
    expect(r.ok && r.value.sequence).toBe(1);
    expect(r.ok && r.value.voxelsModified).toBeGreaterThan(0);
    expect(r.ok && r.value.moved).toBeUndefined();
    source.applyEdit(at(h));
    expect(await hash(pool, 0, Math.floor(h / 32), 0)).toBe(source.chunkHash(0, Math.floor(h / 32), 0));
  });
});
