/** The control API's one route table (seed 000 paths plus ours), in documentation order. */
import type { RouteSpec } from '../route-spec.ts';
import { SYSTEM_ROUTES } from './system.ts';
import { SCENE_ROUTES } from './scene.ts';
import { PLAYER_ROUTES } from './player.ts';
import { TERRAIN_ROUTES } from './terrain.ts';
import { DEBUG_ROUTES } from './debug.ts';
import { AUTOMATION_ROUTES } from './automation.ts';

export const ROUTES: readonly RouteSpec[] = [
  ...SYSTEM_ROUTES, ...SCENE_ROUTES, ...PLAYER_ROUTES, ...TERRAIN_ROUTES, ...DEBUG_ROUTES, ...AUTOMATION_ROUTES,
];
