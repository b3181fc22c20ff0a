/**
 * Steering behaviours (Reynolds) over the store, each adding a desired velocity into `out[0..1]`
 * (x, z). Plain functions over typed arrays: no vectors are created, and the only maths is
 * + - * / and sqrt, so every JS engine gives the same bits.
 */
import type { CreatureStore } from './creature-store.ts';
import type { SpatialGrid } from './spatial-grid.ts';
import type { CreatureWorld } from './creature-world.ts';
import { TYPE_RADIUS } from './creature-world.ts';

/** xorshift32 on the creature's own state; returns a double in [0, 1). */
export function nextRandom(store: CreatureStore, s: number): number {
  let r = store.rng[s];
  r ^= r << 13; r >>>= 0;
  r ^= r >>> 17;
  r ^= r << 5; r >>>= 0;
  store.rng[s] = r;
  return r / 4294967296;
}

const WANDER_DISTANCE = 2;
const WANDER_RADIUS = 1;
const WANDER_JITTER = 0.6;

/** Wander: a point on a circle ahead, nudged randomly each tick, so the path meanders without trig. */
export function wander(store: CreatureStore, s: number, speed: number, out: Float64Array): void {
  let wx = store.wanderX[s] + (nextRandom(store, s) - 0.5) * WANDER_JITTER;
  let wz = store.wanderZ[s] + (nextRandom(store, s) - 0.5) * WANDER_JITTER;
  const wl = Math.sqrt(wx * wx + wz * wz) || 1;
  wx /= wl; wz /= wl;
  store.wanderX[s] = wx; store.wanderZ[s] = wz;
  const hx = store.headX[s], hz = store.headZ[s];
  // Local (right, forward) = (wx, D + wz) → world: forward is the heading, right is (hz, -hx).
  const f = WANDER_DISTANCE + wz * WANDER_RADIUS, r = wx * WANDER_RADIUS;
  const dx = hx * f + hz * r, dz = hz * f - hx * r;
  const dl = Math.sqrt(dx * dx + dz * dz) || 1;
  out[0] += (dx / dl) * speed; out[1] += (dz / dl) * speed;
}

/** Seek with arrival: full speed far away, slowing inside `slowRadius`, still inside `stopRadius`. */
export function arrive(
  store: CreatureStore, s: number, tx: number, tz: number, speed: number, stopRadius: number, slowRadius: number, out: Float64Array,
): number {
  const dx = tx - store.x[s], dz = tz - store.z[s], d = Math.sqrt(dx * dx + dz * dz);
  if (d <= stopRadius) return d;
  const k = d < slowRadius ? (d - stopRadius) / (slowRadius - stopRadius) : 1;
  out[0] += (dx / d) * speed * k; out[1] += (dz / d) * speed * k;
  return d;
}

/** Flee: full speed straight away from a point. */
export function flee(store: CreatureStore, s: number, fx: number, fz: number, speed: number, out: Float64Array): void {
  const dx = store.x[s] - fx, dz = store.z[s] - fz, d = Math.sqrt(dx * dx + dz * dz) || 1;
  out[0] += (dx / d) * speed; out[1] += (dz / d) * speed;
}

export const SEPARATION_MARGIN = 1.2;
/** Neighbours are found within this radius; the largest two bodies plus the margin fit inside it. */
export const SEPARATION_RADIUS = 3;

/**
 * Separation: pushes away from each neighbour closer than both bodies plus a margin, harder the
 * deeper the overlap. Creatures more than 2 m apart in height (a flyer over a walker) ignore each other.
 */
export function separate(store: CreatureStore, grid: SpatialGrid, s: number, speed: number, weight: number, out: Float64Array): void {
  const n = grid.near(store, store.x[s], store.z[s], SEPARATION_RADIUS, s);
  const found = grid.found, x = store.x, y = store.y, z = store.z, rs = TYPE_RADIUS[store.type[s]];
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
    const push = ((want - d) / want) * speed * weight;
    out[0] += (dx / d) * push; out[1] += (dz / d) * push;
  }
}

const C45 = 0.7071067811865476;
const LOOK_AHEAD = 1.5;
/** A walker climbs at most this much over the look-ahead distance (a 1:1.5 slope). */
const MAX_CLIMB = 1;
const BODY_PROBE_HEIGHT = 0.6;

function blocked(world: CreatureWorld, x: number, y: number, z: number, ux: number, uz: number, reach: number): boolean {
  const px = x + ux * reach, pz = z + uz * reach;
  return world.groundY(px, pz) - y > MAX_CLIMB || world.isSolid(px, y + BODY_PROBE_HEIGHT, pz);
}

/**
 * Walkers go around what blocks them: probe the ground and the density ahead along the desired
 * direction, then 45° and 90° to either side (the side tried first alternates by id, so a group
 * splits around a rock instead of jamming). Rewrites out[0..1]; zero if every way is blocked.
 */
export function avoidObstacles(store: CreatureStore, world: CreatureWorld, s: number, out: Float64Array): void {
  const vx = out[0], vz = out[1], v = Math.sqrt(vx * vx + vz * vz);
  if (v < 1e-3) return;
  const ux = vx / v, uz = vz / v, x = store.x[s], y = store.y[s], z = store.z[s];
  const reach = LOOK_AHEAD + TYPE_RADIUS[store.type[s]];
  if (!blocked(world, x, y, z, ux, uz, reach)) return;
  const side = (store.id[s] & 1) === 0 ? 1 : -1;
  for (let k = 0; k < 4; k++) {
    const sgn = (k & 1) === 0 ? side : -side;
    // Rotate (ux, uz) by ±45° (k = 0, 1) or ±90° (k = 2, 3).
    const c = k < 2 ? C45 : 0, sn = (k < 2 ? C45 : 1) * sgn;
    const rx = ux * c - uz * sn, rz = ux * sn + uz * c;
    if (!blocked(world, x, y, z, rx, rz, reach)) { out[0] = rx * v; out[1] = rz * v; return; }
  }
  out[0] = 0; out[1] = 0;
}
