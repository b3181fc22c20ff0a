import { describe, expect, it } from 'vitest';
import { SceneManager, type SceneHost } from './scene-manager.ts';
import { SceneLoadSchema, SceneReloadSchema } from '../../protocol/scenes.ts';
import type { SceneDef } from './registry.ts';

function fakeHost(overrides: Partial<SceneHost> = {}) {
  const started: Array<{ name: string; carry: unknown }> = [];
  const host: SceneHost = {
    start: async (def: SceneDef, carry: unknown) => { started.push({ name: def.name, carry }); },
    capturePlayer: () => ({ health: 42 }),
    nodeCount: () => 17,
    workersAlive: () => 2,
    rendererReady: () => true,
    vrWarning: () => null,
    ...overrides,
  };
  return { host, started };
}

describe('SceneManager', () => {
  it('loads by seed path or bare name and reports the current scene', async () => {
    const { host, started } = fakeHost();
    const scenes = new SceneManager(host);
    const a = await scenes.load({ scene_path: 'res://scenes/test_arena.tscn' });
    expect(a.ok && a.value.scene_path).toBe('res://scenes/test_arena.tscn');
    expect(a.ok && a.value.load_time_ms).toBeGreaterThanOrEqual(0);
    const b = await scenes.load({ scene_path: 'menu' });
    expect(b.ok && b.value.scene_path).toBe('res://scenes/menu.tscn');
    expect(started.map((s) => s.name)).toEqual(['test_arena', 'menu']);
    const current = scenes.currentInfo();
    expect(current.ok && current.value).toMatchObject({ scene_path: 'res://scenes/menu.tscn', root_node: 'Menu', node_count: 17 });
  });

  it('rejects unknown and malformed paths without touching the running scene', async () => {
    const { host, started } = fakeHost();
    const scenes = new SceneManager(host);
    await scenes.load({ scene_path: 'menu' });
    const unknown = await scenes.load({ scene_path: 'res://scenes/nowhere.tscn' });
    expect(!unknown.ok && unknown.error.code).toBe('RESOURCE_NOT_FOUND');
    // Malformed paths are the door's to refuse (the route's schema), before the manager sees them.
    for (const bad of [{}, { scene_path: 7 }, { scene_path: '../etc/passwd' }, { scene_path: 'menu', extra: 1 }, null]) {
      expect(SceneLoadSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(started).toHaveLength(1);
    expect(scenes.history().history).toHaveLength(1);
  });

  it('keeps the last 10 loads, newest first, with durations', async () => {
    const { host } = fakeHost();
    const scenes = new SceneManager(host);
    for (let i = 0; i < 12; i++) await scenes.load({ scene_path: i % 2 ? 'menu' : 'test_arena' });
    const h = scenes.history();
    expect(h.history).toHaveLength(10);
    expect(h.current_index).toBe(0);
    expect(h.history[0].scene_path).toBe('res://scenes/menu.tscn');
    for (const e of h.history) expect(e.duration_seconds).toBeGreaterThanOrEqual(0);
  });

  it('reloads with or without the player state', async () => {
    const { host, started } = fakeHost();
    const scenes = new SceneManager(host);
    const none = await scenes.reload();
    expect(!none.ok && none.error.code).toBe('SERVICE_UNAVAILABLE');
    await scenes.load({ scene_path: 'test_arena' });
    await scenes.reload({ preserve_state: true });
    await scenes.reload({ preserve_state: false });
    expect(started.map((s) => s.carry)).toEqual([undefined, { health: 42 }, undefined]);
    expect(SceneReloadSchema.safeParse({ preserve_state: 'yes' }).success).toBe(false);
    expect(started).toHaveLength(3);
  });

  it('a failed start is an INTERNAL_ERROR and the previous scene stays current', async () => {
    let fail = false;
    const { host } = fakeHost({ start: async () => { if (fail) throw new Error('worker gone'); } });
    const scenes = new SceneManager(host);
    await scenes.load({ scene_path: 'menu' });
    fail = true;
    const r = await scenes.load({ scene_path: 'test_arena' });
    expect(!r.ok && r.error.code).toBe('INTERNAL_ERROR');
    const current = scenes.currentInfo();
    expect(current.ok && current.value.scene_path).toBe('res://scenes/menu.tscn');
  });

  it('validates: known scenes pass, unknown ones list what failed, missing workers fail dependencies', () => {
    const scenes = new SceneManager(fakeHost({ vrWarning: () => 'no headset' }).host);
    const good = scenes.validate({ scene_path: 'res://scenes/vr_main.tscn' });
    expect(good.ok && good.value).toMatchObject({ valid: true, checks: { file_exists: true, parseable: true, dependencies_met: true, scripts_valid: true }, warnings: ['VR unavailable: no headset'] });
    const missing = scenes.validate({ scene_path: 'res://scenes/nowhere.tscn' });
    expect(missing.ok && missing.value).toMatchObject({ valid: false, checks: { file_exists: false } });
    const noWorkers = new SceneManager(fakeHost({ workersAlive: () => 0 }).host).validate({ scene_path: 'vr_main' });
    expect(noWorkers.ok && noWorkers.value.checks.dependencies_met).toBe(false);
    const menu = new SceneManager(fakeHost({ workersAlive: () => 0 }).host).validate({ scene_path: 'menu' });
    expect(menu.ok && menu.value.valid).toBe(true);
  });
});
