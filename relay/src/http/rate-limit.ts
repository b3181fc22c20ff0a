/**
 * Per-IP rate limits at the HTTP door (seed 000 "Rate Limiting": 100 requests a minute, 10 writes a
 * minute), with the seed's X-RateLimit-* headers on every answer and a 429 in the seed's error body
 * (with retry_after) when a budget is spent. Only the relay's own routes count: the page's assets
 * (hundreds of modules under vite) are not API calls.
 */
import type { ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { sendError } from './respond.ts';

export interface HttpRateLimits { perMinute: number; writesPerMinute: number; authPerMinute: number }

export type RateKind = 'read' | 'write' | 'auth';

export function createHttpRateLimiter(limits: HttpRateLimits) {
  const general = new RateLimiterMemory({ points: limits.perMinute, duration: 60 });
  const writes = new RateLimiterMemory({ points: limits.writesPerMinute, duration: 60 });
  const auth = new RateLimiterMemory({ points: limits.authPerMinute, duration: 60 });

  const headers = (limit: number, r: RateLimiterRes) => ({
    'X-RateLimit-Limit': limit,
    'X-RateLimit-Remaining': Math.max(0, r.remainingPoints),
    'X-RateLimit-Reset': Math.ceil((Date.now() + r.msBeforeNext) / 1000),
  });

  /** Spends one request of `ip`'s budget; false (and the 429 is sent) when it was already spent. */
  return async function admit(ip: string, kind: RateKind, res: ServerResponse): Promise<boolean> {
    const [limiter, limit] = kind === 'auth' ? [auth, limits.authPerMinute] : kind === 'write' ? [writes, limits.writesPerMinute] : [general, limits.perMinute];
    const write = kind !== 'read';
    try {
      const r = await limiter.consume(ip);
      for (const [k, v] of Object.entries(headers(limit, r))) res.setHeader(k, v);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
      sendError(res, 'RATE_LIMIT_EXCEEDED', `more than ${limit} ${kind === 'auth' ? 'sign-in ' : write ? 'write ' : ''}requests a minute from ${ip}; retry in ${retryAfter} s`,
        { retry_after: retryAfter }, { ...headers(limit, rejection), 'Retry-After': retryAfter });
      return false;
    }
  };
}

/** Seed 000 "Per User": 1000 requests and 100 writes a minute; "Per IP": 1 expensive operation a second. */
export interface CallerLimits {
  userPerMinute: number;
  userWritesPerMinute: number;
  expensivePerSecond: number;
  /** The expensive budget's window in seconds (1; tests widen it so no clock decides the outcome). */
  expensiveWindowS?: number;
}
export const CALLER_LIMITS: CallerLimits = { userPerMinute: 1000, userWritesPerMinute: 100, expensivePerSecond: 1 };

/**
 * The budgets that need to know who is calling or what the call costs: per token subject (requests
 * and writes a minute) and per IP for expensive operations (a screenshot, a scene load, a replay).
 * Spent after the token is checked; a refusal is the same 429 as the per-IP one.
 */
export function createCallerLimiter(limits: CallerLimits = CALLER_LIMITS) {
  const user = new RateLimiterMemory({ points: limits.userPerMinute, duration: 60 });
  const userWrites = new RateLimiterMemory({ points: limits.userWritesPerMinute, duration: 60 });
  const expensive = new RateLimiterMemory({ points: limits.expensivePerSecond, duration: limits.expensiveWindowS ?? 1 });

  const spend = async (limiter: RateLimiterMemory, key: string, res: ServerResponse, what: string): Promise<boolean> => {
    try {
      await limiter.consume(key);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      sendError(res, 'RATE_LIMIT_EXCEEDED', `${what}; retry in ${retryAfter} s`, { retry_after: retryAfter }, { 'Retry-After': retryAfter });
      return false;
    }
  };

  return async function admitCaller(sub: string, ip: string, write: boolean, costly: boolean, res: ServerResponse): Promise<boolean> {
    if (!(await spend(user, sub, res, `more than ${limits.userPerMinute} requests a minute for ${sub}`))) return false;
    if (write && !(await spend(userWrites, sub, res, `more than ${limits.userWritesPerMinute} writes a minute for ${sub}`))) return false;
    return !costly || spend(expensive, ip, res, `more than ${limits.expensivePerSecond} expensive operation a second from ${ip}`);
  };
}
