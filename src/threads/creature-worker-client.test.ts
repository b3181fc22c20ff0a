import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { CreatureWorkerClient, MAX_RESTARTS_IN_A_ROW, type CreatureRestartEvent } from './creature-worker-client.ts';
import { createCreatureApi, type CreatureTickMessage } from '../engine/creatures/creature-worker-api.ts';
import type { BrushEdit } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';
import { VoxelStore } from '../engine/voxel-store.ts';
import { TerrainPool } from './terrain-pool.ts';
import { createTerrainApi } from '../engine/terrain-service.ts';
import type { TerrainOp } from '../engine/terrain-service.ts';

const WORLD = { seed: 7, kind: 'planet' as const };

/**
 * A creature "worker" in this process: the real API behind a MessageChannel, so the client talks
 * Comlink to it exactly as to a Web Worker. Its loop's timer never fires unless `loop` (the test
 * steps ticks); crash() fires the worker's `error` event. `hung` makes one that never answers.
 */
function fakeWorker(hung = false, loop = false): Worker {
  const { port1, port2 } = new MessageChannel();
  const errors = new EventTarget();
  const api = createCreatureApi({
    ...(loop ? {} : { every: () => 0, cancel: () => undefined }),
    later: (fn) => queueMicrotask(() => {
      try { fn(); } catch (e) { errors.dispatchEvent(Object.assign(new Event('error'), { message: (e as Error).message })); }
    }),
  });
  if (!hung) Comlink.expose(api, port1);
  const worker = {
    postMessage: (m: unknown, t?: Transferable[]) => port2.postMessage(m, t ?? []),
    addEventListener: (type: string, l: EventListener) => (type === 'error' ? errors : port2).addEventListener(type, l),
    removeEventListener: (type: string, l: EventListener) => (type === 'error' ? errors : port2).removeEventListener(type, l),
    start: () => port2.start(),
    terminate: () => { port1.close(); port2.close(); },
  };
  return worker as unknown as Worker;
}

const must = <T>(r: Result<T>): T => { if (!r.ok) throw new Error(r.error.message); return r.value; };
let client: CreatureWorkerClient | null = null;
afterEach(() => { client?.dispose(); client = null; });

/** A hole dug at the surface at (10, 10), so the ground a creature sees there depends on it. */
const edit: BrushEdit = { position: { x: 10, y: Math.round(new VoxelStore(7).columnInfo(10, 10).height), z: 10 }, radius: 6, strength: 10, operation: 'remove' };
const spawnN = (n: number) => ({ n, type: n % 4 === 0 ? 'alien_predator' as const : 'grazer' as const, level: n, position: { x: n * 4, y: 70, z: 6 } });

describe('CreatureWorkerClient', () => {
  it('a crashed worker is replaced: init, terrain ops, the last save, then the inputs sent after it', async () => {
    const ticks: number[] = [], restarts: CreatureRestartEvent[] = [];
    let made = 0;
    client = new CreatureWorkerClient(WORLD, {
      onTick: (m: CreatureTickMessage) => { ticks.push(m.tick); client!.recycle(m.snapshot); },
      onRestart: (e) => restarts.push(e),
    }, { factory: () => { made++; return fakeWorker(); }, heartbeatMs: 600_000 });
    must(await client.terrainOps([edit]));
    // A batch the worker refuses is not replayed to a replacement (it would refuse the good ones with it).
    expect(await client.terrainOps([edit, { op: 'chunk', cx: 0, cy: 0, cz: 0, data: new Uint8Array(3) }])).toMatchObject({ ok: false });
    const dug = must(await client.groundNear('grazer', { x: 10, y: 200, z: 10 }));
    for (let n = 1; n <= 10; n++) must(await client.spawn(spawnN(n)));
    must(await client.start());
    must(await client.step(25));
    await vi.waitFor(() => expect(client!.lastSaved?.tick).toBe(20));
    const save = client.lastSaved!, saveCopy = save.state.slice();
    expect(save.inputs).toBe(10);
    expect(client.unsaved).toBe(0); // every input so far is in the save
    const records = client.saved();
    expect(records.length).toBeGreaterThan(5);
    for (const c of records) {
      expect(c.n).toBeGreaterThanOrEqual(1); expect(c.n).toBeLessThanOrEqual(10);
      expect(c.type).toBe(c.n % 4 === 0 ? 1 : 0);
      expect(c.level).toBe(c.n);
    }

    // Inputs after the save, then the crash.
    must(await client.command(3, 2));
    must(await client.spawn(spawnN(11)));
    must(await client.setPlayers(Float64Array.of(0, 5, 60, 5)));
    expect(client.unsaved).toBe(3);
    client.crash();
    await vi.waitFor(() => expect(restarts.map((e) => e.phase)).toEqual(['error', 'ready']));
    expect(client.restarts).toBe(1);
    expect(made).toBe(2);
    expect(restarts[1]).toMatchObject({ restored: true, resent: 3 });
    expect(must(await client.groundNear('grazer', { x: 10, y: 200, z: 10 }))).toEqual(dug); // the hole was replayed
    const untouched = createCreatureApi();
    must(untouched.init(WORLD));
    expect(must(untouched.groundNear({ type: 'grazer', position: { x: 10, y: 200, z: 10 } })).y).toBeGreaterThan(dug.y + 1);

    // The replacement holds exactly: the save, then the three inputs — as a reference built by hand does.
    const ref = createCreatureApi();
    must(ref.init(WORLD)); must(ref.terrainOps([edit]));
    must(ref.restoreState({ state: saveCopy, inputs: 10, tick: 20 }));
    must(ref.command(3, 2)); must(ref.spawn(spawnN(11))); must(ref.setPlayers(Float64Array.of(0, 5, 60, 5)));
    must(ref.step(5));
    must(await client.step(5));
    const mine = must(await client.saveState()), theirs = must(ref.saveState());
    expect(mine.tick).toBe(25);
    expect(mine.inputs).toBe(13);
    expect(Buffer.from(mine.state.buffer)).toEqual(Buffer.from(theirs.state.buffer));
    // The loop's listener came back too: the replacement's ticks reach onTick.
    await vi.waitFor(() => expect(ticks.at(-1)).toBe(25));
    expect(ticks.filter((t) => t === 21).length).toBe(2); // ticks 21..25 ran twice: before the crash and after the restore
  });

  it('a worker that stops answering is replaced after the heartbeat, rebuilt from the inputs when no save exists', async () => {
    const restarts: CreatureRestartEvent[] = [];
    let made = 0;
    client = new CreatureWorkerClient(WORLD, { onRestart: (e) => restarts.push(e) }, {
      factory: () => fakeWorker(made++ === 0, true), heartbeatMs: 150,
    });
    const spawned = client.spawn(spawnN(1)); // the hung worker never answers: the replacement does
    const started = client.start();
    await vi.waitFor(() => expect(client!.restarts).toBe(1), { timeout: 10_000 });
    expect(restarts[0]).toMatchObject({ phase: 'error', message: expect.stringMatching(/no tick/) });
    expect(await spawned).toMatchObject({ ok: true });
    expect(await started).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    await vi.waitFor(() => expect(restarts.at(-1)).toMatchObject({ phase: 'ready', restored: false, resent: 1 }));
    await vi.waitFor(async () => expect((await client!.status())?.tick).toBeGreaterThan(0)); // its loop ticks
    expect((await client.status())?.count).toBe(1);
    expect(client.restarts).toBe(1);
    must(await client.stop());
  });
});

describe('CreatureWorkerClient giving up', () => {
  it('stops replacing a worker that dies before it ever answers, after MAX_RESTARTS_IN_A_ROW', async () => {
    const events: CreatureRestartEvent[] = [];
    const broken = () => {
      const w = fakeWorker(true);
      const errors = new EventTarget();
      const listen = w.addEventListener.bind(w);
      (w as unknown as { addEventListener: (t: string, l: EventListener) => void }).addEventListener =
        (t, l) => (t === 'error' ? errors.addEventListener(t, l) : listen(t, l));
      queueMicrotask(() => errors.dispatchEvent(Object.assign(new Event('error'), { message: 'bad script' })));
      return w;
    };
    client = new CreatureWorkerClient(WORLD, { onRestart: (e) => events.push(e) }, { factory: broken, heartbeatMs: 600_000 });
    await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ phase: 'error', message: expect.stringMatching(/no more/) }));
    expect(client.restarts).toBe(MAX_RESTARTS_IN_A_ROW);
    expect(events.some((e) => e.phase === 'ready')).toBe(false);
    expect(await client.spawn(spawnN(1))).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  });
});

describe('TerrainPool.onOp feeding the creature worker', () => {
  it('every op the pool logs reaches the creature worker in order, so its ground follows the digging', async () => {
    const terrainWorker = () => {
      const { port1, port2 } = new MessageChannel();
      Comlink.expose(createTerrainApi(), port1);
      return {
        postMessage: (m: unknown, t?: Transferable[]) => port2.postMessage(m, t ?? []),
        addEventListener: (type: string, l: EventListener) => port2.addEventListener(type, l),
        removeEventListener: (type: string, l: EventListener) => port2.removeEventListener(type, l),
        start: () => port2.start(),
        terminate: () => { port1.close(); port2.close(); },
      } as unknown as Worker;
    };
    const pool = new TerrainPool(WORLD, 1, () => undefined, () => undefined, terrainWorker);
    client = new CreatureWorkerClient(WORLD, {}, { factory: () => fakeWorker(), heartbeatMs: 600_000 });
    const seen: TerrainOp[] = [];
    const off = pool.onOp((op) => { seen.push(op); void client!.terrainOps([op]); });
    try {
      const before = must(await client.groundNear('rockling', { x: 10, y: 200, z: 10 }));
      must(await pool.applyEdit(edit));
      expect(seen).toEqual([edit]);
      const after = must(await client.groundNear('rockling', { x: 10, y: 200, z: 10 }));
      expect(after.y).toBeLessThan(before.y - 1);
      off();
      must(await pool.applyEdit({ ...edit, operation: 'add' }));
      expect(seen.length).toBe(1);
    } finally {
      pool.dispose();
    }
  });
});
