import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { openDatabase } from './database.ts';
import { migrateToLatest, relayMigrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { WorldsRepo } from './worlds-repo.ts';
import { EditsRepo } from './edits-repo.ts';
import { ChunksRepo } from './chunks-repo.ts';
import { UsersRepo } from './users-repo.ts';
import { PlayersRepo } from './players-repo.ts';
import { ChatRepo } from './chat-repo.ts';
import { InventoryRepo } from './inventory-repo.ts';
import { StructuresRepo } from './structures-repo.ts';
import { tempDir } from '../test/fixtures.ts';

let tmp: ReturnType<typeof tempDir>;
let db: Kysely<Database>;

beforeEach(async () => {
  tmp = tempDir();
  db = openDatabase({ file: tmp.file });
  await migrateToLatest(db, 'sqlite');
});
afterEach(async () => {
  await db.destroy();
  tmp.remove();
});

describe('database', () => {
  it('runs with WAL, synchronous=FULL and foreign keys, and migrations are idempotent', async () => {
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await migrateToLatest(db, 'sqlite')).toEqual([]);
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    // Seed 000's tables and ours, each made by a migration (a new table adds its name here).
    expect(tables).toEqual(expect.arrayContaining(['chat_messages', 'creatures', 'metrics', 'players', 'sessions', 'structures', 'terrain_chunks', 'terrain_edits', 'users', 'worlds',
      'world_access', 'refresh_families', 'refresh_tokens', 'revoked_access_tokens', 'jobs']));
    const chunkCols = (await db.introspection.getTables()).find((t) => t.name === 'terrain_chunks')!.columns.map((c) => c.name);
    expect(chunkCols).toEqual(expect.arrayContaining(['world_id', 'chunk_x', 'chunk_y', 'chunk_z', 'data', 'checksum', 'fold_seq']));
  });

  it('003 makes stored chunks versions at their world\'s folded_seq, keeping ids and bytes', async () => {
    const old = openDatabase({ file: `${tmp.file}-003` });
    try {
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => relayMigrations('sqlite') } });
      expect((await migrator.migrateTo('002-edit-log-chat')).error).toBeUndefined();
      const w = await new WorldsRepo(old).create({ world_name: 'Old', seed: 3, kind: 'planet' });
      await new WorldsRepo(old).setFoldedSeq(old, w.world_id, 42);
      await sql`INSERT INTO terrain_chunks (id, world_id, chunk_x, chunk_y, chunk_z, data, checksum) VALUES (7, ${w.world_id}, 1, 2, 3, ${new Uint8Array([4, 5])}, ${'c'.repeat(64)})`.execute(old);
      expect((await migrateToLatest(old, 'sqlite')).slice(0, 1)).toEqual(['003-chunk-versions']);
      const rows = await old.selectFrom('terrain_chunks').select(['id', 'fold_seq', 'data']).execute();
      expect(rows.map((r) => ({ id: r.id, fold_seq: r.fold_seq, data: [...r.data] }))).toEqual([{ id: 7, fold_seq: 42, data: [4, 5] }]);
      expect((await new ChunksRepo(old).manifest(w.world_id, 42))).toEqual([{ chunk_coords: { x: 1, y: 2, z: 3 }, checksum: 'c'.repeat(64) }]);
    } finally {
      await old.destroy();
    }
  });

  it('builds PostgreSQL migrations from the same code with PostgreSQL types', async () => {
    const compiled: string[] = [];
    // Compile only: a Kysely whose executor records SQL instead of running it.
    const { Kysely: K, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, DummyDriver } = await import('kysely');
    const pg = new K<unknown>({
      dialect: {
        createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler(),
      },
      log: (e) => { compiled.push(e.query.sql); },
    });
    for (const m of Object.values(relayMigrations('postgres'))) await m.up(pg);
    const all = compiled.join('\n');
    expect(all).toMatch(/"id" serial primary key/);
    expect(all).toMatch(/"data" bytea not null/);
    expect(all).not.toMatch(/autoincrement|blob/);
    expect(all).toMatch(/add constraint "terrain_chunks_world_chunk_fold" unique \("world_id", "chunk_x", "chunk_y", "chunk_z", "fold_seq"\)/);
  });
});

describe('repositories', () => {
  it('worlds: create, get, list, find, sequence columns', async () => {
    const worlds = new WorldsRepo(db);
    const a = await worlds.create({ world_name: 'A', seed: 4_000_000_000, kind: 'arena' });
    expect(a).toMatchObject({ world_name: 'A', seed: 4_000_000_000, kind: 'arena', edit_seq: 0, folded_seq: 0, last_played: null });
    await worlds.setEditSeq(db, a.world_id, 7, '2026-01-01T00:00:00.000Z');
    await worlds.setFoldedSeq(db, a.world_id, 5);
    expect(await worlds.get(a.world_id)).toMatchObject({ edit_seq: 7, folded_seq: 5, last_played: '2026-01-01T00:00:00.000Z' });
    expect((await worlds.findByNameAndSeed('A', 4_000_000_000))?.world_id).toBe(a.world_id);
    expect(await worlds.get(999)).toBeNull();
    expect((await worlds.list()).map((w) => w.world_name)).toEqual(['A']);
  });

  it('edits: append in order, since, max, prune', async () => {
    const w = await new WorldsRepo(db).create({ world_name: 'E', seed: 1, kind: 'planet' });
    const edits = new EditsRepo(db);
    const mk = (s: number) => ({ edit_seq: s, player_id: 'guest_abcdef', position: { x: s, y: 2, z: 3 }, radius: 2, strength: 3, operation: 'add' as const });
    await edits.append(db, w.world_id, Array.from({ length: 1200 }, (_, i) => mk(i + 1)), new Date().toISOString());
    expect(await edits.maxSeq(w.world_id)).toBe(1200);
    const since = await edits.since(w.world_id, 1195);
    expect(since.map((e) => e.edit_seq)).toEqual([1196, 1197, 1198, 1199, 1200]);
    expect(since[0]).toEqual(mk(1196));
    await edits.prune(db, w.world_id, 1198);
    expect((await edits.since(w.world_id, 0)).map((e) => e.edit_seq)).toEqual([1199, 1200]);
    await expect(edits.append(db, w.world_id, [mk(1200)], 'x')).rejects.toThrow();
  });

  it('chunks: versions are read at folded_seq; superseded and unpublished ones are dropped', async () => {
    const w = await new WorldsRepo(db).create({ world_name: 'C', seed: 1, kind: 'planet' });
    const chunks = new ChunksRepo(db);
    const at = new Date().toISOString();
    const c = (cx: number, byte: number, sum: string) => ({ cx, cy: 2, cz: -3, data: new Uint8Array([byte]), checksum: sum.repeat(64) });
    await chunks.writeVersions(db, w.world_id, 10, [c(1, 1, 'a'), c(5, 5, 'e')], at);
    await chunks.writeVersions(db, w.world_id, 20, [c(1, 9, 'b')], at);
    // At folded_seq 10 the second fold is not published: the first versions are what readers get.
    expect(await chunks.manifest(w.world_id, 10)).toEqual([
      { chunk_coords: { x: 1, y: 2, z: -3 }, checksum: 'a'.repeat(64) }, { chunk_coords: { x: 5, y: 2, z: -3 }, checksum: 'e'.repeat(64) }]);
    expect([...(await chunks.get(w.world_id, { x: 1, y: 2, z: -3 }, 10))!.data]).toEqual([1]);
    expect(await chunks.get(w.world_id, { x: 1, y: 2, z: -3 }, 9)).toBeNull();
    // Published at 20: chunk 1's newest version, chunk 5's only one.
    expect((await chunks.all(w.world_id, 20)).map((s) => [s.cx, [...s.data]])).toEqual([[5, [5]], [1, [9]]]);
    await chunks.dropSuperseded(db, w.world_id, 20);
    const rows = await db.selectFrom('terrain_chunks').select(['chunk_x', 'fold_seq']).where('world_id', '=', w.world_id).orderBy('chunk_x').execute();
    expect(rows).toEqual([{ chunk_x: 1, fold_seq: 20 }, { chunk_x: 5, fold_seq: 10 }]);
    // A fold that never published (the relay stopped while writing) leaves nothing behind.
    await chunks.writeVersions(db, w.world_id, 30, [c(1, 7, 'c'), c(6, 6, 'f')], at);
    await chunks.dropUnpublished(db, w.world_id, 20);
    expect((await chunks.all(w.world_id, 30)).map((s) => [s.cx, [...s.data]])).toEqual([[5, [5]], [1, [9]]]);
    // Writing a version again replaces it (a retried fold).
    await chunks.writeVersions(db, w.world_id, 20, [c(1, 8, 'd')], at);
    expect([...(await chunks.get(w.world_id, { x: 1, y: 2, z: -3 }, 20))!.data]).toEqual([8]);
  });

  it('users, players and chat', async () => {
    const users = new UsersRepo(db);
    const id = await users.ensureGuest('guest_abc123', 'Ana');
    expect(await users.ensureGuest('guest_abc123', 'Ana B')).toBe(id);
    expect(await users.get(id)).toEqual({ id, username: 'guest_abc123', display_name: 'Ana B' });
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: 'guest_abc123@guest.invalid', password_hash: '!' });

    const w = await new WorldsRepo(db).create({ world_name: 'P', seed: 1, kind: 'planet' });
    const players = new PlayersRepo(db);
    expect(await players.load(id, w.world_id)).toBeNull();
    const state = { position: { x: 1.5, y: 2, z: -3 }, rotation: { x: 0, y: 1.25, z: 0 }, health: 80, oxygen: 55.5, mode: 'walking' as const };
    await players.save(id, w.world_id, 'Ana', state);
    await players.save(id, w.world_id, 'Ana', { ...state, health: 70 });
    expect(await players.load(id, w.world_id)).toEqual({ ...state, health: 70 });

    const chat = new ChatRepo(db);
    for (let i = 0; i < 5; i++) await chat.append(w.world_id, { user_id: 'guest_abc123', name: 'Ana', text: `m${i}` });
    expect((await chat.recent(w.world_id, 3)).map((m) => m.text)).toEqual(['m2', 'm3', 'm4']);
    // Deleting a world cascades (foreign_keys=ON).
    await db.deleteFrom('worlds').where('id', '=', w.world_id).execute();
    expect(await chat.recent(w.world_id, 10)).toEqual([]);
    expect(await players.load(id, w.world_id)).toBeNull();
  });

  it('inventories: kept per character and world, without placing a character that has not been there', async () => {
    const users = new UsersRepo(db);
    const id = await users.ensureGuest('guest_inv001', 'Ivo');
    const w = await new WorldsRepo(db).create({ world_name: 'P', seed: 1, kind: 'planet' });
    const inventories = new InventoryRepo(db);
    expect(await inventories.load(id, w.world_id)).toBeNull();
    const carried = { slots: [{ slot: 0, item_id: 'iron_ore', quantity: 3, metadata: {} }] };
    await inventories.save(id, w.world_id, 'Ivo', carried);
    expect(await inventories.load(id, w.world_id)).toEqual(carried);
    // The row exists now, but the character still spawns as a new player.
    expect(await new PlayersRepo(db).load(id, w.world_id)).toBeNull();
    const state = { position: { x: 1, y: 2, z: 3 }, rotation: { x: 0, y: 0, z: 0 }, health: 100, oxygen: 100, mode: 'walking' as const };
    await new PlayersRepo(db).save(id, w.world_id, 'Ivo', state);
    expect(await inventories.load(id, w.world_id)).toEqual(carried);
    await inventories.save(id, w.world_id, 'Ivo', { slots: [] });
    expect(await inventories.load(id, w.world_id)).toEqual({ slots: [] });
    expect(await new PlayersRepo(db).load(id, w.world_id)).toEqual(state);
  });

  it('structures: insert, list in placement order, update health and state, remove', async () => {
    const users = new UsersRepo(db);
    const owner = await users.ensureGuest('guest_bld001', 'Bo');
    const w = await new WorldsRepo(db).create({ world_name: 'P', seed: 1, kind: 'planet' });
    const repo = new StructuresRepo(db);
    const at = '2026-12-02T10:00:00.000Z';
    const make = (n: number) => ({
      structure_id: `structure_${n}`, world_id: w.world_id, owner_id: owner, structure_type: n % 2 ? 'battery' : 'solar_panel',
      position: { x: n, y: 10.5, z: -n }, rotation: { x: 0, y: 90, z: 0 }, health: 100, state: { enabled: true }, created_at: at, updated_at: at,
    });
    for (const n of [3, 1, 2]) await repo.insert(make(n));
    expect((await repo.all(w.world_id)).map((s) => s.structure_id)).toEqual(['structure_3', 'structure_1', 'structure_2']);
    expect((await repo.all(w.world_id))[0]).toEqual(make(3));
    await repo.update(w.world_id, [{ structure_id: 'structure_1', health: 40, state: { enabled: false, stored_j: 1200 } }], '2026-12-02T11:00:00.000Z');
    expect((await repo.all(w.world_id)).find((s) => s.structure_id === 'structure_1')).toMatchObject({ health: 40, state: { enabled: false, stored_j: 1200 }, updated_at: '2026-12-02T11:00:00.000Z' });
    expect(await repo.remove(w.world_id, 'structure_1')).toBe(true);
    expect(await repo.remove(w.world_id, 'structure_1')).toBe(false);
    expect(await repo.all(w.world_id)).toHaveLength(2);
    // A structure id is unique across worlds (seed 000).
    await expect(repo.insert(make(2))).rejects.toThrow();
  });
});
