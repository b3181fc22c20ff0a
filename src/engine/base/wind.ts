/**
 * Wind for the turbines: a deterministic function of the world seed and the tick, so every client
 * gets the same gusts without any message. Slow weather fronts (a new value each minute, blended
 * linearly) carry quick gusts (a new value every 2 s). The factor is held for each 2-second step, so
 * a turbine's output, and with it the network's figures, change at most every 2 s: the grid emits
 * power_grid_update only on change, and a figure that moved every tick would flood it.
 * Integer maths on hash bits only.
 */
import { hash3, subSeed } from '../noise.ts';
import { Q16 } from './fixed-trig.ts';

/** Ticks between gusts (2 s at 10 Hz). */
export const WIND_STEP_TICKS = 20;
/** Ticks between weather fronts (60 s at 10 Hz). */
export const WIND_FRONT_TICKS = 600;
/** The calmest wind, as a Q16 factor: turbines never stop entirely (15 %). */
export const WIND_FLOOR_Q16 = 9830;

const WIND_SALT = 0x77696e64; // 'wind'

/** The wind factor for a tick, WIND_FLOOR_Q16..65536: a turbine makes peakW × this / 65536. */
export function windFactorQ16(worldSeed: number, tick: number): number {
  const seed = subSeed(worldSeed, WIND_SALT);
  const step = Math.floor(tick / WIND_STEP_TICKS);
  const at = step * WIND_STEP_TICKS;
  const front = Math.floor(at / WIND_FRONT_TICKS);
  const into = at - front * WIND_FRONT_TICKS;
  const a = hash3(seed, front, 0, 0) & 0xffff;
  const b = hash3(seed, front + 1, 0, 0) & 0xffff;
  const weather = a + Math.floor(((b - a) * into) / WIND_FRONT_TICKS);
  const gust = hash3(seed, step, 1, 0) & 0xffff;
  // Three parts weather to one part gust: fronts set the level, gusts wobble it.
  const mixed = Math.floor((weather * 3 + gust) / 4); // 0..65535
  return WIND_FLOOR_Q16 + Math.floor((mixed * (Q16 - WIND_FLOOR_Q16)) / 65535);
}
