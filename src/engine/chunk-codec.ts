/**
 * A chunk's voxels as bytes on the wire and on disk: the 65536 bytes VoxelStore.chunkHash hashes
 * (32768 density bytes, then 32768 material bytes), raw-deflated with fflate. The relay stores and
 * sends them; a page installs them with VoxelStore.loadChunk. One layout everywhere means the
 * checksum of a stored chunk is the SHA-256 of exactly what decodeChunk returns.
 */
import { deflateSync, inflateSync } from 'fflate';
import { CHUNK_SIZE, CHUNK_VOLUME } from '../protocol/world.ts';
import { fail, ok, type Result } from '../protocol/errors.ts';
import type { VoxelStore } from './voxel-store.ts';

/** Density bytes followed by material bytes. */
export const CHUNK_BYTES = CHUNK_VOLUME * 2;

/**
 * The chunk's bytes: the materialised voxels if it was edited or loaded, else freshly generated.
 * `out` (CHUNK_BYTES long) avoids an allocation on hot paths.
 */
export function chunkBytes(store: VoxelStore, cx: number, cy: number, cz: number, out?: Uint8Array): Uint8Array {
  const bytes = out ?? new Uint8Array(CHUNK_BYTES);
  if (bytes.length !== CHUNK_BYTES) throw new RangeError(`out must be ${CHUNK_BYTES} bytes`);
  const c = store.chunk(cx, cy, cz);
  if (c) {
    bytes.set(new Uint8Array(c.density.buffer, c.density.byteOffset, CHUNK_VOLUME), 0);
    bytes.set(c.material, CHUNK_VOLUME);
  } else {
    const density = new Int8Array(bytes.buffer, bytes.byteOffset, CHUNK_VOLUME);
    const material = bytes.subarray(CHUNK_VOLUME, CHUNK_BYTES);
    store.gen.fillBox(cx * CHUNK_SIZE, cy * CHUNK_SIZE, cz * CHUNK_SIZE, CHUNK_SIZE, CHUNK_SIZE, CHUNK_SIZE, density, material);
  }
  return bytes;
}

/** Raw deflate at a fast level: chunks are mostly runs (air, one material), so level 1 already shrinks them ~20x. */
export function encodeChunk(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 1 });
}

/**
 * Inflates and checks a received chunk. Never throws: a corrupt or wrongly sized buffer is an
 * INVALID_PARAMETER failure. Inflating into a buffer one byte too large bounds the work a hostile
 * payload (a deflate bomb) can cause and still tells "too long" from "exact".
 */
export function decodeChunk(data: Uint8Array): Result<Uint8Array> {
  if (!(data instanceof Uint8Array) || data.length === 0) return fail('INVALID_PARAMETER', 'chunk data is empty');
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(data, { out: new Uint8Array(CHUNK_BYTES + 1) });
  } catch (e) {
    return fail('INVALID_PARAMETER', `chunk data does not inflate: ${(e as Error).message}`);
  }
  if (bytes.length !== CHUNK_BYTES) return fail('INVALID_PARAMETER', `chunk data inflates to ${bytes.length} bytes, not ${CHUNK_BYTES}`);
  return ok(bytes);
}
