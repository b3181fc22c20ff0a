import { describe, expect, it } from 'vitest';
import { FIELD_VOLUME } from '../protocol/world.ts';
import type { BrushEdit } from '../protocol/terrain.ts';
import { VoxelStore } from './voxel-store.ts';
import { createMesher } from './surface-nets.ts';

const SEED = 42;

/** Edits straddling the corner of chunks around (0,0,0) near the surface. */
function editsNear(store: VoxelStore): BrushEdit[] {
  const h = Math.floor(store.columnInfo(0, 0).height);
  return [
    { position: { x: 0.5, y: h, z: 0.5 }, radius: 6, strength: 8, operation: 'remove' },
    { position: { x: -2, y: h + 2, z: 3 }, radius: 5, strength: 6, operation: 'add' },
    { position: { x: 1, y: h, z: -1 }, radius: 4, strength: 10, operation: 'smooth' },
  ];
}

function hashesAround(store: VoxelStore, cy: number): string[] {
  const out: string[] = [];
  for (let cx = -1; cx <= 1; cx++) for (let y = cy - 1; y <= cy + 1; y++) for (let cz = -1; cz <= 1; cz++) out.push(store.chunkHash(cx, y, cz));
  return out;
}

describe('voxel store', () => {
  it('same seed + same edits give identical hashes whatever the read order', () => {
    const a = new VoxelStore(SEED), b = new VoxelStore(SEED);
    const edits = editsNear(a);
    const cy = Math.floor(edits[0].position.y / 32);
    const d = new Int8Array(FIELD_VOLUME), m = new Uint8Array(FIELD_VOLUME);
    // Store a reads chunks first, in reverse order, and materialises some; b reads nothing.
    for (let cx = 1; cx >= -1; cx--) for (let y = cy + 1; y >= cy - 1; y--) for (let cz = 1; cz >= -1; cz--) a.readField(cx, y, cz, d, m);
    a.ensureChunk(1, cy, 1);
    for (const e of edits) a.applyEdit(e);
    for (const e of edits) b.applyEdit(e);
    expect(hashesAround(a, cy)).toEqual(hashesAround(b, cy));
    expect(a.editCount()).toBe(3);
  });

  it('edit order matters for overlapping edits', () => {
    const a = new VoxelStore(SEED), b = new VoxelStore(SEED);
    const [e1, e2] = editsNear(a);
    a.applyEdit(e1); a.applyEdit(e2);
    b.applyEdit(e2); b.applyEdit(e1);
    const cy = Math.floor(e1.position.y / 32);
    expect(hashesAround(a, cy)).not.toEqual(hashesAround(b, cy));
  });

  it('remove lowers density, add raises it, counts changed voxels and the log sequence', () => {
    const s = new VoxelStore(SEED);
    const h = Math.floor(s.columnInfo(10, 10).height);
    const below = { x: 10, y: h - 3, z: 10 };
    const before = s.sample(below.x, below.y, below.z).density;
    const r1 = s.applyEdit({ position: below, radius: 3, strength: 10, operation: 'remove' });
    expect(s.sample(below.x, below.y, below.z).density).toBeLessThan(before);
    expect(r1.voxelsModified).toBeGreaterThan(0);
    expect(r1.sequence).toBe(1);
    const air = { x: 10, y: h + 30, z: 10 };
    const r2 = s.applyEdit({ position: air, radius: 3, strength: 10, operation: 'add' });
    const v = s.sample(air.x, air.y, air.z);
    expect(v.density).toBeGreaterThan(0);
    expect(v.material).toBeGreaterThan(0);
    expect(r2.sequence).toBe(2);
  });

  it('an edit on a chunk corner touches the neighbours and meshes stay seamless', () => {
    const s = new VoxelStore(SEED);
    const h = Math.round(s.columnInfo(32, 32).height);
    const cyC = Math.floor(h / 32);
    // Surface at the chunk corner x = z = 32; put the brush right on it.
    const out = s.applyEdit({ position: { x: 32, y: h, z: 32 }, radius: 4, strength: 10, operation: 'remove' });
    const touched = new Set<string>();
    for (let i = 0; i < out.touched.length; i += 3) touched.add(out.touched.slice(i, i + 3).join(','));
    for (const k of [`0,${cyC},0`, `1,${cyC},0`, `0,${cyC},1`, `1,${cyC},1`]) expect(touched.has(k), k).toBe(true);
    // Shared border between chunk (0,cy,0) and (1,cy,0): the plane world x = 31..32 cell column.
    const d = new Int8Array(FIELD_VOLUME), m = new Uint8Array(FIELD_VOLUME);
    const verts = (cx: number, cz: number) => {
      const me = createMesher();
      s.readField(cx, cyC, cz, d, m);
      const c = me.mesh(d, m);
      const list: string[] = [];
      for (let v = 0; v < c.vertexCount; v++) {
        const wx = me.positions[v * 3] + cx * 32, wy = me.positions[v * 3 + 1] + cyC * 32, wz = me.positions[v * 3 + 2] + cz * 32;
        // Cells with min corner at world x = 31 are shared (field 32 in chunk 0, field 0 in chunk 1).
        if (wx > 31 && wx < 32 && wz >= 0 && wz < 32) list.push([wx, wy, wz, me.materials[v]].map((n) => n.toFixed(4)).join(','));
      }
      return list.sort();
    };
    const left = verts(0, 0), right = verts(1, 0);
    expect(left.length).toBeGreaterThan(0);
    expect(left).toEqual(right);
  });

  it('chunks far above the terrain read as air', () => {
    const s = new VoxelStore(SEED);
    const d = new Int8Array(FIELD_VOLUME), m = new Uint8Array(FIELD_VOLUME);
    s.readField(0, 7, 0, d, m);
    expect(d.every((v) => v === -127)).toBe(true);
  });

  it('info reports normalised density, material, biome and temperature', () => {
    const s = new VoxelStore(SEED);
    const h = s.columnInfo(5, 5).height;
    let y = Math.floor(h) - 2;
    while (s.sample(5, y, 5).density < 127) y--; // step past any cave right under the surface
    const deep = s.info({ x: 5, y, z: 5 });
    expect(deep.density).toBeGreaterThan(0);
    expect(deep.density).toBeLessThanOrEqual(1);
    expect(deep.material).not.toBe('air');
    const sky = s.info({ x: 5, y: h + 40, z: 5 });
    expect(sky.density).toBe(-1);
    expect(sky.material).toBe('air');
    expect(sky.temperature).toBeLessThan(deep.temperature);
  });
});
