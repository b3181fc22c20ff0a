/**
 * A sim's whole state as one Float64Array (transferable, structured-clone friendly): every store
 * column holds integers or doubles that a double carries exactly (Int32, Uint32, Uint8, Float64),
 * so writing them as doubles and reading them back loses nothing.
 *
 *   [0] SAVE_MAGIC  [1] count  [2] tickCount  [3] next id  [4] players  [5] queue length  [6] columns
 *   then players × (key, x, y, z), the pending input queue, then each column's `count` values in
 *   CreatureStore.arrays() order.
 */
import type { CreatureStore } from './creature-store.ts';
import type { PlayerTable } from './player-table.ts';
import { PLAYER_STRIDE } from './player-table.ts';

/** Changes whenever the layout or the store's columns change, so an old save is refused, not misread. */
export const SAVE_MAGIC = 13_000_002;
const HEAD = 7;

export function writeSave(store: CreatureStore, players: PlayerTable, queue: Float64Array): Float64Array {
  const arrays = store.arrays(), count = store.count, p = players.count * PLAYER_STRIDE;
  const out = new Float64Array(HEAD + p + queue.length + arrays.length * count);
  out[0] = SAVE_MAGIC; out[1] = count; out[2] = store.tickCount; out[3] = store.idCounter;
  out[4] = players.count; out[5] = queue.length; out[6] = arrays.length;
  out.set(players.packed.subarray(0, p), HEAD);
  out.set(queue, HEAD + p);
  let o = HEAD + p + queue.length;
  for (const a of arrays) { for (let i = 0; i < count; i++) out[o + i] = a[i]; o += count; }
  return out;
}

export interface SaveLayout { players: number; playersAt: number; queueAt: number; queueLength: number }

/** Checks a save's shape; null if it is one (sizes agree with its header), else why not. */
export function saveProblem(saved: Float64Array, columns: number): string | null {
  if (saved.length < HEAD || saved[0] !== SAVE_MAGIC) return 'not a creature save (or one from another version)';
  const count = saved[1], players = saved[4], queue = saved[5];
  for (const v of [count, saved[2], saved[3], players, queue]) if (!Number.isInteger(v) || v < 0) return 'save header is corrupt';
  if (saved[6] !== columns) return `save has ${saved[6]} columns, this store ${columns}`;
  if (saved.length !== HEAD + players * PLAYER_STRIDE + queue + columns * count) return 'save length does not match its header';
  return null;
}

/** Loads the store from a save already checked with saveProblem; where the rest lies in it. */
export function readSave(saved: Float64Array, store: CreatureStore): SaveLayout {
  const problem = saveProblem(saved, store.arrays().length);
  if (problem) throw new RangeError(problem);
  const count = saved[1], players = saved[4], queueLength = saved[5];
  const playersAt = HEAD, queueAt = HEAD + players * PLAYER_STRIDE;
  store.load(count, saved[2], saved[3], saved, queueAt + queueLength);
  return { players, playersAt, queueAt, queueLength };
}

/** One creature of a save, as the relay's records need it (a zone handed over, a crash report). */
export interface SavedCreature {
  n: number;
  /** Index into CREATURE_TYPE_NAMES. */
  type: number;
  level: number;
  position: { x: number; y: number; z: number };
  velocity: { x: number; y: number; z: number };
  health: number;
  stamina: number;
  /** Index into CREATURE_STATE_NAMES. */
  state: number;
  ownerKey: number;
  followKey: number;
  /** Its random stream where the save left it: spawn it with this seed to continue it. */
  seed: number;
}

/** The live creatures of a save (corpses left out), read through a scratch store. */
export function savedCreatures(saved: Float64Array, scratch: CreatureStore): SavedCreature[] {
  readSave(saved, scratch);
  const s = scratch, out: SavedCreature[] = [];
  for (let i = 0; i < s.count; i++) {
    if (s.dead[i]) continue;
    out.push({
      n: s.id[i], type: s.type[i], level: s.level[i],
      position: { x: s.x[i], y: s.y[i], z: s.z[i] }, velocity: { x: s.vx[i], y: s.vy[i], z: s.vz[i] },
      health: s.health[i], stamina: s.stamina[i], state: s.state[i], ownerKey: s.owner[i], followKey: s.leader[i], seed: s.rng[i],
    });
  }
  return out;
}
