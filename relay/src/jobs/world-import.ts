/**
 * world_import: makes a NEW world from a world file. Everything is checked before anything is
 * written (each snapshot inflates to a chunk whose SHA-256 is its recorded checksum, the log runs
 * without a gap to edit_seq); then the world row, its snapshots (as versions at the file's
 * folded_seq, published), the log and its players go in ONE transaction, so a failed or cancelled
 * import leaves nothing behind and no one can open the world half-written. The snapshots are the
 * file's bytes unchanged, so the new world's chunk checksums are the source's; the world keeps the
 * source's edit_seq and folded_seq. Last, the world is opened once, so its replica is built (and the
 * engine has accepted the snapshots and the log) before the job reports success.
 *
 * Players rows are kept for users this relay knows (by username: a guest id or an account name);
 * the others are counted as skipped.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ChunksRepo, type StoredChunk } from '../db/chunks-repo.ts';
import { EditsRepo } from '../db/edits-repo.ts';
import { WorldsRepo } from '../db/worlds-repo.ts';
import { FOLD_WRITE_CHUNKS } from '../world/fold-writer.ts';
import { JobError, type JobStep } from './job-types.ts';
import { checkedChunk, checkLog, decodeWorldFile, type WorldFile } from './world-file.ts';
import type { WorldIoDeps } from './world-export.ts';

/** Snapshots checked between two turns of the event loop. */
const CHECK_BATCH = 32;
const USERS_PER_QUERY = 500;

export async function importWorld(d: WorldIoDeps, bytes: Uint8Array, worldName: string | undefined, step: JobStep): Promise<Record<string, unknown>> {
  const file = await decodeWorldFile(bytes);
  await step(0.1);
  checkLog(file);
  const chunks: StoredChunk[] = [];
  for (let i = 0; i < file.chunks.length; i++) {
    const c = file.chunks[i];
    chunks.push({ cx: c.x, cy: c.y, cz: c.z, checksum: c.checksum, data: checkedChunk(c) });
    if (i % CHECK_BATCH === CHECK_BATCH - 1) await step(0.1 + 0.3 * (i / file.chunks.length));
  }
  await step(0.4);
  const name = (worldName ?? `${file.world.world_name} (imported)`).slice(0, 100);
  const users = await knownUsers(d.db, file.players.map((p) => p.username));
  const { seed, kind, edit_seq, folded_seq } = file.world;
  const at = new Date().toISOString();
  const worldId = await d.db.transaction().execute(async (trx) => {
    const worlds = new WorldsRepo(trx);
    const row = await worlds.create({ world_name: name, seed, kind });
    for (let i = 0; i < chunks.length; i += FOLD_WRITE_CHUNKS) {
      await new ChunksRepo(trx).writeVersions(trx, row.world_id, folded_seq, chunks.slice(i, i + FOLD_WRITE_CHUNKS), at);
      // A turn for the rest of the relay (poses, chat); a cancel here rolls everything back.
      await step(0.4 + 0.4 * (i / Math.max(1, chunks.length)));
    }
    await new EditsRepo(trx).append(trx, row.world_id, file.edits, at);
    await worlds.setEditSeq(trx, row.world_id, edit_seq, at);
    await worlds.setFoldedSeq(trx, row.world_id, folded_seq);
    await insertPlayers(trx, row.world_id, file.players, users);
    return row.world_id;
  });
  await step(0.9);
  const svc = await d.hub.open(worldId);
  if (!svc) throw new JobError('INTERNAL_ERROR', `world ${worldId} was imported but does not open`);
  return {
    world_id: worldId, world_name: name, source_world_id: file.world.source_world_id, seed, kind,
    edit_seq: svc.editSeq, folded_seq: svc.foldedSeq, chunks: chunks.length, edits: file.edits.length,
    players: file.players.filter((p) => users.has(p.username)).length,
    players_skipped: file.players.filter((p) => !users.has(p.username)).length,
  };
}

/** username → users.id for the usernames this relay has. */
async function knownUsers(db: Kysely<Database>, usernames: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const unique = [...new Set(usernames)];
  for (let i = 0; i < unique.length; i += USERS_PER_QUERY) {
    const rows = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', unique.slice(i, i + USERS_PER_QUERY)).execute();
    for (const r of rows) found.set(r.username, r.id);
  }
  return found;
}

async function insertPlayers(db: Kysely<Database>, worldId: number, players: WorldFile['players'], users: Map<string, number>): Promise<void> {
  for (const p of players) {
    const userId = users.get(p.username);
    if (userId === undefined) continue;
    await db.insertInto('players').values({
      user_id: userId, world_id: worldId, player_name: p.player_name,
      position_x: p.position.x, position_y: p.position.y, position_z: p.position.z,
      rotation_x: p.rotation.x, rotation_y: p.rotation.y, rotation_z: p.rotation.z,
      health: Math.round(p.health), oxygen: p.oxygen, mode: p.mode, inventory: p.inventory, stats: p.stats,
      created_at: p.created_at, updated_at: p.updated_at, placed: p.placed ? sql<boolean>`TRUE` : sql<boolean>`FALSE`,
    }).onConflict((oc) => oc.columns(['user_id', 'world_id']).doNothing()).execute();
  }
}
