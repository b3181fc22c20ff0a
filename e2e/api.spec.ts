import { test, expect, openGame } from './helpers/game.ts';
import { api } from './helpers/api.ts';
import { ROUTES } from '../src/protocol/routes/index.ts';
import { routeKey } from '../src/protocol/route-spec.ts';

/** Seed examples that cannot succeed here, with the documented status they answer instead. */
const EXPECTED_REFUSALS: Record<string, number> = {
  'POST /connect': 503, // no relay in the e2e build (seed: 503 Service Unavailable)
  'POST /disconnect': 503, // nothing to leave offline
  'POST /vr/recenter': 503, // needs a tracked headset: covered in VR below
  // The relay owns inventories, structures and the grid; this page is single-player, so they answer 503
  // (documented). e2e/base.spec.ts drives them in a shared world (POST /fabricator/craft: relay/test/fabricator.test.ts);
  // GET /base/types and GET /fabricator/recipes, static tables, work here.
  ...Object.fromEntries(['GET /inventory/get', 'POST /inventory/add', 'POST /inventory/remove', 'POST /base/place', 'POST /base/remove',
    'GET /base/info', 'GET /power/status', 'POST /power/toggle', 'POST /world/time', 'POST /fabricator/craft'].map((k) => [k, 503])),
  // Issue 13: the seed's creature_12345 is no creature here (404); POST /creature/spawn's example spawns one
  // for real. e2e/creatures*.spec.ts tame, command and feed real ones in shared worlds.
  'POST /creature/command': 404,
  'GET /creature/info': 404,
  'POST /creature/feed': 404,
};

test('every route\'s seed example answers its documented status and response fields, in table order', async ({ page }) => {
  // POST /scene/load's example starts the planet and the routes after it run there, while it streams:
  // at a 64 m view distance rather than its default 160 m, far fewer chunks compete with them.
  const { errors } = await openGame(page, '?scene=test_arena&view=64');
  for (const route of ROUTES) {
    const key = routeKey(route);
    const query = route.example.query ? `?${new URLSearchParams(route.example.query)}` : '';
    const res = await api(page, route.method, route.path + query, route.example.body);
    const expected = EXPECTED_REFUSALS[key] ?? 200;
    expect(res.status, `${key}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(expected);
    expect(res.headers['x-request-id']).toMatch(/^req_/);
    if (expected !== 200) continue;
    expect(res.headers['content-type']).toBe(route.contentType ?? 'application/json');
    const parsed = route.response.safeParse(res.body);
    expect(parsed.success, `${key} response fields: ${parsed.error?.message}`).toBe(true);
  }
  expect(errors).toEqual([]);
});

test('seed example values come back: teleport lands there, mode and deform answer the seed fields', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  const tp = await api<{ new_position: { x: number; z: number }; player_id: string }>(page, 'POST', '/player/teleport', { player_id: 'player_001', position: { x: 20, y: 10, z: -12 }, rotation: { x: 0, y: 90, z: 0 } });
  expect(tp.status).toBe(200);
  expect(tp.body).toMatchObject({ status: 'success', player_id: 'player_001', new_position: { x: 20, z: -12 } });
  const pos = await api<{ position: { x: number; z: number }; rotation: { y: number } }>(page, 'GET', '/player/position');
  expect(pos.body.position.x).toBeCloseTo(20, 3);
  expect(pos.body.rotation.y).toBeCloseTo(90, 3);
  const dig = await api<{ voxels_modified: number }>(page, 'POST', '/terrain/deform', { position: { x: 5, y: 0, z: 5 }, radius: 3, strength: 2, operation: 'remove' });
  expect(dig.body.voxels_modified).toBeGreaterThan(0);
  const info = await api<{ material: string; density: number }>(page, 'GET', '/terrain/info?x=5&y=-1&z=5');
  expect(info.body.material).toBe('air');
  const fly = await api(page, 'POST', '/player/mode', { mode: 'spacecraft', force: true });
  expect(fly.body).toMatchObject({ status: 'success', mode: 'spacecraft' });
  const metrics = await api<string>(page, 'GET', '/metrics');
  expect(metrics.body).toContain('http_requests_total{method="POST",endpoint="/player/teleport",status="200"} 1');
  expect(metrics.body).toMatch(/^godot_fps \d/m);
});

test('versioning: /api/v2 paths and the v2 media type both work; other versions are refused', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  const prefixed = await api(page, 'GET', '/api/v2/scene/current');
  expect(prefixed.status).toBe(200);
  expect(prefixed.body).toMatchObject({ scene_path: 'res://scenes/test_arena.tscn' });
  const accepted = await api(page, 'GET', '/scene/current', undefined, { Accept: 'application/vnd.spacetime.v2+json' });
  expect(accepted.status).toBe(200);
  expect(accepted.headers['content-type']).toBe('application/vnd.spacetime.v2+json');
  expect((await api(page, 'GET', '/api/v1/scene/current')).status).toBe(404);
  expect((await api(page, 'GET', '/scene/current', undefined, { Accept: 'application/vnd.spacetime.v3+json' })).status).toBe(400);
});

test('VR: tracking follows the emulated headset and recenter answers the seed fields', async ({ page }) => {
  await openGame(page, '?scene=test_arena&xr=emulate');
  await page.evaluate(() => window.spacetime!.xr.enter());
  const moved = await api(page, 'POST', '/input/sequence', { steps: [{ type: 'xr_pose', device: 'headset', position: { x: 0.4, y: 1.6, z: -0.2 } }, { type: 'wait', frames: 3 }] });
  expect(moved.status).toBe(200);
  const tracking = await api<{ headset: { position: { x: number }; tracking_valid: boolean } }>(page, 'GET', '/vr/tracking');
  expect(tracking.body.headset.tracking_valid).toBe(true);
  expect(tracking.body.headset.position.x).toBeCloseTo(0.4, 2);
  const recenter = await api(page, 'POST', '/vr/recenter', {});
  expect(recenter.status).toBe(200);
  expect(recenter.body).toMatchObject({ status: 'success', new_center: { x: expect.closeTo(0.4, 2), y: 0 } });
  await page.evaluate(() => window.spacetime!.xr.exit());
});
