/**
 * Issue 13's creatures as every side names them: the types, seed 000's five commands, the state
 * names GET /creature/info answers, the ids, and the request schemas of the creature routes and
 * socket events. The engine's tables (engine/creatures/creature-types.ts) are keyed by these names;
 * protocol/ is the bottom layer, so the names live here and the engine checks it agrees (a test).
 */
import { z } from 'zod';
import type { Vec3 } from './vec3.ts';

export const CREATURE_TYPE_NAMES = ['grazer', 'alien_predator', 'skyray', 'rockling'] as const;
export type CreatureTypeName = (typeof CREATURE_TYPE_NAMES)[number];

/** Seed 000's commands (POST /creature/command, sync_creature_command). */
export const CREATURE_COMMANDS = ['follow', 'stay', 'aggressive', 'passive', 'wander'] as const;
export type CreatureCommand = (typeof CREATURE_COMMANDS)[number];

/**
 * GET /creature/info's `state`, indexed by the engine's CreatureState number (Wander 0, Follow 1,
 * Stay 2, Aggressive 3, Passive 4, Flee 5). Seed 000's example answers "following".
 */
export const CREATURE_STATE_NAMES = ['wandering', 'following', 'staying', 'aggressive', 'passive', 'fleeing'] as const;
export type CreatureStateName = (typeof CREATURE_STATE_NAMES)[number];
/** The state each command puts a creature in (its index in CREATURE_STATE_NAMES). */
export const COMMAND_STATE: Readonly<Record<CreatureCommand, number>> = { wander: 0, follow: 1, stay: 2, aggressive: 3, passive: 4 };

export const CREATURE_MAX_LEVEL = 150;

/** Seed 000's ids look like `creature_12345`; ours are `creature_<n>`, n handed out by whoever owns the registry. */
export const CreatureIdSchema = z.string().regex(/^creature_[1-9]\d{0,8}$/, 'creature_id must look like creature_<number>');
export const creatureId = (n: number): string => `creature_${n}`;
/** The number in a creature id (validated ids only). */
export const creatureNumber = (id: string): number => Number(id.slice(9));

const finite = z.number().finite();
const Vec3Schema = z.object({ x: finite, y: finite, z: finite }).strict();

/** POST /creature/spawn and sync_creature_spawn. A walker is put on the ground nearest `position`. */
export const CreatureSpawnSchema = z.object({
  creature_type: z.enum(CREATURE_TYPE_NAMES, { message: `creature_type must be one of ${CREATURE_TYPE_NAMES.join(', ')}` }),
  position: Vec3Schema,
  level: z.number().int().min(1, 'level must be at least 1').max(CREATURE_MAX_LEVEL).optional(),
}).strict();
export type CreatureSpawnRequest = z.infer<typeof CreatureSpawnSchema>;

const CommandEnum = z.enum(CREATURE_COMMANDS, { message: `command must be one of ${CREATURE_COMMANDS.join(', ')}` });

/** POST /creature/command (seed 000): only the creature's owner may command it. */
export const CreatureCommandRouteSchema = z.object({
  creature_id: CreatureIdSchema,
  command: CommandEnum,
  /** Whom `follow` follows; the caller when omitted. */
  target_player: z.string().min(1).max(64).optional(),
}).strict();

/** sync_creature_command from a page: seed 000's (creature_id, command, parameters). */
export const CreatureCommandEventSchema = z.object({
  creature_id: CreatureIdSchema,
  command: CommandEnum,
  parameters: z.object({ target_player: z.string().min(1).max(64).optional() }).strict().optional(),
}).strict();

/** POST /creature/feed (ours) and creature_feed: give a calm wild creature one of the food it likes. */
export const CreatureFeedSchema = z.object({ creature_id: CreatureIdSchema }).strict();

/** A creature as the registry shares it: what joiners get, what a new zone authority starts from. */
export interface CreatureRecord {
  creature_id: string;
  creature_type: CreatureTypeName;
  level: number;
  position: Vec3;
  velocity: Vec3;
  health: number;
  stamina: number;
  /** Index into CREATURE_STATE_NAMES. */
  state: number;
  tamed: boolean;
  /** Owner's public player id, or null while wild. */
  owner: string | null;
  /** Feedings so far toward taming (0 once tamed). */
  taming: number;
  /** Seeds the creature's own random stream (the brain's xorshift). */
  seed: number;
  /** Spawned by the world around players (despawns far from everyone), not by a request. */
  natural: boolean;
}

/** GET /creature/info (seed 000's body, plus max health/stamina and taming progress). */
export interface CreatureInfo {
  creature_id: string;
  creature_type: CreatureTypeName;
  level: number;
  health: number;
  stamina: number;
  position: Vec3;
  state: CreatureStateName;
  tamed: boolean;
  owner: string | null;
  stats: { damage: number; defense: number; speed: number };
  max_health: number;
  max_stamina: number;
  taming: { food: string; fed: number; needed: number } | null;
}
