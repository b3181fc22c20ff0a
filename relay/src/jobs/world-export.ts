/**
 * world_export and world_backup: reads one world into a world file (world-file.ts) and writes it
 * into the relay's data directory, exports/<job id>.stworld.gz or backups/world-<id>-<time>.stworld.gz.
 *
 * The read is consistent: it holds the world's folding (WorldService.beginJoin, as a joiner does)
 * while it takes the join manifest, every published snapshot at that folded_seq, and the log rows
 * still kept up to the manifest's edit_seq, so no fold publishes or prunes in between. Edits go on
 * meanwhile; the file is the world as of that edit_seq.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { iso } from '../db/schema.ts';
import { ChunksRepo } from '../db/chunks-repo.ts';
import { EditsRepo } from '../db/edits-repo.ts';
import type { HubPort } from '../socket/hub-port.ts';
import { JobError, type JobStep } from './job-types.ts';
import { encodeWorldFile, sha256Hex, WORLD_FILE_FORMAT, WORLD_FILE_VERSION, type WorldFile, type WorldFilePlayer } from './world-file.ts';

export interface WorldIoDeps { hub: HubPort; db: Kysely<Database>; dataDir: string }

/** The world as a world file, read under a fold hold. */
export async function readWorld(d: WorldIoDeps, worldId: number, step: JobStep): Promise<WorldFile> {
  const row = await d.hub.get(worldId);
  const svc = row && await d.hub.open(worldId);
  if (!row || !svc) throw new JobError('RESOURCE_NOT_FOUND', `no world ${worldId}`);
  await step(0.05);
  const manifest = await svc.beginJoin();
  let chunks: WorldFile['chunks'];
  let edits: WorldFile['edits'];
  try {
    const stored = await new ChunksRepo(d.db).all(worldId, manifest.folded_seq);
    await step(0.3);
    chunks = stored.map((c) => ({ x: c.cx, y: c.cy, z: c.cz, checksum: c.checksum, data: Buffer.from(c.data).toString('base64') }));
    edits = (await new EditsRepo(d.db).since(worldId, 0)).filter((e) => e.edit_seq <= manifest.edit_seq);
  } finally {
    manifest.release();
  }
  await step(0.4);
  const players = await readPlayers(d.db, worldId);
  return {
    format: WORLD_FILE_FORMAT, version: WORLD_FILE_VERSION, exported_at: new Date().toISOString(),
    world: {
      source_world_id: worldId, world_name: row.world_name, seed: row.seed, kind: row.kind,
      edit_seq: manifest.edit_seq, folded_seq: manifest.folded_seq, created_at: row.created_at,
    },
    chunks, edits, players,
  };
}

async function readPlayers(db: Kysely<Database>, worldId: number): Promise<WorldFilePlayer[]> {
  const rows = await db.selectFrom('players').innerJoin('users', 'users.id', 'players.user_id')
    .select(['users.username', 'players.player_name', 'players.position_x', 'players.position_y', 'players.position_z',
      'players.rotation_x', 'players.rotation_y', 'players.rotation_z', 'players.health', 'players.oxygen', 'players.mode',
      'players.inventory', 'players.stats', 'players.placed', 'players.created_at', 'players.updated_at'])
    .where('players.world_id', '=', worldId).orderBy('players.id').execute();
  return rows.map((r) => ({
    username: r.username, player_name: r.player_name,
    position: { x: r.position_x, y: r.position_y, z: r.position_z },
    rotation: { x: r.rotation_x, y: r.rotation_y, z: r.rotation_z },
    health: r.health, oxygen: r.oxygen, mode: r.mode, inventory: r.inventory, stats: r.stats,
    placed: Boolean(r.placed), created_at: iso(r.created_at), updated_at: iso(r.updated_at),
  }));
}

/**
 * Exports the world to `<dataDir>/<dir>/<name>` (written to a temporary name, then renamed, so a
 * half-written file never carries the final name). Returns the job's result.
 */
export async function exportWorld(d: WorldIoDeps, worldId: number, dir: 'exports' | 'backups', name: string, step: JobStep): Promise<Record<string, unknown>> {
  const file = await readWorld(d, worldId, step);
  const bytes = await encodeWorldFile(file);
  await step(0.9);
  await mkdir(join(d.dataDir, dir), { recursive: true });
  const path = join(d.dataDir, dir, name);
  await writeFile(`${path}.part`, bytes);
  await rename(`${path}.part`, path);
  return {
    world_id: worldId, world_name: file.world.world_name, file: `${dir}/${name}`, bytes: bytes.length, sha256: sha256Hex(bytes),
    format: `${WORLD_FILE_FORMAT}/${WORLD_FILE_VERSION}+gzip`, edit_seq: file.world.edit_seq, folded_seq: file.world.folded_seq,
    chunks: file.chunks.length, edits: file.edits.length, players: file.players.length,
  };
}
