/**
 * After a sampled edit (edit_seq % CHECKSUM_SAMPLE === 0) the page tells the relay the hashes of
 * the chunks that edit could have changed; the relay compares them with its own and resends any
 * chunk that drifted. The hash queries go to a worker right after the edit itself, and each worker
 * runs its messages in order, so the hashes are exactly the state after that edit.
 */
import { CHUNK_SIZE, CHUNK_Y_MAX, CHUNK_Y_MIN } from '../protocol/world.ts';
import { chunkInWorld } from '../protocol/terrain.ts';
import type { ChunkCoords, SequencedEdit } from '../protocol/net/events.ts';
import type { RelaySocket } from './ack.ts';
import type { TerrainReplica } from './terrain-replica.ts';

/** The relay takes at most this many chunks per report (ChecksumReportSchema). */
const MAX_CHUNKS = 64;

/** Chunks whose voxels a brush sphere can reach (its radius plus one voxel of smoothing). */
export function chunksNear(edit: Pick<SequencedEdit, 'position' | 'radius'>): ChunkCoords[] {
  const r = edit.radius + 1;
  const { x, y, z } = edit.position;
  const out: ChunkCoords[] = [];
  const lo = (v: number) => Math.floor((v - r) / CHUNK_SIZE), hi = (v: number) => Math.floor((v + r) / CHUNK_SIZE);
  for (let cz = lo(z); cz <= hi(z); cz++) {
    for (let cy = Math.max(CHUNK_Y_MIN, lo(y)); cy <= Math.min(CHUNK_Y_MAX, hi(y)); cy++) {
      for (let cx = lo(x); cx <= hi(x); cx++) if (chunkInWorld(cx, cy, cz)) out.push({ x: cx, y: cy, z: cz });
    }
  }
  return out.slice(0, MAX_CHUNKS);
}

/** Must be called right after the edit was handed to the replicas (same task), not later. */
export function reportChecksums(socket: RelaySocket, replica: TerrainReplica, seq: number, edit: SequencedEdit): void {
  const chunks = chunksNear(edit);
  const hashes = chunks.map((c) => replica.hash(c.x, c.y, c.z));
  void Promise.all(hashes).then((results) => {
    const report: Array<{ chunk_coords: ChunkCoords; checksum: string }> = [];
    results.forEach((r, i) => { if (r.ok) report.push({ chunk_coords: chunks[i], checksum: r.value }); });
    if (report.length > 0 && socket.connected) socket.emit('report_chunk_checksums', { edit_seq: seq, chunks: report });
  });
}
