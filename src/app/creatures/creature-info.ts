/**
 * GET /creature/info and /creature/list answers from the page's registry record and the creature's
 * place this frame (the interpolated CreatureFrame), with the level-scaled stats of its type.
 */
import { CREATURE_STATE_NAMES, type CreatureInfo, type CreatureRecord } from '../../protocol/creatures.ts';
import { CREATURE_TYPES, statsAtLevel } from '../../engine/creatures/creature-types.ts';
import type { CreatureFrame } from '../../scene/creature-frame.ts';
import type { Vec3 } from '../../protocol/vec3.ts';

const round3 = (v: number): number => Math.round(v * 1000) / 1000;
const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Where it is now: the frame's interpolated place, else the record's last heard. */
export function placeOf(rec: CreatureRecord, n: number, frame: CreatureFrame): Vec3 {
  const slot = frame.slotOf(n);
  if (slot < 0) return rec.position;
  return { x: frame.x[slot], y: frame.y[slot], z: frame.z[slot] };
}

export function stateOf(rec: CreatureRecord, n: number, frame: CreatureFrame): number {
  const slot = frame.slotOf(n);
  return slot < 0 ? rec.state : frame.state[slot];
}

export function creatureInfo(rec: CreatureRecord, n: number, frame: CreatureFrame): CreatureInfo {
  const type = CREATURE_TYPES[rec.creature_type];
  const stats = statsAtLevel(type, rec.level);
  const p = placeOf(rec, n, frame);
  return {
    creature_id: rec.creature_id,
    creature_type: rec.creature_type,
    level: rec.level,
    health: round1(rec.health),
    stamina: round1(rec.stamina),
    position: { x: round3(p.x), y: round3(p.y), z: round3(p.z) },
    state: CREATURE_STATE_NAMES[stateOf(rec, n, frame)] ?? 'wandering',
    tamed: rec.tamed,
    owner: rec.owner,
    stats: { damage: round1(stats.damage), defense: round1(stats.defense), speed: round1(stats.speed) },
    max_health: round1(stats.health),
    max_stamina: round1(stats.stamina),
    taming: rec.tamed ? null : { food: type.food, fed: rec.taming, needed: type.tameFeeds },
  };
}
