import { CHUNK_SIZE } from '../protocol/world.ts';
import type { ChunkMesh } from '../protocol/terrain.ts';
import { chunkKey } from '../engine/chunk-key.ts';

export interface RayHit {
  hit: boolean;
  distance: number;
  x: number; y: number; z: number;
  nx: number; ny: number; nz: number;
}

interface ChunkTriangles {
  ox: number; oy: number; oz: number;
  /** Bounds of the chunk's vertices, chunk-local: a ray that misses them skips every triangle. */
  box: Float32Array;
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
}

const EPS = 1e-7;
/** A chunk's triangles reach this far (a voxel, plus margin) into the neighbouring chunks. */
const NEAR_FACE = 1.5;

/** Whether the ray's coordinate on one axis over [t0, t1] comes within NEAR_FACE of chunk c's low face. */
const nearLowFace = (p: number, d: number, c: number, t0: number, t1: number) =>
  Math.min(p + d * t0, p + d * t1) - c * CHUNK_SIZE < NEAR_FACE;
const nearHighFace = (p: number, d: number, c: number, t0: number, t1: number) =>
  (c + 1) * CHUNK_SIZE - Math.max(p + d * t0, p + d * t1) < NEAR_FACE;

/**
 * Ray cast against the CPU copies of chunk meshes: walks the chunk grid along the ray (3D DDA) and
 * tests the triangles of each chunk it enters, nearest chunk first. Allocation-free per call.
 */
export class TerrainRaycaster {
  private readonly chunks = new Map<number, ChunkTriangles>();
  /** Chunks already tested in the current cast (reused, so a cast allocates nothing). */
  private readonly tested = new Set<number>();

  /** Keeps a chunk's triangles under `key` = chunkKey(m.cx, m.cy, m.cz); `box` is its vertex bounds (chunkBounds) when the caller has them. */
  set(key: number, m: ChunkMesh, box: Float32Array = chunkBounds(m.positions)): void {
    this.chunks.set(key, {
      ox: m.cx * CHUNK_SIZE, oy: m.cy * CHUNK_SIZE, oz: m.cz * CHUNK_SIZE,
      box, positions: m.positions, normals: m.normals, indices: m.indices,
    });
  }

  remove(key: number): void {
    this.chunks.delete(key);
  }

  /** Casts from (px,py,pz) along the unit direction (dx,dy,dz); writes the nearest hit into `out`. */
  cast(px: number, py: number, pz: number, dx: number, dy: number, dz: number, maxDistance: number, out: RayHit): RayHit {
    out.hit = false;
    out.distance = maxDistance;
    this.tested.clear();
    let cx = Math.floor(px / CHUNK_SIZE), cy = Math.floor(py / CHUNK_SIZE), cz = Math.floor(pz / CHUNK_SIZE);
    const sx = dx > 0 ? 1 : -1, sy = dy > 0 ? 1 : -1, sz = dz > 0 ? 1 : -1;
    // An axis the ray does not move along is never crossed (a zero step would loop on the boundary).
    const tdx = dx === 0 ? Infinity : Math.abs(CHUNK_SIZE / dx);
    const tdy = dy === 0 ? Infinity : Math.abs(CHUNK_SIZE / dy);
    const tdz = dz === 0 ? Infinity : Math.abs(CHUNK_SIZE / dz);
    let tx = dx === 0 ? Infinity : ((sx > 0 ? (cx + 1) * CHUNK_SIZE - px : px - cx * CHUNK_SIZE) / CHUNK_SIZE) * tdx;
    let ty = dy === 0 ? Infinity : ((sy > 0 ? (cy + 1) * CHUNK_SIZE - py : py - cy * CHUNK_SIZE) / CHUNK_SIZE) * tdy;
    let tz = dz === 0 ? Infinity : ((sz > 0 ? (cz + 1) * CHUNK_SIZE - pz : pz - cz * CHUNK_SIZE) / CHUNK_SIZE) * tdz;
    let entered = 0;
    // Triangles reach about one voxel past their chunk, so keep walking a little beyond a hit.
    while (entered <= maxDistance && entered <= out.distance + 2) {
      const exit = Math.min(tx, ty, tz, maxDistance);
      this.testWithNeighbours(cx, cy, cz, entered, exit, px, py, pz, dx, dy, dz, out);
      if (tx < ty && tx < tz) { entered = tx; tx += tdx; cx += sx; }
      else if (ty < tz) { entered = ty; ty += tdy; cy += sy; }
      else { entered = tz; tz += tdz; cz += sz; }
    }
    return out;
  }

  /**
   * Tests chunk (cx,cy,cz) and, where the ray's segment [t0, t1] inside it passes within a voxel of
   * a face, the chunk across that face: a chunk's triangles reach up to a voxel into its neighbours.
   */
  private testWithNeighbours(cx: number, cy: number, cz: number, t0: number, t1: number,
    px: number, py: number, pz: number, dx: number, dy: number, dz: number, out: RayHit): void {
    this.test(cx, cy, cz, px, py, pz, dx, dy, dz, out);
    if (nearLowFace(px, dx, cx, t0, t1)) this.test(cx - 1, cy, cz, px, py, pz, dx, dy, dz, out);
    if (nearHighFace(px, dx, cx, t0, t1)) this.test(cx + 1, cy, cz, px, py, pz, dx, dy, dz, out);
    if (nearLowFace(py, dy, cy, t0, t1)) this.test(cx, cy - 1, cz, px, py, pz, dx, dy, dz, out);
    if (nearHighFace(py, dy, cy, t0, t1)) this.test(cx, cy + 1, cz, px, py, pz, dx, dy, dz, out);
    if (nearLowFace(pz, dz, cz, t0, t1)) this.test(cx, cy, cz - 1, px, py, pz, dx, dy, dz, out);
    if (nearHighFace(pz, dz, cz, t0, t1)) this.test(cx, cy, cz + 1, px, py, pz, dx, dy, dz, out);
  }

  private test(cx: number, cy: number, cz: number, px: number, py: number, pz: number, dx: number, dy: number, dz: number, out: RayHit): void {
    const key = chunkKey(cx, cy, cz);
    if (this.tested.has(key)) return;
    this.tested.add(key);
    const chunk = this.chunks.get(key);
    if (chunk) this.testChunk(chunk, px, py, pz, dx, dy, dz, out);
  }

  private testChunk(c: ChunkTriangles, px: number, py: number, pz: number, dx: number, dy: number, dz: number, out: RayHit): void {
    const p = c.positions, idx = c.indices;
    // Ray origin in chunk-local space.
    const ox = px - c.ox, oy = py - c.oy, oz = pz - c.oz;
    if (!rayMeetsBox(c.box, ox, oy, oz, dx, dy, dz, out.distance)) return;
    for (let i = 0; i < idx.length; i += 3) {
      const a = idx[i] * 3, b = idx[i + 1] * 3, d = idx[i + 2] * 3;
      const e1x = p[b] - p[a], e1y = p[b + 1] - p[a + 1], e1z = p[b + 2] - p[a + 2];
      const e2x = p[d] - p[a], e2y = p[d + 1] - p[a + 1], e2z = p[d + 2] - p[a + 2];
      const hx = dy * e2z - dz * e2y, hy = dz * e2x - dx * e2z, hz = dx * e2y - dy * e2x;
      const det = e1x * hx + e1y * hy + e1z * hz;
      if (det > -EPS && det < EPS) continue;
      const inv = 1 / det;
      const sxv = ox - p[a], syv = oy - p[a + 1], szv = oz - p[a + 2];
      const u = (sxv * hx + syv * hy + szv * hz) * inv;
      if (u < 0 || u > 1) continue;
      const qx = syv * e1z - szv * e1y, qy = szv * e1x - sxv * e1z, qz = sxv * e1y - syv * e1x;
      const v = (dx * qx + dy * qy + dz * qz) * inv;
      if (v < 0 || u + v > 1) continue;
      const t = (e2x * qx + e2y * qy + e2z * qz) * inv;
      if (t <= 0 || t >= out.distance) continue;
      out.hit = true;
      out.distance = t;
      out.x = px + dx * t; out.y = py + dy * t; out.z = pz + dz * t;
      const n = c.normals, w = 1 - u - v;
      out.nx = n[a] * w + n[b] * u + n[d] * v;
      out.ny = n[a + 1] * w + n[b + 1] * u + n[d + 1] * v;
      out.nz = n[a + 2] * w + n[b + 2] * u + n[d + 2] * v;
    }
  }
}

/** min x,y,z then max x,y,z of a position array. */
export function chunkBounds(positions: Float32Array): Float32Array {
  const box = new Float32Array([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity]);
  for (let i = 0; i < positions.length; i += 3) {
    for (let a = 0; a < 3; a++) {
      const v = positions[i + a];
      if (v < box[a]) box[a] = v;
      if (v > box[a + 3]) box[a + 3] = v;
    }
  }
  return box;
}

/** Slab test: does the ray meet the box (padded a little) before maxT? */
function rayMeetsBox(box: Float32Array, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, maxT: number): boolean {
  let t0 = 0, t1 = maxT;
  for (let a = 0; a < 3; a++) {
    const origin = a === 0 ? ox : a === 1 ? oy : oz;
    const dir = a === 0 ? dx : a === 1 ? dy : dz;
    const lo = box[a] - 0.01, hi = box[a + 3] + 0.01;
    if (dir === 0) {
      if (origin < lo || origin > hi) return false;
      continue;
    }
    let near = (lo - origin) / dir, far = (hi - origin) / dir;
    if (near > far) { const swap = near; near = far; far = swap; }
    if (near > t0) t0 = near;
    if (far < t1) t1 = far;
    if (t0 > t1) return false;
  }
  return true;
}

export const emptyHit = (): RayHit => ({ hit: false, distance: 0, x: 0, y: 0, z: 0, nx: 0, ny: 1, nz: 0 });
