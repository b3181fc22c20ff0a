/**
 * Naive Surface Nets over a chunk's 34^3 density field (x fastest, iso level 0, > 0 solid).
 *
 * Cells have their min corner at field index 0..32 on each axis; a cell whose corners
 * change sign gets one vertex at the mean of its edge crossings. A quad is emitted per
 * sign-changing edge whose base sample is owned by the chunk (field 1..32 on all axes),
 * so every edge of the world belongs to exactly one chunk: neighbours neither duplicate
 * nor miss faces, and border vertices (computed from the same 8 samples) coincide.
 *
 * Zero allocations per call: outputs, the 33^3 vertex-index grid and the row flags are
 * allocated once in createMesher and overwritten; the returned counts object is reused.
 */
import { FIELD_SIZE } from '../protocol/world.ts';
import { createSignRows } from './sign-rows.ts';

const F = FIELD_SIZE; // 34
const F2 = F * F;
const C = F - 1; // 33 cells per axis
const C2 = C * C;
const MAX_CELLS = C * C2;

/** Field offsets of the 8 cell corners; corner k has bit0 = +x, bit1 = +y, bit2 = +z. */
const CORNER = new Int32Array([0, 1, F, F + 1, F2, F2 + 1, F2 + F, F2 + F + 1]);

export interface MeshCounts {
  vertexCount: number;
  indexCount: number;
  /** True if output capacity was reached and the mesh was truncated. */
  overflow: boolean;
}

export interface Mesher {
  /** Meshes a FIELD_VOLUME field into the output arrays; returns the reused counts object. */
  mesh(density: Int8Array, material: Uint8Array): MeshCounts;
  readonly positions: Float32Array;
  readonly normals: Float32Array;
  readonly materials: Float32Array;
  readonly indices: Uint32Array;
  readonly counts: MeshCounts;
}

/** capacity = max vertices (default: one per cell, the true worst case). Indices get 18 per vertex (3 quads). */
export function createMesher(capacity: number = MAX_CELLS): Mesher {
  const maxV = Math.max(1, Math.floor(capacity));
  const maxI = Math.min(maxV * 18, 3 * 32 * 32 * 32 * 6);
  const outPositions = new Float32Array(maxV * 3);
  const outNormals = new Float32Array(maxV * 3);
  const outMaterials = new Float32Array(maxV);
  const indices = new Uint32Array(maxI);
  const cellGrid = new Int32Array(MAX_CELLS);
  const signs = createSignRows();
  const counts: MeshCounts = { vertexCount: 0, indexCount: 0, overflow: false };

  function mesh(density: Int8Array, material: Uint8Array): MeshCounts {
    // Pre-pass: sign bitmask per x-row, so only cells whose corners change sign are visited.
    signs.compute(density);
    // Closure arrays copied to locals: V8 then keeps them in registers instead of reloading context slots.
    const positions = outPositions, normals = outNormals, materials = outMaterials, grid = cellGrid, lo = signs.lo, hi = signs.hi;
    let nv = 0;
    let ni = 0;
    let overflow = false;
    // On overflow we stop entirely: continuing would let quads reference skipped (stale) grid cells.
    outer: for (let z = 0; z < C; z++) {
      for (let y = 0; y < C; y++) {
        // Cell x is mixed unless bits x and x+1 of its 4 sample rows are all set or all clear.
        const r = y + z * F;
        const orLo = lo[r] | lo[r + 1] | lo[r + F] | lo[r + F + 1];
        const andLo = lo[r] & lo[r + 1] & lo[r + F] & lo[r + F + 1];
        const orHi = hi[r] | hi[r + 1] | hi[r + F] | hi[r + F + 1];
        const andHi = hi[r] & hi[r + 1] & hi[r + F] & hi[r + F + 1];
        let cells = (orLo | (orLo >>> 1) | (orHi << 31)) & ~(andLo & ((andLo >>> 1) | (andHi << 31)));
        let last = (orHi & 3) !== 0 && (andHi & 3) !== 3; // cell x = 32 uses samples 32 and 33
        if (cells === 0 && !last) continue;
        const owned = y >= 1 && z >= 1;
        const row = y * F + z * F2;
        // Visit mixed cells in increasing x (lowest set bit first) so quads' -x neighbours exist.
        for (;;) {
          let x: number;
          if (cells !== 0) { const low = cells & -cells; x = 31 - Math.clz32(low); cells ^= low; }
          else if (last) { x = 32; last = false; }
          else break;
          const i = row + x;
          const d0 = density[i], d1 = density[i + 1], d2 = density[i + F], d3 = density[i + F + 1];
          const d4 = density[i + F2], d5 = density[i + F2 + 1], d6 = density[i + F2 + F], d7 = density[i + F2 + F + 1];
          const mask = (d0 > 0 ? 1 : 0) | (d1 > 0 ? 2 : 0) | (d2 > 0 ? 4 : 0) | (d3 > 0 ? 8 : 0)
            | (d4 > 0 ? 16 : 0) | (d5 > 0 ? 32 : 0) | (d6 > 0 ? 64 : 0) | (d7 > 0 ? 128 : 0);
          if (nv >= maxV) { overflow = true; break outer; }
          // Vertex at the mean of the edge crossings; the 12 edges are unrolled (this is the hot loop).
          let sx = 0, sy = 0, sz = 0, n = 0, t = 0;
          const b0 = mask & 1, b1 = (mask >> 1) & 1, b2 = (mask >> 2) & 1, b3 = (mask >> 3) & 1;
          const b4 = (mask >> 4) & 1, b5 = (mask >> 5) & 1, b6 = (mask >> 6) & 1, b7 = mask >> 7;
          // edges along x
          if (b0 !== b1) { t = d0 / (d0 - d1); sx += t; n++; }
          if (b2 !== b3) { t = d2 / (d2 - d3); sx += t; sy += 1; n++; }
          if (b4 !== b5) { t = d4 / (d4 - d5); sx += t; sz += 1; n++; }
          if (b6 !== b7) { t = d6 / (d6 - d7); sx += t; sy += 1; sz += 1; n++; }
          // edges along y
          if (b0 !== b2) { t = d0 / (d0 - d2); sy += t; n++; }
          if (b1 !== b3) { t = d1 / (d1 - d3); sy += t; sx += 1; n++; }
          if (b4 !== b6) { t = d4 / (d4 - d6); sy += t; sz += 1; n++; }
          if (b5 !== b7) { t = d5 / (d5 - d7); sy += t; sx += 1; sz += 1; n++; }
          // edges along z
          if (b0 !== b4) { t = d0 / (d0 - d4); sz += t; n++; }
          if (b1 !== b5) { t = d1 / (d1 - d5); sz += t; sx += 1; n++; }
          if (b2 !== b6) { t = d2 / (d2 - d6); sz += t; sy += 1; n++; }
          if (b3 !== b7) { t = d3 / (d3 - d7); sz += t; sx += 1; sy += 1; n++; }
          const p = nv * 3;
          // Local coordinates: field index 1 is owned voxel 0.
          positions[p] = x - 1 + sx / n;
          positions[p + 1] = y - 1 + sy / n;
          positions[p + 2] = z - 1 + sz / n;
          // Density grows into the solid, so the outward (air-side) normal is minus the gradient.
          const gx = (d1 - d0) + (d3 - d2) + (d5 - d4) + (d7 - d6);
          const gy = (d2 - d0) + (d3 - d1) + (d6 - d4) + (d7 - d5);
          const gz = (d4 - d0) + (d5 - d1) + (d6 - d2) + (d7 - d3);
          const len = Math.sqrt(gx * gx + gy * gy + gz * gz);
          if (len > 0) {
            normals[p] = -gx / len; normals[p + 1] = -gy / len; normals[p + 2] = -gz / len;
          } else {
            normals[p] = 0; normals[p + 1] = 1; normals[p + 2] = 0;
          }
          // Material of the solid corner closest to the surface (smallest positive density):
          // picking the most solid corner made materials jump in contour stripes.
          // Branch-free (these branches mispredict on busy fields): key = ((d - 1) & 255)*8 + corner
          // is below 1016 (d - 1 in 0..126) for solid corners and at least 1016 for air ones, so the
          // minimum key is the smallest positive density, ties to the lowest corner.
          // min(a, b) = b + ((a - b) & ((a - b) >> 31)).
          const k0 = ((d0 - 1) & 255) << 3, k1 = (((d1 - 1) & 255) << 3) | 1;
          const k2 = (((d2 - 1) & 255) << 3) | 2, k3 = (((d3 - 1) & 255) << 3) | 3;
          const k4 = (((d4 - 1) & 255) << 3) | 4, k5 = (((d5 - 1) & 255) << 3) | 5;
          const k6 = (((d6 - 1) & 255) << 3) | 6, k7 = (((d7 - 1) & 255) << 3) | 7;
          const e01 = k0 - k1, e23 = k2 - k3, e45 = k4 - k5, e67 = k6 - k7;
          const m01 = k1 + (e01 & (e01 >> 31)), m23 = k3 + (e23 & (e23 >> 31));
          const m45 = k5 + (e45 & (e45 >> 31)), m67 = k7 + (e67 & (e67 >> 31));
          const e03 = m01 - m23, e47 = m45 - m67;
          const m03 = m23 + (e03 & (e03 >> 31)), m47 = m67 + (e47 & (e47 >> 31));
          const e07 = m03 - m47;
          const bk = (m47 + (e07 & (e07 >> 31))) & 7;
          const mat = material[i + CORNER[bk]];
          materials[nv] = mat;
          const g = x + y * C + z * C2;
          grid[g] = nv++;
          if (!owned || x < 1) continue;
          // Edges from the owned base sample i along +x, +y, +z; the other three cells
          // around each edge have lower indices, so their vertices already exist.
          const s = mask & 1;
          if (s !== ((mask >> 1) & 1)) ni = quad(ni, s, g - C - C2, g - C2, g, g - C);
          if (s !== ((mask >> 2) & 1)) ni = quad(ni, s, g - C2 - 1, g - 1, g, g - C2);
          if (s !== ((mask >> 4) & 1)) ni = quad(ni, s, g - 1 - C, g - C, g, g - 1);
          if (ni < 0) { overflow = true; ni = -ni - 1; break outer; }
        }
      }
    }
    counts.vertexCount = nv;
    counts.indexCount = ni;
    counts.overflow = overflow;
    return counts;
  }

  /**
   * Writes quad (c00, c10, c11, c01) as two triangles. solid = 1 means the base sample is
   * solid, so the surface faces +axis and the listed order is counter-clockwise from air;
   * otherwise the winding is reversed. Returns the new index count (or -(count)-1 when full).
   */
  function quad(ni: number, solid: number, c00: number, c10: number, c11: number, c01: number): number {
    if (ni < 0) return ni;
    if (ni + 6 > maxI) return -ni - 1;
    const v00 = cellGrid[c00], v10 = cellGrid[c10], v11 = cellGrid[c11], v01 = cellGrid[c01];
    if (solid) {
      indices[ni] = v00; indices[ni + 1] = v10; indices[ni + 2] = v11;
      indices[ni + 3] = v00; indices[ni + 4] = v11; indices[ni + 5] = v01;
    } else {
      indices[ni] = v00; indices[ni + 1] = v11; indices[ni + 2] = v10;
      indices[ni + 3] = v00; indices[ni + 4] = v01; indices[ni + 5] = v11;
    }
    return ni + 6;
  }

  return { mesh, positions: outPositions, normals: outNormals, materials: outMaterials, indices, counts };
}
