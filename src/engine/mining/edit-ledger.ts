/**
 * What one terrain edit took out of the world and put into it, counted exactly, per material.
 *
 * Units are solid density: a voxel with density d > 0 holds d units of its material, one with d <= 0
 * holds none, so a fully solid voxel (DENSITY_MAX = 127) holds 127 units. For each voxel an edit
 * changes from d0 to d1:
 *   - removed[old material] += max(d0, 0) - max(d1, 0)   when that is positive (digging);
 *   - added[new material]   += max(d1, 0) - max(d0, 0)   when that is positive (building, smoothing).
 * A voxel can only lose or gain in one edit. Brushes make every voxel that gains soil (brush.ts), so
 * `added` is all soil, and a voxel that loses keeps its material while it keeps any density, so
 * `removed` is exactly what was dug out, under what it really was.
 *
 * Conversion: a partly solid voxel of another material (ore, sand, ...) that gains becomes soil, old
 * units and all. Its gain counts as added soil; its old units count nowhere: they were converted,
 * not dug. So:
 *   - totalUnits(added) - totalUnits(removed) is exactly the edit's change in solid density;
 *   - removed[m] is what left the world as m; converted units are a small loss to the player, never
 *     a gain. Counting them as removed would let a smooth or a build mine ore without digging, and
 *     charging them to the build would make topping up cost more than the density it adds;
 *   - no edit ever raises the units of any material but soil, so what all edits together can yield
 *     of ore (or sand, ice, rock...) is bounded by what worldgen and loaded snapshots put there.
 * The arrays are therefore the edit's exact balance of density moved (what a before/after comparison
 * of the voxels counts: a loss under the old material, a gain under the new), but not of materials
 * changed: the converted units leave material m and join soil without an entry. Indexed by material
 * id (not item) so the brush knows nothing of the item catalogue; mining/yield.ts maps materials to
 * items.
 *
 * The arrays are caller-owned and reused: applyBrush only adds to them, so clear before each edit
 * whose figures you want alone. Int32 holds any single edit (a radius-16 sphere is at most ~2.2 M
 * units), not an unbounded sum of edits.
 */
import { MATERIALS } from '../../protocol/world.ts';

export interface EditLedger {
  /** Solid density removed, by the voxel's material before the edit. */
  readonly removed: Int32Array;
  /** Solid density added, by the voxel's material after the edit. */
  readonly added: Int32Array;
}

export function createEditLedger(): EditLedger {
  return { removed: new Int32Array(MATERIALS.length), added: new Int32Array(MATERIALS.length) };
}

export function clearEditLedger(ledger: EditLedger): void {
  ledger.removed.fill(0);
  ledger.added.fill(0);
}

/** All units in one of the ledger's arrays (e.g. everything an 'add' built, whatever it looks like). */
export function totalUnits(byMaterial: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < byMaterial.length; i++) sum += byMaterial[i];
  return sum;
}
