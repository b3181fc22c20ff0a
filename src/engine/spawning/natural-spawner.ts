/**
 * Natural creature spawning (issue 13): keeps a small population around each player, drawn from
 * the biome under the spot, and lets natural wild creatures go once nobody is near them.
 *
 * Runs every couple of seconds on whichever page simulates the area (single-player: the page; in a
 * shared world: the zone's authority, whose requests the relay caps again per zone and world). Not a
 * hot path, so plain objects are fine; the choices come from a caller-kept xorshift state, so the
 * same state and inputs give the same plan.
 */
import { DESERT, ICE, MOUNTAINS, PLAINS } from '../biomes.ts';
import { CREATURE_TYPE_NAMES, type CreatureTypeName } from '../../protocol/creatures.ts';

export interface SpawnerConfig {
  /** New creatures appear this far from the player (m): out of the way, not out of sight. */
  ringMin: number;
  ringMax: number;
  /** At most this many natural wild creatures within `nearRadius` of a player. */
  capNear: number;
  nearRadius: number;
  /** Natural wild creatures farther than this from every player are let go. */
  despawnRadius: number;
  /** Spawns per plan, at most: the population fills over a few plans, not in one burst. */
  perPlan: number;
}

export const DEFAULT_SPAWNER: Readonly<SpawnerConfig> = { ringMin: 35, ringMax: 80, capNear: 8, nearRadius: 120, despawnRadius: 170, perPlan: 2 };

/** Relative odds per biome, in CREATURE_TYPE_NAMES order (grazer, alien_predator, skyray, rockling). */
export const BIOME_ODDS: Readonly<Record<number, readonly number[]>> = {
  [PLAINS]: [50, 15, 10, 25],
  [MOUNTAINS]: [0, 20, 40, 40],
  [DESERT]: [0, 45, 15, 40],
  [ICE]: [35, 20, 45, 0],
};

export interface SpawnerPlayer { x: number; y: number; z: number }
export interface SpawnerCreature { n: number; x: number; z: number; natural: boolean; wild: boolean }
export interface SpawnPlan { spawns: Array<{ type: CreatureTypeName; x: number; y: number; z: number; level: number }>; despawn: number[] }

/** xorshift32 step on a one-element state; returns 0..1. */
function next(state: Uint32Array): number {
  let x = state[0] || 0x9e3779b9;
  x ^= x << 13; x >>>= 0;
  x ^= x >>> 17;
  x ^= x << 5; x >>>= 0;
  state[0] = x;
  return x / 4294967296;
}

function pickType(biome: number, r: number): CreatureTypeName {
  const odds = BIOME_ODDS[biome] ?? BIOME_ODDS[PLAINS];
  let total = 0;
  for (const o of odds) total += o;
  let at = r * total;
  for (let i = 0; i < odds.length; i++) {
    if (at < odds[i]) return CREATURE_TYPE_NAMES[i];
    at -= odds[i];
  }
  return CREATURE_TYPE_NAMES[0];
}

/**
 * The spawns and despawns for now. `biomeAt` names the dominant biome of a column (biomes.ts);
 * spawn points are in the ring around a player chosen in turn, heights are the player's (the
 * caller puts each on the ground before spawning it).
 */
export function planNaturalSpawns(
  players: readonly SpawnerPlayer[], creatures: readonly SpawnerCreature[], biomeAt: (x: number, z: number) => number,
  rng: Uint32Array, config: SpawnerConfig = DEFAULT_SPAWNER,
): SpawnPlan {
  const plan: SpawnPlan = { spawns: [], despawn: [] };
  const far2 = config.despawnRadius * config.despawnRadius, near2 = config.nearRadius * config.nearRadius;
  for (const c of creatures) {
    if (!c.natural || !c.wild) continue;
    let nearest = Infinity;
    for (const p of players) nearest = Math.min(nearest, (p.x - c.x) * (p.x - c.x) + (p.z - c.z) * (p.z - c.z));
    if (nearest > far2) plan.despawn.push(c.n);
  }
  for (const p of players) {
    let around = 0;
    for (const c of creatures) if (c.natural && c.wild && (p.x - c.x) * (p.x - c.x) + (p.z - c.z) * (p.z - c.z) <= near2) around++;
    for (let k = around; k < config.capNear && plan.spawns.length < config.perPlan; k++) {
      // A point in the ring from two uniform numbers, without trig: a random direction by rejection.
      let dx = 0, dz = 0, l2 = 0;
      do { dx = next(rng) * 2 - 1; dz = next(rng) * 2 - 1; l2 = dx * dx + dz * dz; } while (l2 < 0.01 || l2 > 1);
      const l = Math.sqrt(l2), dist = config.ringMin + next(rng) * (config.ringMax - config.ringMin);
      const x = p.x + (dx / l) * dist, z = p.z + (dz / l) * dist;
      const type = pickType(biomeAt(x, z), next(rng));
      plan.spawns.push({ type, x, y: p.y, z, level: 1 + Math.floor(next(rng) * 10) });
    }
  }
  return plan;
}
