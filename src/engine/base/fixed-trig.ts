/**
 * Sine and cosine that give the same bits in every JS engine. Math.sin/cos are allowed to differ
 * between engines in the last bits, and the sun's height decides solar power, which every client
 * and the relay must compute identically. These use only floor, + and * (JS never fuses a multiply
 * and an add), so a given input always yields the same double.
 *
 * Angles are in turns (1 turn = 360°), which keeps the argument reduction exact: a quarter day is
 * exactly 0.25 turns. The series is the Taylor polynomial of sin to x^13 on [0, π/2], evaluated by
 * Horner's rule; its error there is below 1e-9 (far finer than the Q16 steps the grid uses).
 */

const TWO_PI = 6.283185307179586;
// 1/3!, 1/5!, ... as literals, so no engine computes them differently.
const C3 = -0.16666666666666666;
const C5 = 0.008333333333333333;
const C7 = -0.0001984126984126984;
const C9 = 0.0000027557319223985893;
const C11 = -2.505210838544172e-8;
const C13 = 1.6059043836821613e-10;

/** sin(2π · turns), deterministic to the bit. */
export function sinTurns(turns: number): number {
  let u = turns - Math.floor(turns); // 0..1
  let sign = 1;
  if (u >= 0.5) { u -= 0.5; sign = -1; }
  if (u > 0.25) u = 0.5 - u; // sin(π - x) = sin x: fold into the first quarter, where the series is best
  const x = u * TWO_PI;
  const x2 = x * x;
  return sign * x * (1 + x2 * (C3 + x2 * (C5 + x2 * (C7 + x2 * (C9 + x2 * (C11 + x2 * C13))))));
}

/** cos(2π · turns), deterministic to the bit. */
export const cosTurns = (turns: number): number => sinTurns(turns + 0.25);

/** Fixed-point scale: 1.0 = 65536, so a factor fits an integer and products stay exact in doubles. */
export const Q16 = 65536;

/**
 * A -1..1 value as a Q16 integer (Math.round is exact, so this is as deterministic as its input).
 * `|| 0` turns -0 (sin of half a turn) into 0, so figures never print or compare as -0.
 */
export const toQ16 = (v: number): number => Math.round(v * Q16) || 0;
