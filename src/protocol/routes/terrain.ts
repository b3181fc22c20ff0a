/** Seed 000 terrain and VR tracking routes. */
import { z } from 'zod';
import { defineRoute, NoBody, NoQuery, routeTable } from '../route-spec.ts';
import { BrushEditSchema, ChunkCoordSchema } from '../terrain.ts';
import { EmptyBody, Success, Timestamp, Vec3Out } from './common.ts';

/** A query value: present, then a finite number (a missing one is MISSING_PARAMETER, not NaN). */
const numberParam = (name: string) =>
  z.string().trim().min(1, `${name} is empty`).transform(Number).pipe(z.number(`${name} must be a number`).finite(`${name} must be finite`));

/** The seed writes chunk coordinates as {x, y, z}; the engine's are cx, cy, cz with the same limits. */
const ChunkCoords = z.object({
  x: ChunkCoordSchema.shape.cx,
  y: ChunkCoordSchema.shape.cy,
  z: ChunkCoordSchema.shape.cz,
}).strict();

const Pose = z.object({ position: Vec3Out, rotation: Vec3Out.describe('degrees, YXZ order'), tracking_valid: z.boolean() });
const Controller = Pose.extend({ buttons: z.object({ trigger: z.boolean(), grip: z.boolean(), menu: z.boolean() }) });

export const TERRAIN_ROUTES = routeTable({
  'POST /terrain/deform': defineRoute({
    method: 'POST', path: '/terrain/deform', group: 'Terrain Manipulation', kind: 'write', statuses: [400, 409, 503],
    query: NoQuery,
    summary: 'Add, remove or smooth terrain in a sphere; answers once every touched chunk is re-meshed and drawn',
    description: 'In a shared world the edit goes to the relay, which numbers it and broadcasts it to every player (this one included); it is applied here when that broadcast comes back, so all replicas apply edits in one order. `edit_seq` (ours) is its number there; null single-player. 503 while reconnecting to the relay. In a shared world a dig puts what it removed into the player\'s inventory and a build costs soil: 409 CONFLICT when the player holds too little (a creative relay builds for free).',
    body: BrushEditSchema.strict(),
    response: z.object({ status: Success, position: Vec3Out, voxels_modified: z.number(), edit_seq: z.number().nullable(), timestamp: Timestamp }),
    example: { body: { position: { x: 100, y: 50, z: 100 }, radius: 5.0, strength: 2.0, operation: 'add' } },
  }),
  'GET /terrain/info': defineRoute({
    method: 'GET', path: '/terrain/info', group: 'Terrain Manipulation', kind: 'read', statuses: [400],
    body: NoBody,
    summary: 'Material, density (-1..1, > 0 solid), temperature and biome at a point',
    query: z.object({ x: numberParam('x'), y: numberParam('y'), z: numberParam('z') }).strict(),
    response: z.object({ position: Vec3Out, material: z.string(), density: z.number(), temperature: z.number(), biome: z.string() }),
    example: { query: { x: '100', y: '50', z: '100' } },
  }),
  'POST /terrain/sync': defineRoute({
    method: 'POST', path: '/terrain/sync', group: 'Terrain Manipulation', kind: 'write', statuses: [400, 503],
    query: NoQuery,
    summary: 'Send a chunk\'s edits to the other players',
    description: 'In a shared world the relay sends its copy of the chunk to the world\'s other players, who install it in edit order; `synced_to_clients` is how many it reached (0 single-player). `chunk_hash` (ours) is the SHA-256 of this page\'s copy of the chunk\'s voxels, which every client computes bit-identically, so two pages can be compared.',
    body: z.object({ chunk_coords: ChunkCoords, force_sync: z.boolean().optional() }).strict(),
    response: z.object({ status: Success, chunk_coords: Vec3Out, synced_to_clients: z.number(), chunk_hash: z.string(), timestamp: Timestamp }),
    example: { body: { chunk_coords: { x: 10, y: 0, z: 10 }, force_sync: false } },
  }),
  'GET /vr/tracking': defineRoute({
    method: 'GET', path: '/vr/tracking', group: 'VR Tracking', kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'Headset and controllers in tracking space (tracking_valid false outside VR)',
    response: z.object({ headset: Pose, left_controller: Controller, right_controller: Controller, timestamp: Timestamp }),
    example: {},
  }),
  'POST /vr/recenter': defineRoute({
    method: 'POST', path: '/vr/recenter', group: 'VR Tracking', kind: 'write', statuses: [503],
    query: NoQuery,
    summary: 'Make the headset\'s current place and facing the player\'s',
    body: EmptyBody,
    response: z.object({ status: Success, new_center: Vec3Out, timestamp: Timestamp }),
    example: { body: {} },
  }),
});
