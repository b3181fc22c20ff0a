import { describe, expect, it } from 'vitest';
import {
  CREATURE_RECORD_BYTES, creatureRecordCount, recordHealth01, recordNumber, recordState, recordVx, recordVy, recordVz, recordX, recordY, recordZ, writeCreatureRecord,
} from './creature-codec.ts';

describe('creature position records', () => {
  it('round-trips two records within float32 and cm/s precision', () => {
    const buf = new Uint8Array(2 * CREATURE_RECORD_BYTES);
    const v = new DataView(buf.buffer);
    writeCreatureRecord(v, 0, 7, 100.25, 12.5, -40.125, 1.234, 0, -5.5, 1, 0.5);
    writeCreatureRecord(v, 1, 123456, -999.5, 3, 7, 500, -500, 0, 5, 2);
    expect(creatureRecordCount(buf)).toBe(2);
    expect([recordNumber(v, 0), recordX(v, 0), recordY(v, 0), recordZ(v, 0)]).toEqual([7, 100.25, 12.5, -40.125]);
    expect([recordVx(v, 0), recordVy(v, 0), recordVz(v, 0), recordState(v, 0)]).toEqual([1.23, 0, -5.5, 1]);
    expect(recordHealth01(v, 0)).toBeCloseTo(0.5, 2);
    expect([recordNumber(v, 1), recordVx(v, 1), recordVy(v, 1), recordState(v, 1), recordHealth01(v, 1)]).toEqual([123456, 327.67, -327.68, 5, 1]);
  });

  it('refuses partial, empty and oversized messages', () => {
    expect(creatureRecordCount(new Uint8Array(0))).toBe(-1);
    expect(creatureRecordCount(new Uint8Array(CREATURE_RECORD_BYTES + 1))).toBe(-1);
    expect(creatureRecordCount(new Uint8Array(CREATURE_RECORD_BYTES * 2049))).toBe(-1);
  });
});
