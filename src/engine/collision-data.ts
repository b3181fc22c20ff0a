/**
 * Collision density sent with every chunk mesh: the main thread keeps it to collide against
 * the terrain without asking a worker. A chunk's collision block is 33³ Int8 density samples at
 * chunk-local voxels 0..32 (index x + y*33 + z*33*33): the 32 owned voxels plus the first voxel
 * of the +x/+y/+z neighbour, so trilinear sampling anywhere inside the chunk needs only this block.
 */
import { FIELD_SIZE } from '../protocol/world.ts';

/** Samples per edge of a chunk's collision block: 32 owned + 1 from the +x/+y/+z neighbour. */
export const COLLISION_EDGE = 33;
export const COLLISION_VOLUME = COLLISION_EDGE * COLLISION_EDGE * COLLISION_EDGE;

const E = COLLISION_EDGE;
const F = FIELD_SIZE;

/**
 * Copies field-local voxels 0..32 of a 34³ meshing field (index x + y*34 + z*34*34, local −1..32,
 * so field indices 1..33 on each axis) into `out` (33³, index x + y*33 + z*33*33), in one pass.
 * Returns the common value when all 33³ samples are equal (then `out` need not be sent), else null.
 * Allocates nothing.
 */
export function collisionFromField(field: Int8Array, out: Int8Array): number | null {
  const first = field[1 + F + F * F];
  let diff = 0;
  for (let z = 0; z < E; z++) {
    for (let y = 0; y < E; y++) {
      let src = 1 + (y + 1) * F + (z + 1) * F * F;
      let dst = y * E + z * E * E;
      for (let x = 0; x < E; x++, src++, dst++) {
        const v = field[src];
        out[dst] = v;
        diff |= v ^ first;
      }
    }
  }
  return diff === 0 ? first : null;
}
