/**
 * The creature types (issue 13) as plain data, and how a level scales their stats. The brain reads
 * these once per creature when it is added (the store keeps the scaled stats), so the tick never
 * looks a type up by name.
 *
 * Food comes from the item catalogue (src/engine/items.ts): the predator eats the raw meat that
 * kills drop; the others eat a raw material of their biome that digging yields, so a new player can
 * tame a grazer or a rockling before they can hunt.
 */
import type { ItemId } from '../items.ts';

import { CREATURE_TYPE_NAMES, type CreatureTypeName } from '../../protocol/creatures.ts';

/** The protocol's names, in the order of their index in the store's Uint8Array. */
export const CREATURE_TYPE_IDS = CREATURE_TYPE_NAMES;
export type CreatureTypeId = CreatureTypeName;

export interface CreatureStats {
  damage: number;
  defense: number;
  /** Top speed, m/s. */
  speed: number;
  health: number;
  stamina: number;
}

export interface CreatureType {
  id: CreatureTypeId;
  /** Index in CREATURE_TYPES_BY_INDEX: what the store keeps in its Uint8Array. */
  index: number;
  base: CreatureStats;
  /** How far it notices other creatures, m. */
  sightRadius: number;
  food: ItemId;
  /** Wild ones hunt non-hostile creatures and tamed ones. */
  hostile: boolean;
  /** Runs from hostile creatures it sees instead of fighting (the grazer). */
  flees: boolean;
  locomotion: 'walker' | 'flyer';
  /** Body radius, m: separation keeps two bodies this far apart plus a margin. */
  radius: number;
  /** Feedings of `food` that tame a wild one. */
  tameFeeds: number;
  /** What it leaves when it dies (given to whoever's creature killed it, else the nearest player). */
  drop: { item: ItemId; quantity: number };
}

const type = (t: CreatureType): CreatureType => t;

export const CREATURE_TYPES: Readonly<Record<CreatureTypeId, CreatureType>> = {
  grazer: type({
    id: 'grazer', index: 0, base: { damage: 4, defense: 3, speed: 5, health: 120, stamina: 150 },
    sightRadius: 20, food: 'soil', hostile: false, flees: true, locomotion: 'walker', radius: 0.8,
    tameFeeds: 3, drop: { item: 'raw_meat', quantity: 2 },
  }),
  alien_predator: type({
    id: 'alien_predator', index: 1, base: { damage: 18, defense: 6, speed: 6.5, health: 200, stamina: 120 },
    sightRadius: 24, food: 'raw_meat', hostile: true, flees: false, locomotion: 'walker', radius: 0.9,
    tameFeeds: 5, drop: { item: 'chitin', quantity: 3 },
  }),
  skyray: type({
    id: 'skyray', index: 2, base: { damage: 6, defense: 2, speed: 9, health: 80, stamina: 200 },
    sightRadius: 30, food: 'ice', hostile: false, flees: true, locomotion: 'flyer', radius: 0.7,
    tameFeeds: 4, drop: { item: 'raw_meat', quantity: 1 },
  }),
  rockling: type({
    id: 'rockling', index: 3, base: { damage: 5, defense: 8, speed: 4.5, health: 60, stamina: 100 },
    sightRadius: 16, food: 'copper_ore', hostile: false, flees: false, locomotion: 'walker', radius: 0.4,
    tameFeeds: 2, drop: { item: 'chitin', quantity: 1 },
  }),
};

export const CREATURE_TYPES_BY_INDEX: readonly CreatureType[] = CREATURE_TYPE_IDS.map((id) => CREATURE_TYPES[id]);

export const isCreatureTypeId = (v: string): v is CreatureTypeId =>
  Object.prototype.hasOwnProperty.call(CREATURE_TYPES, v);

export const MAX_LEVEL = 150;

/**
 * Percent gained per level above 1, per stat. Speed grows slowest and stops at +30 %, so a high
 * level creature still moves like its kind; health grows fastest, as in ARK.
 */
export const LEVEL_GROWTH_PERCENT: Readonly<CreatureStats> = { damage: 5, defense: 4, speed: 1, health: 10, stamina: 8 };
const MAX_SPEED_BONUS_PERCENT = 30;

/**
 * Stats at a level: base × (100 + growth × (level − 1)) / 100. One multiply and one divide of
 * small integers by a double, so every JS engine gives the same bits.
 */
export function statsAtLevel(t: CreatureType, level: number): CreatureStats {
  if (!Number.isInteger(level) || level < 1 || level > MAX_LEVEL) throw new RangeError(`level must be an integer in 1..${MAX_LEVEL}`);
  const up = level - 1;
  const scale = (base: number, bonusPercent: number) => (base * (100 + bonusPercent)) / 100;
  const g = LEVEL_GROWTH_PERCENT;
  return {
    damage: scale(t.base.damage, g.damage * up),
    defense: scale(t.base.defense, g.defense * up),
    speed: scale(t.base.speed, Math.min(MAX_SPEED_BONUS_PERCENT, g.speed * up)),
    health: scale(t.base.health, g.health * up),
    stamina: scale(t.base.stamina, g.stamina * up),
  };
}
