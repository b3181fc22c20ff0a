/**
 * Flyers keep a height band above the ground and climb over what is ahead of them: the terrain in
 * 3D (a ridge or an overhang found by density) rather than going around it as walkers do.
 */
import type { CreatureStore } from './creature-store.ts';
import type { CreatureWorld } from './creature-world.ts';
import { DT, SPEED } from './steering.ts';

export const FLY_MIN = 4;
export const FLY_CRUISE = 9;
export const FLY_MAX = 14;
/** Never closer to the ground than this, whatever the steering said. */
const FLY_FLOOR = 1.5;
const FLY_LOOK_AHEAD = 4;

/** Vertical steering and the hard floor for flyer s; io[SPEED] and io[DT] in, `probe` scratch. */
export function keepFlyerInBand(store: CreatureStore, world: CreatureWorld, s: number, io: Float64Array, probe: Float64Array): void {
  const speed = io[SPEED], dt = io[DT], x = store.x[s], z = store.z[s], y = store.y[s];
  probe[0] = x; probe[1] = y; probe[2] = z;
  world.groundAt(probe);
  const ground = probe[1];
  // Look ahead along the velocity: rising ground or solid voxels there mean climb now.
  const ahead = FLY_LOOK_AHEAD / (speed || 1);
  probe[0] = x + store.vx[s] * ahead; probe[1] = y; probe[2] = z + store.vz[s] * ahead;
  world.groundAt(probe);
  const floor = (probe[1] > ground ? probe[1] : ground) + FLY_MIN;
  probe[1] = y;
  let want: number;
  if (y < floor || world.solidAt(probe)) want = speed * 0.6;
  else if (y > ground + FLY_MAX) want = -speed * 0.4;
  else want = (ground + FLY_CRUISE - y) * 0.5;
  const maxDv = speed * 2 * dt;
  let dv = want - store.vy[s];
  if (dv > maxDv) dv = maxDv; else if (dv < -maxDv) dv = -maxDv;
  const vy = store.vy[s] + dv;
  store.vy[s] = vy;
  const ny = y + vy * dt;
  store.y[s] = ny < ground + FLY_FLOOR ? ground + FLY_FLOOR : ny;
}
