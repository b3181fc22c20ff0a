import { describe, expect, it } from 'vitest';
import { MATERIAL_ID, MATERIALS } from '../protocol/world.ts';
import { PLAINS } from './biomes.ts';
import { ColumnMaterials } from './materials-rule.ts';
import { VoxelStore } from './voxel-store.ts';

const IRON = MATERIAL_ID.ore;
const COPPER = MATERIAL_ID.copper_ore;

/** Ore voxels of a deep plains box (surface far above, so every row is rock or ore), by 8 m cell. */
function oreByCell(seed: number, x0: number, y0: number, z0: number, n: number): Map<string, Set<number>> {
  const mats = new ColumnMaterials(seed);
  mats.prepare(x0, y0, z0, n, n, n);
  const cells = new Map<string, Set<number>>();
  for (let z = z0; z < z0 + n; z++) for (let x = x0; x < x0 + n; x++) {
    mats.column(PLAINS, 200, x, z);
    for (let y = y0; y < y0 + n; y++) {
      const m = mats.at(y, y - y0);
      if (m !== IRON && m !== COPPER) continue;
      const key = `${Math.floor(x / 8)},${Math.floor(y / 8)},${Math.floor(z / 8)}`;
      let set = cells.get(key);
      if (!set) cells.set(key, (set = new Set()));
      set.add(m);
    }
  }
  return cells;
}

describe('ore pockets: iron or copper', () => {
  it('keeps stored ids: iron ore is still 7, copper ore is appended as 10', () => {
    expect(MATERIAL_ID.ore).toBe(7);
    expect(MATERIAL_ID.copper_ore).toBe(10);
    expect(MATERIALS.length).toBe(11);
  });

  it('makes each pocket wholly iron or wholly copper, about 1 in 3 copper', () => {
    const cells = oreByCell(77, -96, -32, -96, 192);
    let copper = 0;
    for (const [key, set] of cells) {
      expect(set.size, key).toBe(1);
      if (set.has(COPPER)) copper++;
    }
    // 192³ m holds 13,824 cells, about 1,150 pockets: the copper share sits well inside 25..42 %.
    expect(cells.size).toBeGreaterThan(800);
    expect(copper / cells.size).toBeGreaterThan(0.25);
    expect(copper / cells.size).toBeLessThan(0.42);
  });

  it('gives the same pockets whatever box they are read through', () => {
    const whole = oreByCell(5, 0, -32, 0, 64);
    const part = oreByCell(5, 16, -16, 8, 32);
    for (const [key, set] of part) expect(whole.get(key), key).toEqual(set);
  });

  it('generated planet terrain holds copper ore under the ground', () => {
    const store = new VoxelStore(1337);
    const d = new Int8Array(64 * 64 * 64), m = new Uint8Array(64 * 64 * 64);
    store.gen.fillBox(0, -40, 0, 64, 64, 64, d, m);
    let copper = 0, iron = 0;
    for (let i = 0; i < m.length; i++) {
      if (m[i] === COPPER) { copper++; expect(d[i]).toBeGreaterThan(0); }
      if (m[i] === IRON) iron++;
    }
    expect(copper).toBeGreaterThan(0);
    expect(iron).toBeGreaterThan(0);
  });
});
