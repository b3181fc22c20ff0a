import { test, expect, openGame } from './helpers/game.ts';
import { api } from './helpers/api.ts';
import { decodeFpsPacket } from '../src/protocol/telemetry.ts';

test('telemetry: fps events at the configured interval, player_position, terrain_modified and scene_loaded', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  const fps = await page.evaluate(async () => {
    const got: Array<{ at: number; data: { fps: number; frame_time_ms: number } }> = [];
    const off = window.spacetime!.subscribe('fps', (m) => got.push({ at: performance.now(), data: m.data as { fps: number; frame_time_ms: number } }), { fps_interval: 0.25 });
    await window.spacetime!.waitFor(() => got.length >= 5, { timeout: 30_000 });
    off();
    const count = got.length;
    await window.spacetime!.frames(30);
    return { got, afterUnsubscribe: got.length - count };
  });
  // The hub schedules by each frame's start time and delivers a moment later, so a pause (GC, a busy
  // core) between the two can shift one arrival; 10 ms of slack keeps that from reading as a short gap.
  for (let i = 1; i < fps.got.length; i++) expect(fps.got[i].at - fps.got[i - 1].at).toBeGreaterThanOrEqual(240);
  expect(fps.got[4].data.fps).toBeGreaterThan(0);
  expect(fps.got[4].data.frame_time_ms).toBeGreaterThan(0);
  expect(fps.afterUnsubscribe).toBe(0);

  // Discrete events arrive as the seed's event messages.
  const modified = page.evaluate(() => window.spacetime!.waitFor('terrain_modified', { timeout: 30_000 }));
  await api(page, 'POST', '/terrain/deform', { position: { x: 6, y: 0, z: 6 }, radius: 3, strength: 2, operation: 'remove' });
  expect(await modified).toMatchObject({ type: 'event', event: 'terrain_modified', data: { operation: 'remove', radius: 3 } });
  const position = await page.evaluate(() => window.spacetime!.waitFor('player_position'));
  expect(position.data).toMatchObject({ player_id: 'player_001', position: { x: expect.any(Number) } });
  const loaded = page.evaluate(() => window.spacetime!.waitFor('scene_loaded', { timeout: 60_000 }));
  await api(page, 'POST', '/scene/reload', { preserve_state: true });
  expect(await loaded).toMatchObject({ event: 'scene_loaded', data: { scene_path: 'res://scenes/test_arena.tscn', reload: true } });
});

test('telemetry port: the seed protocol (subscribe, configure, get_snapshot, ping, bad messages) and the binary FPS packet', async ({ page }) => {
  await openGame(page, '?scene=test_arena');
  const replies = await page.evaluate(async () => {
    // Two frames drawn first: the FPS meter then has an interval to report, at any frame rate.
    await window.spacetime!.frames(2);
    const messages: unknown[] = [];
    const port = window.spacetime!.telemetry.open((m) => messages.push(m instanceof ArrayBuffer ? Array.from(new Uint8Array(m)) : m));
    port.send({ type: 'ping' });
    port.send({ type: 'get_snapshot' });
    port.send({ type: 'subscribe', events: ['nonsense'] });
    port.send('{not json');
    port.send({ type: 'configure', config: { fps_interval: 0.2, fps_binary: true } });
    port.send(JSON.stringify({ type: 'subscribe', events: ['fps'] }));
    await window.spacetime!.waitFor(() => messages.some(Array.isArray), { timeout: 30_000 });
    port.close();
    return messages;
  });
  const [pong, snap, badEvents, badJson, configured, subscribed] = replies as Array<Record<string, unknown>>;
  expect(pong).toMatchObject({ type: 'pong', timestamp: expect.any(String) });
  expect(snap).toMatchObject({ type: 'snapshot', data: { scene: 'res://scenes/test_arena.tscn', player_count: 1, vr_active: false } });
  expect(badEvents).toMatchObject({ type: 'error', code: 'INVALID_PARAMETER' });
  expect(badJson).toMatchObject({ type: 'error', code: 'INVALID_PARAMETER' });
  expect(configured).toMatchObject({ type: 'configured', config: { fps_interval: 0.2, fps_binary: true } });
  expect(subscribed).toMatchObject({ type: 'subscribed', events: ['fps'] });
  const packet = replies.find(Array.isArray) as number[];
  expect(packet).toHaveLength(17);
  expect(packet[0]).toBe(0x01);
  const decoded = decodeFpsPacket(new Uint8Array(packet));
  expect(decoded!.fps).toBeGreaterThan(0);
  expect(decoded!.frame_time_ms).toBeGreaterThan(0);
});
