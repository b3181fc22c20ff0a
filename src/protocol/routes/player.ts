/** Seed 000 player routes. */
import { z } from 'zod';
import { defineRoute, NoBody, NoQuery, routeTable } from '../route-spec.ts';
import { ModeRequestSchema, PLAYER_MODES, PlayerIdSchema, SpawnRequestSchema, TeleportRequestSchema } from '../player.ts';
import { Success, Timestamp, Vec3Out } from './common.ts';

const group = 'Player Management';
const Mode = z.enum(PLAYER_MODES);

export const PLAYER_ROUTES = routeTable({
  'POST /player/spawn': defineRoute({
    method: 'POST', path: '/player/spawn', group, kind: 'write', statuses: [400, 503],
    query: NoQuery,
    summary: 'Place the player (and the ship beside them) at a position, in a mode',
    body: SpawnRequestSchema,
    response: z.object({ status: Success, player_id: z.string(), position: Vec3Out, mode: Mode, timestamp: Timestamp }),
    example: { body: { position: { x: 0, y: 100, z: 0 }, rotation: { x: 0, y: 0, z: 0 }, player_id: 'player_001', mode: 'spacecraft' } },
  }),
  'GET /player/position': defineRoute({
    method: 'GET', path: '/player/position', group, kind: 'read', statuses: [404],
    body: NoBody,
    summary: 'Position, rotation (degrees), velocity, mode, health and oxygen',
    query: z.object({ player_id: PlayerIdSchema }).strict(),
    response: z.object({
      player_id: z.string(), position: Vec3Out, rotation: Vec3Out, velocity: Vec3Out, mode: Mode,
      health: z.number(), oxygen: z.number(), grounded: z.boolean(), landed: z.boolean(), speed: z.number(), held: z.boolean(), deaths: z.number(),
      timestamp: Timestamp,
    }),
    example: { query: { player_id: 'player_001' } },
  }),
  'POST /player/teleport': defineRoute({
    method: 'POST', path: '/player/teleport', group, kind: 'write', statuses: [400, 503],
    query: NoQuery,
    summary: 'Move the player to a free spot at (or just above) a position',
    body: TeleportRequestSchema,
    response: z.object({ status: Success, player_id: z.string(), new_position: Vec3Out, timestamp: Timestamp }),
    example: { body: { player_id: 'player_001', position: { x: 500, y: 100, z: 500 }, rotation: { x: 0, y: 90, z: 0 } } },
  }),
  'POST /player/mode': defineRoute({
    method: 'POST', path: '/player/mode', group, kind: 'write', statuses: [400, 503],
    query: NoQuery,
    summary: 'Board the spacecraft or leave it (walking)',
    description: 'Boarding needs the ship within reach and leaving needs the ship slow and near ground, unless `force` is true.',
    body: ModeRequestSchema,
    response: z.object({ status: Success, player_id: z.string(), mode: Mode, timestamp: Timestamp }),
    example: { body: { player_id: 'player_001', mode: 'walking' } },
  }),
});
