/**
 * The grid's fixed tick and energy unit. Energy is counted in whole millijoules (mJ) held in
 * doubles: every sum and product stays an exact integer below 2^53 (9e15 mJ = 2.5 GWh), so every
 * client and the relay end each tick with identical battery charges, whatever order they learned
 * of the structures in. Power figures are whole watts, so one watt for one tick is exactly 100 mJ.
 */

/** Power ticks per second. The world clock counts the same ticks. */
export const POWER_TICK_HZ = 10;
/** Millijoules that one watt delivers in one tick (1 W × 0.1 s). */
export const MJ_PER_WATT_TICK = 1000 / POWER_TICK_HZ;
/** Millijoules in one watt-hour. */
export const MJ_PER_WH = 3_600_000;

/** mJ → Wh with two decimals, for reports (division and rounding are exact, so still deterministic). */
export const mjToWh = (mj: number): number => Math.round(mj / (MJ_PER_WH / 100)) / 100;
