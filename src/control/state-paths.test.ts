import { describe, expect, it } from 'vitest';
import { SETTING_FIELDS } from '../state/settings.ts';
import { completePath, definitionOf, evaluateCondition, evaluatePath, STATE_TREE, type GameStateView, type StateNode } from './state-paths.ts';

const v3 = (x: number, y: number, z: number) => ({ x, y, z });
const view = (): GameStateView => ({
  player: { id: 'player_001', mode: 'walking', health: 100, oxygen: 87.5, position: v3(1, 2.5, -3), velocity: v3(0, 0, 0), rotation: v3(0, 90, 0), grounded: true, speed: 0, deaths: 0 },
  scene: { current: 'res://scenes/test_arena.tscn', ready: true, loading: null },
  terrain: { seed: 42, edit_count: 7, chunks_wanted: 120, chunks_meshed: 118 },
  render: { fps: 72, frame: 900, draw_calls: 140, triangles: 250_000 },
  vr: { presenting: false, headset: { position: v3(0, 1.6, 0), tracking_valid: false } },
  settings: { snapTurn: true, snapTurnDegrees: 30, smoothMotion: false, vignette: true, viewDistance: 160, targetFrameRate: 72, foveation: 1, seated: false, seatedHeightOffset: 0.45 },
  debug: { paused: false, frame: 900, session_id: null },
});

/** Every path in the tree and every path in a value, so the two can be compared as sets. */
const treePaths = (node: StateNode, at = ''): string[] => Object.entries(node.children ?? {}).flatMap(([k, c]) => [at + k, ...treePaths(c, `${at + k}.`)]);
const valuePaths = (value: object, at = ''): string[] => Object.entries(value).flatMap(([k, v]) =>
  [at + k, ...(typeof v === 'object' && v !== null ? valuePaths(v, `${at + k}.`) : [])]);

describe('STATE_TREE', () => {
  it('derives GameStateView from the same declaration (checked by tsc)', () => {
    const v = view();
    const x: number = v.player.position.x;
    const current: string | null = v.scene.current;
    // @ts-expect-error a nullable leaf may be null
    const notNull: string = v.scene.current;
    // @ts-expect-error a field the declaration does not have
    const missing = v.player.shield;
    expect([x, current, notNull, missing].length).toBe(4);
  });

  it('has exactly the shape of GameStateView, every node documented and owned', () => {
    expect(treePaths(STATE_TREE).sort()).toEqual(valuePaths(view()).sort());
    for (const path of treePaths(STATE_TREE)) {
      const result = definitionOf(path, 0, path.length);
      expect(result.ok && result.value.uri).toMatch(/^file:\/\/\/src\/.+\.tsx?$/);
    }
  });

  it('uses the real settings field names', () => {
    const keys = new Set(SETTING_FIELDS.map((f) => f.key as string));
    for (const key of Object.keys(STATE_TREE.children!.settings.children!)) expect(keys.has(key)).toBe(true);
  });
});

describe('evaluatePath', () => {
  it('reads leaves and objects with the tree type', () => {
    expect(evaluatePath('player.health', view())).toEqual({ ok: true, value: { result: '100', type: 'float' } });
    expect(evaluatePath(' scene.current ', view())).toEqual({ ok: true, value: { result: 'res://scenes/test_arena.tscn', type: 'string' } });
    expect(evaluatePath('scene.loading', view())).toEqual({ ok: true, value: { result: 'null', type: 'null' } });
    expect(evaluatePath('player.deaths', view())).toMatchObject({ value: { type: 'int' } });
    expect(evaluatePath('player.position', view())).toEqual({ ok: true, value: { result: '{"x":1,"y":2.5,"z":-3}', type: 'object' } });
    expect(evaluatePath('vr.headset.tracking_valid', view())).toEqual({ ok: true, value: { result: 'false', type: 'bool' } });
  });

  it.each(['player.__proto__', 'constructor', 'player.health.constructor', 'scene.prototype'])('refuses prototype names: %s', (expression) => {
    const result = evaluatePath(expression, view());
    expect(result.ok || result.error.code).toBe('INVALID_PARAMETER');
  });

  const notPaths = ['player.health()', 'player["health"]', 'player..health', 'globalThis.process', 'a + b', 'player.health; 1', '`x`', 'player.position[0]'];
  it.each(notPaths)('refuses anything but a state path: %s', (expression) => {
    const result = evaluatePath(expression, view());
    expect(result.ok).toBe(false);
    if (!result.ok && expression !== 'globalThis.process') expect(result.error.code).toBe('INVALID_PARAMETER');
  });

  it('suggests the nearest known name', () => {
    const typo = evaluatePath('player.helth', view());
    expect(typo).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND' } });
    expect(!typo.ok && typo.error.message).toContain("did you mean 'player.health'");
    const bare = evaluatePath('health', view());
    expect(!bare.ok && bare.error.message).toContain("did you mean 'player.health'");
    const nothing = evaluatePath('player.xyzzy_quux', view());
    expect(!nothing.ok && nothing.error.message).not.toContain('did you mean');
  });

  it('walks own properties only, even for known names', () => {
    const inherited = { player: Object.create({ health: 5 }) };
    expect(evaluatePath('player.health', inherited)).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND' } });
  });
});

describe('evaluateCondition', () => {
  it.each([
    ['player.health == 100', true], ['player.health != 100', false], ['player.health < 50', false], ['player.health >= 100', true],
    ['terrain.edit_count > 6.5', true], ['player.position.z <= -3', true], ["scene.current == 'res://scenes/test_arena.tscn'", true],
    ['player.mode == "spacecraft"', false], ['scene.loading == null', true], ['player.grounded == true', true],
    ['player.grounded', true], ['vr.presenting', false], ['scene.current < 3', false],
  ])('%s → %s', (expression, expected) => {
    expect(evaluateCondition(expression, view())).toEqual({ ok: true, value: expected });
  });

  const bad = ['player.health <', 'player.health === 1', 'player.health > "a"', 'player.position == 1', 'Function("x")() == 1', 'player.hp > 1'];
  it.each(bad)('refuses %s', (expression) => {
    expect(evaluateCondition(expression, view()).ok).toBe(false);
  });
});

describe('completePath', () => {
  const labels = (text: string, character = text.length, line = 0) => completePath(text, line, character).map((i) => i.label);

  it('completes from the root, inside objects and after a partial name', () => {
    expect(labels('')).toEqual(['player', 'scene', 'terrain', 'render', 'vr', 'settings', 'debug']);
    expect(labels('player.h')).toEqual(['health']);
    expect(labels('player.position.')).toEqual(['x', 'y', 'z']);
    expect(labels('x\nsettings.snap', 13, 1)).toEqual(['snapTurn', 'snapTurnDegrees']);
    expect(labels('player.health > 3 && scene.')).toEqual(['current', 'ready', 'loading']);
    expect(labels('nope.')).toEqual([]);
  });

  it('marks objects as modules and leaves as fields with their type and doc', () => {
    const [health] = completePath('player.hea', 0, 10);
    expect(health).toEqual({ label: 'health', kind: 5, detail: 'float', documentation: 'Health, 0-100' });
    expect(completePath('vr.h', 0, 4)[0]).toMatchObject({ label: 'headset', kind: 9, detail: 'object' });
    expect(completePath('scene.cur', 0, 9)[0].detail).toBe('string | null');
  });
});

describe('definitionOf', () => {
  it('names the owning module of the path under the cursor', () => {
    expect(definitionOf('player.health', 0, 9)).toEqual({
      ok: true, value: { uri: 'file:///src/engine/player/player-sim.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    });
    expect(definitionOf('terrain.chunks_meshed', 0, 12)).toMatchObject({ value: { uri: 'file:///src/threads/chunk-streamer.ts' } });
    expect(definitionOf('terrain.seed', 0, 2)).toMatchObject({ value: { uri: 'file:///src/threads/terrain-pool.ts' } });
    expect(definitionOf('settings.vignette', 0, 3)).toMatchObject({ value: { uri: 'file:///src/state/settings.ts' } });
  });

  it('answers RESOURCE_NOT_FOUND for unknown paths, and the tree\'s builder when there is no path', () => {
    expect(definitionOf('player.wings', 0, 9)).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND' } });
    expect(definitionOf('', 0, 0)).toMatchObject({ ok: true, value: { uri: 'file:///src/control/state-view.ts' } });
  });
});
