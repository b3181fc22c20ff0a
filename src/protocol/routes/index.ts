/** The control API's one route table (seed 000 paths plus ours), in documentation order. */
import type { z } from 'zod';
import type { RouteSpec } from '../route-spec.ts';
import { SYSTEM_ROUTES } from './system.ts';
import { SCENE_ROUTES } from './scene.ts';
import { PLAYER_ROUTES } from './player.ts';
import { TERRAIN_ROUTES } from './terrain.ts';
import { DEBUG_ROUTES } from './debug.ts';
import { AUTOMATION_ROUTES } from './automation.ts';
import { BASE_ROUTES } from './base.ts';
import { CREATURE_ROUTES } from './creatures.ts';

/** Keyed by `METHOD /path`: the router's handler table is a mapped type over these keys. */
export const ROUTE_TABLE = {
  ...SYSTEM_ROUTES, ...SCENE_ROUTES, ...PLAYER_ROUTES, ...TERRAIN_ROUTES, ...BASE_ROUTES, ...CREATURE_ROUTES, ...DEBUG_ROUTES, ...AUTOMATION_ROUTES,
};
export type Routes = typeof ROUTE_TABLE;

/** The same routes as a list, for OpenAPI, docs/api.md and tests. */
export const ROUTES: readonly RouteSpec[] = Object.values(ROUTE_TABLE);

/** A route's documented 200 answer (its response schema's output). */
export type RouteAnswer<K extends keyof Routes> = z.output<Routes[K]['response']>;
