/**
 * What the brain asks of the world, as an interface so tests can pass a flat or sloped function and
 * the worker can pass the terrain (ground from its column cache, solidity from voxel density).
 *
 * Points go in and heights come out through a caller-owned Float64Array (p[0] = x, p[1] = y,
 * p[2] = z), not as number arguments: V8 boxes a double that crosses a call it did not inline into
 * a fresh heap object, so `groundY(x, z): number` would allocate per creature per tick.
 */
import { CREATURE_TYPES_BY_INDEX } from './creature-types.ts';

export interface CreatureWorld {
  /**
   * Writes into p[1] the height of the walkable surface under (p[0], p[2]), m. p[1] comes in as
   * the height the asker stands at: a world with overhangs and tunnels answers the floor nearest
   * below that (within a step up), not the top of the column.
   */
  groundAt(p: Float64Array): void;
  /** True where the terrain (or a structure) is solid at (p[0], p[1], p[2]): density > 0. */
  solidAt(p: Float64Array): boolean;
  /** Writes the owner's position into out[0..2]; false if that player is not in the world now. */
  ownerPosition(owner: number, out: Float64Array): boolean;
}

/** Per-type facts the tick reads per creature, as typed arrays indexed by type index. */

export const TYPE_HOSTILE = Uint8Array.from(CREATURE_TYPES_BY_INDEX, (t) => (t.hostile ? 1 : 0));
export const TYPE_FLEES = Uint8Array.from(CREATURE_TYPES_BY_INDEX, (t) => (t.flees ? 1 : 0));
export const TYPE_FLYER = Uint8Array.from(CREATURE_TYPES_BY_INDEX, (t) => (t.locomotion === 'flyer' ? 1 : 0));
export const TYPE_SIGHT = Float64Array.from(CREATURE_TYPES_BY_INDEX, (t) => t.sightRadius);
export const TYPE_RADIUS = Float64Array.from(CREATURE_TYPES_BY_INDEX, (t) => t.radius);
