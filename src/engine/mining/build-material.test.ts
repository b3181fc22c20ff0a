/**
 * The material policy that closes the "build soil beside ore, dig it back, get ore" exploit: every
 * voxel the build and smooth tools raise becomes soil (brush.ts), and the ledger counts it so that
 * no sequence of edits yields more of a material than the world held (edit-ledger.ts).
 */
import { describe, expect, it } from 'vitest';
import type { BrushEdit } from '../../protocol/terrain.ts';
import { DENSITY_MAX, MATERIAL_ID, MATERIALS } from '../../protocol/world.ts';
import { applyBrush } from '../brush.ts';
import { VoxelStore } from '../voxel-store.ts';
import { clearEditLedger, createEditLedger, totalUnits, type EditLedger } from './edit-ledger.ts';
import { asArrays, balance, snapshot, testRandom, uniformTarget, type Snapshot } from './test-terrain.ts';
import { buildCost, maxBuildUnits, mineYield } from './yield.ts';

const SEED = 1337;
const { soil, ore, copper_ore: copper } = MATERIAL_ID;
const edit = (p: { x: number; y: number; z: number }, radius: number, strength: number, operation: BrushEdit['operation']): BrushEdit =>
  ({ position: { x: p.x, y: p.y, z: p.z }, radius, strength, operation });

/** The ore voxel (iron or copper) under the plains near the spawn with the most fully solid ore of its kind within 2.5 m. */
function oreCore(store: VoxelStore): { x: number; y: number; z: number; material: number } {
  const n = 64, y0 = -48, d = new Int8Array(n * n * n), m = new Uint8Array(n * n * n);
  store.gen.fillBox(0, y0, 0, n, n, n, d, m);
  const at = (x: number, y: number, z: number) => x + y * n + z * n * n;
  let best = { x: 0, y: 0, z: 0, material: 0 }, most = 0;
  for (let z = 3; z < n - 3; z++) for (let y = 3; y < n - 3; y++) for (let x = 3; x < n - 3; x++) {
    const c = m[at(x, y, z)];
    if (c !== ore && c !== copper) continue;
    let count = 0;
    for (let dz = -2; dz <= 2; dz++) for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
      const i = at(x + dx, y + dy, z + dz);
      if (dx * dx + dy * dy + dz * dz <= 6.25 && m[i] === c && d[i] === DENSITY_MAX) count++;
    }
    if (count > most) { most = count; best = { x, y: y0 + y, z, material: c }; }
  }
  if (most < 27) throw new Error('no ore pocket in the box');
  return best;
}

/** Solid units of each material in a snapshot. */
function unitsOf(s: Snapshot): number[] {
  const units = MATERIALS.map(() => 0);
  for (let i = 0; i < s.density.length; i++) if (s.density[i] > 0) units[s.material[i]] += s.density[i];
  return units;
}

/** Units per material other than air and soil, named so a failure says which. */
const nonSoil = (byMaterial: ArrayLike<number>): Record<string, number> =>
  Object.fromEntries(MATERIALS.map((name, m) => [name, byMaterial[m]]).filter(([name]) => name !== 'air' && name !== 'soil'));
const NONE = nonSoil(new Int32Array(MATERIALS.length));

describe('build and smooth put only soil into the world', () => {
  it('building beside ore and digging it back yields no ore', () => {
    const store = new VoxelStore(SEED);
    const c = oreCore(store);
    // A legitimate dig into the pocket: it yields ore and leaves a small cavity with partly dug ore around it.
    const first = createEditLedger();
    applyBrush(store, edit(c, 3, 10, 'remove'), first);
    expect(first.removed[c.material]).toBeGreaterThan(DENSITY_MAX);

    // The exploit's two shapes are both here: air voxels with solid ore under them (a new voxel used to
    // take that material) and partly solid ore voxels (topping up used to keep it).
    const build = edit(c, 2, 10, 'add');
    const before = snapshot(store, build);
    let airOverOre = 0, partlyOre = 0;
    const n = before.n, r = (n - 1) / 2;
    for (let z = 1; z < n - 1; z++) for (let y = 1; y < n - 1; y++) for (let x = 1; x < n - 1; x++) {
      if ((x - r) ** 2 + (y - r) ** 2 + (z - r) ** 2 > 3) continue;
      const i = x + y * n + z * n * n;
      if (before.density[i] <= 0 && before.density[i - n] > 0 && before.material[i - n] === c.material) airOverOre++;
      if (before.density[i] > 0 && before.density[i] < DENSITY_MAX && before.material[i] === c.material) partlyOre++;
    }
    expect(airOverOre).toBeGreaterThan(0);
    expect(partlyOre).toBeGreaterThan(0);

    // Build into the cavity, then dig the same sphere back: the dig reaches only voxels the build raised.
    const cycle = createEditLedger();
    applyBrush(store, build, cycle);
    expect(nonSoil(cycle.added)).toEqual(NONE);
    expect(buildCost(cycle, {}).items).toBe(Math.ceil(cycle.added[soil] / DENSITY_MAX));
    applyBrush(store, edit(c, 2, 10, 'remove'), cycle);
    expect(cycle.removed[soil]).toBeGreaterThan(0);
    expect(nonSoil(cycle.removed)).toEqual(NONE);
    const y = mineYield({ removed: cycle.removed, added: new Int32Array(MATERIALS.length) }, {});
    expect(Object.keys(y.items).filter((k) => k !== 'soil')).toEqual([]);
    expect(Object.keys(y.remainder).filter((k) => k !== 'soil')).toEqual([]);
  });

  it('smoothing next to ore creates no ore voxel and adds no ore unit', () => {
    const store = new VoxelStore(SEED);
    const c = oreCore(store);
    applyBrush(store, edit({ x: c.x + 1, y: c.y, z: c.z }, 3, 10, 'remove'));
    applyBrush(store, edit({ x: c.x - 1, y: c.y + 1, z: c.z }, 2, 8, 'remove'));
    const smooth = edit(c, 5, 10, 'smooth');
    const before = snapshot(store, smooth);
    const ledger = createEditLedger();
    applyBrush(store, smooth, ledger);
    const after = snapshot(store, smooth);
    let raised = 0, dug = 0;
    for (let i = 0; i < before.density.length; i++) {
      const was = Math.max(before.density[i], 0), now = Math.max(after.density[i], 0);
      if (now > was) { raised++; expect(after.material[i]).toBe(soil); }
      if (now < was) dug++;
      // An ore voxel after the smooth was that ore before, holding at least as much.
      if (after.material[i] !== soil && after.material[i] !== 0) {
        expect(after.material[i]).toBe(before.material[i]);
        expect(now).toBeLessThanOrEqual(was);
      }
    }
    expect(raised).toBeGreaterThan(0);
    expect(dug).toBeGreaterThan(0);
    expect(unitsOf(after)[c.material]).toBeLessThan(unitsOf(before)[c.material]);
    expect(nonSoil(ledger.added)).toEqual(NONE);
    expect(ledger.removed[c.material]).toBeGreaterThan(0);
  });

  it('a topped-up ore voxel counts only its gain, as soil; its old ore units count nowhere', () => {
    // Every voxel is 50 units of ore; writes go nowhere, so each voxel is counted against 50.
    const e = edit({ x: 0.5, y: 0.5, z: 0.5 }, 2.5, 5, 'add');
    const ledger = createEditLedger();
    const { voxelsModified } = applyBrush(uniformTarget(50, ore), e, ledger);
    expect(voxelsModified).toBeGreaterThan(0);
    expect(totalUnits(ledger.removed)).toBe(0);
    expect(nonSoil(ledger.added)).toEqual(NONE);
    // The gain, voxel by voxel, is the brush's own bound capped at what a voxel can still take.
    expect(ledger.added[soil]).toBeGreaterThan(0);
    expect(ledger.added[soil]).toBeLessThanOrEqual(maxBuildUnits(e));
    // Against the real store: the ledger is exactly the before/after comparison of the voxels.
    const store = new VoxelStore(SEED);
    const c = oreCore(store);
    applyBrush(store, edit(c, 3, 6, 'remove'));
    const top = edit(c, 3, 4, 'add');
    const before = snapshot(store, top);
    clearEditLedger(ledger);
    applyBrush(store, top, ledger);
    const after = snapshot(store, top);
    expect(asArrays(ledger)).toEqual(balance(before, after));
    expect(totalUnits(ledger.added) - totalUnits(ledger.removed)).toBe(unitsOf(after).reduce((a, b) => a + b) - unitsOf(before).reduce((a, b) => a + b));
    // Partly dug ore was topped up: the world lost ore units that the ledger did not count as removed.
    expect(unitsOf(after)[c.material]).toBeLessThan(unitsOf(before)[c.material]);
    expect(ledger.removed[c.material]).toBe(0);
  });

  it('no mix of digs, builds and smooths yields more of any material but soil than the world held', () => {
    const store = new VoxelStore(SEED);
    const c = oreCore(store);
    const area = edit(c, 9, 1, 'add');
    const start = unitsOf(snapshot(store, area));
    const mined = MATERIALS.map(() => 0);
    const rand = testRandom(12);
    const ops: BrushEdit['operation'][] = ['remove', 'add', 'smooth'];
    const ledger: EditLedger = createEditLedger();
    for (let k = 0; k < 40; k++) {
      const e = edit({ x: c.x + (rand() * 8 - 4), y: c.y + (rand() * 8 - 4), z: c.z + (rand() * 8 - 4) }, 1.5 + rand() * 2.5, 1 + Math.floor(rand() * 10), ops[k % 3]);
      const before = unitsOf(snapshot(store, area));
      clearEditLedger(ledger);
      applyBrush(store, e, ledger);
      const after = unitsOf(snapshot(store, area));
      for (let m = 1; m < MATERIALS.length; m++) {
        mined[m] += ledger.removed[m];
        // Only soil ever grows; every other material only shrinks, by at least what was counted as dug.
        if (m !== soil) expect(after[m], `${MATERIALS[m]} after edit ${k}`).toBeLessThanOrEqual(before[m] - ledger.removed[m]);
      }
    }
    for (let m = 1; m < MATERIALS.length; m++) if (m !== soil) expect(mined[m], MATERIALS[m]).toBeLessThanOrEqual(start[m]);
    expect(mined[c.material]).toBeGreaterThan(0);
  });
});
