import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiRouter, type HandlerTable } from './router.ts';
import { RateLimits } from './rate-limits.ts';
import { fail, ok } from '../protocol/errors.ts';
import type { RouteSpec } from '../protocol/route-spec.ts';

const routes: RouteSpec[] = [
  { method: 'GET', path: '/thing', group: 't', summary: 's', kind: 'read', statuses: [], response: z.object({ n: z.number() }), query: z.object({ n: z.string().optional() }).strict(), example: {} },
  { method: 'POST', path: '/thing', group: 't', summary: 's', kind: 'write', statuses: [], response: z.object({ n: z.number() }), body: z.object({ n: z.number() }).strict(), example: {} },
  { method: 'POST', path: '/boom', group: 't', summary: 's', kind: 'write', statuses: [], response: z.object({}), example: {} },
];

function make(options: { token?: string; limits?: RateLimits } = {}) {
  const calls: unknown[] = [];
  const writes: string[] = [];
  const handlers: HandlerTable = {
    'GET /thing': ({ query }) => ok({ n: Number(query.n ?? 1) }),
    'POST /thing': ({ body }) => {
      calls.push(body);
      return (body as { n: number }).n < 0 ? fail('INVALID_PARAMETER', 'n must be >= 0') : ok({ n: (body as { n: number }).n });
    },
    'POST /boom': () => { throw new Error('kaput'); },
  };
  const router = new ApiRouter({ routes, handlers, limits: options.limits ?? new RateLimits({ general: 1000, write: 1000, windowSeconds: 60 }), token: options.token, onWrite: (r) => writes.push(r.path) });
  return { router, calls, writes };
}

describe('ApiRouter', () => {
  it('answers 200 with the handler value, request id, version and Server-Timing headers', async () => {
    const { router } = make();
    const res = await router.handle({ method: 'get', path: '/thing?n=4' });
    expect(res).toMatchObject({ status: 200, body: { n: 4 } });
    expect(res.headers['x-request-id']).toMatch(/^req_/);
    expect(res.headers['server-timing']).toMatch(/^handler;dur=[\d.]+, total;dur=[\d.]+$/);
  });

  it('serves /api/v2 paths and the v2 media type; refuses other versions', async () => {
    const { router } = make();
    expect((await router.handle({ method: 'GET', path: '/api/v2/thing' })).status).toBe(200);
    const typed = await router.handle({ method: 'GET', path: '/thing', headers: { Accept: 'application/vnd.spacetime.v2+json' } });
    expect(typed.headers['content-type']).toBe('application/vnd.spacetime.v2+json');
    expect((await router.handle({ method: 'GET', path: '/api/v1/thing' })).status).toBe(404);
    expect((await router.handle({ method: 'GET', path: '/thing', headers: { accept: 'application/vnd.spacetime.v1+json' } })).status).toBe(400);
  });

  it('refuses unknown paths (404), methods (405 with Allow), bad bodies and queries (400) without calling the handler', async () => {
    const { router, calls } = make();
    expect((await router.handle({ method: 'GET', path: '/nothing' })).body).toMatchObject({ error: 'RESOURCE_NOT_FOUND', status_code: 404 });
    const wrong = await router.handle({ method: 'DELETE', path: '/thing' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, POST');
    expect((await router.handle({ method: 'POST', path: '/thing', body: {} })).body).toMatchObject({ error: 'MISSING_PARAMETER', message: expect.stringMatching(/^body\.n: /) });
    expect((await router.handle({ method: 'POST', path: '/thing' })).body).toMatchObject({ error: 'MISSING_PARAMETER' });
    expect((await router.handle({ method: 'POST', path: '/thing', body: { n: 'x' } })).body).toMatchObject({ error: 'INVALID_PARAMETER' });
    expect((await router.handle({ method: 'GET', path: '/thing?x=1' })).body).toMatchObject({ error: 'INVALID_PARAMETER', message: expect.stringMatching(/^query: /) });
    expect((await router.handle({ method: 'POST', path: '/boom?y=1' })).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('maps handler failures to their status, throws to a 500, and reports only successful writes', async () => {
    const { router, writes } = make();
    expect((await router.handle({ method: 'POST', path: '/thing', body: { n: -1 } })).status).toBe(400);
    const boom = await router.handle({ method: 'POST', path: '/boom' });
    expect(boom.body).toMatchObject({ error: 'INTERNAL_ERROR', status_code: 500, message: expect.stringContaining('kaput') });
    await router.handle({ method: 'POST', path: '/thing', body: { n: 2 } });
    expect(writes).toEqual(['/thing']);
  });

  it('asks for the bearer token when one is set', async () => {
    const { router } = make({ token: 'sesame' });
    expect((await router.handle({ method: 'GET', path: '/thing' })).body).toMatchObject({ error: 'INVALID_TOKEN', status_code: 401 });
    expect((await router.handle({ method: 'GET', path: '/thing', headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await router.handle({ method: 'GET', path: '/thing', headers: { Authorization: 'Bearer sesame' } })).status).toBe(200);
  });

  it('limits writes separately from reads and answers 429 with retry_after', async () => {
    const { router } = make({ limits: new RateLimits({ general: 5, write: 2, windowSeconds: 60 }) });
    const first = await router.handle({ method: 'GET', path: '/thing' });
    expect([first.headers['x-ratelimit-limit'], first.headers['x-ratelimit-remaining']]).toEqual(['5', '4']);
    await router.handle({ method: 'POST', path: '/thing', body: { n: 1 } });
    await router.handle({ method: 'POST', path: '/thing', body: { n: 1 } });
    const limited = await router.handle({ method: 'POST', path: '/thing', body: { n: 1 } });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'RATE_LIMIT_EXCEEDED', retry_after: expect.any(Number) });
    expect(limited.headers['retry-after']).toBe(String((limited.body as { retry_after: number }).retry_after));
    expect((await router.handle({ method: 'GET', path: '/thing' })).status).toBe(200);
  });

  it('will not start with a route that has no handler or a handler with no route', () => {
    expect(() => new ApiRouter({ routes, handlers: {}, limits: new RateLimits() })).toThrow(/no handler/);
  });
});
