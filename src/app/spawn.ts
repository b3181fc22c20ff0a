import type { Game } from './game.ts';
import type { Result } from '../protocol/errors.ts';

/** Height of the free-fly camera above the ground at spawn. */
const SPAWN_CLEARANCE = 9;
const RING_STEP = 48;
const RINGS = 4;

type Column = { height: number; biome: string };

/**
 * Picks a spawn with a view: the flattest open column near the world origin (judged by the ground
 * around it), then faces the highest ground in sight so mountains fill the horizon.
 */
export async function spawnPlayer(game: Game): Promise<void> {
  const { position, yaw, pitch } = game.flags;
  if (position) {
    const placed = game.placeRig(position[0], position[1], position[2], yaw ?? 0, pitch ?? -15);
    if (placed.ok) return;
    console.warn(`?pos ignored: ${placed.error.message}`);
  }
  const height = async (x: number, z: number) => {
    const r = await game.pool.query<Result<Column>>((api) => api.columnInfo({ x, z }));
    return r.ok ? r.value.height : 0;
  };
  let best = { x: 0, z: 0, ground: await height(0, 0), score: Infinity };
  const candidates: Array<[number, number]> = [[0, 0]];
  for (let ring = 1; ring <= RINGS; ring++) candidates.push(...ringPoints(ring * RING_STEP, 6 + ring * 4));
  const scored = await Promise.all(candidates.map(async ([x, z]) => {
    const [ground, ...around] = await Promise.all([height(x, z), height(x + 12, z), height(x - 12, z), height(x, z + 12), height(x, z - 12)]);
    const roughness = around.reduce((sum, h) => sum + Math.abs(h - ground), 0);
    // Flat ground a little above the lowlands, not too far from the origin.
    return { x, z, ground, score: roughness + Math.abs(ground - 12) * 0.2 + Math.hypot(x, z) * 0.01 };
  }));
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
  game.placeRig(best.x, best.ground + SPAWN_CLEARANCE, best.z, yaw ?? view.yaw, pitch ?? -8);
}

function ringPoints(radius: number, count: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const a = (i / count) * Math.PI * 2;
    out.push([Math.round(Math.sin(a) * radius), Math.round(Math.cos(a) * radius)]);
  }
  return out;
}
