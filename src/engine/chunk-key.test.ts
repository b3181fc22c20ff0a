import { describe, expect, it } from 'vitest';
import { chunkKey, keyToCoord } from './chunk-key.ts';

describe('chunkKey', () => {
  it('is the integer ((cx+512)*1024 + (cy+512))*1024 + (cz+512)', () => {
    expect(chunkKey(0, 0, 0)).toBe(512 * 1048576 + 512 * 1024 + 512);
    expect(chunkKey(-512, -512, -512)).toBe(0);
    expect(chunkKey(511, 511, 511)).toBe(1024 ** 3 - 1);
    expect(chunkKey(3, -2, -7)).toBe((515 * 1024 + 510) * 1024 + 505);
  });

  it('round-trips through keyToCoord, including negative and edge coordinates', () => {
    for (const c of [[0, 0, 0], [-1, -1, -1], [1, -2, 7], [-128, 7, 127], [-512, 511, -512], [511, -512, 511]] as const) {
      expect(keyToCoord(chunkKey(c[0], c[1], c[2]))).toEqual([...c]);
    }
  });

  it('gives every chunk of the world its own key, ordered cx, then cy, then cz', () => {
    const seen = new Set<number>();
    let last = -1;
    for (let cx = -130; cx <= 130; cx += 13) {
      for (let cy = -3; cy <= 8; cy++) {
        for (let cz = -130; cz <= 130; cz += 13) {
          const k = chunkKey(cx, cy, cz);
          expect(k).toBeGreaterThan(last);
          last = k;
          seen.add(k);
        }
      }
    }
    expect(seen.size).toBe(21 * 12 * 21);
  });
});
