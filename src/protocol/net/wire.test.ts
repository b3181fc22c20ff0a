import { describe, expect, it } from 'vitest';
import { WIRE_PARSER } from './wire.ts';

/** Encodes `data` as an event packet and decodes it again, as a receiver would. */
function roundTrip(data: unknown[]): { frames: number; data: unknown[] } {
  const frames = new WIRE_PARSER.Encoder().encode({ type: 2, nsp: '/', data }) as unknown as unknown[];
  const decoder = new WIRE_PARSER.Decoder();
  let out: unknown[] = [];
  decoder.on('decoded', (p: { data: unknown[] }) => { out = p.data; });
  for (const f of frames) decoder.add(f);
  return { frames: frames.length, data: out };
}

describe('wire (msgpack)', () => {
  it('sends an event with bytes as one frame', () => {
    const { frames, data } = roundTrip(['sync_player_position', new Uint8Array([1, 2, 3])]);
    expect(frames).toBe(1);
    expect(data[0]).toBe('sync_player_position');
    expect(data[1]).toBeInstanceOf(Uint8Array);
    expect([...(data[1] as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it('writes only the viewed bytes of a subarray, an ArrayBuffer and a nested DataView', () => {
    const backing = new Uint8Array(32).map((_, i) => i);
    const { data } = roundTrip(['x', backing.subarray(4, 20), backing.buffer.slice(0, 2), { chunk: { data: new DataView(backing.buffer, 30, 2) } }]);
    expect([...(data[1] as Uint8Array)]).toEqual([...backing.subarray(4, 20)]);
    expect([...(data[2] as Uint8Array)]).toEqual([0, 1]);
    expect([...((data[3] as { chunk: { data: Uint8Array } }).chunk.data)]).toEqual([30, 31]);
  });

  it('keeps JSON semantics: undefined properties dropped, dates as ISO strings; the input is not mutated', () => {
    const when = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const payload = { a: 1, b: undefined, at: when, list: [{ c: undefined, d: 'x' }] };
    const { data } = roundTrip(['e', payload]);
    expect(data[1]).toEqual({ a: 1, at: '2026-01-02T03:04:05.000Z', list: [{ d: 'x' }] });
    expect(Object.keys(data[1] as object)).not.toContain('b');
    expect(payload.at).toBe(when);
    expect('b' in payload).toBe(true);
  });
});
