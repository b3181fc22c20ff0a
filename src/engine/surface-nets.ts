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
import { FIELD_SIZE } from './constants.ts';

const F = FIELD_SIZE; // 34
const F2 = F * F;
const C = F - 1; // 33 cells per axis
const C2 = C * C;
const MAX_CELLS = C * C2;

/** Field offsets of the 8 cell corners; corner k has bit0 = +x, bit1 = +y, bit2 = +z. */
const CORNER = new Int32Array([0, 1, F, F + 1, F2, F2 + 1, F2 + F, F2 + F + 1]);
/** The 12 cell edges as corner pairs. */
const EDGE_A = new Int32Array([0, 2, 4, 6, 0, 1, 4, 5, 0, 1, 2, 3]);
const EDGE_B = new Int32Array([1, 3, 5, 7, 2, 3, 6, 7, 4, 5, 6, 7]);

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
  const positions = new Float32Array(maxV * 3);
  const normals = new Float32Array(maxV * 3);
  const materials = new Float32Array(maxV);
  const indices = new Uint32Array(maxI);
  const grid = new Int32Array(MAX_CELLS);
  const rowFlags = new Uint8Array(F2); // per (y,z) field row: 0 all air, 1 all solid, 2 mixed
  const c = new Float64Array(8);
  const counts: MeshCounts = { vertexCount: 0, indexCount: 0, overflow: false };

  function mesh(density: Int8Array, material: Uint8Array): MeshCounts {
    // Row pre-pass: a cell row can only hold surface if its 4 sample rows are not uniformly one sign.
    for (let r = 0; r < F2; r++) {
      const base = r * F;
      const s0 = density[base] > 0;
      let flag = s0 ? 1 : 0;
      for (let x = 1; x < F; x++) {
        if ((density[base + x] > 0) !== s0) { flag = 2; break; }
      }
      rowFlags[r] = flag;
    }
    let nv = 0;
    let ni = 0;
    let overflow = false;
    // On overflow we stop entirely: continuing would let quads reference skipped (stale) grid cells.
    outer: for (let z = 0; z < C; z++) {
      for (let y = 0; y < C; y++) {
        const r0 = rowFlags[y + z * F];
        if (r0 !== 2 && r0 === rowFlags[y + 1 + z * F] && r0 === rowFlags[y + (z + 1) * F] && r0 === rowFlags[y + 1 + (z + 1) * F]) continue;
        const owned = y >= 1 && z >= 1;
        for (let x = 0; x < C; x++) {
          const i = x + y * F + z * F2;
          const d0 = density[i], d1 = density[i + 1], d2 = density[i + F], d3 = density[i + F + 1];
          const d4 = density[i + F2], d5 = density[i + F2 + 1], d6 = density[i + F2 + F], d7 = density[i + F2 + F + 1];
          const mask = (d0 > 0 ? 1 : 0) | (d1 > 0 ? 2 : 0) | (d2 > 0 ? 4 : 0) | (d3 > 0 ? 8 : 0)
            | (d4 > 0 ? 16 : 0) | (d5 > 0 ? 32 : 0) | (d6 > 0 ? 64 : 0) | (d7 > 0 ? 128 : 0);
          if (mask === 0 || mask === 255) continue;
          if (nv >= maxV) { overflow = true; break outer; }
          c[0] = d0; c[1] = d1; c[2] = d2; c[3] = d3; c[4] = d4; c[5] = d5; c[6] = d6; c[7] = d7;
          // Vertex at the mean of the edge crossings.
          let sx = 0, sy = 0, sz = 0, n = 0;
          for (let e = 0; e < 12; e++) {
            const a = EDGE_A[e], b = EDGE_B[e];
            if (((mask >> a) & 1) === ((mask >> b) & 1)) continue;
            const t = c[a] / (c[a] - c[b]);
            sx += (a & 1) + ((b & 1) - (a & 1)) * t;
            sy += ((a >> 1) & 1) + (((b >> 1) & 1) - ((a >> 1) & 1)) * t;
            sz += (a >> 2) + ((b >> 2) - (a >> 2)) * t;
            n++;
          }
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
          let best = 128, mat = 0;
          for (let k = 0; k < 8; k++) {
            const v = c[k];
            if (v > 0 && v < best) { best = v; mat = material[i + CORNER[k]]; }
          }
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
    const v00 = grid[c00], v10 = grid[c10], v11 = grid[c11], v01 = grid[c01];
    if (solid) {
      indices[ni] = v00; indices[ni + 1] = v10; indices[ni + 2] = v11;
      indices[ni + 3] = v00; indices[ni + 4] = v11; indices[ni + 5] = v01;
    } else {
      indices[ni] = v00; indices[ni + 1] = v11; indices[ni + 2] = v10;
      indices[ni + 3] = v00; indices[ni + 4] = v01; indices[ni + 5] = v11;
    }
    return ni + 6;
  }

  return { mesh, positions, normals, materials, indices, counts };
}
