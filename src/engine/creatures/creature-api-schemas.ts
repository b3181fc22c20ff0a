/**
 * What the creature worker's door accepts (creature-worker-api.ts), as zod schemas: creature
 * numbers as the registry hands them out (the n of creature_<n>), owner keys as small integers
 * (-1 wild), positions inside the world, states as the engine's numbers.
 */
import { z } from 'zod';
import { CREATURE_MAX_LEVEL, CREATURE_STATE_NAMES, CREATURE_TYPE_NAMES, COMMAND_STATE } from '../../protocol/creatures.ts';
import { PositionSchema } from '../../protocol/terrain.ts';
import { WORLD_BOUNDS } from '../../protocol/world.ts';

/** The n of creature_<n> (protocol CreatureIdSchema allows up to 9 digits). */
export const CreatureNumberSchema = z.number().int().min(1, 'n must be at least 1').max(999_999_999, 'n must have at most 9 digits');
/** A player key (peer id, or 0 for the local player single-player), -1 for none. */
export const PlayerKeySchema = z.number().int().min(-1, 'a player key is -1 (none) or more').max(0x7fffffff);
/** Commands put a creature in one of the five commanded states (COMMAND_STATE), never in flee. */
export const CommandStateSchema = z.number().int().min(0).max(Math.max(...Object.values(COMMAND_STATE)), 'state must be a command state 0..4');

const finite = z.number().finite();
const VelocitySchema = z.object({ x: finite, y: finite, z: finite }).strict();

/** A creature to add (a CreatureRecord in numbers), placed on the ground nearest `position`. */
export const SpawnInputSchema = z.object({
  n: CreatureNumberSchema,
  type: z.enum(CREATURE_TYPE_NAMES, { message: `type must be one of ${CREATURE_TYPE_NAMES.join(', ')}` }),
  level: z.number().int().min(1, 'level must be at least 1').max(CREATURE_MAX_LEVEL),
  position: PositionSchema.strict(),
  velocity: VelocitySchema.optional(),
  /** Clamped to the level's maximum; full when omitted. */
  health: z.number().finite().min(0).optional(),
  stamina: z.number().finite().min(0).optional(),
  /** Index into CREATURE_STATE_NAMES; wander when omitted. */
  state: z.number().int().min(0).max(CREATURE_STATE_NAMES.length - 1).optional(),
  ownerKey: PlayerKeySchema.optional(),
  followKey: PlayerKeySchema.optional(),
  /** The creature's random stream (uint32; a saved creature's continues where it was). */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
}).strict();
export type SpawnInput = z.input<typeof SpawnInputSchema>;

export const GroundNearSchema = z.object({
  type: SpawnInputSchema.shape.type,
  position: PositionSchema.strict(),
}).strict();

/** At most this many players in one setPlayers. */
export const MAX_PLAYERS = 256;
const inWorld = (v: number, axis: 'X' | 'Y' | 'Z') => v >= WORLD_BOUNDS[`min${axis}`] - 1000 && v <= WORLD_BOUNDS[`max${axis}`] + 1000;

/** [key, x, y, z] per player, keys integers ≥ 0, positions finite and near the world. */
export const PlayersSchema = z.custom<Float64Array>((v) => v instanceof Float64Array, { message: 'players must be a Float64Array of [key, x, y, z] per player' })
  .refine((a) => a.length % 4 === 0 && a.length / 4 <= MAX_PLAYERS, { message: `players must hold whole [key, x, y, z] entries, at most ${MAX_PLAYERS}` })
  .refine((a) => {
    for (let i = 0; i < a.length; i += 4) {
      if (!Number.isInteger(a[i]) || a[i] < 0 || a[i] > 0x7fffffff) return false;
      if (!inWorld(a[i + 1], 'X') || !inWorld(a[i + 2], 'Y') || !inWorld(a[i + 3], 'Z')) return false;
    }
    return true;
  }, { message: 'players: each key must be an integer >= 0 and each position finite, in the world' });

/** A saved state as the worker hands it out (saveState) and takes it back (restoreState). */
export const SavedSchema = z.object({
  state: z.custom<Float64Array>((v) => v instanceof Float64Array, { message: 'state must be a Float64Array' }),
  /** Input calls the worker had received when it saved: the client re-sends the ones after. */
  inputs: z.number().int().min(0),
  tick: z.number().int().min(0),
}).strict();
export type SavedCreatures = z.infer<typeof SavedSchema>;

export const StepSchema = z.number().int().min(1).max(1200);
