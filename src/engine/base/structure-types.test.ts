import { describe, expect, it } from 'vitest';
import { ITEMS, isItemId } from '../items.ts';
import { STRUCTURE_TYPES, STRUCTURE_TYPE_IDS, isStructureTypeId, refundFor } from './structure-types.ts';

describe('structure catalogue', () => {
  it('lists the issue 12 types with sane figures', () => {
    for (const id of ['solar_panel', 'wind_turbine', 'battery', 'power_pole', 'fabricator', 'oxygenator', 'habitat', 'light', 'storage']) {
      expect(isStructureTypeId(id)).toBe(true);
    }
    for (const id of STRUCTURE_TYPE_IDS) {
      const t = STRUCTURE_TYPES[id];
      expect(t.id).toBe(id);
      expect(Object.keys(t.cost).length).toBeGreaterThan(0);
      for (const [item, n] of Object.entries(t.cost)) expect(isItemId(item) && Number.isInteger(n) && n > 0).toBe(true);
      expect(t.maxHealth).toBeGreaterThan(0);
      expect(Math.min(t.size.x, t.size.y, t.size.z)).toBeGreaterThan(0);
      expect(t.connectionRange).toBeGreaterThan(0);
      expect(t.role === 'generator').toBe(t.peakW > 0 && t.source !== null);
      expect(t.role === 'consumer').toBe(t.consumptionW > 0 && t.priority > 0);
      expect(t.role === 'battery').toBe(t.capacityWh > 0);
      for (const w of [t.peakW, t.consumptionW, t.priority]) expect(Number.isInteger(w)).toBe(true);
    }
    expect(STRUCTURE_TYPES.power_pole.connectionRange).toBeGreaterThan(STRUCTURE_TYPES.solar_panel.connectionRange);
    expect(STRUCTURE_TYPES.oxygenator.oxygenRange).toBeGreaterThan(0);
  });

  it('is plain data that survives JSON, for GET /base/types', () => {
    expect(JSON.parse(JSON.stringify(STRUCTURE_TYPES))).toEqual(STRUCTURE_TYPES);
  });

  it('lets a new player bootstrap: a fabricator and a generator cost raw materials only', () => {
    const rawOnly = (id: keyof typeof STRUCTURE_TYPES) =>
      Object.keys(STRUCTURE_TYPES[id].cost).every((item) => ITEMS[item as keyof typeof ITEMS].kind === 'raw');
    expect(rawOnly('fabricator')).toBe(true);
    expect(STRUCTURE_TYPE_IDS.some((id) => STRUCTURE_TYPES[id].role === 'generator' && rawOnly(id))).toBe(true);
  });

  it('refunds the full cost at full health, less when damaged, nothing when wrecked', () => {
    expect(refundFor('solar_panel', 100)).toEqual({ iron_plate: 2, glass: 3, silicon: 2 });
    expect(refundFor('solar_panel', 50)).toEqual({ iron_plate: 1, glass: 1, silicon: 1 });
    expect(refundFor('solar_panel', 500)).toEqual(refundFor('solar_panel', 100));
    expect(refundFor('solar_panel', 0)).toEqual({});
  });
});
