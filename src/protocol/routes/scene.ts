/** Seed 000 scene routes, including the SceneRouter forms (POST/GET/PUT /scene). */
import { z } from 'zod';
import { defineRoute, NoBody, NoQuery, routeTable } from '../route-spec.ts';
import { SceneLoadSchema, SceneReloadSchema } from '../scenes.ts';
import { Success, Timestamp } from './common.ts';

const LoadResult = z.object({ status: Success, scene_path: z.string(), load_time_ms: z.number(), timestamp: Timestamp });
const Current = z.object({ scene_path: z.string(), node_count: z.number(), root_node: z.string(), loaded_at: Timestamp });
const Validation = z.object({
  valid: z.boolean(),
  scene_path: z.string(),
  checks: z.object({ file_exists: z.boolean(), parseable: z.boolean(), dependencies_met: z.boolean(), scripts_valid: z.boolean() }),
  warnings: z.array(z.string()),
  errors: z.array(z.string()),
});
const loadExample = { body: { scene_path: 'res://scenes/vr_main.tscn' } };
const group = 'Scene Management';

export const SCENE_ROUTES = routeTable({
  'GET /scenes': defineRoute({
    method: 'GET', path: '/scenes', group, kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'List the scenes in the registry',
    response: z.object({ scenes: z.array(z.object({ scene_path: z.string(), name: z.string(), title: z.string(), root_node: z.string() })), count: z.number() }),
    example: {},
  }),
  'POST /scene/load': defineRoute({
    method: 'POST', path: '/scene/load', group, kind: 'write', statuses: [400, 404, 500],
    query: NoQuery,
    summary: 'Load a scene; answers once the player can play in it',
    description: 'An unknown scene is 404 and the running scene keeps running.',
    body: SceneLoadSchema, response: LoadResult, example: loadExample,
  }),
  'GET /scene/current': defineRoute({
    method: 'GET', path: '/scene/current', group, kind: 'read', statuses: [503],
    query: NoQuery, body: NoBody,
    summary: 'The running scene', response: Current, example: {},
  }),
  'POST /scene/reload': defineRoute({
    method: 'POST', path: '/scene/reload', group, kind: 'write', statuses: [400, 500, 503],
    query: NoQuery,
    summary: 'Reload the running scene, keeping the player where they are when preserve_state is true',
    body: SceneReloadSchema.optional(),
    response: z.object({ status: Success, scene_path: z.string(), reload_time_ms: z.number(), timestamp: Timestamp }),
    example: { body: { preserve_state: true } },
  }),
  'GET /scene/history': defineRoute({
    method: 'GET', path: '/scene/history', group, kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'The last 10 scene loads, newest first, with load times and durations',
    response: z.object({
      history: z.array(z.object({ scene_path: z.string(), loaded_at: Timestamp, duration_seconds: z.number(), load_time_ms: z.number() })),
      current_index: z.number(),
    }),
    example: {},
  }),
  'POST /scene/validate': defineRoute({
    method: 'POST', path: '/scene/validate', group, kind: 'read', statuses: [400],
    query: NoQuery,
    summary: 'Check a scene: it exists, its definition parses, its workers and renderer are there',
    body: SceneLoadSchema, response: Validation, example: loadExample,
  }),
  'POST /scene': defineRoute({
    method: 'POST', path: '/scene', group, kind: 'write', statuses: [400, 404, 500],
    query: NoQuery,
    summary: 'SceneRouter form of POST /scene/load', body: SceneLoadSchema, response: LoadResult, example: loadExample,
  }),
  'GET /scene': defineRoute({
    method: 'GET', path: '/scene', group, kind: 'read', statuses: [503],
    query: NoQuery, body: NoBody,
    summary: 'SceneRouter form of GET /scene/current', response: Current, example: {},
  }),
  'PUT /scene': defineRoute({
    method: 'PUT', path: '/scene', group, kind: 'read', statuses: [400],
    query: NoQuery,
    summary: 'SceneRouter form of POST /scene/validate', body: SceneLoadSchema, response: Validation, example: loadExample,
  }),
});
