/**
 * Walkers go around what blocks them (too steep up, too deep down, or solid at body height): probe
 * the ground and the density ahead along the desired direction, then 45°, 90° and 135° to either
 * side and straight back (the side tried first alternates by id, so a group
 * splits around a rock instead of jamming). Rotations use fixed constants, not trig.
 */
import type { CreatureStore } from './creature-store.ts';
import { TYPE_RADIUS, type CreatureWorld } from './creature-world.ts';
import { DX, DZ } from './steering.ts';

const C45 = 0.7071067811865476;
const LOOK_AHEAD = 1.5;
/** A walker climbs at most this much over the look-ahead distance (a 1:1.5 slope). */
const MAX_CLIMB = 1;
/** Nor does it step off an edge deeper than this (a cave mouth, a dug pit, a cliff). */
const MAX_DROP = 2;
const BODY_PROBE_HEIGHT = 0.6;
/** Direction k as (cos, sin) of its turn, times the side: ahead, 45° each way, 90° each way, 135° each way, back. */
const TURN_COS = Float64Array.of(1, C45, C45, 0, 0, -C45, -C45, -1);
const TURN_SIN = Float64Array.of(0, C45, -C45, 1, -1, C45, -C45, 0);

/** Probe point for creature s looking along (ux, uz) rotated by turn k; true if blocked. */
function blocked(store: CreatureStore, world: CreatureWorld, s: number, k: number, side: number, probe: Float64Array): boolean {
  const ux = probe[3], uz = probe[4], c = TURN_COS[k], sn = TURN_SIN[k] * side;
  const rx = ux * c - uz * sn, rz = ux * sn + uz * c, reach = LOOK_AHEAD + TYPE_RADIUS[store.type[s]];
  const y = store.y[s];
  probe[0] = store.x[s] + rx * reach; probe[1] = y; probe[2] = store.z[s] + rz * reach;
  world.groundAt(probe);
  if (probe[1] - y > MAX_CLIMB || y - probe[1] > MAX_DROP) return true;
  probe[1] = y + BODY_PROBE_HEIGHT;
  if (world.solidAt(probe)) return true;
  probe[5] = rx; probe[6] = rz;
  return false;
}

/**
 * Rewrites the desired velocity io[DX], io[DZ] to the first free direction; zero if every way is
 * blocked. `probe` is scratch: [0..2] the point, [3..4] the wanted direction, [5..6] the free one.
 */
export function avoidObstacles(store: CreatureStore, world: CreatureWorld, s: number, io: Float64Array, probe: Float64Array): void {
  const vx = io[DX], vz = io[DZ], v = Math.sqrt(vx * vx + vz * vz);
  if (v < 1e-3) return;
  probe[3] = vx / v; probe[4] = vz / v;
  const side = (store.id[s] & 1) === 0 ? 1 : -1;
  for (let k = 0; k < TURN_COS.length; k++) {
    if (!blocked(store, world, s, k, side, probe)) {
      if (k > 0) { io[DX] = probe[5] * v; io[DZ] = probe[6] * v; }
      return;
    }
  }
  io[DX] = 0; io[DZ] = 0;
}
