/**
 * What the brain asks of the world, as an interface so tests can pass a flat or sloped function and
 * the worker can pass the terrain (ground from its column cache, solidity from voxel density).
 * Every method writes into caller-owned memory or returns a number: the tick allocates nothing.
 */
import { CREATURE_TYPES_BY_INDEX } from './creature-types.ts';

export interface CreatureWorld {
  /** Height of the walkable surface under (x, z), m. */
  groundY(x: number, z: number): number;
  /** True where the terrain (or a structure) is solid: density > 0. */
  isSolid(x: number, y: number, z: number): boolean;
  /** Writes the owner's position into out[0..2]; false if that player is not in the world now. */
  ownerPosition(owner: number, out: Float64Array): boolean;
}

/** Per-type facts the tick reads per creature, as typed arrays indexed by type index. */

export const TYPE_HOSTILE = Uint8Array.from(CREATURE_TYPES_BY_INDEX, (t) => (t.hostile ? 1 : 0));
export const TYPE_FLEES = Uint8Array.from(CREATURE_TYPES_BY_INDEX, (t) => (t.flees ? 1 : 0));
export const TYPE_FLYER = Uint8Array.from(CREATURE_TYPES_BY_INDEX, (t) => (t.locomotion === 'flyer' ? 1 : 0));
export const TYPE_SIGHT = Float64Array.from(CREATURE_TYPES_BY_INDEX, (t) => t.sightRadius);
export const TYPE_RADIUS = Float64Array.from(CREATURE_TYPES_BY_INDEX, (t) => t.radius);
