/**
 * Overlap of a sphere with the terrain, from the density field alone (no meshes on the main thread).
 *
 * Near a surface density ≈ 24 × signed distance, so at the centre dist = -d/|∇d| (metres, > 0 in
 * air) and n = -∇d/|∇d| (out of the rock) give the nearest surface as a plane. That estimate fails
 * where the field saturates at ±127 (about 5 m from gentle ground, but under a metre from a steep
 * cliff, whose density jumps between neighbouring columns): the centre then sees a flat field and
 * no contact. So the sphere also probes 14 points on its surface (6 axes, 8 diagonals); a probe
 * inside rock gives its own local plane, and the deepest of all planes wins.
 */
import type { CollisionField } from './collision-field.ts';

const INV_SQRT3 = 1 / Math.sqrt(3);
/** Unit probe directions, flat x,y,z triples. */
const PROBES = new Float64Array([
  1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1,
  ...[-1, 1].flatMap((sx) => [-1, 1].flatMap((sy) => [-1, 1].flatMap((sz) => [sx * INV_SQRT3, sy * INV_SQRT3, sz * INV_SQRT3]))),
]);
const PROBE_COUNT = PROBES.length / 3;
/** Below this gradient (density units per metre; 24 is typical) the direction is noise. */
const MIN_GRADIENT = 0.5;
/** Push for a probe in saturated rock, where the field gives no depth: about one voxel. */
const SATURATED_PUSH = 0.5;

export class SphereContact {
  /** Outward normal of the deepest contact found by the last query(). */
  nx = 0;
  ny = 1;
  nz = 0;
  /** How far the centre must move along n to clear it (metres, > 0 when query() returned true). */
  depth = 0;
  /**
   * The sphere for test(): [x, y, z, radius, skin]. Hot callers write it and call test(); doubles
   * passed as arguments to a call V8 does not inline are boxed into fresh heap numbers each time.
   */
  readonly sphere = new Float64Array(5);
  /** Sample point in, [density, gradient] out (CollisionField.gradientAt). */
  private readonly io = new Float64Array(7);

  constructor(readonly field: CollisionField) {}

  /**
   * Deepest overlap of the sphere (cx, cy, cz, r) grown by skin. Samples in chunks that are not
   * loaded count as air: movers check loadedAround() before they move.
   */
  query(cx: number, cy: number, cz: number, r: number, skin = 0): boolean {
    const sp = this.sphere;
    sp[0] = cx; sp[1] = cy; sp[2] = cz; sp[3] = r; sp[4] = skin;
    return this.test();
  }

  /** query() for the sphere in this.sphere. */
  test(): boolean {
    const sp = this.sphere, io = this.io, field = this.field;
    const cx = sp[0], cy = sp[1], cz = sp[2], r = sp[3], skin = sp[4], reach = r + skin;
    let best = 0, bx = 0, by = 1, bz = 0;
    io[0] = cx; io[1] = cy; io[2] = cz;
    if (field.gradientAt(io)) {
      const len = Math.sqrt(io[4] * io[4] + io[5] * io[5] + io[6] * io[6]);
      if (len > MIN_GRADIENT) {
        const pen = reach + io[3] / len;
        if (pen > best) { best = pen; bx = -io[4] / len; by = -io[5] / len; bz = -io[6] / len; }
      } else if (io[3] > 0) {
        // Deep in saturated rock there is no direction to read: the way out is up.
        best = reach; bx = 0; by = 1; bz = 0;
      }
    }
    for (let p = 0; p < PROBE_COUNT; p++) {
      const ux = PROBES[p * 3], uy = PROBES[p * 3 + 1], uz = PROBES[p * 3 + 2];
      io[0] = cx + ux * r; io[1] = cy + uy * r; io[2] = cz + uz * r;
      if (!field.gradientAt(io) || io[3] <= 0) continue;
      const len = Math.sqrt(io[4] * io[4] + io[5] * io[5] + io[6] * io[6]);
      let nx = -ux, ny = -uy, nz = -uz, pen: number;
      if (len > MIN_GRADIENT) {
        const mx = -io[4] / len, my = -io[5] / len, mz = -io[6] / len;
        const along = ux * mx + uy * my + uz * mz;
        const depth = io[3] / len;
        if (along <= 0) {
          // The probe's surface plane, moved to the centre: the sphere overlaps it by r(1 + u·n) + depth.
          nx = mx; ny = my; nz = mz;
          pen = r * (1 + along) + depth + skin;
        } else {
          // A plane facing away from the centre contradicts the centre sample; back off along the probe.
          pen = depth + skin;
        }
      } else {
        pen = SATURATED_PUSH + skin;
      }
      if (pen > best) { best = pen; bx = nx; by = ny; bz = nz; }
    }
    const solids = field.solids;
    if (solids.overlap(cx, cy, cz, r, skin) && solids.depth > best) {
      best = solids.depth; bx = solids.nx; by = solids.ny; bz = solids.nz;
    }
    this.depth = best;
    this.nx = bx; this.ny = by; this.nz = bz;
    return best > 0;
  }
}
