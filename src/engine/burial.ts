import { CHUNK_SIZE } from '../protocol/world.ts';
import type { VoxelStore } from './voxel-store.ts';

/** Metres of rock that must lie between a chunk's top and the lowest ground above it. */
const COVER = 6;
const STEP = 8;

/**
 * A chunk is buried when it lies wholly under the ground at every column it spans (sampled on a
 * grid, with a margin) and no edit has changed it. Its faces are cave walls a player above ground
 * cannot see, so the renderer can skip them: about half of all terrain triangles in cave country.
 */
export function isBuried(store: VoxelStore, cx: number, cy: number, cz: number): boolean {
  const top = (cy + 1) * CHUNK_SIZE;
  // Only the chunk's own state counts: an edit that changes this chunk re-meshes it, whereas a
  // neighbour's edit does not, so looking at neighbours would make the flag depend on mesh timing.
  if (store.chunk(cx, cy, cz)) return false;
  const x0 = cx * CHUNK_SIZE, z0 = cz * CHUNK_SIZE;
  for (let z = z0 - 1; z <= z0 + CHUNK_SIZE + 1; z += STEP) {
    for (let x = x0 - 1; x <= x0 + CHUNK_SIZE + 1; x += STEP) {
      if (store.columnInfo(x, z).height - COVER < top) return false;
    }
  }
  return true;
}
