/**
 * The world's day: time of day and the sun, from a tick count alone. The relay keeps the tick count
 * (ticks since the world began, at POWER_TICK_HZ); any client that knows it computes the same sky
 * and the same solar output, because the sun comes from fixed-trig.ts and is quantised to Q16.
 *
 * Time of day runs 0..1 from midnight: 0.25 is sunrise in the east (+x), 0.5 noon with the sun
 * straight overhead, 0.75 sunset in the west (-x). The sun moves in the x-y plane; a renderer that
 * wants a tilted path may tilt the direction itself (solar output uses only the elevation).
 */
import { POWER_TICK_HZ } from './power-units.ts';
import { Q16, cosTurns, sinTurns, toQ16 } from './fixed-trig.ts';

export interface WorldClockConfig {
  /** Real seconds in one game day. */
  dayLengthSeconds: number;
  tickHz: number;
  /** Time of day at tick 0 (0..1): a new world starts in the morning, so solar works at once. */
  startTimeOfDay: number;
}

export const DEFAULT_WORLD_CLOCK: WorldClockConfig = { dayLengthSeconds: 20 * 60, tickHz: POWER_TICK_HZ, startTimeOfDay: 0.3 };

export interface Vec3Like { x: number; y: number; z: number }

export class WorldClock {
  readonly config: WorldClockConfig;
  readonly ticksPerDay: number;
  private readonly startTick: number;

  constructor(config: Partial<WorldClockConfig> = {}) {
    this.config = { ...DEFAULT_WORLD_CLOCK, ...config };
    const { dayLengthSeconds, tickHz, startTimeOfDay } = this.config;
    // Whole ticks per day, so a day always ends on the same tick and time of day never drifts.
    this.ticksPerDay = Math.round(dayLengthSeconds * tickHz);
    if (!(this.ticksPerDay >= 4)) throw new RangeError(`a day must last at least 4 ticks, got ${this.ticksPerDay}`);
    this.startTick = Math.round((startTimeOfDay - Math.floor(startTimeOfDay)) * this.ticksPerDay);
  }

  /** The tick reached after elapsedMs of real time since the world's tick 0. */
  tickAt(elapsedMs: number): number {
    return Math.floor((elapsedMs * this.config.tickHz) / 1000);
  }

  /** Ticks since the last midnight, 0..ticksPerDay-1. */
  dayTick(tick: number): number {
    const t = (tick + this.startTick) % this.ticksPerDay;
    return t < 0 ? t + this.ticksPerDay : t;
  }

  /** Whole days since tick 0's midnight. */
  day(tick: number): number {
    return Math.floor((tick + this.startTick) / this.ticksPerDay);
  }

  /** 0..1 from midnight (0.5 = noon). */
  timeOfDay(tick: number): number {
    return this.dayTick(tick) / this.ticksPerDay;
  }

  /** Sine of the sun's elevation as a Q16 integer: 65536 overhead at noon, 0 on the horizon, negative at night. */
  sunElevationQ16(tick: number): number {
    return toQ16(sinTurns(this.timeOfDay(tick) - 0.25));
  }

  /** The solar factor, 0..65536: a panel makes peakW × this / 65536, and nothing at night. */
  solarFactorQ16(tick: number): number {
    return Math.max(0, this.sunElevationQ16(tick));
  }

  isDay(tick: number): boolean {
    return this.sunElevationQ16(tick) > 0;
  }

  /** Unit vector from the ground towards the sun (below the horizon at night), written into out. */
  sunDirection<T extends Vec3Like>(tick: number, out: T): T {
    const phase = this.timeOfDay(tick) - 0.25;
    out.x = toQ16(cosTurns(phase)) / Q16;
    out.y = toQ16(sinTurns(phase)) / Q16;
    out.z = 0;
    return out;
  }
}
