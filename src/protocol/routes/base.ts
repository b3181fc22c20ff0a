/**
 * Seed 000's Inventory System, Base Building and Power Grid routes (issue 12), plus GET /base/types
 * and the fabricator's (ours: GET /fabricator/recipes, POST /fabricator/craft).
 * The relay owns all of it: in a shared world the page asks the relay and answers with what it
 * decided; `player_id` is optional and means the local player (another player's id is 404: a page
 * knows only its own inventory).
 */
import { z } from 'zod';
import { PlayerIdSchema } from '../player.ts';
import { defineRoute, NoBody, NoQuery, routeTable } from '../route-spec.ts';
import { Success, Timestamp, Vec3Out } from './common.ts';
import { FABRICATOR_MAX_COUNT } from '../net/base-events.ts';

const finite = z.number().finite();
const Vec3In = z.object({ x: finite, y: finite, z: finite }).strict();
const StructureId = z.string().min(1).max(64);
const Slot = z.object({ slot: z.number(), item_id: z.string(), quantity: z.number(), metadata: z.record(z.string(), z.unknown()) });
const Counts = z.record(z.string(), z.number());
const Member = z.object({ structure_id: z.string(), type: z.string(), status: z.string() });
const STATUSES = [400, 403, 404, 409, 503];
const group = { inventory: 'Inventory System', base: 'Base Building', power: 'Power Grid', fabricator: 'Fabricator' } as const;

export const PowerStatusSchema = z.object({
  base_id: z.string(), total_generation: z.number(), total_consumption: z.number(), battery_charge: z.number(), battery_capacity: z.number(),
  grid_healthy: z.boolean(),
  generators: z.array(Member.extend({ output: z.number() })),
  consumers: z.array(Member.extend({ consumption: z.number() })),
});

export const BASE_ROUTES = routeTable({
  'GET /inventory/get': defineRoute({
    method: 'GET', path: '/inventory/get', group: group.inventory, kind: 'read', statuses: [404, 503], body: NoBody,
    summary: 'The player\'s inventory: filled slots, weight and maximum weight (kg)',
    query: z.object({ player_id: PlayerIdSchema }).strict(),
    response: z.object({ player_id: z.string(), slots: z.array(Slot), weight: z.number(), max_weight: z.number() }),
    example: { query: {} },
  }),
  'POST /inventory/add': defineRoute({
    method: 'POST', path: '/inventory/add', group: group.inventory, kind: 'write', statuses: STATUSES, query: NoQuery,
    summary: 'Add items from nothing (a creative relay only: 403 otherwise); stacks first, then empty slots',
    body: z.object({ player_id: PlayerIdSchema, item_id: z.string().min(1).max(64), quantity: finite, metadata: z.record(z.string(), z.unknown()).optional() }).strict(),
    response: z.object({ status: Success, player_id: z.string(), item_id: z.string(), quantity_added: z.number(), new_quantity: z.number(), slot: z.number() }),
    example: { body: { item_id: 'iron_ore', quantity: 10, metadata: {} } },
  }),
  'POST /inventory/remove': defineRoute({
    method: 'POST', path: '/inventory/remove', group: group.inventory, kind: 'write', statuses: STATUSES, query: NoQuery,
    summary: 'Drop items (404 when none are held, 409 when fewer than asked)',
    body: z.object({ player_id: PlayerIdSchema, item_id: z.string().min(1).max(64), quantity: finite }).strict(),
    response: z.object({ status: Success, player_id: z.string(), item_id: z.string(), quantity_removed: z.number(), remaining_quantity: z.number() }),
    example: { body: { item_id: 'iron_ore', quantity: 5 } },
  }),
  'GET /base/types': defineRoute({
    method: 'GET', path: '/base/types', group: group.base, kind: 'read', statuses: [], query: NoQuery, body: NoBody,
    summary: 'Every structure type: cost, size, power figures, wiring and oxygen range',
    response: z.object({ types: z.array(z.object({ structure_type: z.string(), name: z.string(), cost: Counts }).passthrough()) }),
    example: {},
  }),
  'POST /base/place': defineRoute({
    method: 'POST', path: '/base/place', group: group.base, kind: 'write', statuses: STATUSES, query: NoQuery,
    summary: 'Place a structure: snapped to the ground under (or over) the position, paid from the inventory',
    description: 'Not limited by the player\'s reach. 409 CONFLICT with `details`-free message and the reason (no_ground, slope, overlap, cannot afford).',
    body: z.object({ player_id: PlayerIdSchema, structure_type: z.string().min(1).max(64), position: Vec3In, rotation: Vec3In.optional() }).strict(),
    response: z.object({ status: Success, structure_id: z.string(), structure_type: z.string(), position: Vec3Out, health: z.number(), timestamp: Timestamp }),
    example: { body: { structure_type: 'solar_panel', position: { x: 100, y: 50, z: 100 }, rotation: { x: 0, y: 90, z: 0 } } },
  }),
  'POST /base/remove': defineRoute({
    method: 'POST', path: '/base/remove', group: group.base, kind: 'write', statuses: STATUSES, query: NoQuery,
    summary: 'Remove one of your structures; its cost comes back scaled by its health',
    body: z.object({ player_id: PlayerIdSchema, structure_id: StructureId }).strict(),
    response: z.object({ status: Success, structure_id: z.string(), resources_refunded: Counts, timestamp: Timestamp }),
    example: { body: { structure_id: 'structure_789' } },
  }),
  'GET /base/info': defineRoute({
    method: 'GET', path: '/base/info', group: group.base, kind: 'read', statuses: [400, 404, 503], body: NoBody,
    summary: 'A structure: owner, position, health, power output and status, when it was built',
    query: z.object({ structure_id: StructureId }).strict(),
    response: z.object({
      structure_id: z.string(), structure_type: z.string(), owner: z.string(), position: Vec3Out, health: z.number(),
      power_output: z.number(), status: z.string(), built_at: z.string(),
    }),
    example: { query: { structure_id: 'structure_789' } },
  }),
  'GET /power/status': defineRoute({
    method: 'GET', path: '/power/status', group: group.power, kind: 'read', statuses: [404, 503], body: NoBody,
    summary: 'A power network (seed `player_id`: a player id or a base id): generation, consumption, batteries, members',
    description: 'With a base id (`base_<n>`), that network; with the local player\'s id or none, the network of the structure nearest the player.',
    query: z.object({ player_id: z.string().min(1).max(64).optional() }).strict(),
    response: PowerStatusSchema,
    example: { query: {} },
  }),
  'POST /power/toggle': defineRoute({
    method: 'POST', path: '/power/toggle', group: group.power, kind: 'write', statuses: STATUSES, query: NoQuery,
    summary: 'Switch one of your structures on or off; `powered` is whether it is powered now',
    body: z.object({ structure_id: StructureId, enabled: z.boolean() }).strict(),
    response: z.object({ status: Success, structure_id: z.string(), powered: z.boolean(), timestamp: Timestamp }),
    example: { body: { structure_id: 'structure_790', enabled: false } },
  }),
  'POST /world/time': defineRoute({
    method: 'POST', path: '/world/time', group: group.power, kind: 'write', statuses: [400, 403, 503], query: NoQuery,
    summary: 'Ours: set the shared world\'s time of day (0..1 from midnight; 0.5 noon), for tests and sandboxes',
    description: 'A creative relay only (403 otherwise). Every client and the power grid follow the relay\'s clock; solar output follows the sun.',
    body: z.object({ time_of_day: z.number().min(0).max(1) }).strict(),
    response: z.object({ status: Success, time_of_day: z.number(), tick: z.number(), timestamp: Timestamp }),
    example: { body: { time_of_day: 0.5 } },
  }),
  'GET /fabricator/recipes': defineRoute({
    method: 'GET', path: '/fabricator/recipes', group: group.fabricator, kind: 'read', statuses: [], query: NoQuery, body: NoBody,
    summary: 'Ours: what a fabricator makes: each recipe\'s inputs, outputs, powered time and energy',
    description: 'A static table, so it answers single-player too. `ticks` are world ticks (`tick_hz` a second) the fabricator must be '
      + 'powered for; `energy_j` is its draw over them. `max_count` is the most crafts one job may ask for.',
    response: z.object({
      recipes: z.array(z.object({ recipe_id: z.string(), name: z.string(), inputs: Counts, outputs: Counts, ticks: z.number(), seconds: z.number(), energy_j: z.number() })),
      tick_hz: z.number(), max_count: z.number(),
    }),
    example: {},
  }),
  'POST /fabricator/craft': defineRoute({
    method: 'POST', path: '/fabricator/craft', group: group.fabricator, kind: 'write', statuses: STATUSES, query: NoQuery,
    summary: 'Ours: start a job on one of your fabricators: `count` crafts of a recipe, inputs spent now, outputs into your inventory when done',
    description: 'One job at a time per fabricator (409, reason `busy`); 409 when the inputs are not held, 403 for someone else\'s '
      + 'fabricator, 404 for no such structure, 400 for an unknown recipe or a structure that is not a fabricator. The job runs only '
      + 'while the fabricator is powered (80 W): browned out or switched off, it pauses. Removing the fabricator mid-job gives its '
      + 'inputs back. Progress arrives as the relay\'s `fabricator_update` event; GET /base/info\'s status says whether it is working.',
    body: z.object({ structure_id: StructureId, recipe_id: z.string().min(1).max(64), count: z.number().int().min(1).max(FABRICATOR_MAX_COUNT).optional() }).strict(),
    response: z.object({
      status: Success, structure_id: z.string(), recipe_id: z.string(), count: z.number(), inputs_spent: Counts, outputs: Counts, ticks: z.number(),
      timestamp: Timestamp,
    }),
    example: { body: { structure_id: 'structure_791', recipe_id: 'iron_plate', count: 2 } },
  }),
});
