/**
 * Health and oxygen. Oxygen drains (100 → 0 in 240 s) outside a pressurised place and refills
 * there; with none left, health drains. Falls and ship impacts cost health above a speed
 * threshold. The sim turns health 0 into a death and a respawn; this file only keeps the books.
 */
import {
  FALL_DAMAGE_PER_MS, FALL_DAMAGE_SPEED, MAX_HEALTH, MAX_OXYGEN, OXYGEN_DRAIN, OXYGEN_REFILL,
  SHIP_IMPACT_DAMAGE_PER_MS, SHIP_IMPACT_SPEED, SUFFOCATION_DAMAGE,
} from './player-constants.ts';
import type { PlayerState } from './player-state.ts';

export type DamageCause = 'suffocation' | 'fall' | 'impact';

/** Suffocation is reported once per this much health lost, not every tick. */
const SUFFOCATION_REPORT_STEP = 10;

export class Vitals {
  /** Damage taken by the last tick and its main cause (amount 0 = none). */
  damage = 0;
  cause: DamageCause = 'suffocation';
  /** Suffocation damage not yet reported (reported in SUFFOCATION_REPORT_STEP lumps). */
  private unreportedSuffocation = 0;
  /** Damage worth an event this tick (fall, impact, or each 10 health of suffocation). */
  reportable = 0;

  /** Starts a tick's books: damage and reportable count from zero. */
  begin(): void {
    this.damage = 0;
    this.reportable = 0;
  }

  /** Oxygen and suffocation for one tick. */
  breathe(s: PlayerState, pressurised: boolean, dt: number): void {
    if (pressurised) s.oxygen = Math.min(MAX_OXYGEN, s.oxygen + OXYGEN_REFILL * dt);
    else s.oxygen = Math.max(0, s.oxygen - OXYGEN_DRAIN * dt);
    if (s.oxygen > 0) { this.unreportedSuffocation = 0; return; }
    const amount = SUFFOCATION_DAMAGE * dt;
    this.hurt(s, amount, 'suffocation');
    this.unreportedSuffocation += amount;
    if (this.unreportedSuffocation >= SUFFOCATION_REPORT_STEP) {
      this.reportable += this.unreportedSuffocation;
      this.unreportedSuffocation = 0;
    }
  }

  /** Landing speed of the walking body (m/s). */
  fall(s: PlayerState, speed: number): void {
    if (speed <= FALL_DAMAGE_SPEED) return;
    const amount = (speed - FALL_DAMAGE_SPEED) * FALL_DAMAGE_PER_MS;
    this.hurt(s, amount, 'fall');
    this.reportable += amount;
  }

  /** Normal impact speed of the ship against terrain (m/s). */
  shipImpact(s: PlayerState, speed: number): void {
    if (speed <= SHIP_IMPACT_SPEED) return;
    const amount = (speed - SHIP_IMPACT_SPEED) * SHIP_IMPACT_DAMAGE_PER_MS;
    this.hurt(s, amount, 'impact');
    this.reportable += amount;
  }

  /** Back to full health and oxygen (spawn, respawn). */
  restore(s: PlayerState): void {
    s.health = MAX_HEALTH;
    s.oxygen = MAX_OXYGEN;
    s.alive = true;
    this.damage = 0;
    this.reportable = 0;
    this.unreportedSuffocation = 0;
  }

  private hurt(s: PlayerState, amount: number, cause: DamageCause): void {
    s.health = Math.max(0, s.health - amount);
    if (amount >= this.damage) this.cause = cause;
    this.damage += amount;
  }
}
