import { describe, expect, it } from 'vitest';
import { CREATURE_TYPES, CREATURE_TYPES_BY_INDEX, statsAtLevel } from './creature-types.ts';
import { ITEMS } from '../items.ts';

describe('creature types', () => {
  it('has a grazer, the alien_predator, a flyer and a companion, each eating a real item', () => {
    expect(CREATURE_TYPES.alien_predator.hostile).toBe(true);
    expect(CREATURE_TYPES.grazer.flees).toBe(true);
    expect(CREATURE_TYPES_BY_INDEX.some((t) => t.locomotion === 'flyer')).toBe(true);
    CREATURE_TYPES_BY_INDEX.forEach((t, i) => {
      expect(t.index).toBe(i);
      expect(ITEMS[t.food]).toBeDefined();
    });
  });

  it('level 1 is the base; levels scale every stat by whole percents', () => {
    const t = CREATURE_TYPES.alien_predator;
    expect(statsAtLevel(t, 1)).toEqual(t.base);
    const l11 = statsAtLevel(t, 11);
    expect(l11.health).toBe(400); // +10 % × 10
    expect(l11.damage).toBe(27); // +5 % × 10
    expect(l11.defense).toBeCloseTo(8.4, 12); // +4 % × 10
    expect(l11.stamina).toBe(216); // +8 % × 10
    expect(l11.speed).toBeCloseTo(7.15, 12); // +1 % × 10
  });

  it('speed stops growing at +30 %, and bad levels are refused', () => {
    const t = CREATURE_TYPES.grazer;
    expect(statsAtLevel(t, 100).speed).toBe(statsAtLevel(t, 31).speed);
    expect(statsAtLevel(t, 31).speed).toBeCloseTo(6.5, 12);
    for (const bad of [0, -1, 1.5, NaN, 151]) expect(() => statsAtLevel(t, bad)).toThrow(RangeError);
  });
});
