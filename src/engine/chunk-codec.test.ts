import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import type { BrushEdit } from '../protocol/terrain.ts';
import { VoxelStore } from './voxel-store.ts';
import { CHUNK_BYTES, chunkBytes, decodeChunk, encodeChunk } from './chunk-codec.ts';

const SEED = 7;

function editedStore(): { store: VoxelStore; cy: number } {
  const store = new VoxelStore(SEED);
  const h = Math.floor(store.columnInfo(0, 0).height);
  const edits: BrushEdit[] = [
    { position: { x: 0.5, y: h, z: 0.5 }, radius: 6, strength: 8, operation: 'remove' },
    { position: { x: -2, y: h + 2, z: 3 }, radius: 5, strength: 6, operation: 'add' },
  ];
  for (const e of edits) store.applyEdit(e);
  return { store, cy: Math.floor(h / 32) };
}

describe('chunk codec', () => {
  it('encode → decode → loadChunk reproduces the chunk hash of edited and generated chunks', () => {
    const { store, cy } = editedStore();
    const fresh = new VoxelStore(SEED);
    for (const [cx, cz] of [[0, 0], [-1, 0], [0, -1], [3, 3]]) {
      const enc = encodeChunk(chunkBytes(store, cx, cy, cz));
      expect(enc.length).toBeLessThan(CHUNK_BYTES);
      const dec = decodeChunk(enc);
      if (!dec.ok) throw new Error(dec.error.message);
      fresh.loadChunk(cx, cy, cz, dec.value);
      expect(fresh.chunkHash(cx, cy, cz)).toBe(store.chunkHash(cx, cy, cz));
    }
    // A loaded snapshot is state, not an edit.
    expect(fresh.editCount()).toBe(0);
  });

  it('chunkBytes fills a caller buffer and matches a generated chunk', () => {
    const a = new VoxelStore(SEED), b = new VoxelStore(SEED);
    const out = new Uint8Array(CHUNK_BYTES);
    chunkBytes(a, 1, 0, 1, out);
    b.loadChunk(1, 0, 1, out);
    expect(b.chunkHash(1, 0, 1)).toBe(a.chunkHash(1, 0, 1));
  });

  it('refuses bad buffers without throwing', () => {
    expect(decodeChunk(new Uint8Array(0)).ok).toBe(false);
    expect(decodeChunk(new Uint8Array([1, 2, 3, 4, 5])).ok).toBe(false);
    expect(decodeChunk(deflateSync(new Uint8Array(CHUNK_BYTES - 1))).ok).toBe(false);
    expect(decodeChunk(deflateSync(new Uint8Array(CHUNK_BYTES * 4))).ok).toBe(false);
    expect(decodeChunk('nope' as unknown as Uint8Array).ok).toBe(false);
    expect(() => new VoxelStore(SEED).loadChunk(0, 0, 0, new Uint8Array(10))).toThrow(RangeError);
  });
});
