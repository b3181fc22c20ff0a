/**
 * Steering behaviours (Reynolds) over the store. Each adds a desired velocity into io[DX], io[DZ]
 * and reads its numbers from `io` too, never from number arguments: V8 boxes a double passed to
 * or returned from a call it did not inline, and the tick must not allocate (creature-world.ts).
 * The only maths is + - * / and sqrt, so every JS engine gives the same bits.
 */
import type { CreatureStore } from './creature-store.ts';
import type { SpatialGrid } from './spatial-grid.ts';
import { TYPE_RADIUS } from './creature-world.ts';

/** Slots of the brain's scratch `io` array. */
export const DX = 0, DZ = 1, SPEED = 2, TX = 3, TZ = 4, STOP = 5, SLOW = 6, DIST = 7, DT = 8, WEIGHT = 9;
export const IO_SIZE = 10;

const WANDER_DISTANCE = 2;
const WANDER_RADIUS = 1;
const WANDER_JITTER = 0.6;
const INV_2_32 = 1 / 4294967296;

/** Wander at io[SPEED] × io[WEIGHT]: a point on a circle ahead, nudged randomly each tick, so the path meanders without trig. */
export function wander(store: CreatureStore, s: number, io: Float64Array): void {
  // Two draws of the creature's own xorshift32, written out here rather than called, so no
  // unboxed double has to cross a call.
  let r = store.rng[s];
  r ^= r << 13; r ^= r >>> 17; r ^= r << 5;
  const r1 = (r >>> 0) * INV_2_32;
  r ^= r << 13; r ^= r >>> 17; r ^= r << 5;
  const r2 = (r >>> 0) * INV_2_32;
  store.rng[s] = r >>> 0;
  let wx = store.wanderX[s] + (r1 - 0.5) * WANDER_JITTER;
  let wz = store.wanderZ[s] + (r2 - 0.5) * WANDER_JITTER;
  const wl = Math.sqrt(wx * wx + wz * wz) || 1;
  wx /= wl; wz /= wl;
  store.wanderX[s] = wx; store.wanderZ[s] = wz;
  const hx = store.headX[s], hz = store.headZ[s];
  // Local (right, forward) = (wx, D + wz) → world: forward is the heading, right is (hz, -hx).
  const f = WANDER_DISTANCE + wz * WANDER_RADIUS, right = wx * WANDER_RADIUS;
  const dx = hx * f + hz * right, dz = hz * f - hx * right;
  const dl = Math.sqrt(dx * dx + dz * dz) || 1, speed = io[SPEED] * io[WEIGHT];
  io[DX] += (dx / dl) * speed; io[DZ] += (dz / dl) * speed;
}

/** Seek (io[TX], io[TZ]) with arrival: full speed far away, slowing inside io[SLOW], still inside io[STOP]. Distance into io[DIST]. */
export function arrive(store: CreatureStore, s: number, io: Float64Array): void {
  const dx = io[TX] - store.x[s], dz = io[TZ] - store.z[s], d = Math.sqrt(dx * dx + dz * dz);
  io[DIST] = d;
  const stop = io[STOP], slow = io[SLOW];
  if (d <= stop) return;
  const k = d < slow ? (d - stop) / (slow - stop) : 1;
  io[DX] += (dx / d) * io[SPEED] * k; io[DZ] += (dz / d) * io[SPEED] * k;
}

/** Flee: full speed straight away from (io[TX], io[TZ]). */
export function flee(store: CreatureStore, s: number, io: Float64Array): void {
  const dx = store.x[s] - io[TX], dz = store.z[s] - io[TZ], d = Math.sqrt(dx * dx + dz * dz) || 1;
  io[DX] += (dx / d) * io[SPEED]; io[DZ] += (dz / d) * io[SPEED];
}

export const SEPARATION_MARGIN = 1.2;
/** Neighbours are found within this radius; the largest two bodies plus the margin fit inside it. */
export const SEPARATION_RADIUS = 3;

/**
 * Separation: pushes away from each neighbour closer than both bodies plus a margin, harder the
 * deeper the overlap, scaled by io[SPEED] × io[WEIGHT]. Creatures more than 2 m apart in height
 * (a flyer over a walker) ignore each other.
 */
export function separate(store: CreatureStore, grid: SpatialGrid, s: number, io: Float64Array): void {
  const n = grid.near(store, s, SEPARATION_RADIUS);
  const found = grid.found, x = store.x, y = store.y, z = store.z, rs = TYPE_RADIUS[store.type[s]];
  const strength = io[SPEED] * io[WEIGHT];
  for (let i = 0; i < n; i++) {
    const o = found[i];
    const dy = y[o] - y[s];
    if (dy > 2 || dy < -2) continue;
    const want = rs + TYPE_RADIUS[store.type[o]] + SEPARATION_MARGIN;
    let dx = x[s] - x[o], dz = z[s] - z[o];
    let d = Math.sqrt(dx * dx + dz * dz);
    if (d >= want) continue;
    // Two at the same spot: split them along a direction fixed by their ids, never by chance.
    if (d < 1e-6) { dx = store.id[s] < store.id[o] ? 1 : -1; dz = 0; d = 1; }
    const push = ((want - d) / want) * strength;
    io[DX] += (dx / d) * push; io[DZ] += (dz / d) * push;
  }
}
