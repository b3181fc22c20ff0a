import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { test, expect, openGame, frames, ARTIFACTS } from './helpers/game.ts';
import { api } from './helpers/api.ts';
import { INPUT_FIELDS } from '../src/protocol/automation.ts';

type Vec = { x: number; y: number; z: number };
const position = async (page: import('@playwright/test').Page) => (await api<{ position: Vec }>(page, 'GET', '/player/position')).body.position;
const moved = (a: Vec, b: Vec) => Math.hypot(a.x - b.x, a.z - b.z);

test('debugger: a breakpoint on terrain_modified pauses the game on a dig; step runs N frames; continue resumes', async ({ page }) => {
  const { errors } = await openGame(page, '?scene=test_arena');
  expect((await api(page, 'POST', '/debug/launch', { program: 'res://scenes/test_arena.tscn' })).status).toBe(200);
  const set = await api<{ breakpoints: Array<{ verified: boolean }> }>(page, 'POST', '/debug/setBreakpoints', { source: { path: 'events/terrain_modified' }, breakpoints: [{ line: 1 }] });
  expect(set.body.breakpoints).toEqual([{ id: expect.any(Number), line: 1, verified: true }]);

  // Look down at the ground and click: the player's own dig, through the desktop controls.
  const dig = await api(page, 'POST', '/input/sequence', { steps: [{ type: 'look', dx: 0, dy: 400 }, { type: 'wait', frames: 2 }, { type: 'mouse', button: 0, action: 'click' }] });
  expect(dig.status).toBe(200);
  await page.evaluate(() => window.spacetime!.waitFor((s) => s.debug.paused, { timeout: 30_000 }));
  const status = await api<{ debug_adapter: { paused: boolean; state: number } }>(page, 'GET', '/status');
  expect(status.body.debug_adapter).toMatchObject({ paused: true, state: 2 });
  expect((await api(page, 'GET', '/snapshot')).body).toMatchObject({ terrain: { edit_count: 1 } });

  // Paused: holding W moves nothing.
  const held = await position(page);
  await api(page, 'POST', '/input/sequence', { steps: [{ type: 'look', dx: 0, dy: -400 }, { type: 'key', code: 'KeyW', action: 'down' }, { type: 'wait', frames: 20 }] });
  expect(await position(page)).toEqual(held);
  // Ten stepped frames walk a little (1/60 s each), then the game is paused again.
  const stepped = await api(page, 'POST', '/debug/step', { frames: 10 });
  expect(stepped.body).toMatchObject({ status: 'stepped', frames: 10 });
  const afterStep = await position(page);
  expect(moved(afterStep, held)).toBeGreaterThan(0.1);
  await frames(page, 10);
  expect(await position(page)).toEqual(afterStep);
  const evaluated = await api(page, 'POST', '/debug/evaluate', { expression: 'debug.paused', frameId: 0, context: 'watch' });
  expect(evaluated.body).toMatchObject({ status: 'evaluated', result: 'true', type: 'bool' });

  expect((await api(page, 'POST', '/debug/continue', { threadId: 1 })).body).toMatchObject({ status: 'continued', threadId: 1 });
  await frames(page, 20);
  expect(moved(await position(page), afterStep)).toBeGreaterThan(0.3);
  await api(page, 'POST', '/input/sequence', { steps: [{ type: 'key', code: 'KeyW', action: 'up' }] });
  expect(errors).toEqual([]);
});

test('record a session on test_arena and replay it to the identical snapshot; a changed recording does not match', async ({ page }) => {
  test.setTimeout(240_000);
  const { errors } = await openGame(page, '?scene=test_arena');
  expect((await api(page, 'POST', '/record/start', {})).body).toMatchObject({ status: 'recording', scene_path: 'res://scenes/test_arena.tscn' });
  const play = (steps: unknown[]) => api(page, 'POST', '/input/sequence', { steps });
  await play([{ type: 'key', code: 'KeyW', action: 'down' }, { type: 'wait', frames: 40 }, { type: 'look', dx: 240, dy: 0 }, { type: 'wait', frames: 20 }, { type: 'key', code: 'Space', action: 'press' }, { type: 'wait', frames: 30 }, { type: 'key', code: 'KeyW', action: 'up' }]);
  // A dig by the player's own click, a teleport by the API, then walking on.
  await play([{ type: 'look', dx: 0, dy: 350 }, { type: 'wait', frames: 2 }, { type: 'mouse', button: 0, action: 'click' }, { type: 'wait', frames: 30 }, { type: 'look', dx: 0, dy: -350 }]);
  await page.evaluate(() => window.spacetime!.waitFor((s) => s.terrain.edit_count === 1, { timeout: 30_000 }));
  expect((await api(page, 'POST', '/player/teleport', { position: { x: 8, y: 0, z: -6 } })).status).toBe(200);
  // Leaving the recorded scene would make the recording unplayable: refused until it stops.
  const away = await api(page, 'POST', '/scene/load', { scene_path: 'menu' });
  expect([away.status, (away.body as { error: string }).error]).toEqual([409, 'CONFLICT']);
  await play([{ type: 'key', code: 'KeyD', action: 'down' }, { type: 'key', code: 'ShiftLeft', action: 'down' }, { type: 'wait', frames: 45 }, { type: 'key', code: 'KeyD', action: 'up' }, { type: 'key', code: 'ShiftLeft', action: 'up' }, { type: 'wait', frames: 10 }]);
  const stopped = await api<{ frames: number; recording: { calls: Array<{ path: string }>; inputs: number[] }; snapshot: unknown }>(page, 'POST', '/record/stop', {});
  expect(stopped.status).toBe(200);
  expect(stopped.body.frames).toBeGreaterThan(150);
  expect(stopped.body.recording.calls.map((c) => c.path)).toEqual(['/terrain/deform', '/player/teleport']);

  const replayed = await api<{ matches: boolean; differences: string[]; snapshot: unknown }>(page, 'POST', '/replay', { recording: stopped.body.recording });
  expect(replayed.status).toBe(200);
  expect(replayed.body.differences).toEqual([]);
  expect(replayed.body.matches).toBe(true);
  expect(replayed.body.snapshot).toEqual(stopped.body.snapshot);

  // The check can fail: dropping the strafe input of the frames after the teleport changes where the player ends up.
  const tampered = structuredClone(stopped.body.recording);
  const frames = tampered.inputs.length / INPUT_FIELDS;
  for (let f = frames - 40; f < frames; f++) tampered.inputs[f * INPUT_FIELDS] = 0;
  const differs = await api<{ matches: boolean; differences: string[] }>(page, 'POST', '/replay', { recording: tampered });
  expect(differs.body.matches).toBe(false);
  expect(differs.body.differences).toContain('player.position.x');
  expect(errors).toEqual([]);
});

test('screenshot: GET /screenshot returns the rendered frame as a PNG', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  const shot = await api<{ format: string; width: number; height: number; data: string }>(page, 'GET', '/screenshot');
  expect(shot.status).toBe(200);
  const png = Buffer.from(shot.body.data, 'base64');
  writeFileSync(`${ARTIFACTS}/api-screenshot.png`, png);
  const image = PNG.sync.read(png);
  expect([image.width, image.height]).toEqual([shot.body.width, shot.body.height]);
  const colours = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4 * 97) colours.add((image.data[i] << 16) | (image.data[i + 1] << 8) | image.data[i + 2]);
  expect(colours.size).toBeGreaterThan(20);
});
