/**
 * Keeps the player's collision boxes (engine/player/box-solids.ts) equal to the shared base's
 * structures: each structure's catalogue box at its anchor and yaw. Rebuilt when structures are
 * placed or removed, never per frame. Leaving the shared world empties the base, and with it the boxes.
 */
import { STRUCTURE_TYPES, isStructureTypeId } from '../engine/base/structure-types.ts';
import type { BoxSolids, SolidBox } from '../engine/player/box-solids.ts';
import type { BaseState, BaseStore } from './base-replica.ts';

function boxesOf(s: BaseState): SolidBox[] {
  const boxes: SolidBox[] = [];
  for (const id in s.structures) {
    const info = s.structures[id];
    if (!isStructureTypeId(info.structure_type)) continue;
    const size = STRUCTURE_TYPES[info.structure_type].size;
    boxes.push({ x: info.position.x, y: info.position.y, z: info.position.z, yawDeg: info.rotation.y, sizeX: size.x, sizeY: size.y, sizeZ: size.z });
  }
  return boxes;
}

/** Fills `solids` now and on every change of the structures; returns the unsubscribe. */
export function syncStructureSolids(store: BaseStore, solids: BoxSolids): () => void {
  solids.set(boxesOf(store.getState()));
  return store.subscribe((s, prev) => {
    if (s.structures !== prev.structures) solids.set(boxesOf(s));
  });
}
