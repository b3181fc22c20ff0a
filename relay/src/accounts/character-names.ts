/**
 * Generated character names (seed 001: "Fimenscu Tarharsh"): two words of two or three syllables,
 * each an onset, a vowel and sometimes a coda. About 10^10 names, so a retry on a clash is rare.
 */
import { randomInt } from 'node:crypto';

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'th', 'sh', 'tr', 'vr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'ei', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'sh', 'th', 'nd', 'rk'];

const pick = <T>(list: readonly T[], random: (n: number) => number): T => list[random(list.length)];

function word(random: (n: number) => number): string {
  const syllables = 2 + random(2);
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(ONSETS, random) + pick(VOWELS, random) + (i === syllables - 1 ? pick(CODAS, random) : '');
  return w[0].toUpperCase() + w.slice(1);
}

/** `random(n)` is 0..n-1; tests pass a seeded one. */
export function characterName(random: (n: number) => number = (n) => randomInt(n)): string {
  return `${word(random)} ${word(random)}`;
}
