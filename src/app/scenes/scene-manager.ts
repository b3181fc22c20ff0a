import { fail, ok, type Result } from '../../protocol/errors.ts';
import {
  sceneNameOf, scenePath, type SceneLoadRequest, type SceneReloadRequest,
  type SceneCurrent, type SceneHistory, type SceneHistoryEntry, type SceneLoadResult, type SceneReloadResult, type SceneValidation,
} from '../../protocol/scenes.ts';

import { SceneDefSchema, findScene, pathOf, SCENES, type SceneDef } from './registry.ts';
import type { SceneListing } from '../../protocol/bridge.ts';
import { isoTimestamp } from '../../protocol/iso-time.ts';

const HISTORY_LIMIT = 10;

/** What the scene manager needs from the game: start a scene's world and report on its parts. */
export interface SceneHost {
  /** Tears down the running world, starts `def`'s, resolves once the player can play. */
  start(def: SceneDef, carry: unknown): Promise<void>;
  /** Player state to carry across a reload that preserves state. */
  capturePlayer(): unknown;
  /** Objects in the live 3D scene graph (0 before three.js has loaded). */
  nodeCount(): number;
  /** Live terrain workers. */
  workersAlive(): number;
  /** Whether the 3D scene (three.js, WebGL) has loaded. */
  rendererReady(): boolean;
  /** Why VR cannot start, if it cannot (a warning, not an error: desktop play works). */
  vrWarning(): string | null;
}

interface Loaded { def: SceneDef; loadedAt: number; loadTimeMs: number }

const iso = isoTimestamp;

/**
 * The scene registry's runtime: load, reload, history and validation (seed 000 scene routes). Loads
 * run one at a time, in the order asked; a bad or unknown path is an error that leaves the running
 * scene alone.
 */
export class SceneManager {
  private current: Loaded | null = null;
  /** Oldest first; the last entry is the current scene. */
  private readonly loads: Loaded[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** Scene being loaded right now (null when idle). */
  loading: string | null = null;

  constructor(
    private readonly host: SceneHost,
    /** Told after every successful load or reload (telemetry scene_loaded). */
    private readonly onLoaded?: (loaded: { scene_path: string; load_time_ms: number; reload: boolean }) => void,
  ) {}

  list(): SceneListing[] {
    return SCENES.map((d) => ({ scene_path: pathOf(d), name: d.name, title: d.title, root_node: d.rootNode }));
  }

  load(input: SceneLoadRequest): Promise<Result<SceneLoadResult>> {
    const def = findScene(sceneNameOf(input.scene_path));
    if (!def) return Promise.resolve(fail('RESOURCE_NOT_FOUND', `scene not found: ${input.scene_path}`));
    return this.serial(async () => {
      const loadTimeMs = await this.run(def, undefined, false).catch((e: Error) => e);
      if (loadTimeMs instanceof Error) return fail<SceneLoadResult>('INTERNAL_ERROR', `scene failed to load: ${loadTimeMs.message}`);
      return ok({ status: 'success' as const, scene_path: pathOf(def), load_time_ms: loadTimeMs, timestamp: iso(Date.now()) });
    });
  }

  reload(input: SceneReloadRequest = { preserve_state: false }): Promise<Result<SceneReloadResult>> {
    return this.serial(async () => {
      const def = this.current?.def;
      if (!def) return fail<SceneReloadResult>('SERVICE_UNAVAILABLE', 'no scene is loaded yet');
      const carry = input.preserve_state ? this.host.capturePlayer() : undefined;
      const reloadTimeMs = await this.run(def, carry, true).catch((e: Error) => e);
      if (reloadTimeMs instanceof Error) return fail<SceneReloadResult>('INTERNAL_ERROR', `scene failed to reload: ${reloadTimeMs.message}`);
      return ok({ status: 'success' as const, scene_path: pathOf(def), reload_time_ms: reloadTimeMs, timestamp: iso(Date.now()) });
    });
  }

  currentInfo(): Result<SceneCurrent> {
    const c = this.current;
    if (!c) return fail('SERVICE_UNAVAILABLE', 'no scene is loaded yet');
    return ok({ scene_path: pathOf(c.def), node_count: this.host.nodeCount(), root_node: c.def.rootNode, loaded_at: iso(c.loadedAt) });
  }

  history(now = Date.now()): SceneHistory {
    const history: SceneHistoryEntry[] = [];
    for (let i = this.loads.length - 1; i >= 0; i--) {
      const l = this.loads[i];
      const ended = i === this.loads.length - 1 ? now : this.loads[i + 1].loadedAt;
      history.push({ scene_path: pathOf(l.def), loaded_at: iso(l.loadedAt), duration_seconds: Math.round((ended - l.loadedAt) / 100) / 10, load_time_ms: l.loadTimeMs });
    }
    return { history, current_index: 0 };
  }

  validate(input: SceneLoadRequest): Result<SceneValidation> {
    const name = sceneNameOf(input.scene_path);
    const def = findScene(name);
    const path = def ? pathOf(def) : scenePath(name);
    const errors: string[] = [];
    const warnings: string[] = [];
    const parsed = def ? SceneDefSchema.safeParse(def) : null;
    if (!def) errors.push(`no scene named ${name} in the registry`);
    if (parsed && !parsed.success) errors.push(`scene definition is invalid: ${parsed.error.issues[0]?.message}`);
    const needsWorkers = !!def?.world;
    const workers = this.host.workersAlive();
    const dependencies = !!def && this.host.rendererReady() && (!needsWorkers || workers > 0);
    if (def && !this.host.rendererReady()) errors.push('the 3D renderer has not loaded');
    if (needsWorkers && workers === 0) errors.push('no terrain worker is running');
    const scripts = !!def && (!def.world || def.spawn !== null);
    if (def?.world && def.spawn === null) errors.push('a scene with a world needs a spawn rule');
    const vr = this.host.vrWarning();
    if (vr) warnings.push(`VR unavailable: ${vr}`);
    return ok({
      valid: errors.length === 0,
      scene_path: path,
      checks: { file_exists: !!def, parseable: !!parsed?.success, dependencies_met: dependencies, scripts_valid: scripts },
      warnings, errors,
    });
  }

  /** Starts the scene; a failure to start is an INTERNAL_ERROR (seed: 500 Load failed), not a throw. */
  private async run(def: SceneDef, carry: unknown, reload: boolean): Promise<number> {
    const started = performance.now();
    this.loading = pathOf(def);
    try {
      await this.host.start(def, carry);
    } finally {
      this.loading = null;
    }
    const loadTimeMs = Math.round(performance.now() - started);
    this.current = { def, loadedAt: Date.now(), loadTimeMs };
    this.loads.push(this.current);
    if (this.loads.length > HISTORY_LIMIT) this.loads.shift();
    this.onLoaded?.({ scene_path: pathOf(def), load_time_ms: loadTimeMs, reload });
    return loadTimeMs;
  }

  /** Runs loads one after another: a second load waits for the first instead of racing it. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
