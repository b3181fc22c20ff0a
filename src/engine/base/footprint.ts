/**
 * A placed structure's footprint: its catalogue box, turned by its yaw about +y, standing on its
 * anchor (the base centre). Overlap is the separating-axis test for two turned rectangles in x-z
 * plus an interval test in y, so a panel can stand beside a habitat, or a light under nothing,
 * but not inside another structure. Boxes that only touch (within 1 cm) do not overlap, so
 * structures can be placed flush. Yaw follows three.js: +90° turns local +x to world -z.
 */
import { cosTurns, sinTurns } from './fixed-trig.ts';
import { STRUCTURE_TYPES, type StructureTypeId } from './structure-types.ts';

export interface PlacedStructure {
  /** The caller's structure id, for messages. */
  id?: number;
  type: StructureTypeId;
  x: number;
  y: number;
  z: number;
  /** Degrees about +y (seed 000 `rotation.y`). */
  yaw: number;
}

/** Touching is allowed: boxes must interpenetrate by more than this to overlap. */
export const TOUCH_MARGIN = 0.01;

/** Local x and z axes in world x-z, from the yaw (deterministic: fixed-trig). */
export function footprintAxes(yaw: number, out: Float64Array): Float64Array {
  const c = cosTurns(yaw / 360), s = sinTurns(yaw / 360);
  out[0] = c; out[1] = -s; // local +x
  out[2] = s; out[3] = c; // local +z
  return out;
}

const axesA = new Float64Array(4), axesB = new Float64Array(4);

/** Half the box's extent along the unit axis (nx, nz). */
function reach(axes: Float64Array, hx: number, hz: number, nx: number, nz: number): number {
  return hx * Math.abs(axes[0] * nx + axes[1] * nz) + hz * Math.abs(axes[2] * nx + axes[3] * nz);
}

export function footprintsOverlap(a: PlacedStructure, b: PlacedStructure): boolean {
  const sa = STRUCTURE_TYPES[a.type].size, sb = STRUCTURE_TYPES[b.type].size;
  if (a.y + sa.y <= b.y + TOUCH_MARGIN || b.y + sb.y <= a.y + TOUCH_MARGIN) return false;
  const dx = b.x - a.x, dz = b.z - a.z;
  const ha = Math.sqrt(sa.x * sa.x + sa.z * sa.z) / 2, hb = Math.sqrt(sb.x * sb.x + sb.z * sb.z) / 2;
  if (dx * dx + dz * dz >= (ha + hb) * (ha + hb)) return false; // far apart whatever their yaw
  footprintAxes(a.yaw, axesA);
  footprintAxes(b.yaw, axesB);
  for (let k = 0; k < 4; k++) {
    const axes = k < 2 ? axesA : axesB, nx = axes[(k & 1) * 2], nz = axes[(k & 1) * 2 + 1];
    const gap = Math.abs(dx * nx + dz * nz)
      - reach(axesA, sa.x / 2, sa.z / 2, nx, nz) - reach(axesB, sb.x / 2, sb.z / 2, nx, nz);
    if (gap >= -TOUCH_MARGIN) return false; // this axis separates them
  }
  return true;
}
