import { z } from 'zod';
import { SCENE_NAMES, scenePath, type SceneName } from '../../protocol/scenes.ts';

/** Where the player starts in a scene: a searched flat spot (planet), or a fixed point. */
const SpawnSchema = z.union([
  z.literal('search'),
  z.object({ x: z.number().finite(), y: z.number().finite(), z: z.number().finite(), yawDeg: z.number().finite() }),
]);

/**
 * A scene is data, checked by the same schema /scene/validate runs: a world to stream (or none, for
 * the title menu), how to seed it, and where the player starts.
 */
export const SceneDefSchema = z.object({
  name: z.enum(SCENE_NAMES),
  rootNode: z.string().min(1),
  title: z.string().min(1),
  /** null: no terrain (the menu). seed 'url' takes the ?seed flag (default world). */
  world: z.object({ kind: z.enum(['planet', 'arena']), seed: z.union([z.literal('url'), z.number().int().min(0).max(0xffffffff)]) }).nullable(),
  spawn: SpawnSchema.nullable(),
  /** Streaming radius override (the arena is small), else the player's view-distance setting. */
  viewDistance: z.number().int().min(32).max(512).nullable(),
});
export type SceneDef = z.infer<typeof SceneDefSchema>;

/** The test arena's fixed seed: the same arena on every run and machine. */
export const ARENA_SEED = 4242;

const DEFS: Record<SceneName, SceneDef> = {
  vr_main: { name: 'vr_main', rootNode: 'VRMain', title: 'The planet', world: { kind: 'planet', seed: 'url' }, spawn: 'search', viewDistance: null },
  menu: { name: 'menu', rootNode: 'Menu', title: 'Title menu', world: null, spawn: null, viewDistance: null },
  // Spawn west of the hill, facing it (yaw −90° looks toward +x); the cliff is behind, to the west.
  test_arena: { name: 'test_arena', rootNode: 'TestArena', title: 'Test arena', world: { kind: 'arena', seed: ARENA_SEED }, spawn: { x: 0, y: 0, z: 0, yawDeg: -90 }, viewDistance: 96 },
};

export const SCENES: readonly SceneDef[] = SCENE_NAMES.map((n) => DEFS[n]);

export function findScene(name: string): SceneDef | undefined {
  return (SCENE_NAMES as readonly string[]).includes(name) ? DEFS[name as SceneName] : undefined;
}

export const pathOf = (def: SceneDef): string => scenePath(def.name);
