/**
 * The world file a world_export / world_backup job writes and a world_import job reads
 * (docs/world-file.md): gzip of one UTF-8 JSON document holding the world's seed, kind and name, its
 * published chunk snapshots (the stored bytes, base64, with their SHA-256), the edit log rows still
 * kept, and its players rows. Compression runs through fflate's asynchronous gzip/gunzip (worker
 * threads), so a big file does not hold up the relay's event loop.
 */
import { createHash } from 'node:crypto';
import { gunzip, gzip } from 'fflate';
import { z } from 'zod';
import { decodeChunk } from '../../../src/engine/chunk-codec.ts';
import { WORLD_KINDS } from '../../../src/protocol/terrain.ts';
import { SequencedEditSchema } from '../terrain/messages.ts';
import { JobError } from './job-types.ts';

export const WORLD_FILE_FORMAT = 'spacetime-world';
export const WORLD_FILE_VERSION = 1;
/** A file that would inflate past this is refused before inflating it. */
export const MAX_WORLD_FILE_INFLATED = 512 * 1024 * 1024;

const Vec3 = z.strictObject({ x: z.number().finite(), y: z.number().finite(), z: z.number().finite() });
const Seq = z.number().int().min(0);

export const WorldFileSchema = z.strictObject({
  format: z.literal(WORLD_FILE_FORMAT),
  version: z.literal(WORLD_FILE_VERSION),
  exported_at: z.string(),
  world: z.strictObject({
    source_world_id: z.number().int(),
    world_name: z.string().min(1).max(100),
    seed: z.number().int().min(0).max(0xffffffff),
    kind: z.enum(WORLD_KINDS),
    edit_seq: Seq,
    folded_seq: Seq,
    created_at: z.string(),
  }),
  chunks: z.array(z.strictObject({
    x: z.number().int(), y: z.number().int(), z: z.number().int(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
    data: z.base64(),
  })),
  edits: z.array(SequencedEditSchema),
  players: z.array(z.strictObject({
    username: z.string().min(1),
    player_name: z.string(),
    position: Vec3, rotation: Vec3,
    health: z.number(), oxygen: z.number(), mode: z.string(),
    inventory: z.string().nullable(), stats: z.string().nullable(),
    placed: z.boolean(),
    created_at: z.string(), updated_at: z.string(),
  })),
});
export type WorldFile = z.output<typeof WorldFileSchema>;
export type WorldFilePlayer = WorldFile['players'][number];

const deflate = (bytes: Uint8Array) => new Promise<Uint8Array>((resolve, reject) =>
  gzip(bytes, { level: 6 }, (err, out) => (err ? reject(err) : resolve(out))));
const inflate = (bytes: Uint8Array) => new Promise<Uint8Array>((resolve, reject) =>
  gunzip(bytes, (err, out) => (err ? reject(err) : resolve(out))));

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The file's bytes: gzip of the JSON document. */
export async function encodeWorldFile(file: WorldFile): Promise<Uint8Array> {
  return deflate(new TextEncoder().encode(JSON.stringify(file)));
}

/** Parses a world file; a broken one is a JobError (INVALID_PARAMETER) saying what is wrong. */
export async function decodeWorldFile(bytes: Uint8Array): Promise<WorldFile> {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new JobError('INVALID_PARAMETER', 'file is not gzip (a world file is gzip of JSON)');
  // gzip's trailer holds the inflated size (mod 2^32): refuse a bomb before inflating it.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(bytes.length - 4, true) > MAX_WORLD_FILE_INFLATED) throw new JobError('INVALID_PARAMETER', 'file inflates to more than 512 MB');
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(await inflate(bytes)));
  } catch (e) {
    throw new JobError('INVALID_PARAMETER', `file does not inflate to JSON: ${(e as Error).message}`);
  }
  const parsed = WorldFileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JobError('INVALID_PARAMETER', `not a ${WORLD_FILE_FORMAT} v${WORLD_FILE_VERSION} file: ${issue?.path.join('.') || 'document'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** A snapshot's bytes, after checking that they inflate to a chunk whose SHA-256 is the recorded checksum. */
export function checkedChunk(c: WorldFile['chunks'][number]): Uint8Array {
  const data = Buffer.from(c.data, 'base64');
  const raw = decodeChunk(data);
  if (!raw.ok) throw new JobError('INVALID_PARAMETER', `chunk ${c.x},${c.y},${c.z}: ${raw.error.message}`);
  if (sha256Hex(raw.value) !== c.checksum) throw new JobError('INVALID_PARAMETER', `chunk ${c.x},${c.y},${c.z}: checksum does not match its bytes`);
  return data;
}

/** The log must reach edit_seq, and run without a gap from folded_seq + 1 (the replica replays it). */
export function checkLog(file: WorldFile): void {
  const { edit_seq, folded_seq } = file.world;
  if (folded_seq > edit_seq) throw new JobError('INVALID_PARAMETER', 'world.folded_seq is after world.edit_seq');
  const after = file.edits.filter((e) => e.edit_seq > folded_seq);
  after.forEach((e, i) => {
    if (e.edit_seq !== folded_seq + 1 + i) throw new JobError('INVALID_PARAMETER', `edit ${e.edit_seq} does not follow ${folded_seq + i}`);
  });
  if ((after.at(-1)?.edit_seq ?? folded_seq) !== edit_seq) throw new JobError('INVALID_PARAMETER', `the log ends before edit ${edit_seq}`);
  if (file.edits.some((e, i) => i > 0 && e.edit_seq <= file.edits[i - 1].edit_seq)) throw new JobError('INVALID_PARAMETER', 'edits are not in edit_seq order');
}
