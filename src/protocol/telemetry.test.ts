import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TELEMETRY_CONFIG, FPS_PACKET_BYTES, FPS_PACKET_TYPE, TELEMETRY_EVENTS, TelemetryClientMessageSchema,
  decodeFpsPacket, encodeFpsPacket, parseTelemetryClientMessage, type FpsData,
} from './telemetry.ts';

// Float32 bit patterns written out by hand (sign | exponent | mantissa), little-endian on the wire.
const F32_90 = [0x00, 0x00, 0xb4, 0x42]; // 90.0  = 0x42B40000
const F32_12_5 = [0x00, 0x00, 0x48, 0x41]; // 12.5  = 0x41480000
const F32_2_5 = [0x00, 0x00, 0x20, 0x40]; // 2.5   = 0x40200000
const F32_8_75 = [0x00, 0x00, 0x0c, 0x41]; // 8.75  = 0x410C0000

const exact: FpsData = { fps: 90, frame_time_ms: 12.5, physics_time_ms: 2.5, render_time_ms: 8.75 };
const expectedBytes = [0x01, ...F32_90, ...F32_12_5, ...F32_2_5, ...F32_8_75];

describe('FPS binary packet', () => {
  it('encodes the seed layout byte for byte', () => {
    expect(FPS_PACKET_TYPE).toBe(1);
    expect(FPS_PACKET_BYTES).toBe(17);
    const packet = encodeFpsPacket(exact);
    expect(packet.byteLength).toBe(17);
    expect([...new Uint8Array(packet)]).toEqual(expectedBytes);
  });

  it('decodes hand-written bytes', () => {
    expect(decodeFpsPacket(new Uint8Array(expectedBytes))).toEqual(exact);
    expect(decodeFpsPacket(new Uint8Array(expectedBytes).buffer)).toEqual(exact);
  });

  it('decodes a view that sits inside a larger buffer', () => {
    const backing = new Uint8Array(40);
    backing.set(expectedBytes, 7);
    expect(decodeFpsPacket(backing.subarray(7, 24))).toEqual(exact);
  });

  it('round trips to float32 precision', () => {
    const seedExample: FpsData = { fps: 90.0, frame_time_ms: 11.1, physics_time_ms: 2.5, render_time_ms: 8.6 };
    const decoded = decodeFpsPacket(encodeFpsPacket(seedExample));
    expect(decoded).toEqual({
      fps: 90, frame_time_ms: Math.fround(11.1), physics_time_ms: 2.5, render_time_ms: Math.fround(8.6),
    });
  });

  it('reuses a caller buffer and refuses one of the wrong size', () => {
    const out = new ArrayBuffer(17);
    expect(encodeFpsPacket(exact, out)).toBe(out);
    expect(() => encodeFpsPacket(exact, new ArrayBuffer(16))).toThrow(RangeError);
  });

  it('rejects a wrong type byte or length', () => {
    const wrongType = Uint8Array.from(expectedBytes);
    wrongType[0] = 0x02;
    expect(decodeFpsPacket(wrongType)).toBeNull();
    expect(decodeFpsPacket(new Uint8Array(expectedBytes.slice(0, 16)))).toBeNull();
    expect(decodeFpsPacket(new Uint8Array([...expectedBytes, 0]))).toBeNull();
    expect(decodeFpsPacket(new ArrayBuffer(0))).toBeNull();
  });
});

describe('TelemetryClientMessageSchema', () => {
  const seedExamples = [
    { type: 'auth', token: 'your_api_token_here' },
    { type: 'subscribe', events: ['fps', 'vr_tracking', 'player_position'] },
    { type: 'unsubscribe', events: ['fps'] },
    { type: 'get_snapshot' },
    { type: 'configure', config: { fps_enabled: true, fps_interval: 1.0, vr_tracking_enabled: true, tracking_interval: 0.1 } },
    { type: 'ping' },
  ];

  it.each(seedExamples)('accepts the seed example $type', (message) => {
    expect(TelemetryClientMessageSchema.safeParse(message).success).toBe(true);
  });

  it('accepts every event type and the full config', () => {
    expect(TelemetryClientMessageSchema.safeParse({ type: 'subscribe', events: [...TELEMETRY_EVENTS] }).success).toBe(true);
    expect(TelemetryClientMessageSchema.safeParse({ type: 'configure', config: { ...DEFAULT_TELEMETRY_CONFIG } }).success).toBe(true);
  });

  it.each([
    ['unknown type', { type: 'shout' }],
    ['extra field', { type: 'ping', loud: true }],
    ['unknown event', { type: 'subscribe', events: ['fps', 'gossip'] }],
    ['empty event list', { type: 'subscribe', events: [] }],
    ['events not a list', { type: 'unsubscribe', events: 'fps' }],
    ['token not a string', { type: 'auth', token: 42 }],
    ['fps_interval too short', { type: 'configure', config: { fps_interval: 0.01 } }],
    ['tracking_interval too long', { type: 'configure', config: { tracking_interval: 61 } }],
    ['position_interval not a number', { type: 'configure', config: { position_interval: '0.1' } }],
    ['unknown config field', { type: 'configure', config: { fps_enabled: true, turbo: true } }],
    ['not an object', 'ping'],
    ['null', null],
  ])('rejects %s', (_name, message) => {
    expect(TelemetryClientMessageSchema.safeParse(message).success).toBe(false);
  });

  it('maps missing fields to MISSING_PARAMETER and bad ones to INVALID_PARAMETER', () => {
    const code = (raw: unknown) => {
      const result = parseTelemetryClientMessage(raw);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(code({ type: 'ping' })).toBe('ok');
    expect(code({})).toBe('MISSING_PARAMETER');
    expect(code({ type: 'auth' })).toBe('MISSING_PARAMETER');
    expect(code({ type: 'configure' })).toBe('MISSING_PARAMETER');
    expect(code({ type: 'auth', token: 1 })).toBe('INVALID_PARAMETER');
    expect(code({ type: 'configure', config: { fps_interval: 0 } })).toBe('INVALID_PARAMETER');
    expect(code('ping')).toBe('INVALID_PARAMETER');
  });
});
