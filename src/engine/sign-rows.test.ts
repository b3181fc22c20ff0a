import { describe, expect, it } from 'vitest';
import { FIELD_VOLUME } from '../protocol/world.ts';
import { hash3 } from './noise.ts';
import { createSignRows } from './sign-rows.ts';
import { createMesher } from './surface-nets.ts';

/** A pseudo-random field with zeros, -128 and +127 edge values, aligned and at byte offset 1. */
function fields(): [Int8Array, Int8Array] {
  const aligned = new Int8Array(FIELD_VOLUME);
  const shifted = new Int8Array(new ArrayBuffer(FIELD_VOLUME + 1), 1, FIELD_VOLUME);
  const special = [0, -128, 127, 1, -1];
  for (let i = 0; i < FIELD_VOLUME; i++) {
    const h = hash3(99, i, 0, 0);
    const v = (h & 7) === 0 ? special[(h >>> 3) % 5] : ((h >>> 8) & 255) - 128;
    aligned[i] = v;
    shifted[i] = v;
  }
  return [aligned, shifted];
}

describe('sign rows', () => {
  it('SWAR and scalar paths agree bit for bit', () => {
    const [a, b] = fields();
    const sa = createSignRows(), sb = createSignRows();
    sa.compute(a);
    sb.compute(b); // byteOffset 1 forces the scalar path
    expect(Array.from(sa.lo)).toEqual(Array.from(sb.lo));
    expect(Array.from(sa.hi)).toEqual(Array.from(sb.hi));
    // Spot-check against the definition.
    for (const r of [0, 1, 577, 1155]) for (let x = 0; x < 34; x++) {
      const bit = x < 32 ? (sa.lo[r] >>> x) & 1 : (sa.hi[r] >>> (x - 32)) & 1;
      expect(bit).toBe(a[r * 34 + x] > 0 ? 1 : 0);
    }
  });

  it('the mesher gives identical output for both paths on a noisy field', () => {
    const [a, b] = fields();
    const mat = new Uint8Array(FIELD_VOLUME).fill(1);
    const ma = createMesher(), mb = createMesher();
    const ca = ma.mesh(a, mat), cb = mb.mesh(b, mat);
    expect(ca.vertexCount).toBeGreaterThan(1000);
    expect([ca.vertexCount, ca.indexCount]).toEqual([cb.vertexCount, cb.indexCount]);
    expect(ma.positions.subarray(0, ca.vertexCount * 3)).toEqual(mb.positions.subarray(0, cb.vertexCount * 3));
    expect(ma.indices.subarray(0, ca.indexCount)).toEqual(mb.indices.subarray(0, cb.indexCount));
  });
});
