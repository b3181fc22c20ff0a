import { describe, expect, it } from 'vitest';
import type { BrushEdit } from '../../protocol/terrain.ts';
import { MATERIAL_ID } from '../../protocol/world.ts';
import { applyBrush } from '../brush.ts';
import { VoxelStore } from '../voxel-store.ts';
import { clearEditLedger, createEditLedger, totalUnits } from './edit-ledger.ts';
import { asArrays, balance, snapshot } from './test-terrain.ts';

const SEED = 1337;
const edit = (x: number, y: number, z: number, radius: number, strength: number, operation: BrushEdit['operation']): BrushEdit =>
  ({ position: { x, y, z }, radius, strength, operation });

/** Applies the edit with a fresh ledger and returns the ledger beside the voxels' own before/after balance. */
function measured(store: VoxelStore, e: BrushEdit) {
  const ledger = createEditLedger();
  const before = snapshot(store, e);
  applyBrush(store, e, ledger);
  return { ledger, truth: balance(before, snapshot(store, e)) };
}

/** The first copper ore voxel under the plains near the spawn (ore lies deeper than 3 m). */
function copperVoxel(store: VoxelStore): { x: number; y: number; z: number } {
  const n = 64, d = new Int8Array(n * n * n), m = new Uint8Array(n * n * n);
  store.gen.fillBox(0, -40, 0, n, n, n, d, m);
  const i = m.indexOf(MATERIAL_ID.copper_ore);
  if (i < 0) throw new Error('no copper in the box');
  return { x: i % n, y: -40 + (Math.floor(i / n) % n), z: Math.floor(i / (n * n)) };
}

describe('applyBrush ledger: exact solid density moved, per material', () => {
  it('a dig at the plains surface counts exactly what left the voxels, by their old material', () => {
    const store = new VoxelStore(SEED);
    const { ledger, truth } = measured(store, edit(10.5, 6, 42.5, 4, 8, 'remove'));
    expect(asArrays(ledger)).toEqual(truth);
    expect(totalUnits(ledger.added)).toBe(0);
    // The plains layers: grass, soil to 4 m down, then rock; no ore pocket this high.
    const { grass, soil, rock } = MATERIAL_ID;
    for (const m of [grass, soil, rock]) expect(ledger.removed[m]).toBeGreaterThan(0);
    expect(totalUnits(ledger.removed)).toBe(ledger.removed[grass] + ledger.removed[soil] + ledger.removed[rock]);
  });

  it('a dig into a copper pocket counts copper ore', () => {
    const store = new VoxelStore(SEED);
    const c = copperVoxel(store);
    const { ledger, truth } = measured(store, edit(c.x, c.y, c.z, 2.5, 10, 'remove'));
    expect(asArrays(ledger)).toEqual(truth);
    expect(ledger.removed[MATERIAL_ID.copper_ore]).toBeGreaterThanOrEqual(127);
  });

  it('a build counts what it added, under the material the new voxels take (soil), and removes nothing', () => {
    const store = new VoxelStore(SEED);
    const { ledger, truth } = measured(store, edit(20, 8, 52, 3, 6, 'add'));
    expect(asArrays(ledger)).toEqual(truth);
    expect(totalUnits(ledger.removed)).toBe(0);
    expect(totalUnits(ledger.added)).toBeGreaterThan(127);
    expect(ledger.added[MATERIAL_ID.soil]).toBe(totalUnits(ledger.added));
  });

  it('a smooth counts both sides (a built mound: its top wears down, its foot fills in)', () => {
    const store = new VoxelStore(SEED);
    applyBrush(store, edit(16, 7.5, 48, 3, 6, 'add'));
    const { ledger, truth } = measured(store, edit(16, 7.5, 48, 5, 5, 'smooth'));
    expect(asArrays(ledger)).toEqual(truth);
    expect(totalUnits(ledger.removed)).toBeGreaterThan(0);
    expect(totalUnits(ledger.added)).toBeGreaterThan(0);
  });

  it('adds to the ledger (never clears it), and counting does not change the edit', () => {
    const e = edit(10.5, 6, 42.5, 4, 8, 'remove');
    const a = new VoxelStore(SEED), b = new VoxelStore(SEED);
    const ledger = createEditLedger();
    applyBrush(a, e, ledger);
    const once = [...ledger.removed];
    applyBrush(a, edit(10.5, 5, 42.5, 4, 8, 'remove'), ledger);
    ledger.removed.forEach((u, m) => expect(u).toBeGreaterThanOrEqual(once[m]));
    expect(totalUnits(ledger.removed)).toBeGreaterThan(totalUnits(Int32Array.from(once)));
    applyBrush(b, e);
    applyBrush(b, edit(10.5, 5, 42.5, 4, 8, 'remove'));
    expect(b.chunkHash(0, 0, 1)).toBe(a.chunkHash(0, 0, 1));
    clearEditLedger(ledger);
    expect(totalUnits(ledger.removed) + totalUnits(ledger.added)).toBe(0);
  });

  it('bedrock stays out of every count', () => {
    const store = new VoxelStore(SEED);
    const { ledger, truth } = measured(store, edit(0, -63, 0, 4, 10, 'remove'));
    expect(asArrays(ledger)).toEqual(truth);
    // Everything the dig removed is basalt above the bedrock layers, which the voxels themselves confirm.
    expect(totalUnits(ledger.removed)).toBe(ledger.removed[MATERIAL_ID.basalt]);
  });
});
