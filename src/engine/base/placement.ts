/**
 * Where a structure may stand. The preview and POST /base/place both ask this with the same
 * inputs, so they agree on every spot; the answer is a snapped position or a reason and a message
 * a player can act on. Cost ('afford') is the caller's check: it needs the inventory.
 *
 * The position snaps to the ground surface under the wanted point (or over it, when the point is
 * underground). Slope is measured from the ground at the footprint's four edge midpoints against
 * the centre: the steepest rise on each axis, combined (for a flat slope this is its gradient;
 * a ridge or a hollow under the footprint counts as steep too). Checks run in the order a player
 * would fix them: no ground, then reach, then slope, then overlap.
 */
import { footprintAxes, footprintsOverlap, type PlacedStructure } from './footprint.ts';
import type { GroundProbe } from './ground-probe.ts';
import { STRUCTURE_TYPES, type StructureTypeId } from './structure-types.ts';

export type PlacementReason = 'no_ground' | 'reach' | 'slope' | 'overlap';

export interface Point3 { x: number; y: number; z: number }

export interface PlacementRequest {
  type: StructureTypeId;
  position: Point3;
  /** Degrees about +y. */
  yaw?: number;
  /** Only the preview limits placement to the player's reach; POST /base/place does not. */
  reach?: { from: Point3; distance: number };
}

export interface PlacementResult {
  ok: boolean;
  /** The snapped anchor (base centre), or null when there is no ground. */
  position: Point3 | null;
  reason: PlacementReason | null;
  message: string;
}

/** How far a player can place from, for the preview (metres from the eye to the anchor). */
export const DEFAULT_BUILD_REACH = 10;
/** Edge samples are at least this far from the centre, so a thin pole still feels the slope under it. */
const MIN_SAMPLE_SPAN = 0.5;

const axes = new Float64Array(4);
const percent = (v: number) => Math.round(v * 100);

export function checkPlacement(req: PlacementRequest, probe: GroundProbe, existing: Iterable<PlacedStructure>): PlacementResult {
  const def = STRUCTURE_TYPES[req.type];
  const { x, z } = req.position;
  const yaw = req.yaw ?? 0;
  const y = probe.surfaceY(x, z, req.position.y);
  if (y === null) return refuse(null, 'no_ground', 'There is no ground under or over this spot.');
  const at = { x, y, z };

  if (req.reach) {
    const f = req.reach.from, dx = x - f.x, dy = y - f.y, dz = z - f.z;
    const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (d > req.reach.distance) {
      return refuse(at, 'reach', `Too far away: ${d.toFixed(1)} m (you can build within ${req.reach.distance} m).`);
    }
  }

  footprintAxes(yaw, axes);
  let steepest = 0;
  for (let axis = 0; axis < 2; axis++) {
    const span = Math.max(MIN_SAMPLE_SPAN, (axis === 0 ? def.size.x : def.size.z) / 2);
    const ux = axes[axis * 2], uz = axes[axis * 2 + 1];
    let rise = 0;
    for (const side of [1, -1]) {
      const h = probe.surfaceY(x + side * span * ux, z + side * span * uz, y);
      if (h === null) return refuse(at, 'no_ground', 'Part of the footprint hangs over a drop.');
      rise = Math.max(rise, Math.abs(h - y) / span);
    }
    steepest += rise * rise;
  }
  steepest = Math.sqrt(steepest);
  if (steepest > def.maxSlope) {
    return refuse(at, 'slope', `Too steep: the ground rises ${percent(steepest)}% here; a ${def.name.toLowerCase()} needs ${percent(def.maxSlope)}% or less.`);
  }

  const wanted: PlacedStructure = { type: req.type, x, y, z, yaw };
  for (const other of existing) {
    if (!footprintsOverlap(wanted, other)) continue;
    const what = STRUCTURE_TYPES[other.type].name.toLowerCase();
    return refuse(at, 'overlap', `Overlaps a ${what}${other.id === undefined ? '' : ` (structure_${other.id})`}.`);
  }
  return { ok: true, position: at, reason: null, message: `A ${def.name.toLowerCase()} can stand here.` };
}

function refuse(position: Point3 | null, reason: PlacementReason, message: string): PlacementResult {
  return { ok: false, position, reason, message };
}
