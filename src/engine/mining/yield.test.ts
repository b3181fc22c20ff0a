import { describe, expect, it } from 'vitest';
import type { BrushEdit } from '../../protocol/terrain.ts';
import { MATERIAL_ID } from '../../protocol/world.ts';
import { applyBrush } from '../brush.ts';
import { VoxelStore } from '../voxel-store.ts';
import { clearEditLedger, createEditLedger, totalUnits } from './edit-ledger.ts';
import { balance, snapshot, testRandom, uniformTarget } from './test-terrain.ts';
import { buildCost, buildReservation, maxBuildUnits, mineYield, settleBuild, settleUnits, UNITS_PER_ITEM, type YieldRemainder } from './yield.ts';

const SEED = 1337;
const edit = (x: number, y: number, z: number, radius: number, strength: number, operation: BrushEdit['operation']): BrushEdit =>
  ({ position: { x, y, z }, radius, strength, operation });

/** A row of digs along the plains near the spawn, each carrying the remainder on; every step's output. */
function digRow(): Array<ReturnType<typeof mineYield>> {
  const store = new VoxelStore(SEED);
  const ledger = createEditLedger();
  let remainder: YieldRemainder = {};
  const out = [];
  for (let i = 0; i < 8; i++) {
    clearEditLedger(ledger);
    applyBrush(store, edit(4 + i * 1.7, 6.2, 40 + i * 0.9, 1.5 + (i % 3), 3 + i, 'remove'), ledger);
    const y = mineYield(ledger, remainder);
    remainder = y.remainder;
    out.push(y);
  }
  return out;
}

describe('settleUnits: whole items from carried units', () => {
  it('floors gains and charges whole items for costs, leaving 0..126', () => {
    expect(settleUnits(0, 126)).toEqual({ items: 0, remainder: 126 });
    expect(settleUnits(100, 30)).toEqual({ items: 1, remainder: 3 });
    expect(settleUnits(0, 3 * 127)).toEqual({ items: 3, remainder: 0 });
    expect(settleUnits(10, -10)).toEqual({ items: 0, remainder: 0 });
    expect(settleUnits(10, -11)).toEqual({ items: -1, remainder: 126 });
    expect(settleUnits(0, -255)).toEqual({ items: -3, remainder: 126 });
  });
});

describe('mineYield', () => {
  it('a known dig yields the items counted by hand from the voxels before and after', () => {
    const store = new VoxelStore(SEED);
    const e = edit(10.5, 6, 42.5, 4, 8, 'remove');
    const before = snapshot(store, e);
    const ledger = createEditLedger();
    applyBrush(store, e, ledger);
    const { removed } = balance(before, snapshot(store, e));
    // From the snapshots: 442 units of grass and 2,799 of soil (both the soil item: 3,241 = 25·127 + 66),
    // 88 of rock (not one whole rock yet).
    expect([removed[MATERIAL_ID.grass], removed[MATERIAL_ID.soil], removed[MATERIAL_ID.rock]]).toEqual([442, 2799, 88]);
    expect(mineYield(ledger, {})).toEqual({ items: { soil: 25 }, remainder: { soil: 66, rock: 88 } });
    // What the player carried counts too: 39 more rock units make one rock.
    expect(mineYield(ledger, { rock: 39, ice: 5 })).toEqual({ items: { soil: 25, rock: 1 }, remainder: { soil: 66, ice: 5 } });
  });

  it('two runs of the same digs give identical yields and remainders', () => {
    expect(JSON.stringify(digRow())).toBe(JSON.stringify(digRow()));
  });

  it('carries the remainder so nothing is lost across digs', () => {
    const store = new VoxelStore(SEED);
    const ledger = createEditLedger();
    const total = createEditLedger();
    let remainder: YieldRemainder = {};
    let soilItems = 0, firstWhole = -1;
    for (let i = 0; i < 12; i++) {
      clearEditLedger(ledger);
      // Tiny scrapes: each alone is less than one item.
      const e = edit(3 + i * 2.5, 6.6, 35, 1.5, 2, 'remove');
      applyBrush(store, e, ledger);
      applyBrush(new VoxelStore(SEED), e, total); // the same scrape on fresh ground, summed
      expect(totalUnits(ledger.removed)).toBeLessThan(UNITS_PER_ITEM);
      const y = mineYield(ledger, remainder);
      remainder = y.remainder;
      soilItems += y.items.soil ?? 0;
      if (firstWhole < 0 && soilItems > 0) firstWhole = i;
    }
    expect(firstWhole).toBeGreaterThan(0);
    const soilUnits = total.removed[MATERIAL_ID.soil] + total.removed[MATERIAL_ID.grass];
    expect(soilItems * UNITS_PER_ITEM + (remainder.soil ?? 0)).toBe(soilUnits);
  });

  it('a dig into a copper pocket yields copper ore', () => {
    const store = new VoxelStore(SEED);
    const n = 64, d = new Int8Array(n ** 3), m = new Uint8Array(n ** 3);
    store.gen.fillBox(0, -40, 0, n, n, n, d, m);
    const i = m.indexOf(MATERIAL_ID.copper_ore);
    const ledger = createEditLedger();
    applyBrush(store, edit(i % n, -40 + (Math.floor(i / n) % n), Math.floor(i / n ** 2), 2.5, 10, 'remove'), ledger);
    const y = mineYield(ledger, {});
    expect(y.items.copper_ore).toBe(Math.floor(ledger.removed[MATERIAL_ID.copper_ore] / UNITS_PER_ITEM));
    expect(y.items.copper_ore).toBeGreaterThanOrEqual(1);
  });
});

describe('building costs soil', () => {
  it('buildCost charges every unit added, whatever the new voxels look like', () => {
    const store = new VoxelStore(SEED);
    const ledger = createEditLedger();
    applyBrush(store, edit(20, 8, 52, 3, 6, 'add'), ledger);
    const added = totalUnits(ledger.added);
    const cost = buildCost(ledger, { soil: 50, rock: 7 });
    expect(cost.items).toBe(Math.ceil((added - 50) / UNITS_PER_ITEM));
    expect(cost.items * UNITS_PER_ITEM + 50 - (cost.remainder.soil ?? 0)).toBe(added);
    expect(cost.remainder.rock).toBe(7);
  });

  it('a reservation covers the build and the refund gives back exactly what it did not use', () => {
    const rand = testRandom(12);
    for (let k = 0; k < 12; k++) {
      const store = new VoxelStore(SEED);
      const e = edit(rand() * 60 - 30, 4 + rand() * 6, rand() * 60 - 30, 0.5 + rand() * 6, 0.5 + rand() * 9.5, 'add');
      const carried = Math.floor(rand() * 127);
      const reserved = buildReservation(e, { soil: carried });
      const ledger = createEditLedger();
      applyBrush(store, e, ledger);
      const { refund, remainder } = settleBuild(ledger, reserved, { soil: carried });
      expect(refund).toBeGreaterThanOrEqual(0);
      expect(refund).toBeLessThanOrEqual(reserved);
      expect((reserved - refund) * UNITS_PER_ITEM + carried - (remainder.soil ?? 0)).toBe(totalUnits(ledger.added));
    }
  });
});

describe('maxBuildUnits', () => {
  it('is at least what random builds on generated terrain add', () => {
    const rand = testRandom(7);
    const store = new VoxelStore(SEED);
    const ledger = createEditLedger();
    for (let k = 0; k < 40; k++) {
      const e = edit(rand() * 200 - 100, rand() * 30 - 10, rand() * 200 - 100, 0.3 + rand() * 15.7, 0.1 + rand() * 9.9, 'add');
      clearEditLedger(ledger);
      applyBrush(store, e, ledger);
      expect(maxBuildUnits(e), JSON.stringify(e)).toBeGreaterThanOrEqual(totalUnits(ledger.added));
    }
  });

  it('is at least what a build adds over any uniform density, and exact where the density is 0', () => {
    const rand = testRandom(8);
    const ledger = createEditLedger();
    for (let k = 0; k < 30; k++) {
      const e = edit(rand() * 100, rand() * 100, rand() * 100, 0.3 + rand() * 15.7, 0.1 + rand() * 9.9, 'add');
      for (const d of [-127, -40, -1, 1, 33, 126]) {
        clearEditLedger(ledger);
        applyBrush(uniformTarget(d, MATERIAL_ID.rock), e, ledger);
        expect(maxBuildUnits(e)).toBeGreaterThanOrEqual(totalUnits(ledger.added));
      }
      clearEditLedger(ledger);
      applyBrush(uniformTarget(0, 0), e, ledger);
      expect(maxBuildUnits(e)).toBe(totalUnits(ledger.added));
    }
  });

  it('stops at the world edges as the brush does (nothing below the bedrock top)', () => {
    expect(maxBuildUnits(edit(0, -64, 0, 2, 10, 'add'))).toBe(0);
    expect(maxBuildUnits(edit(0, 100, 0, 1, 10, 'add'))).toBe(127);
  });
});
