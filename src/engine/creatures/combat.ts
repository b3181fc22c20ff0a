/**
 * Combat between two creatures: the attacker's damage softened by the defender's defense, health
 * at 0 sets the dead flag. Plain division, so the same fight ends the same way everywhere.
 */
import type { CreatureStore } from './creature-store.ts';

/** Metres beyond touching bodies at which a strike lands. */
export const ATTACK_REACH = 1;
/** One strike per second at 20 Hz. */
export const STRIKE_COOLDOWN_TICKS = 20;
/** Defense at which a strike does half its damage. */
export const DEFENSE_HALVES_AT = 10;

export const strikeDamage = (damage: number, defense: number): number =>
  (damage * DEFENSE_HALVES_AT) / (DEFENSE_HALVES_AT + defense);

/** Attacker slot `a` strikes defender slot `b`; returns true if that killed it. */
export function strike(store: CreatureStore, a: number, b: number): boolean {
  const left = store.health[b] - strikeDamage(store.damage[a], store.defense[b]);
  if (left > 0) { store.health[b] = left; return false; }
  store.health[b] = 0;
  store.dead[b] = 1;
  store.vx[b] = 0; store.vy[b] = 0; store.vz[b] = 0;
  return true;
}
