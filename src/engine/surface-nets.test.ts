import { describe, expect, it } from 'vitest';
import { FIELD_SIZE, FIELD_VOLUME } from '../protocol/world.ts';
import { createMesher, type Mesher } from './surface-nets.ts';
import { toChunkMesh } from './chunk-mesh.ts';

const F = FIELD_SIZE;

/** Fills a field from a signed function of local coordinates (field index 1 = local 0). */
function field(fn: (x: number, y: number, z: number) => number): { d: Int8Array; m: Uint8Array } {
  const d = new Int8Array(FIELD_VOLUME), m = new Uint8Array(FIELD_VOLUME);
  for (let z = 0; z < F; z++) for (let y = 0; y < F; y++) for (let x = 0; x < F; x++) {
    const v = Math.max(-127, Math.min(127, Math.round(fn(x - 1, y - 1, z - 1))));
    d[x + y * F + z * F * F] = v;
    m[x + y * F + z * F * F] = v > 0 ? 1 + (y % 3) : 0;
  }
  return { d, m };
}

/** Checks every triangle's geometric normal agrees with the vertex normals (winding CCW from air). */
function checkWindingAndNormals(me: Mesher, ni: number): void {
  const p = me.positions, n = me.normals, idx = me.indices;
  for (let t = 0; t < ni; t += 3) {
    const a = idx[t] * 3, b = idx[t + 1] * 3, c = idx[t + 2] * 3;
    const ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
    const vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
    const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
    const nx = n[a] + n[b] + n[c], ny = n[a + 1] + n[b + 1] + n[c + 1], nz = n[a + 2] + n[b + 2] + n[c + 2];
    expect(cx * nx + cy * ny + cz * nz).toBeGreaterThan(0);
  }
}

describe('surface nets', () => {
  it('meshes a flat plane: one vertex per column, up normals, 2 triangles per owned cell', () => {
    const me = createMesher();
    const { d, m } = field((_x, y) => (10.5 - y) * 24);
    const c = me.mesh(d, m);
    expect(c.vertexCount).toBe(33 * 33);
    expect(c.indexCount).toBe(32 * 32 * 6);
    for (let v = 0; v < c.vertexCount; v++) {
      expect(me.positions[v * 3 + 1]).toBeCloseTo(10.5, 5);
      expect(me.normals[v * 3 + 1]).toBeCloseTo(1, 5);
    }
    checkWindingAndNormals(me, c.indexCount);
  });

  it('meshes a sphere closed, with outward unit normals and surface materials', () => {
    const me = createMesher();
    const { d, m } = field((x, y, z) => (9 - Math.sqrt((x - 15.5) ** 2 + (y - 15.5) ** 2 + (z - 15.5) ** 2)) * 24);
    const c = me.mesh(d, m);
    expect(c.vertexCount).toBeGreaterThan(500);
    expect(c.vertexCount).toBeLessThan(2000);
    // Closed 2-manifold of genus 0: V - E + F = 2, with E = 3F/2 for triangles.
    const faces = c.indexCount / 3;
    expect(c.vertexCount - faces * 1.5 + faces).toBe(2);
    for (let v = 0; v < c.vertexCount; v++) {
      const px = me.positions[v * 3] - 15.5, py = me.positions[v * 3 + 1] - 15.5, pz = me.positions[v * 3 + 2] - 15.5;
      const r = Math.sqrt(px * px + py * py + pz * pz);
      expect(Math.abs(r - 9)).toBeLessThan(0.3);
      const nx = me.normals[v * 3], ny = me.normals[v * 3 + 1], nz = me.normals[v * 3 + 2];
      expect(Math.sqrt(nx * nx + ny * ny + nz * nz)).toBeCloseTo(1, 5);
      expect((nx * px + ny * py + nz * pz) / r).toBeGreaterThan(0.9);
      expect(me.materials[v]).toBeGreaterThan(0);
    }
    checkWindingAndNormals(me, c.indexCount);
  });

  it('emits nothing for all-air or all-solid fields and reuses its outputs', () => {
    const me = createMesher();
    const air = field(() => -50), solid = field(() => 50);
    expect(me.mesh(air.d, air.m).vertexCount).toBe(0);
    const c = me.mesh(solid.d, solid.m);
    expect(c.indexCount).toBe(0);
    expect(me.mesh(air.d, air.m)).toBe(c); // same counts object: no allocation per call
  });

  it('truncates safely when capacity is too small', () => {
    const me = createMesher(100);
    const { d, m } = field((_x, y) => (10.5 - y) * 24);
    const c = me.mesh(d, m);
    expect(c.overflow).toBe(true);
    for (let i = 0; i < c.indexCount; i++) expect(me.indices[i]).toBeLessThan(c.vertexCount);
  });

  it('toChunkMesh copies exact-length arrays', () => {
    const me = createMesher();
    const { d, m } = field((_x, y) => (3.2 - y) * 24);
    const mesh = toChunkMesh(me.mesh(d, m), me, 1, 2, 3, 7);
    expect(mesh.positions.length).toBe(33 * 33 * 3);
    expect(mesh.materials.length).toBe(33 * 33);
    expect(mesh.indices.length).toBe(32 * 32 * 6);
    expect(mesh.positions.buffer).not.toBe(me.positions.buffer);
    expect([mesh.cx, mesh.cy, mesh.cz, mesh.version]).toEqual([1, 2, 3, 7]);
  });
});
