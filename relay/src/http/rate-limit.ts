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
