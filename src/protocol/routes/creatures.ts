/**
 * Seed 000's Creature System routes (issue 13), plus ours: POST /creature/feed (taming) and
 * GET /creature/list. Single-player, the page's creature worker owns its creatures; in a shared
 * world the relay keeps the registry and each 1000 m zone is simulated by one page (its authority):
 * writes go to the relay, reads come from the page's copy, which the zone's authority keeps current.
 */
import { z } from 'zod';
import { defineRoute, NoBody, NoQuery, routeTable } from '../route-spec.ts';
import { Success, Timestamp, Vec3Out } from './common.ts';
import { CREATURE_COMMANDS, CREATURE_STATE_NAMES, CREATURE_TYPE_NAMES, CreatureCommandRouteSchema, CreatureFeedSchema, CreatureIdSchema, CreatureSpawnSchema } from '../creatures.ts';

const group = 'Creature System';
const Stats = z.object({ damage: z.number(), defense: z.number(), speed: z.number() });
const Taming = z.object({ food: z.string(), fed: z.number(), needed: z.number() }).nullable();
const Summary = z.object({
  creature_id: z.string(), creature_type: z.enum(CREATURE_TYPE_NAMES), level: z.number(), position: Vec3Out, state: z.enum(CREATURE_STATE_NAMES),
  health: z.number(), max_health: z.number(), tamed: z.boolean(), owner: z.string().nullable(), distance: z.number(),
});

export const CREATURE_ROUTES = routeTable({
  'POST /creature/spawn': defineRoute({
    method: 'POST', path: '/creature/spawn', group, kind: 'write', statuses: [400, 409, 503], query: NoQuery,
    summary: 'Spawn a creature; a walker goes on the ground nearest the position (a flyer at its flying height over it)',
    description: `Types: ${CREATURE_TYPE_NAMES.join(', ')}. \`level\` 1..150 (default 1) scales damage, defense, speed, health and stamina. `
      + 'The answer\'s `position` is where it was placed; `requested_position` is what was asked. 409 when the position has no ground within reach.',
    body: CreatureSpawnSchema,
    response: z.object({
      status: Success, creature_id: z.string(), creature_type: z.string(), level: z.number(), position: Vec3Out, requested_position: Vec3Out, timestamp: Timestamp,
    }),
    example: { body: { creature_type: 'alien_predator', position: { x: 200, y: 50, z: 200 }, level: 5 } },
  }),
  'POST /creature/command': defineRoute({
    method: 'POST', path: '/creature/command', group, kind: 'write', statuses: [400, 403, 404, 503], query: NoQuery,
    summary: `Command one of your tamed creatures: ${CREATURE_COMMANDS.join(', ')}`,
    description: '`follow` follows `target_player` (you when omitted); `stay` holds its place; `aggressive` attacks hostile creatures in sight; '
      + '`passive` ignores them; `wander` lets it roam. 403 when the creature is not yours (wild ones included).',
    body: CreatureCommandRouteSchema,
    response: z.object({ status: Success, creature_id: z.string(), command: z.enum(CREATURE_COMMANDS), timestamp: Timestamp }),
    example: { body: { creature_id: 'creature_12345', command: 'follow', target_player: 'player_001' } },
  }),
  'GET /creature/info': defineRoute({
    method: 'GET', path: '/creature/info', group, kind: 'read', statuses: [400, 404], body: NoBody,
    summary: 'A creature: level, health, stamina, position, state, tamed, owner and level-scaled stats',
    query: z.object({ creature_id: CreatureIdSchema }).strict(),
    response: z.object({
      creature_id: z.string(), creature_type: z.string(), level: z.number(), health: z.number(), stamina: z.number(), position: Vec3Out,
      state: z.enum(CREATURE_STATE_NAMES), tamed: z.boolean(), owner: z.string().nullable(), stats: Stats,
      max_health: z.number(), max_stamina: z.number(), taming: Taming,
    }),
    example: { query: { creature_id: 'creature_12345' } },
  }),
  'POST /creature/feed': defineRoute({
    method: 'POST', path: '/creature/feed', group, kind: 'write', statuses: [400, 404, 409, 503], query: NoQuery,
    summary: 'Ours: feed a calm wild creature within 8 m one of the food it likes, from your inventory; enough feedings tame it',
    description: 'GET /creature/info\'s `taming` says the food and how many feedings it needs. 409 with the reason: too_far, not_calm '
      + '(fleeing, or hurt below half health), already_tamed, no_food.',
    body: CreatureFeedSchema,
    response: z.object({ status: Success, creature_id: z.string(), fed: z.string(), tamed: z.boolean(), taming: Taming, owner: z.string().nullable(), timestamp: Timestamp }),
    example: { body: { creature_id: 'creature_12345' } },
  }),
  'GET /creature/list': defineRoute({
    method: 'GET', path: '/creature/list', group, kind: 'read', statuses: [400], body: NoBody,
    summary: 'Ours: the creatures within `radius` m of the player (default 200), nearest first',
    query: z.object({
      radius: z.string().trim().min(1, 'radius is empty').transform(Number).pipe(z.number('radius must be a number').positive('radius must be positive').max(5000)).optional(),
    }).strict(),
    response: z.object({ creatures: z.array(Summary), count: z.number() }),
    example: { query: { radius: '100' } },
  }),
});
