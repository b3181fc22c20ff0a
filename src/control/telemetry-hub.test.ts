import { describe, expect, it } from 'vitest';
import { TelemetryHub, type TelemetryOutput, type TelemetrySource } from './telemetry-hub.ts';
import { decodeFpsPacket, type TelemetryEvent, type TelemetryServerMessage } from '../protocol/telemetry.ts';

const pose = (x: number) => ({ position: { x, y: 1.2, z: -0.2 }, rotation: { x: 0, y: 0, z: 0 } });

const source: TelemetrySource = {
  fps: (out) => Object.assign(out, { fps: 90, frame_time_ms: 11.1, physics_time_ms: 2.5, render_time_ms: 8.6 }),
  vrTracking: () => ({ headset: pose(0), left_controller: pose(-0.3), right_controller: pose(0.3) }),
  playerPosition: () => ({ player_id: 'player_001', position: { x: 1, y: 2, z: 3 }, velocity: { x: 0, y: 0, z: 0 }, rotation: { x: 0, y: 45, z: 0 } }),
  snapshot: () => ({ fps: 90, memory_mb: 512, player_count: 1, scene: 'test_arena', vr_active: false }),
};

const clock = () => Date.UTC(2025, 11, 2, 10, 30);

function setup(options: { verifyToken?: (token: string) => boolean; authenticated?: boolean } = {}) {
  const hub = new TelemetryHub(source, { verifyToken: options.verifyToken, clock });
  const sent: TelemetryOutput[] = [];
  const connection = hub.open((msg) => sent.push(msg), { authenticated: options.authenticated });
  const json = () => sent.filter((m): m is TelemetryServerMessage => !(m instanceof ArrayBuffer));
  const last = () => json().at(-1);
  const events = (event: TelemetryEvent) => json().filter((m) => m.type === 'event' && m.event === event);
  /** Frames every 16 ms over [from, to). */
  const run = (from: number, to: number) => { for (let t = from; t < to; t += 16) hub.frame(t); };
  return { hub, connection, sent, json, last, events, run };
}

describe('TelemetryHub', () => {
  it('sends fps at the configured interval, first on the next frame', () => {
    const { connection, events, run, last } = setup();
    connection.handle({ type: 'configure', config: { fps_interval: 0.5 } });
    expect(last()).toMatchObject({ type: 'configured', config: { fps_interval: 0.5, tracking_interval: 0.1, fps_binary: false } });
    connection.handle({ type: 'subscribe', events: ['fps'] });
    expect(last()).toEqual({ type: 'subscribed', events: ['fps'], timestamp: '2025-12-02T10:30:00.000Z' });
    run(0, 3000);
    expect(events('fps')).toHaveLength(6);
    expect(events('fps')[0]).toEqual({
      type: 'event', event: 'fps', timestamp: '2025-12-02T10:30:00.000Z',
      data: { fps: 90, frame_time_ms: 11.1, physics_time_ms: 2.5, render_time_ms: 8.6 },
    });
    expect(events('vr_tracking')).toHaveLength(0);
  });

  it('uses the default intervals and does not burst after a stall', () => {
    const { connection, events, run, hub } = setup();
    connection.handle({ type: 'subscribe', events: ['fps', 'vr_tracking', 'player_position'] });
    run(0, 2000);
    expect(events('fps')).toHaveLength(2); // t = 0 and the first frame at or after 1000 ms
    expect(events('vr_tracking').length).toBeGreaterThanOrEqual(18);
    expect(events('player_position')).toHaveLength(events('vr_tracking').length);
    const before = events('fps').length;
    hub.frame(10_000); // a long stall: one event, not nine
    hub.frame(10_016);
    expect(events('fps')).toHaveLength(before + 1);
  });

  it('stops after unsubscribe and when disabled by configure', () => {
    const { connection, events, run, last, hub } = setup();
    connection.handle({ type: 'subscribe', events: ['fps', 'vr_tracking'] });
    run(0, 1000);
    connection.handle({ type: 'unsubscribe', events: ['fps'] });
    expect(last()).toMatchObject({ type: 'unsubscribed', events: ['fps'] });
    expect(connection.subscribed()).toEqual(['vr_tracking']);
    connection.handle({ type: 'configure', config: { vr_tracking_enabled: false } });
    expect(hub.wants('vr_tracking')).toBe(false);
    const fps = events('fps').length;
    const tracking = events('vr_tracking').length;
    run(1000, 3000);
    expect(events('fps')).toHaveLength(fps);
    expect(events('vr_tracking')).toHaveLength(tracking);
  });

  it('answers invalid messages with typed errors and changes nothing', () => {
    const { connection, last, run, events } = setup();
    connection.handle({ type: 'configure', config: { fps_interval: 0.001 } });
    expect(last()).toMatchObject({ type: 'error', code: 'INVALID_PARAMETER' });
    connection.handle({ type: 'configure', config: { fps_interval: 2, sparkle: true } });
    expect(last()).toMatchObject({ type: 'error', code: 'INVALID_PARAMETER' });
    connection.handle({ type: 'configure' });
    expect(last()).toMatchObject({ type: 'error', code: 'MISSING_PARAMETER' });
    connection.handle({ type: 'subscribe', events: ['fps', 'nope'] });
    expect(last()).toMatchObject({ type: 'error', code: 'INVALID_PARAMETER' });
    connection.handle('{not json');
    expect(last()).toMatchObject({ type: 'error', code: 'INVALID_PARAMETER' });
    expect(connection.subscribed()).toEqual([]);
    // Interval still the default 1 s: the rejected fps_interval 2 was not applied.
    connection.handle('{"type":"subscribe","events":["fps"]}');
    run(0, 2000);
    expect(events('fps')).toHaveLength(2);
  });

  it('requires auth when a token check is configured', () => {
    const { connection, last, json, run, events } = setup({ verifyToken: (token) => token === 'secret' });
    connection.handle({ type: 'ping' });
    expect(last()).toEqual({ type: 'pong', timestamp: '2025-12-02T10:30:00.000Z' });
    connection.handle({ type: 'subscribe', events: ['fps'] });
    expect(last()).toMatchObject({ type: 'error', code: 'INVALID_TOKEN' });
    connection.handle({ type: 'auth', token: 'guess' });
    expect(last()).toMatchObject({ type: 'auth_failed', reason: 'Invalid token' });
    connection.handle({ type: 'get_snapshot' });
    expect(last()).toMatchObject({ type: 'error', code: 'INVALID_TOKEN' });
    run(0, 500);
    expect(events('fps')).toHaveLength(0);
    connection.handle({ type: 'auth', token: 'secret' });
    expect(last()).toEqual({ type: 'auth_success', client_id: connection.id, timestamp: '2025-12-02T10:30:00.000Z' });
    expect(connection.id).toMatch(/^client_\d+$/);
    connection.handle({ type: 'get_snapshot' });
    expect(last()).toEqual({
      type: 'snapshot', timestamp: '2025-12-02T10:30:00.000Z',
      data: { fps: 90, memory_mb: 512, player_count: 1, scene: 'test_arena', vr_active: false },
    });
    expect(json().filter((m) => m.type === 'error')).toHaveLength(2);
  });

  it('trusts connections opened authenticated', () => {
    const { connection, last } = setup({ verifyToken: () => false, authenticated: true });
    connection.handle({ type: 'subscribe', events: ['warning'] });
    expect(last()).toMatchObject({ type: 'subscribed' });
  });

  it('sends fps as a 17-byte packet in binary mode', () => {
    const { connection, sent, hub } = setup();
    connection.handle({ type: 'configure', config: { fps_binary: true } });
    connection.handle({ type: 'subscribe', events: ['fps'] });
    hub.frame(0);
    const packet = sent.at(-1);
    expect(packet).toBeInstanceOf(ArrayBuffer);
    expect((packet as ArrayBuffer).byteLength).toBe(17);
    expect(decodeFpsPacket(packet as ArrayBuffer)).toEqual({
      fps: 90, frame_time_ms: Math.fround(11.1), physics_time_ms: 2.5, render_time_ms: Math.fround(8.6),
    });
  });

  it('emits discrete events only to their subscribers', () => {
    const { hub, connection, events } = setup();
    const other: TelemetryOutput[] = [];
    hub.open((msg) => other.push(msg)).handle({ type: 'subscribe', events: ['terrain_modified'] });
    connection.handle({ type: 'subscribe', events: ['error'] });
    expect(hub.wants('warning')).toBe(false);
    hub.emit('warning', { message: 'nobody listens' });
    hub.emit('error', { message: 'chunk worker died', source: 'worker_pool' });
    hub.emit('terrain_modified', { position: { x: 1, y: 2, z: 3 }, radius: 2, strength: 1, operation: 'add', voxels_modified: 9, sequence: 1 });
    expect(events('error')).toEqual([{ type: 'event', event: 'error', data: { message: 'chunk worker died', source: 'worker_pool' }, timestamp: '2025-12-02T10:30:00.000Z' }]);
    expect(events('warning')).toHaveLength(0);
    expect(events('terrain_modified')).toHaveLength(0);
    expect(other.at(-1)).toMatchObject({ type: 'event', event: 'terrain_modified', data: { radius: 2 } });
  });

  it('types each event\'s payload by the event map (checked by tsc)', () => {
    const { hub, sent } = setup();
    const count = sent.length;
    // @ts-expect-error scene_loaded carries scene_path, load_time_ms and reload
    hub.emit('scene_loaded', { scene: 'test_arena' });
    // @ts-expect-error an error event needs a message
    hub.emit('error', { source: 'worker_pool' });
    expect(sent).toHaveLength(count); // not subscribed: nothing goes out either way
  });

  it('delivers nothing after close', () => {
    const { hub, connection, sent, run } = setup();
    connection.handle({ type: 'subscribe', events: ['fps', 'scene_loaded'] });
    expect(hub.connections).toBe(1);
    connection.close();
    expect(hub.connections).toBe(0);
    const count = sent.length;
    run(0, 2000);
    hub.emit('scene_loaded', { scene_path: 'res://scenes/test_arena.tscn', load_time_ms: 12, reload: false });
    connection.handle({ type: 'ping' });
    expect(sent).toHaveLength(count);
    expect(hub.wants('fps')).toBe(false);
  });

  it('drops a connection whose send throws without breaking the others', () => {
    const hub = new TelemetryHub(source, { clock });
    const good: TelemetryOutput[] = [];
    let broken = false;
    const bad = hub.open(() => { if (broken) throw new Error('socket closed'); });
    hub.open((msg) => good.push(msg)).handle({ type: 'subscribe', events: ['fps'] });
    bad.handle({ type: 'subscribe', events: ['fps'] });
    broken = true;
    expect(() => hub.frame(0)).not.toThrow();
    expect(hub.connections).toBe(1);
    expect(good.at(-1)).toMatchObject({ type: 'event', event: 'fps' });
  });

});
