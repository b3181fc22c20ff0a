import { describe, expect, it } from 'vitest';
import { ROUTES } from './routes/index.ts';
import { takesBody, takesQuery } from './route-spec.ts';
import { API_MEDIA_TYPE, API_PREFIX, API_VERSION, errorBody } from './api.ts';
import { ErrorBodySchema, buildOpenApi, operationId } from './openapi.ts';

type Op = {
  operationId: string; tags: string[]; parameters?: { name: string; required: boolean }[];
  requestBody?: { required: boolean; content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: Record<string, unknown> }>;
};
type Doc = { openapi: string; info: { version: string }; servers: { url: string }[]; paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, unknown> } };
const doc = buildOpenApi(ROUTES) as Doc;
const op = (method: string, path: string): Op => doc.paths[path][method.toLowerCase()];

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with the API version and both doors as servers', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(API_VERSION);
    expect(doc.servers.map((s) => s.url)).toEqual([API_PREFIX, '/']);
  });

  it('has every route with its method, and nothing else', () => {
    for (const r of ROUTES) expect(op(r.method, r.path), `${r.method} ${r.path}`).toBeDefined();
    const count = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(count).toBe(ROUTES.length);
  });

  it('uses unique operationIds', () => {
    const ids = ROUTES.map((r) => op(r.method, r.path).operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationId({ method: 'POST', path: '/scene/load' })).toBe('post_scene_load');
  });

  it('documents errors, rate-limit headers and the v2 media type', () => {
    for (const r of ROUTES) {
      const o = op(r.method, r.path);
      const statuses = Object.keys(o.responses);
      for (const s of ['200', '401', ...r.statuses.map(String)]) expect(statuses, `${r.path} ${s}`).toContain(s);
      if (takesQuery(r) || takesBody(r)) expect(statuses).toContain('400');
      expect(statuses).not.toContain('429');
      expect(o.responses['401'].content?.['application/json'].schema.$ref).toBe('#/components/schemas/Error');
      expect(Object.keys(o.responses['200'].headers ?? {})).toEqual(['X-Request-Id', 'X-API-Version', 'Server-Timing']);
      if (!r.contentType) expect(o.responses['200'].content).toHaveProperty([API_MEDIA_TYPE]);
    }
    expect(doc.components.schemas.Error).toBeDefined();
    // The Error component is the body the doors actually send.
    expect(ErrorBodySchema.safeParse(errorBody('INVALID_PARAMETER', 'x must be a number', 'req_1')).success).toBe(true);
  });

  it('takes query parameters and request bodies from the schemas, with the examples', () => {
    const info = op('GET', '/terrain/info');
    expect(info.parameters?.map((p) => [p.name, p.required])).toEqual([['x', true], ['y', true], ['z', true]]);
    expect(op('POST', '/scene/load').requestBody?.required).toBe(true);
    // EmptyBody accepts no body at all, so the body is optional.
    expect(op('POST', '/connect').requestBody?.required).toBe(false);
    expect(op('POST', '/scene/load').requestBody?.content['application/json'].example).toEqual({ scene_path: 'res://scenes/vr_main.tscn' });
  });

  it('serialises to JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

// The examples are what docs/api.md and /openapi.json show callers; one its own route rejects is a lie.
describe('route examples validate against their own schemas', () => {
  for (const r of ROUTES) {
    it(`${r.method} ${r.path}`, () => {
      if (r.example.body !== undefined) {
        expect(takesBody(r), 'example has a body but the route takes none').toBe(true);
        const parsed = r.body.safeParse(r.example.body);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }
      if (r.example.query !== undefined) {
        expect(takesQuery(r), 'example has a query but the route takes none').toBe(true);
        const parsed = r.query.safeParse(r.example.query);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }
      // A route whose body is required needs an example body, or the docs show a call that fails.
      if (takesBody(r) && !r.body.safeParse(undefined).success) expect(r.example.body).toBeDefined();
    });
  }
});
