/**
 * Background jobs on a real relay: a world with edits (some folded, some still in the log) is
 * exported, downloaded, imported as a new world (from the upload and from the export's job id) and
 * every chunk checksum the relay reports is compared; a region is pregenerated (progress observed,
 * baked snapshots equal to the engine's chunks) and a big one cancelled while it runs; seed 000's
 * refusals; jobs surviving a restart. Every wait polls GET /jobs/:id on a condition.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChunkCoords } from '../../src/protocol/net/events.ts';
import { AccessTokens } from '../src/auth/access-tokens.ts';
import type { Scope } from '../src/auth/scopes.ts';
import { openDatabase } from '../src/db/database.ts';
import { surfaceEdits } from '../src/test/fixtures.ts';
import { ask, disconnectAll, player, startRelay, tempDataDir, type Client } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
type Json = Record<string, unknown>;
type JobJson = Json & { id: string; status: string; progress: number; result: Json | null; error: Json | null };

const SECRET = new Uint8Array(32).fill(9);
const OPTS = { tokenSecret: SECRET, httpLimits: { perMinute: 100_000, writesPerMinute: 100_000 }, limits: { editsPerSecond: 1000 }, hubTuning: { foldEveryEdits: 5, foldEveryMs: 600_000 }, joinHoldMs: 1,
  // A sandbox: the worlds here are built without digging soil first (base.test.ts covers what building costs).
  creative: true };
const data = tempDataDir();
let relay: Relay;
const open: Client[] = [];

const token = async (sub: string, scopes: Scope[]) => (await new AccessTokens({ secret: SECRET }).issue({ sub, username: sub, scopes })).token;

async function call(method: string, path: string, bearer?: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {};
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${relay.url}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) as Json : {} };
}

/** Polls GET /jobs/:id until `done` holds, handing every answer to `seen`. */
async function until(id: string, bearer: string, done: (j: JobJson) => boolean, seen: (j: JobJson) => void = () => {}): Promise<JobJson> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await call('GET', `/jobs/${id}`, bearer);
    expect(r.status).toBe(200);
    const job = r.json as JobJson;
    seen(job);
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} (${job.progress})`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
const finished = (j: JobJson) => ['completed', 'failed', 'cancelled'].includes(j.status);

const seedError = (error: string, status_code: number) => ({
  error, status_code, message: expect.any(String), timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), request_id: expect.any(String),
});

/** Every chunk checksum the relay reports for a world: its join manifest, stored snapshots and the engine's current chunks. */
async function checksums(worldId: number, extra: ChunkCoords[]) {
  const svc = (await relay.hub.open(worldId))!;
  const join = await svc.beginJoin();
  join.release();
  const key = (c: ChunkCoords) => `${c.x},${c.y},${c.z}`;
  const manifest = Object.fromEntries(join.edited_chunks.map((c) => [key(c.chunk_coords), c.checksum]));
  const stored: Record<string, string | undefined> = {};
  for (const c of join.edited_chunks) stored[key(c.chunk_coords)] = (await svc.storedChunk(c.chunk_coords))?.checksum;
  const current: Record<string, string> = {};
  for (const c of [...join.edited_chunks.map((e) => e.chunk_coords), ...extra]) current[key(c)] = (await svc.currentChunk(c, 'sync')).checksum;
  return { edit_seq: svc.editSeq, folded_seq: svc.foldedSeq, manifest, stored, current };
}

beforeAll(async () => { relay = await startRelay({ dataDir: data.dir, ...OPTS }); });
afterEach(() => disconnectAll(relay, open));
afterAll(async () => { await relay.close(); data.remove(); });

describe('jobs', () => {
  it('exports a world with edits and imports it as a new world with identical chunk checksums', async () => {
    const alice = await token('alice', ['admin']);
    const source = await relay.hub.create({ world_name: 'Quarry', seed: 4242, kind: 'planet' });
    const digger = await player(relay.url, 'Digger', source.world_id);
    open.push(digger.socket);
    const edits = surfaceEdits(4242, 12);
    for (const e of edits.slice(0, 10)) expect((await ask(digger.socket, 'sync_terrain_deform', e)).ok).toBe(true);
    // Fold what is there (the service's test hook), then two edits stay in the log (fewer than foldEveryEdits).
    // (A join holds folding for joinHoldMs, 1 ms here; a fold already running may stop short, hence twice.)
    const svc = (await relay.hub.open(source.world_id)) as unknown as { foldNow(): Promise<void> };
    await svc.foldNow();
    await svc.foldNow();
    for (const e of edits.slice(10)) expect((await ask(digger.socket, 'sync_terrain_deform', e)).ok).toBe(true);
    await disconnectAll(relay, open);
    const before = await checksums(source.world_id, []);
    // Some edits are folded into snapshots, some still in the log: both must travel.
    expect(before.folded_seq).toBeGreaterThan(0);
    expect(before.edit_seq).toBeGreaterThan(before.folded_seq);

    const posted = await call('POST', '/jobs', alice, { type: 'world_export', params: { world_id: source.world_id } });
    expect(posted).toMatchObject({ status: 202, json: { type: 'world_export', status: 'queued', progress: 0, created_at: expect.any(String) } });
    const progress: number[] = [];
    const done = await until(posted.json.id as string, alice, finished, (j) => progress.push(j.progress));
    expect(done).toMatchObject({ status: 'completed', progress: 1, error: null, started_at: expect.any(String), finished_at: expect.any(String) });
    expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= progress[i - 1]))).toBe(true);
    expect(done.result).toMatchObject({ world_id: source.world_id, edit_seq: before.edit_seq, folded_seq: before.folded_seq, chunks: Object.keys(before.manifest).length, download_url: `/jobs/${done.id}/result` });

    const file = await fetch(`${relay.url}${String(done.result!.download_url)}`, { headers: { Authorization: `Bearer ${alice}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/gzip');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const doc = JSON.parse(new TextDecoder().decode(gunzipSync(bytes))) as { format: string; version: number; world: Json; chunks: Array<{ x: number; y: number; z: number; checksum: string }>; edits: unknown[] };
    expect(doc).toMatchObject({ format: 'spacetime-world', version: 1, world: { seed: 4242, kind: 'planet', world_name: 'Quarry' } });
    expect(Object.fromEntries(doc.chunks.map((c) => [`${c.x},${c.y},${c.z}`, c.checksum]))).toEqual(before.manifest);
    expect(doc.edits.length).toBeGreaterThanOrEqual(before.edit_seq - before.folded_seq);

    // A file whose snapshot does not match its checksum is refused, and no world is made.
    const worldsBefore = (await relay.hub.list()).length;
    const tampered = { ...doc, chunks: doc.chunks.map((c, i) => (i === 0 ? { ...c, checksum: 'f'.repeat(64) } : c)) };
    const bad = await call('POST', '/jobs', alice, { type: 'world_import', params: { file: Buffer.from(gzipSync(new TextEncoder().encode(JSON.stringify(tampered)))).toString('base64') } });
    expect(await until(bad.json.id as string, alice, finished)).toMatchObject({ status: 'failed', error: { code: 'INVALID_PARAMETER', message: expect.stringMatching(/checksum/) } });
    expect((await relay.hub.list()).length).toBe(worldsBefore);

    const touched = edits.map((e) => ({ x: Math.floor(e.position.x / 32), y: Math.floor(e.position.y / 32), z: Math.floor(e.position.z / 32) }));
    const want = await checksums(source.world_id, touched);
    for (const params of [{ file: Buffer.from(bytes).toString('base64') }, { job_id: done.id, world_name: 'Quarry copy' }]) {
      const imp = await call('POST', '/api/v2/jobs', alice, { type: 'world_import', params });
      expect(imp.status).toBe(202);
      const job = await until(imp.json.id as string, alice, finished);
      expect(job, JSON.stringify(job.error)).toMatchObject({ status: 'completed', result: { world_id: expect.any(Number), source_world_id: source.world_id } });
      const copyId = job.result!.world_id as number;
      expect(copyId).not.toBe(source.world_id);
      expect((await relay.hub.get(copyId))).toMatchObject({ seed: 4242, kind: 'planet', world_name: 'world_name' in params ? 'Quarry copy' : 'Quarry (imported)' });
      const got = await checksums(copyId, touched);
      expect(got).toEqual(want);
      expect(Object.keys(got.manifest).length).toBeGreaterThan(0);
    }
  });

  it('pregenerates a region with progress, baking the engine\'s chunks, and cancels a big one while it runs', async () => {
    const alice = await token('alice', ['admin']);
    const world = await relay.hub.create({ world_name: 'Fresh', seed: 77, kind: 'planet' });
    const posted = await call('POST', '/jobs', alice, { type: 'region_pregenerate', params: { world_id: world.world_id, center: { x: 0, y: 0, z: 0 }, radius_m: 48 } });
    expect(posted.status).toBe(202);
    const progress: number[] = [];
    const done = await until(posted.json.id as string, alice, finished, (j) => progress.push(j.progress));
    expect(done).toMatchObject({ status: 'completed', progress: 1, result: { world_id: world.world_id, skipped_edited: 0, already_stored: 0 } });
    const baked = done.result!.baked as number;
    expect(baked).toBe(done.result!.chunks);
    expect(baked).toBeGreaterThan(8);
    const after = await checksums(world.world_id, []);
    expect(Object.keys(after.manifest)).toHaveLength(baked);
    expect(after.stored).toEqual(after.manifest);
    expect(after.current).toEqual(after.manifest);
    // Again: everything is stored already.
    const again = await until((await call('POST', '/jobs', alice, { type: 'region_pregenerate', params: { world_id: world.world_id, center: { x: 0, y: 0, z: 0 }, radius_m: 48 } })).json.id as string, alice, finished);
    expect(again.result).toMatchObject({ baked: 0, already_stored: baked });

    const big = await call('POST', '/jobs', alice, { type: 'region_pregenerate', params: { world_id: world.world_id, center: { x: 0, y: 0, z: 0 }, radius_m: 512 } });
    const id = big.json.id as string;
    const running = await until(id, alice, (j) => finished(j) || (j.status === 'running' && j.progress > 0));
    expect(running.status).toBe('running');
    const cancel = await call('DELETE', `/jobs/${id}`, alice);
    expect(cancel).toMatchObject({ status: 202, json: { id, cancel_requested: true } });
    const cancelled = await until(id, alice, finished);
    expect(cancelled).toMatchObject({ status: 'cancelled', result: null, finished_at: expect.any(String) });
    expect(cancelled.progress).toBeLessThan(1);
    expect(await call('DELETE', `/jobs/${id}`, alice)).toEqual({ status: 409, json: seedError('CONFLICT', 409) });
    const list = await call('GET', '/jobs', alice);
    expect((list.json.jobs as JobJson[]).map((j) => j.id)).toContain(id);
  });

  it('refuses in seed 000\'s format: 401, 403, 404 (another subject\'s job too) and 400', async () => {
    const alice = await token('alice', ['admin']);
    const reader = await token('alice', ['read']);
    const bob = await token('bob', ['admin']);
    const world = (await relay.hub.defaultWorld()).world_id;
    const good = { type: 'world_export', params: { world_id: world } };
    expect(await call('GET', '/jobs')).toEqual({ status: 401, json: seedError('INVALID_TOKEN', 401) });
    expect(await call('POST', '/jobs', 'not.a.token', good)).toEqual({ status: 401, json: seedError('INVALID_TOKEN', 401) });
    expect(await call('POST', '/jobs', reader, good)).toEqual({ status: 403, json: seedError('FORBIDDEN', 403) });
    for (const bad of ['{nope', { type: 'world_explode', params: {} }, { ...good, extra: 1 }, { type: 'world_export', params: { world_id: 'x' } },
      { type: 'world_import', params: { file: 'AAAA', job_id: 'job_1' } }, { type: 'world_import', params: { file: 'not base64!' } },
      { type: 'region_pregenerate', params: { world_id: world, center: { x: 0, y: 0, z: 0 }, radius_m: 5000 } }]) {
      expect(await call('POST', '/jobs', alice, bad), JSON.stringify(bad)).toEqual({ status: 400, json: seedError('INVALID_PARAMETER', 400) });
    }
    expect(await call('POST', '/jobs', alice, { type: 'world_backup', params: {} })).toEqual({ status: 400, json: seedError('MISSING_PARAMETER', 400) });
    expect(await call('POST', '/jobs', alice, { type: 'world_export', params: { world_id: 999_999 } })).toEqual({ status: 404, json: seedError('RESOURCE_NOT_FOUND', 404) });
    expect(await call('POST', '/jobs', alice, { type: 'world_import', params: { job_id: 'job_nothing' } })).toEqual({ status: 404, json: seedError('RESOURCE_NOT_FOUND', 404) });
    // A broken upload is accepted as a job and fails with the reason.
    const broken = await call('POST', '/jobs', alice, { type: 'world_import', params: { file: Buffer.from('hello').toString('base64') } });
    expect(await until(broken.json.id as string, alice, finished)).toMatchObject({ status: 'failed', error: { code: 'INVALID_PARAMETER', message: expect.stringMatching(/gzip/) } });

    const backup = await call('POST', '/jobs', alice, { type: 'world_backup', params: { world_id: world } });
    const id = backup.json.id as string;
    for (const [method, path] of [['GET', `/jobs/${id}`], ['DELETE', `/jobs/${id}`], ['GET', `/jobs/${id}/result`], ['GET', '/jobs/job_nothing']] as const) {
      expect(await call(method, path, bob), `${method} ${path}`).toEqual({ status: 404, json: seedError('RESOURCE_NOT_FOUND', 404) });
    }
    expect((await call('GET', '/jobs', bob)).json).toEqual({ jobs: [], count: 0 });
    expect(await call('DELETE', `/jobs/${id}`, reader)).toEqual({ status: 403, json: seedError('FORBIDDEN', 403) });
    const done = await until(id, reader, finished);
    expect(done).toMatchObject({ status: 'completed', result: { file: expect.stringMatching(/^backups\/world-\d+-.*\.stworld\.gz$/) } });
    expect(await call('GET', `/jobs/${broken.json.id as string}/result`, alice)).toEqual({ status: 409, json: seedError('CONFLICT', 409) });
  });

  it('keeps jobs across a restart: a finished one as it was, one cut off by the stop as failed', async () => {
    const alice = await token('alice', ['admin']);
    const world = (await relay.hub.defaultWorld()).world_id;
    const exp = await call('POST', '/jobs', alice, { type: 'world_export', params: { world_id: world } });
    const done = await until(exp.json.id as string, alice, finished);
    const big = await call('POST', '/jobs', alice, { type: 'region_pregenerate', params: { world_id: world, center: { x: 0, y: 0, z: 0 }, radius_m: 512 } });
    await until(big.json.id as string, alice, (j) => j.status === 'running');
    await relay.close();
    const db = openDatabase({ file: join(data.dir, 'spacetime.db') });
    // A clean stop already recorded it as failed...
    const row = await db.selectFrom('jobs').select(['status', 'error']).where('id', '=', big.json.id as string).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/shut down while this job was running/);
    // ...and a crash leaves it "running": the next start marks it failed.
    await db.updateTable('jobs').set({ status: 'running', finished_at: null, error: null }).where('id', '=', big.json.id as string).execute();
    await db.destroy();
    relay = await startRelay({ dataDir: data.dir, ...OPTS });

    expect((await call('GET', `/jobs/${done.id}`, alice)).json).toEqual(done);
    const file = await fetch(`${relay.url}/jobs/${done.id}/result`, { headers: { Authorization: `Bearer ${alice}` } });
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(done.result!.bytes);
    expect((await call('GET', `/jobs/${big.json.id as string}`, alice)).json).toMatchObject({
      status: 'failed', finished_at: expect.any(String), error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/relay stopped while this job was running/) },
    });
  });
});
