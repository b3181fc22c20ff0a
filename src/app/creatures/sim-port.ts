/**
 * What the creature service needs of a creature simulation (the page's creature worker through
 * threads/creature-worker-client.ts, adapted in sim-adapter.ts). Creatures are addressed by n
 * (creature_<n>); owners by a small integer key (peer id in a shared world, 0 for the local player
 * single-player, -1 wild).
 */
import type { CreatureRecord, CreatureTypeName } from '../../protocol/creatures.ts';
import type { Vec3 } from '../../protocol/vec3.ts';

export const WILD = -1;

/** One creature's exact state as the simulation last saved it (about once a second). */
export interface SimCreatureState {
  n: number;
  x: number; y: number; z: number;
  vx: number; vy: number; vz: number;
  health: number;
  stamina: number;
  state: number;
}

export type SimEvent =
  | { kind: 'died'; n: number; killer: number; x: number; y: number; z: number }
  | { kind: 'struck'; n: number; target: number; damage: number }
  | { kind: 'hunt' | 'flee' | 'calm'; n: number; target: number; state: number }
  | { kind: 'ready'; creatures: number; restored: boolean; restarts: number }
  | { kind: 'error'; message: string; restarts: number };

export interface CreatureSimPort {
  /** Where a creature of this type would stand nearest to p (on the ground; a flyer over it), or null with none in reach. */
  groundNear(type: CreatureTypeName, p: Vec3): Promise<Vec3 | null>;
  /** Adds it at rec.position as given (already grounded). */
  add(rec: CreatureRecord, ownerKey: number): void;
  remove(n: number): void;
  /** Removes every creature. */
  clear(): void;
  /** A state number (COMMAND_STATE) and, for follow, whom (owner key). */
  command(n: number, state: number, followKey: number): void;
  setOwner(n: number, ownerKey: number): void;
  /** Player positions the brains follow and perceive: `count` entries of [key, x, y, z]. */
  setPlayers(packed: Float64Array, count: number): void;
  /** The last saved state per creature n. */
  saved(): ReadonlyMap<number, SimCreatureState>;
  /** Called after the simulation's ticks with what happened (events) and after each save. */
  listen(onEvents: (events: readonly SimEvent[]) => void, onSaved: () => void): void;
}
