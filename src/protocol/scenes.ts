import { z } from 'zod';

/** Scene names the registry knows; paths use the seed's `res://scenes/<name>.tscn` form. */
export const SCENE_NAMES = ['vr_main', 'menu', 'test_arena'] as const;
export type SceneName = (typeof SCENE_NAMES)[number];

export const scenePath = (name: string): string => `res://scenes/${name}.tscn`;

/**
 * A scene path as the seed writes it (`res://scenes/vr_main.tscn`, or `res://vr_main.tscn` as its
 * debug example does) or a bare name (`vr_main`).
 * Well-formed but unknown paths pass here; the registry answers RESOURCE_NOT_FOUND for them.
 */
export const ScenePathSchema = z
  .string('scene_path must be a string')
  .trim()
  .regex(/^(res:\/\/(scenes\/)?)?[a-z0-9_]{1,64}(\.tscn)?$/, 'scene_path must look like res://scenes/<name>.tscn');

export const SceneLoadSchema = z.object({ scene_path: ScenePathSchema }).strict();
export type SceneLoadRequest = z.output<typeof SceneLoadSchema>;
export const SceneReloadSchema = z.object({ preserve_state: z.boolean('preserve_state must be a boolean').default(false) }).strict();
export type SceneReloadRequest = z.output<typeof SceneReloadSchema>;

/** The name inside a scene path: `res://scenes/menu.tscn` and `menu` both give `menu`. */
export const sceneNameOf = (path: string): string => path.trim().replace(/^res:\/\/(scenes\/)?/, '').replace(/\.tscn$/, '');

/** Seed 000 POST /scene/load response. */
export interface SceneLoadResult {
  status: 'success';
  scene_path: string;
  load_time_ms: number;
  timestamp: string;
}

/** Seed 000 POST /scene/reload response. */
export interface SceneReloadResult {
  status: 'success';
  scene_path: string;
  reload_time_ms: number;
  timestamp: string;
}

/** Seed 000 GET /scene/current response. */
export interface SceneCurrent {
  scene_path: string;
  node_count: number;
  root_node: string;
  loaded_at: string;
}

export interface SceneHistoryEntry {
  scene_path: string;
  loaded_at: string;
  duration_seconds: number;
  /** How long the load took until the player could play (ours; the seed lists load times per load). */
  load_time_ms: number;
}

/** Seed 000 GET /scene/history response: newest first, the current scene at current_index. */
export interface SceneHistory {
  history: SceneHistoryEntry[];
  current_index: number;
}

/** Seed 000 POST /scene/validate response. */
export interface SceneValidation {
  valid: boolean;
  scene_path: string;
  checks: { file_exists: boolean; parseable: boolean; dependencies_met: boolean; scripts_valid: boolean };
  warnings: string[];
  errors: string[];
}
