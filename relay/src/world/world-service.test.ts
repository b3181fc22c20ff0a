import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import { VoxelStore } from '../../../src/engine/voxel-store.ts';
import { CHECKSUM_SAMPLE } from '../../../src/protocol/net/limits.ts';
import type { SequencedEdit } from '../../../src/protocol/net/events.ts';
import { openDatabase } from '../db/database.ts';
import { ChunksRepo } from '../db/chunks-repo.ts';
import { WorldsRepo } from '../db/worlds-repo.ts';
import type { Database } from '../db/schema.ts';
import { createWorldHub, type WorldHubInternals } from './world-hub.ts';
import type { WorldServiceImpl } from './world-service.ts';
import { silentLog, surfaceEdits, tempDir } from '../test/fixtures.ts';

const SEED = 1337;
const EDITS = surfaceEdits(SEED, 40);
// Folding only when a test asks (foldNow), so no assertion depends on timers.
const NO_AUTO_FOLD = { foldEveryEdits: 1e9, foldEveryMs: 1e9 };

let tmp: ReturnType<typeof tempDir>;
let db: Kysely<Database>;
let hub: WorldHubInternals;
const extra: Array<{ hub: WorldHubInternals; db: Kysely<Database> }> = [];

async function world(opts: Partial<Parameters<typeof createWorldHub>[0]> = {}): Promise<WorldServiceImpl> {
  hub = await createWorldHub({ db, dialect: 'sqlite', log: silentLog, ...NO_AUTO_FOLD, ...opts });
  const row = await hub.defaultWorld();
  return (await hub.open(row.world_id)) as WorldServiceImpl;
}

beforeEach(() => { tmp = tempDir(); db = openDatabase({ file: tmp.file }); });
afterEach(async () => {
  for (const o of extra.splice(0)) { await o.hub.close(); await o.db.destroy(); }
  await hub?.close();
  await db.destroy();
  tmp.remove();
});

describe('WorldHub', () => {
  it('creates the default world once, lists, creates, and reports health', async () => {
    hub = await createWorldHub({ db, dialect: 'sqlite', log: silentLog });
    const [a, b] = await Promise.all([hub.defaultWorld(), hub.defaultWorld()]);
    expect(a.world_id).toBe(b.world_id);
    expect(a).toMatchObject({ world_name: 'Default world', seed: 1337, kind: 'planet', edit_seq: 0 });
    const c = await hub.create({ world_name: 'Mine', seed: 9, kind: 'arena' });
    expect((await hub.list()).map((w) => w.world_id)).toEqual([a.world_id, c.world_id]);
    expect(await hub.open(9999)).toBeNull();
    expect(await hub.open(c.world_id)).toBe(await hub.open(c.world_id));
    const h = await hub.health();
    expect(h.database.ok).toBe(true);
    expect(h.engine.ok).toBe(true);
  });
});

describe('WorldService', () => {
  it('numbers edits without gaps and tells listeners in order, one transaction per tick', async () => {
    const svc = await world();
    const seen: SequencedEdit[][] = [];
    svc.onEdits((e) => seen.push(e));
    const tx = vi.spyOn(db, 'transaction');
    // Ten in one tick, then ten one at a time.
    const first = await Promise.all(EDITS.slice(0, 10).map((e) => svc.submit(e, 'guest_aaaaaa')));
    expect(tx).toHaveBeenCalledTimes(1);
    const rest: SequencedEdit[] = [];
    for (const e of EDITS.slice(10, 20)) rest.push(await svc.submit(e, 'guest_bbbbbb'));
    expect(tx).toHaveBeenCalledTimes(11);
    expect([...first, ...rest].map((e) => e.edit_seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(seen.flat().map((e) => e.edit_seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(seen[0]).toHaveLength(10);
    expect(first[3]).toMatchObject({ player_id: 'guest_aaaaaa', position: EDITS[3].position, operation: EDITS[3].operation });
    expect(svc.editSeq).toBe(20);
    expect((await hub.get(svc.worldId))?.edit_seq).toBe(20);
  });

  it('a failed write acknowledges nothing and uses no sequence number; bad edits are refused', async () => {
    const svc = await world();
    await svc.submit(EDITS[0], 'guest_aaaaaa');
    vi.spyOn(db, 'transaction').mockImplementationOnce(() => { throw new Error('disk full'); });
    await expect(Promise.all([svc.submit(EDITS[1], 'guest_aaaaaa'), svc.submit(EDITS[2], 'guest_aaaaaa')])).rejects.toThrow(/disk full/);
    await expect(svc.submit({ ...EDITS[3], radius: 1000 }, 'guest_aaaaaa')).rejects.toThrow(/invalid edit/);
    expect((await svc.submit(EDITS[3], 'guest_aaaaaa')).edit_seq).toBe(2);
    expect(await svc.editsSince(0)).toHaveLength(2);
  });

  it('folds into terrain_chunks, keeps retainEdits of log, and answers editsSince or resync', async () => {
    const svc = await world({ retainEdits: 3 });
    for (const e of EDITS.slice(0, 12)) await svc.submit(e, 'guest_aaaaaa');
    expect(svc.foldedSeq).toBe(0);
    expect(await svc.editsSince(0)).toHaveLength(12);
    await svc.foldNow();
    expect(svc.foldedSeq).toBe(12);
    expect((await hub.get(svc.worldId))?.folded_seq).toBe(12);
    expect((await svc.editsSince(9) as SequencedEdit[]).map((e) => e.edit_seq)).toEqual([10, 11, 12]);
    expect(await svc.editsSince(8)).toBe('resync');
    expect(await svc.editsSince(12)).toEqual([]);
    expect(await svc.editsSince(13)).toBe('resync');
    const join = await svc.beginJoin();
    join.release();
    expect(join.edited_chunks.length).toBeGreaterThan(0);
    const stored = await svc.storedChunk(join.edited_chunks[0].chunk_coords);
    expect(stored).toMatchObject({ checksum: join.edited_chunks[0].checksum, edit_seq: 12, reason: 'requested' });
    expect(await svc.storedChunk({ x: 100, y: 0, z: 100 })).toBeNull();
  });

  it('commits an edit that arrives while a fold writes its snapshots before the fold publishes', async () => {
    const svc = await world();
    for (const e of EDITS.slice(0, 20)) await svc.submit(e, 'guest_aaaaaa');
    const order: string[] = [];
    let during: Promise<SequencedEdit> | null = null;
    const writeVersions = ChunksRepo.prototype.writeVersions;
    const setFoldedSeq = WorldsRepo.prototype.setFoldedSeq;
    const writes = vi.spyOn(ChunksRepo.prototype, 'writeVersions').mockImplementation(function (this: ChunksRepo, ...args) {
      during ??= svc.submit(EDITS[20], 'guest_bbbbbb').then((e) => (order.push(`ack ${e.edit_seq}`), e));
      return writeVersions.apply(this, args);
    });
    const publishes = vi.spyOn(WorldsRepo.prototype, 'setFoldedSeq').mockImplementation(function (this: WorldsRepo, ...args) {
      order.push(`publish ${args[2]}`);
      return setFoldedSeq.apply(this, args);
    });
    try {
      await svc.foldNow();
    } finally {
      writes.mockRestore();
      publishes.mockRestore();
    }
    // One transaction for the whole fold would have made the edit wait until after the publish.
    expect(await during).toMatchObject({ edit_seq: 21 });
    expect(order).toEqual(['ack 21', 'publish 20']);
    expect(svc.foldedSeq).toBe(20);
  });

  it('answers editsSince in bounded pieces that continue from the last edit given', async () => {
    const svc = await world({ maxEditsPerAnswer: 5 });
    await Promise.all(EDITS.slice(0, 12).map((e) => svc.submit(e, 'guest_aaaaaa')));
    const seqs = async (since: number) => (await svc.editsSince(since) as SequencedEdit[]).map((e) => e.edit_seq);
    expect(await seqs(0)).toEqual([1, 2, 3, 4, 5]);
    expect(await seqs(5)).toEqual([6, 7, 8, 9, 10]);
    expect(await seqs(10)).toEqual([11, 12]);
    expect(await seqs(12)).toEqual([]);
  });

  it('a join holds folding until it releases, so its manifest stays at one folded_seq', async () => {
    const svc = await world();
    for (const e of EDITS.slice(0, 4)) await svc.submit(e, 'guest_aaaaaa');
    await svc.foldNow();
    const join = await svc.beginJoin();
    expect(join).toMatchObject({ folded_seq: 4, edit_seq: 4 });
    for (const e of EDITS.slice(4, 8)) await svc.submit(e, 'guest_aaaaaa');
    await svc.foldNow();
    expect(svc.foldedSeq).toBe(4);
    for (const c of join.edited_chunks) expect((await svc.storedChunk(c.chunk_coords))?.checksum).toBe(c.checksum);
    join.release();
    join.release();
    await svc.foldNow();
    expect(svc.foldedSeq).toBe(8);
  });

  it('a restarted relay restores the same chunks as a page engine that applied the same edits', async () => {
    const svc = await world({ retainEdits: 2 });
    const ref = new VoxelStore(SEED);
    const touched = new Set<string>();
    for (const [i, e] of EDITS.slice(0, 30).entries()) {
      await svc.submit(e, 'guest_aaaaaa');
      const t = ref.applyEdit(e).touched;
      for (let k = 0; k < t.length; k += 3) touched.add(`${t[k]},${t[k + 1]},${t[k + 2]}`);
      if (i === 19) await svc.foldNow();
    }
    // A second relay on the same file, without closing the first: as after a crash, edits 21..30
    // come from the log, the rest from the snapshots.
    const db2 = openDatabase({ file: tmp.file });
    const hub2 = await createWorldHub({ db: db2, dialect: 'sqlite', log: silentLog, ...NO_AUTO_FOLD });
    extra.push({ hub: hub2, db: db2 });
    const svc2 = (await hub2.open(svc.worldId))!;
    expect(svc2).toMatchObject({ editSeq: 30, foldedSeq: 20 });
    for (const key of touched) {
      const [x, y, z] = key.split(',').map(Number);
      expect((await svc2.currentChunk({ x, y, z }, 'sync')).checksum).toBe(ref.chunkHash(x, y, z));
    }
  });

  it('verify reports a wrong checksum for a sampled edit and nothing for an unknown one', async () => {
    const svc = await world();
    const ref = new VoxelStore(SEED);
    let touched: number[] = [];
    for (const e of EDITS.slice(0, CHECKSUM_SAMPLE)) { await svc.submit(e, 'guest_aaaaaa'); touched = ref.applyEdit(e).touched; }
    const report = [];
    for (let i = 0; i < touched.length; i += 3) {
      report.push({ chunk_coords: { x: touched[i], y: touched[i + 1], z: touched[i + 2] }, checksum: ref.chunkHash(touched[i], touched[i + 1], touched[i + 2]) });
    }
    expect(await svc.verify(CHECKSUM_SAMPLE, report)).toEqual([]);
    const wrong = report.map((c, i) => (i === 1 ? { ...c, checksum: 'f'.repeat(64) } : c));
    expect(await svc.verify(CHECKSUM_SAMPLE, wrong)).toEqual([report[1].chunk_coords]);
    expect(await svc.verify(CHECKSUM_SAMPLE - 1, wrong)).toEqual([]);
    expect(await svc.verify(CHECKSUM_SAMPLE * 10, wrong)).toEqual([]);
    const repair = await svc.currentChunk(report[1].chunk_coords, 'repair');
    expect(repair).toMatchObject({ checksum: report[1].checksum, edit_seq: CHECKSUM_SAMPLE, reason: 'repair' });
  });

  it('keeps serving after the terrain worker dies: the replica is rebuilt from the database', async () => {
    const svc = await world();
    const ref = new VoxelStore(SEED);
    for (const e of EDITS.slice(0, 5)) { await svc.submit(e, 'guest_aaaaaa'); ref.applyEdit(e); }
    await hub.host.crashForTest();
    for (const e of EDITS.slice(5, 8)) { await svc.submit(e, 'guest_aaaaaa'); ref.applyEdit(e); }
    const p = EDITS[6].position;
    const c = { x: Math.floor(p.x / 32), y: Math.floor(p.y / 32), z: Math.floor(p.z / 32) };
    expect(await svc.currentChunk(c, 'sync')).toMatchObject({ checksum: ref.chunkHash(c.x, c.y, c.z), edit_seq: 8 });
    expect((await hub.health()).engine.ok).toBe(true);
  });
});
