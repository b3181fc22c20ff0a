/**
 * Seed 000 rate limits: every request spends from the general bucket (100/min), writes also from
 * the write bucket (10/min). Counted per client with rate-limiter-flexible's in-memory limiter.
 */
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import type { RouteKind } from '../protocol/route-spec.ts';
import type { RateLimitSettings } from '../protocol/bridge.ts';

/** Requests per window for every route (general), the extra limit for writes, and the window. */
export type RateLimitConfig = RateLimitSettings;

export const SEED_LIMITS: RateLimitConfig = { general: 100, write: 10, windowSeconds: 60 };

export type RateVerdict =
  | { allowed: true; limit: number; remaining: number; resetAt: number }
  | { allowed: false; limit: number; remaining: 0; resetAt: number; retryAfter: number };

interface LimiterRes { remainingPoints: number; msBeforeNext: number }
const isLimiterRes = (e: unknown): e is LimiterRes => typeof e === 'object' && e !== null && 'msBeforeNext' in e;

export class RateLimits {
  private general!: RateLimiterMemory;
  private write!: RateLimiterMemory;
  config!: RateLimitConfig;

  constructor(config: RateLimitConfig = SEED_LIMITS) {
    this.configure(config);
  }

  /** New limits start with fresh counters. */
  configure(config: RateLimitConfig): void {
    this.config = { ...config };
    this.general = new RateLimiterMemory({ points: config.general, duration: config.windowSeconds, keyPrefix: 'general' });
    this.write = new RateLimiterMemory({ points: config.write, duration: config.windowSeconds, keyPrefix: 'write' });
  }

  /** Spends one point; the verdict reports the tighter bucket, as the X-RateLimit headers do. */
  async take(client: string, kind: RouteKind, now = Date.now()): Promise<RateVerdict> {
    const buckets = kind === 'write' ? [[this.write, this.config.write], [this.general, this.config.general]] as const : [[this.general, this.config.general]] as const;
    let tightest: { limit: number; remaining: number; resetAt: number } | null = null;
    for (const [limiter, limit] of buckets) {
      try {
        const res = await limiter.consume(client, 1);
        const verdict = { limit, remaining: res.remainingPoints, resetAt: Math.ceil((now + res.msBeforeNext) / 1000) };
        if (!tightest || verdict.remaining / limit < tightest.remaining / tightest.limit) tightest = verdict;
      } catch (e) {
        if (!isLimiterRes(e)) throw e;
        const resetAt = Math.ceil((now + e.msBeforeNext) / 1000);
        return { allowed: false, limit, remaining: 0, resetAt, retryAfter: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
      }
    }
    return { allowed: true, ...tightest! };
  }
}
