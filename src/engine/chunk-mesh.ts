/**
 * Packs a mesher's output into a transferable ChunkMesh. The mesher reuses its
 * arrays on every call, so exact-length copies are taken here; their buffers can
 * then be transferred to the main thread without copying again.
 */
import type { ChunkMesh } from '../protocol/terrain.ts';
import type { MeshCounts, Mesher } from './surface-nets.ts';
import { DENSITY_MAX } from '../protocol/world.ts';


/**
 * `collision` (33³, see ChunkMesh) is taken as is, not copied: pass an array the caller gives up.
 * With `collision` null, `collisionFill` is the value of every sample (default: all air).
 */
export function toChunkMesh(
  counts: MeshCounts, mesher: Mesher, cx: number, cy: number, cz: number, version: number,
  collision: Int8Array | null = null, collisionFill: number = -DENSITY_MAX,
): ChunkMesh {
  const nv = counts.vertexCount;
  return {
    cx, cy, cz, version, buried: false,
    positions: mesher.positions.slice(0, nv * 3),
    normals: mesher.normals.slice(0, nv * 3),
    materials: mesher.materials.slice(0, nv),
    indices: mesher.indices.slice(0, counts.indexCount),
    collision, collisionFill,
  };
}

/** The buffers of a ChunkMesh, for postMessage/Comlink transfer lists. */
export function meshTransferables(mesh: ChunkMesh): ArrayBuffer[] {
  const list = [mesh.positions.buffer, mesh.normals.buffer, mesh.materials.buffer, mesh.indices.buffer] as ArrayBuffer[];
  if (mesh.collision) list.push(mesh.collision.buffer as ArrayBuffer);
  return list;
}
