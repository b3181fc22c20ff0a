import type { Result } from '../protocol/errors.ts';
import type { TerrainPool } from '../threads/terrain-pool.ts';
import type { CollisionField } from '../engine/player/collision-field.ts';

const RING_STEP = 48;
const RINGS = 4;

type Column = { height: number; biome: string };

export interface SpawnChoice { x: number; z: number; ground: number; yawDeg: number }

/**
 * Picks a planet spawn with a view: the flattest open column near the world origin (judged by the
 * ground around it), facing the highest ground in sight so mountains fill the horizon. Asks the
 * workers for column heights, so it needs no meshed chunks.
 */
export async function searchSpawn(pool: TerrainPool): Promise<SpawnChoice> {
  const height = async (x: number, z: number) => {
    const r = await pool.query<Result<Column>>((api) => api.columnInfo({ x, z }));
    return r.ok ? r.value.height : 0;
  };
  const candidates: Array<[number, number]> = [[0, 0]];
  for (let ring = 1; ring <= RINGS; ring++) candidates.push(...ringPoints(ring * RING_STEP, 6 + ring * 4));
  const scored = await Promise.all(candidates.map(async ([x, z]) => {
    const [ground, ...around] = await Promise.all([height(x, z), height(x + 12, z), height(x - 12, z), height(x, z + 12), height(x, z - 12)]);
    const roughness = around.reduce((sum, h) => sum + Math.abs(h - ground), 0);
    // Flat ground a little above the lowlands, not too far from the origin.
    return { x, z, ground, score: roughness + Math.abs(ground - 12) * 0.2 + Math.hypot(x, z) * 0.01 };
  }));
  let best = scored[0];
  for (const c of scored) if (c.score < best.score) best = c;
  // Face an open foreground with high ground behind it: far height minus the tallest near obstacle.
  let view = { yaw: 0, score: -Infinity };
  for (let deg = 0; deg < 360; deg += 30) {
    const rad = (deg * Math.PI) / 180;
    const along = (d: number) => height(best.x - Math.sin(rad) * d, best.z - Math.cos(rad) * d);
    const [n1, n2, n3, far1, far2] = await Promise.all([along(25), along(50), along(90), along(200), along(320)]);
    const score = Math.max(far1, far2) - 2 * Math.max(n1, n2, n3, best.ground);
    if (score > view.score) view = { yaw: deg, score };
  }
  return { x: best.x, z: best.z, ground: best.ground, yawDeg: view.yaw };
}

/**
 * The top of the ground under (x, z), searched downward in the collision field from `fromY`: the
 * first place where density turns solid, refined to a centimetre. null if the column is not loaded
 * or holds no ground in the searched span.
 */
export function groundBelow(field: CollisionField, x: number, z: number, fromY: number, span = 64): number | null {
  let prev = fromY;
  if (!(field.sample(x, prev, z) <= 0)) return null; // start point solid or not loaded
  for (let y = fromY - 0.5; y >= fromY - span; y -= 0.5) {
    const d = field.sample(x, y, z);
    if (Number.isNaN(d)) return null;
    if (d > 0) {
      let lo = y, hi = prev; // solid at lo, air at hi
      while (hi - lo > 0.01) {
        const mid = (lo + hi) / 2;
        if (field.sample(x, mid, z) > 0) lo = mid; else hi = mid;
      }
      return hi;
    }
    prev = y;
  }
  return null;
}

function ringPoints(radius: number, count: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const a = (i / count) * Math.PI * 2;
    out.push([Math.round(Math.sin(a) * radius), Math.round(Math.cos(a) * radius)]);
  }
  return out;
}
