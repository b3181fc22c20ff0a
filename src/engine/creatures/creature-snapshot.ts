/**
 * The render snapshot the creature worker sends after each tick: one Float32Array, a header then a
 * fixed stride per creature. Integer fields that can exceed 2^24 (the tick, n, the owner key) are
 * stored as Int32 bits in their float slot: read them through an Int32Array over the same buffer.
 *
 *   header (SNAP_HEADER floats):  [SNAP_TICK] tick (i32 bits)  [SNAP_COUNT] creatures (i32 bits)
 *                                 [SNAP_DT_MS] ms per tick      [3] unused
 *   creature i at SNAP_HEADER + i * SNAP_STRIDE, plus:
 *     SNAP_N (i32 bits) n of creature_<n>     SNAP_TYPE type index       SNAP_X, SNAP_Y, SNAP_Z
 *     SNAP_VX, SNAP_VY, SNAP_VZ m/s           SNAP_HEAD_X, SNAP_HEAD_Z unit facing
 *     SNAP_LOOK_X/Y/Z what its head looks at (its target, else the player it follows), NaN for none
 *     SNAP_STATE (CREATURE_STATE_NAMES index) SNAP_HEALTH01 0..1 (0: died this tick)
 *     SNAP_LEVEL                              SNAP_OWNER (i32 bits) owner key, -1 wild
 */
import type { CreatureStore } from './creature-store.ts';
import type { PlayerTable } from './player-table.ts';
import { liveSlot } from './perception.ts';
import { TICK_DT } from './creature-brain.ts';

export const SNAP_HEADER = 4;
export const SNAP_TICK = 0, SNAP_COUNT = 1, SNAP_DT_MS = 2;
export const SNAP_N = 0, SNAP_TYPE = 1, SNAP_X = 2, SNAP_Y = 3, SNAP_Z = 4, SNAP_VX = 5, SNAP_VY = 6, SNAP_VZ = 7;
export const SNAP_HEAD_X = 8, SNAP_HEAD_Z = 9, SNAP_LOOK_X = 10, SNAP_LOOK_Y = 11, SNAP_LOOK_Z = 12;
export const SNAP_STATE = 13, SNAP_HEALTH01 = 14, SNAP_LEVEL = 15, SNAP_OWNER = 16;
export const SNAP_STRIDE = 17;

/** Floats a snapshot of `count` creatures needs. */
export const snapshotLength = (count: number): number => SNAP_HEADER + count * SNAP_STRIDE;
/** Creatures in a snapshot, and its tick. */
export const snapshotCount = (f: Float32Array): number => new Int32Array(f.buffer, f.byteOffset, 2)[SNAP_COUNT];
export const snapshotTick = (f: Float32Array): number => new Int32Array(f.buffer, f.byteOffset, 2)[SNAP_TICK];

const FOLLOWING = 1, AGGRESSIVE = 3;

/**
 * Packs the store into `out` (which must hold snapshotLength(store.count) floats) through `ints`,
 * an Int32Array over the same bytes. `look` is a 3-float scratch.
 */
export function packSnapshot(store: CreatureStore, players: PlayerTable, out: Float32Array, ints: Int32Array, look: Float64Array): void {
  ints[SNAP_TICK] = store.tickCount;
  ints[SNAP_COUNT] = store.count;
  out[SNAP_DT_MS] = TICK_DT * 1000;
  out[3] = 0;
  for (let s = 0, o = SNAP_HEADER; s < store.count; s++, o += SNAP_STRIDE) {
    ints[o + SNAP_N] = store.id[s];
    out[o + SNAP_TYPE] = store.type[s];
    out[o + SNAP_X] = store.x[s]; out[o + SNAP_Y] = store.y[s]; out[o + SNAP_Z] = store.z[s];
    out[o + SNAP_VX] = store.vx[s]; out[o + SNAP_VY] = store.vy[s]; out[o + SNAP_VZ] = store.vz[s];
    out[o + SNAP_HEAD_X] = store.headX[s]; out[o + SNAP_HEAD_Z] = store.headZ[s];
    const t = store.dead[s] ? -1 : liveSlot(store, store.target[s]);
    const state = store.state[s];
    if (t >= 0) {
      out[o + SNAP_LOOK_X] = store.x[t]; out[o + SNAP_LOOK_Y] = store.y[t]; out[o + SNAP_LOOK_Z] = store.z[t];
    } else if (!store.dead[s] && (state === FOLLOWING || state === AGGRESSIVE) && players.position(store.leader[s], look)) {
      out[o + SNAP_LOOK_X] = look[0]; out[o + SNAP_LOOK_Y] = look[1]; out[o + SNAP_LOOK_Z] = look[2];
    } else {
      out[o + SNAP_LOOK_X] = NaN; out[o + SNAP_LOOK_Y] = NaN; out[o + SNAP_LOOK_Z] = NaN;
    }
    out[o + SNAP_STATE] = state;
    out[o + SNAP_HEALTH01] = store.dead[s] ? 0 : store.health[s] / store.maxHealth[s];
    out[o + SNAP_LEVEL] = store.level[s];
    ints[o + SNAP_OWNER] = store.owner[s];
  }
}
