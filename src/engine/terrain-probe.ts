/**
 * Point queries between voxel samples: trilinear density (normalised to -1..1) and
 * the material to report there. Voxel i sits at world coordinate i, matching the mesher.
 */
import { DENSITY_MAX } from '../protocol/world.ts';

/** Integer voxel reads (VoxelStore.sample). */
export interface VoxelSampler {
  sample(x: number, y: number, z: number): { density: number; material: number };
}

export function sampleTrilinear(store: VoxelSampler, x: number, y: number, z: number): { density: number; material: number } {
  const x0 = Math.floor(x), y0 = Math.floor(y), z0 = Math.floor(z);
  const u = x - x0, v = y - y0, w = z - z0;
  let sum = 0;
  let bestMat = 0;
  let bestWeight = -1;
  for (let k = 0; k < 8; k++) {
    const ox = k & 1, oy = (k >> 1) & 1, oz = k >> 2;
    const s = store.sample(x0 + ox, y0 + oy, z0 + oz);
    const wgt = (ox ? u : 1 - u) * (oy ? v : 1 - v) * (oz ? w : 1 - w);
    sum += wgt * s.density;
    // Report the solid corner with most influence, i.e. the nearest solid voxel.
    if (s.density > 0 && wgt > bestWeight) { bestWeight = wgt; bestMat = s.material; }
  }
  const density = Math.max(-1, Math.min(1, sum / DENSITY_MAX));
  return { density, material: density > 0 ? bestMat : 0 };
}
