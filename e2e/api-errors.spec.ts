import { test, expect, openGame } from './helpers/game.ts';
import { api, expectErrorBody, holdSimulation, snapshot } from './helpers/api.ts';

/** [method, path, body, status, code]: each must be refused in the seed's error format. */
const BAD: Array<[string, string, unknown, number, string]> = [
  ['POST', '/scene/load', undefined, 400, 'MISSING_PARAMETER'],
  ['POST', '/scene/load', {}, 400, 'MISSING_PARAMETER'],
  ['POST', '/scene/load', { scene_path: 42 }, 400, 'INVALID_PARAMETER'],
  ['POST', '/scene/load', { scene_path: 'res://scenes/nowhere.tscn' }, 404, 'RESOURCE_NOT_FOUND'],
  ['POST', '/scene', { scene_path: 'res://scenes/nowhere.tscn' }, 404, 'RESOURCE_NOT_FOUND'],
  ['POST', '/scene/reload', { preserve_state: 'yes' }, 400, 'INVALID_PARAMETER'],
  ['PUT', '/scene', { scene_path: '../../etc/passwd' }, 400, 'INVALID_PARAMETER'],
  ['POST', '/player/spawn', { position: { x: 0, y: 10 } }, 400, 'MISSING_PARAMETER'],
  ['POST', '/player/spawn', { position: { x: 0, y: 10, z: 0 }, mode: 'swimming' }, 400, 'INVALID_PARAMETER'],
  ['POST', '/player/teleport', { position: { x: 1e9, y: 0, z: 0 } }, 400, 'INVALID_PARAMETER'],
  ['POST', '/player/teleport', { position: { x: 'ten', y: 0, z: 0 } }, 400, 'INVALID_PARAMETER'],
  ['POST', '/player/teleport', { player_id: 'player_999', position: { x: 1, y: 0, z: 1 } }, 404, 'RESOURCE_NOT_FOUND'],
  ['POST', '/player/mode', { mode: 'hovering' }, 400, 'INVALID_PARAMETER'],
  ['POST', '/player/mode', {}, 400, 'MISSING_PARAMETER'],
  ['GET', '/player/position?player_id=nobody', undefined, 404, 'RESOURCE_NOT_FOUND'],
  ['POST', '/terrain/deform', { position: { x: 0, y: 0, z: 0 }, radius: 500, strength: 2, operation: 'remove' }, 400, 'INVALID_PARAMETER'],
  ['POST', '/terrain/deform', { position: { x: 0, y: 0, z: 0 }, radius: 3, strength: 2, operation: 'explode' }, 400, 'INVALID_PARAMETER'],
  ['POST', '/terrain/deform', { radius: 3, strength: 2, operation: 'add' }, 400, 'MISSING_PARAMETER'],
  ['GET', '/terrain/info?x=1&y=2', undefined, 400, 'MISSING_PARAMETER'],
  ['GET', '/terrain/info?x=1&y=2&z=abc', undefined, 400, 'INVALID_PARAMETER'],
  ['GET', '/terrain/info?x=1&y=2&z=99999', undefined, 400, 'INVALID_PARAMETER'],
  ['POST', '/terrain/sync', { chunk_coords: { x: 1.5, y: 0, z: 0 } }, 400, 'INVALID_PARAMETER'],
  ['POST', '/debug/step', { frames: 0 }, 400, 'INVALID_PARAMETER'],
  ['POST', '/debug/continue', { threadId: 'one' }, 400, 'INVALID_PARAMETER'],
  ['POST', '/debug/evaluate', { expression: 'player.__proto__' }, 400, 'INVALID_PARAMETER'],
  ['POST', '/debug/evaluate', { expression: 'window.location' }, 404, 'RESOURCE_NOT_FOUND'],
  ['POST', '/debug/evaluate', { expression: 'player.health; alert(1)' }, 400, 'INVALID_PARAMETER'],
  ['POST', '/lsp/completion', { textDocument: {}, position: { line: 0, character: 0 } }, 400, 'MISSING_PARAMETER'],
  ['POST', '/input/sequence', { steps: [{ type: 'key', code: 'KeyW', action: 'hold' }] }, 400, 'INVALID_PARAMETER'],
  ['POST', '/input/sequence', { steps: [{ type: 'xr_stick', hand: 'left', x: 0, y: 1 }] }, 503, 'SERVICE_UNAVAILABLE'],
  ['POST', '/record/stop', {}, 409, 'CONFLICT'],
  ['POST', '/replay', { recording: { version: 1, scene_path: 'x', dt: [0.1], inputs: [1], calls: [], snapshot: {} } }, 400, 'INVALID_PARAMETER'],
  ['POST', '/replay', { recording: { version: 1, scene_path: 'test_arena', dt: [0.1], inputs: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], calls: [{ frame: 0, method: 'POST', path: '/scene/load', body: { scene_path: 'menu' } }], snapshot: {} } }, 400, 'INVALID_PARAMETER'],
  ['POST', '/replay', { recording: { version: 1, scene_path: 'test_arena', dt: [0.1], inputs: [0, 0, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], calls: [], snapshot: {} } }, 400, 'INVALID_PARAMETER'],
  ['POST', '/vr/recenter', { force: true }, 400, 'INVALID_PARAMETER'],
  ['POST', '/camera/place', { position: { x: 0, y: 60, z: 0 }, yaw: 'east', pitch: 0 }, 400, 'INVALID_PARAMETER'],
  ['POST', '/camera/place', { position: { x: 0, y: 60 }, yaw: 0, pitch: 0 }, 400, 'MISSING_PARAMETER'],
  ['POST', '/settings', { snapTurnDegrees: 7 }, 400, 'INVALID_PARAMETER'],
  ['POST', '/settings', { viewDistance: 'far' }, 400, 'INVALID_PARAMETER'],
  ['GET', '/health?verbose=1', undefined, 400, 'INVALID_PARAMETER'],
  ['GET', '/nowhere', undefined, 404, 'RESOURCE_NOT_FOUND'],
  ['GET', '/api/v1/health', undefined, 404, 'RESOURCE_NOT_FOUND'],
  ['DELETE', '/scene', undefined, 405, 'METHOD_NOT_ALLOWED'],
  ['GET', '/terrain/deform', undefined, 405, 'METHOD_NOT_ALLOWED'],
  ['PATCH', '/player/position', {}, 405, 'METHOD_NOT_ALLOWED'],
  ['GET', 'health', undefined, 400, 'INVALID_PARAMETER'],
];

test('bad input: 400/404/405/409 in the seed error format, and the game is exactly as before', async ({ page }) => {
  const { errors } = await openGame(page, '?scene=test_arena');
  await holdSimulation(page);
  const before = await snapshot(page);
  const sceneBefore = await api(page, 'GET', '/scene/history');
  for (const [method, path, body, status, code] of BAD) {
    const res = await api(page, method, path, body);
    expect(res.status, `${method} ${path} ${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBe(status);
    expectErrorBody(res.body, status, code);
    if (status === 405) expect(res.headers.allow).toBeTruthy();
  }
  expect(await snapshot(page)).toEqual(before);
  expect((await api(page, 'GET', '/scene/history')).body).toMatchObject({ history: [{ scene_path: (sceneBefore.body as { history: Array<{ scene_path: string }> }).history[0].scene_path }] });
  expect(errors).toEqual([]);
});

