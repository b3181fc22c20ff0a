/**
 * Per-connection event budgets. Seed 004 asks for a sliding window with a burst allowance: each
 * class keeps the count of the current and the previous fixed window, and the estimate weighs the
 * previous one by how much of it still overlaps the sliding window. Two numbers per class in typed
 * arrays, checked on every event (poses included), so no promise or allocation per message —
 * rate-limiter-flexible guards the doors that are not per-message (HTTP, connections per IP).
 */
import type { RelayLimits } from '../../../src/protocol/net/limits.ts';

export const RATE_CLASSES = ['chat', 'typing', 'pose', 'edit', 'other', 'telemetry', 'refusal', 'notification'] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

export interface RateBudget { limit: number; windowMs: number }

export function budgetsFrom(limits: RelayLimits): Record<RateClass, RateBudget> {
  return {
    chat: { limit: limits.chatPerMinute, windowMs: 60_000 },
    typing: { limit: limits.typingPerMinute, windowMs: 60_000 },
    pose: { limit: limits.posesPerSecond, windowMs: 1_000 },
    edit: { limit: limits.editsPerSecond, windowMs: 1_000 },
    other: { limit: limits.otherPerSecond, windowMs: 1_000 },
    telemetry: { limit: limits.telemetryPerSecond, windowMs: 1_000 },
    // Refusals are budgeted too: past this, the connection is flooding and is dropped.
    refusal: { limit: limits.floodRefusalsPerMinute, windowMs: 60_000 },
    // Outgoing: what one connection is sent (a crowd joining must not bury a player in toasts).
    notification: { limit: limits.notificationsPerMinute, windowMs: 60_000 },
  };
}

export class RateWindows {
  private readonly start = new Float64Array(RATE_CLASSES.length);
  private readonly current = new Uint32Array(RATE_CLASSES.length);
  private readonly previous = new Uint32Array(RATE_CLASSES.length);
  private readonly limit: Float64Array;
  private readonly window: Float64Array;

  constructor(budgets: Record<RateClass, RateBudget>, now = Date.now()) {
    this.limit = Float64Array.from(RATE_CLASSES, (c) => budgets[c].limit);
    this.window = Float64Array.from(RATE_CLASSES, (c) => budgets[c].windowMs);
    this.start.fill(now);
  }

  /** Counts one event of `cls`; false when the budget is spent (the event is then not counted). */
  take(cls: RateClass, now = Date.now()): boolean {
    const i = RATE_CLASSES.indexOf(cls);
    const w = this.window[i];
    const elapsed = now - this.start[i];
    if (elapsed >= w) {
      // One window later the current count becomes the previous; two or more, both are stale.
      this.previous[i] = elapsed < 2 * w ? this.current[i] : 0;
      this.current[i] = 0;
      this.start[i] += Math.floor(elapsed / w) * w;
    }
    const overlap = 1 - (now - this.start[i]) / w;
    if (this.previous[i] * overlap + this.current[i] + 1 > this.limit[i]) return false;
    this.current[i]++;
    return true;
  }
}
