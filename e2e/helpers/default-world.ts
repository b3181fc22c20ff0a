/**
 * Places in the default shared world that base tests need, found in Node from the world's seed
 * exactly as any client computes them: an ore voxel to dig, flat ground to build on.
 */
import { VoxelStore } from '../../src/engine/voxel-store.ts';
import { createEditLedger } from '../../src/engine/mining/edit-ledger.ts';
import { mineYield } from '../../src/engine/mining/yield.ts';
import { MATERIAL_ID } from '../../src/protocol/world.ts';
import { DEFAULT_WORLD } from '../../src/protocol/net/worlds.ts';
import type { BrushEdit } from '../../src/protocol/terrain.ts';

/** An ore voxel near the spawn in the default world, and what digging it out yields (computed here, as any client would). */
export function oreDig(): { edit: BrushEdit; items: Record<string, number> } {
  const store = new VoxelStore(DEFAULT_WORLD.seed);
  for (let r = 0; r < 120; r += 4) for (let x = -r; x <= r; x += 4) for (const z of [-r, r]) {
    const top = Math.floor(store.columnInfo(x, z).height);
    for (let y = top - 2; y > top - 24; y--) {
      const m = store.sample(x, y, z).material;
      if (m !== MATERIAL_ID.ore && m !== MATERIAL_ID.copper_ore) continue;
      const edit: BrushEdit = { position: { x: x + 0.5, y: y + 0.5, z: z + 0.5 }, radius: 2.5, strength: 10, operation: 'remove' };
      const ledger = createEditLedger();
      store.applyEdit(edit, ledger);
      return { edit, items: mineYield(ledger, {}).items as Record<string, number> };
    }
  }
  throw new Error('no ore within 120 m of the spawn in the default world');
}

/**
 * Three spots on flat ground near (0, 0) in the default world, close enough to wire together (4 m)
 * and far enough apart not to overlap: a corner and the points 2.5 m along x and along z from it.
 */
export function flatSpots(): Array<{ x: number; z: number }> {
  const store = new VoxelStore(DEFAULT_WORLD.seed);
  const h = (x: number, z: number) => store.columnInfo(x, z).height;
  for (let r = 0; r <= 60; r += 2) for (let x = -r; x <= r; x += 2) for (const z of [-r, r]) {
    const c = h(x, z);
    let flat = true;
    for (let dx = -1.5; dx <= 4 && flat; dx += 0.5) for (let dz = -1.5; dz <= 4 && flat; dz += 0.5) flat = Math.abs(h(x + dx, z + dz) - c) < 0.4;
    if (flat) return [{ x, z }, { x: x + 2.5, z }, { x, z: z + 2.5 }];
  }
  throw new Error('no flat 5.5 m square within 60 m of the spawn');
}


/** The ground's height at (x, z) in the default world, unedited. */
export function groundHeight(x: number, z: number): number {
  return new VoxelStore(DEFAULT_WORLD.seed).columnInfo(x, z).height;
}

/**
 * A place near the spawn for creature tests: the voxel ground (caves carved in) matches the height
 * map everywhere within `radius` m, so a walker cannot drop into a cave mouth, and it is gentle
 * (no step over 1.2 m between neighbours 2 m apart). Searched outward from (0, 0).
 */
export function openGround(radius = 24): { x: number; z: number } {
  const store = new VoxelStore(DEFAULT_WORLD.seed);
  const h = (x: number, z: number) => store.columnInfo(x, z).height;
  const open = (x: number, z: number) => {
    const top = Math.floor(h(x, z));
    // Solid a metre under the height map and air a metre over it: no hole, no overhang here.
    return store.sample(x, top - 2, z).density > 0 && store.sample(x, top + 3, z).density <= 0;
  };
  for (let r = 0; r <= 120; r += 8) for (let x = -r; x <= r; x += 8) for (const z of [-r, r]) {
    let ok = true;
    for (let dx = -radius; dx <= radius && ok; dx += 2) for (let dz = -radius; dz <= radius && ok; dz += 2) {
      ok = open(x + dx, z + dz) && Math.abs(h(x + dx + 2, z + dz) - h(x + dx, z + dz)) < 1.2 && Math.abs(h(x + dx, z + dz + 2) - h(x + dx, z + dz)) < 1.2;
    }
    if (ok) return { x, z };
  }
  throw new Error(`no open, gentle ground of radius ${radius} m within 120 m of the spawn`);
}
