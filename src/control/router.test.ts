import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiRouter, type HandlerTable } from './router.ts';
import { fail, ok } from '../protocol/errors.ts';
import { defineRoute, NoBody, NoQuery, routeTable } from '../protocol/route-spec.ts';

const base = { group: 't', summary: 's', statuses: [], example: {} };
const routes = routeTable({
  'GET /thing': defineRoute({ ...base, method: 'GET', path: '/thing', kind: 'read', query: z.object({ n: z.string().optional() }).strict(), body: NoBody, response: z.object({ n: z.number() }) }),
  'POST /thing': defineRoute({ ...base, method: 'POST', path: '/thing', kind: 'write', query: NoQuery, body: z.object({ n: z.number() }).strict(), response: z.object({ n: z.number() }) }),
  'POST /boom': defineRoute({ ...base, method: 'POST', path: '/boom', kind: 'write', query: NoQuery, body: NoBody, response: z.object({}) }),
});
type Handlers = HandlerTable<typeof routes>;

function make(options: { token?: string } = {}) {
  const calls: unknown[] = [];
  const writes: string[] = [];
  const handlers: Handlers = {
    // query.n is string | undefined and body.n a number: the schemas' output types, no casts.
    'GET /thing': ({ query }) => ok({ n: Number(query.n ?? 1) }),
    'POST /thing': ({ body }) => {
      calls.push(body);
      return body.n < 0 ? fail('INVALID_PARAMETER', 'n must be >= 0') : ok({ n: body.n });
    },
    'POST /boom': () => { throw new Error('kaput'); },
  };
  const router = new ApiRouter({ routes, handlers, token: options.token, onWrite: (r) => writes.push(r.path) });
  return { router, calls, writes };
}

const handlersFor = (): Handlers => ({
  'GET /thing': () => ok({ n: 1 }),
  'POST /thing': ({ body }) => ok({ n: body.n }),
  'POST /boom': () => ok({}),
});

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

  it('will not start with a route that has no handler or a handler with no route', () => {
    const { 'POST /boom': _boom, ...missing } = handlersFor();
    // @ts-expect-error a missing handler is a type error; plain JavaScript callers get the startup check.
    expect(() => new ApiRouter({ routes, handlers: missing })).toThrow(/no handler for POST \/boom/);
    const extra = { ...handlersFor(), 'GET /nowhere': () => ok({}) };
    expect(() => new ApiRouter({ routes, handlers: extra })).toThrow(/handler GET \/nowhere has no route/);
  });

  it('types handlers from the schemas (checked by tsc)', () => {
    const wrongAnswer: Handlers = {
      ...handlersFor(),
      // @ts-expect-error the response schema says n is a number
      'GET /thing': () => ok({ n: 'four' }),
    };
    const wrongInput: Handlers = {
      ...handlersFor(),
      // @ts-expect-error body.n is a number, not a string
      'POST /thing': ({ body }) => ok({ n: body.n.length }),
    };
    expect([wrongAnswer, wrongInput].length).toBe(2);
  });
});
