import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { WIRE_PARSER } from '../../src/protocol/net/wire.ts';
import { POSE_HEADROOM, writePoseFrameHeader } from '../src/socket/pose-frame.ts';

// ws as engine.io itself loads it: the frames engine.io would have written are the reference.
const requireFromEngine = createRequire(createRequire(import.meta.url).resolve('engine.io'));
const { Sender } = requireFromEngine('ws') as { Sender: { frame(data: Buffer, o: object): Buffer[] } };

function librariesFrame(records: Buffer): Buffer {
  const [packet] = new WIRE_PARSER.Encoder().encode({ type: 2, nsp: '/', data: ['sync_player_position', records] }) as unknown as [ArrayBuffer | Uint8Array];
  const payload = Buffer.from(packet instanceof Uint8Array ? packet : new Uint8Array(packet));
  return Buffer.concat(Sender.frame(payload, { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false }));
}

describe('pose frames written straight to the socket', () => {
  // 16 B (one pose), 112 B (frame length just under 126), 320 B (bin16), 8 KB, 70,000 B (64-bit frame length, bin32).
  it.each([16, 80, 112, 320, 8192, 70_000])('match the frame ws and the msgpack parser make, for %i record bytes', (n) => {
    const records = Buffer.alloc(n);
    for (let i = 0; i < n; i++) records[i] = (i * 131 + 7) & 0xff;
    const buf = Buffer.alloc(POSE_HEADROOM + n, 0xee);
    records.copy(buf, POSE_HEADROOM);
    const start = writePoseFrameHeader(buf, POSE_HEADROOM, n);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(buf.subarray(start).equals(librariesFrame(records))).toBe(true);
  });

  it('decodes back to the event and its bytes with the parser the clients use', () => {
    const records = Buffer.from([1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0, 15]);
    const buf = Buffer.alloc(POSE_HEADROOM + 16);
    records.copy(buf, POSE_HEADROOM);
    const start = writePoseFrameHeader(buf, POSE_HEADROOM, 16);
    const frame = buf.subarray(start);
    expect(frame[0]).toBe(0x82);
    const payload = frame.subarray(2);
    expect(frame[1]).toBe(payload.length);
    const decoder = new WIRE_PARSER.Decoder();
    let got: { type: number; nsp: string; data: [string, Uint8Array] } | undefined;
    decoder.on('decoded', (p: typeof got) => { got = p; });
    decoder.add(payload);
    expect(got?.type).toBe(2);
    expect(got?.nsp).toBe('/');
    expect(got?.data[0]).toBe('sync_player_position');
    expect(Buffer.from(got!.data[1]).equals(records)).toBe(true);
  });
});
