/**
 * The relay's worlds: listing and creating them, and opening each one's WorldService once. Owns the
 * terrain worker; when the worker is replaced, every open world's replica is rebuilt from the
 * database before any other call reaches the new worker.
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { CreateWorldSchema, DEFAULT_WORLD, type CreateWorld } from '../../../src/protocol/net/worlds.ts';
import type { Database, SqlDialect } from '../db/schema.ts';
import { migrateToLatest } from '../db/migrations/index.ts';
import { WorldsRepo } from '../db/worlds-repo.ts';
import { EditsRepo } from '../db/edits-repo.ts';
import { ChunksRepo } from '../db/chunks-repo.ts';
import { UsersRepo } from '../db/users-repo.ts';
import { PlayersRepo } from '../db/players-repo.ts';
import { ChatRepo } from '../db/chat-repo.ts';
import { TerrainHost } from '../terrain/terrain-host.ts';
import { WorldServiceImpl, type WorldDeps } from './world-service.ts';
import type { WorldHub, WorldRow, WorldService } from './types.ts';

export type { WorldHub, WorldRow, WorldService, JoinManifest } from './types.ts';

export interface WorldHubOptions {
  db: Kysely<Database>;
  dialect: SqlDialect;
  log: Logger;
  /** Fold after this many unfolded edits (default 256)... */
  foldEveryEdits?: number;
  /** ...or after this long with any (default 2000 ms). */
  foldEveryMs?: number;
  /** Log entries kept behind folded_seq so a short outage resumes from the log (default 2000). */
  retainEdits?: number;
  /** At most this many edits in one answer to request_terrain_edits (default 2000, as retainEdits). */
  maxEditsPerAnswer?: number;
}

/** The hub plus what tests and the health route may want to reach. */
export interface WorldHubInternals extends WorldHub {
  readonly host: TerrainHost;
}

export async function createWorldHub(opts: WorldHubOptions): Promise<WorldHubInternals> {
  const { db, log } = opts;
  await migrateToLatest(db, opts.dialect);
  const worlds = new WorldsRepo(db);
  const services = new Map<number, Promise<WorldServiceImpl | null>>();

  const host = new TerrainHost({
    onError: (err) => log.error({ err }, 'terrain worker error'),
    onRestart: async (h) => {
      log.warn({ worlds: services.size }, 'terrain worker restarted; reopening worlds');
      for (const p of services.values()) {
        const svc = await p.catch(() => null);
        if (svc) await svc.load(true);
      }
      log.info({ alive: h.alive }, 'worlds reopened');
    },
  });

  const deps: WorldDeps = {
    db, worlds, edits: new EditsRepo(db), chunks: new ChunksRepo(db), host, log,
    foldEveryEdits: opts.foldEveryEdits ?? 256,
    foldEveryMs: opts.foldEveryMs ?? 2000,
    retainEdits: opts.retainEdits ?? 2000,
    maxEditsPerAnswer: opts.maxEditsPerAnswer ?? 2000,
  };

  let defaultWorld: Promise<WorldRow> | null = null;

  const hub: WorldHubInternals = {
    host,
    users: new UsersRepo(db),
    players: new PlayersRepo(db),
    chat: new ChatRepo(db),
    list: () => worlds.list(),
    get: (worldId) => worlds.get(worldId),
    create: (input: CreateWorld) => worlds.create(CreateWorldSchema.parse(input)),

    defaultWorld() {
      // One promise, so two first joins at once cannot create two default worlds.
      defaultWorld ??= (async () => (await worlds.findByNameAndSeed(DEFAULT_WORLD.world_name, DEFAULT_WORLD.seed))
        ?? worlds.create({ ...DEFAULT_WORLD }))();
      defaultWorld.catch(() => { defaultWorld = null; });
      return defaultWorld;
    },

    open(worldId: number): Promise<WorldService | null> {
      let p = services.get(worldId);
      if (!p) {
        p = (async () => {
          const row = await worlds.get(worldId);
          if (!row) return null;
          const svc = new WorldServiceImpl(worldId, row, deps);
          await svc.load();
          log.info({ world_id: worldId, edit_seq: svc.editSeq, folded_seq: svc.foldedSeq }, 'world opened');
          return svc;
        })();
        services.set(worldId, p);
        // A failed or missing world is not cached: it may be created or recover later.
        p.then((svc) => { if (!svc) services.delete(worldId); }, () => services.delete(worldId));
      }
      return p;
    },

    async health() {
      const t0 = performance.now();
      let ok = true;
      try { await sql`select 1`.execute(db); } catch { ok = false; }
      return { database: { ok, response_ms: Math.round((performance.now() - t0) * 100) / 100 }, engine: { ok: host.alive } };
    },

    async close() {
      for (const p of services.values()) {
        const svc = await p.catch(() => null);
        if (svc) await svc.close().catch((err: Error) => log.error({ err, world_id: svc.worldId }, 'world close failed'));
      }
      services.clear();
      await host.stop();
    },
  };
  return hub;
}
