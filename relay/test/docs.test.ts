/**
 * /docs (Swagger UI), /redoc (ReDoc) and /docs/openapi.json on a real relay: the pages load only
 * scripts and styles the relay serves itself, and the merged document (the page's control API plus
 * the relay's own routes) passes Redocly's OpenAPI structure check.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/protocol/routes/index.ts';
import { DOCUMENTED_RELAY_ROUTES } from '../src/http/relay-openapi.ts';
import { startRelay } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;

beforeAll(async () => { relay = await startRelay({ httpLimits: { perMinute: 10_000, writesPerMinute: 10_000, authPerMinute: 10_000 } }); });
afterAll(async () => { await relay.close(); });

/** Structural OpenAPI 3 problems (errors only; style warnings such as tags without descriptions are not counted). */
async function structuralErrors(doc: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['minimal'], rules: { struct: 'error' } } as never);
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
  return problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
}

const attr = (html: string, tag: string, name: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]+)"`, 'g'))].map((m) => m[1]);

describe('API documentation', () => {
  for (const [path, viewer] of [['/docs', 'swagger-ui-bundle.js'], ['/redoc', 'redoc.standalone.js']] as const) {
    it(`${path} answers HTML whose scripts and styles the relay serves`, async () => {
      const res = await fetch(relay.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      const html = await res.text();
      expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script
      const scripts = attr(html, 'script', 'src');
      const styles = attr(html, 'link', 'href');
      expect(scripts.some((s) => s.endsWith(viewer))).toBe(true);
      for (const url of [...scripts, ...styles]) expect(url).toMatch(/^\/(?!\/)/); // same origin
      for (const src of scripts) {
        const js = await fetch(relay.url + src);
        expect(js.status, src).toBe(200);
        expect(js.headers.get('content-type'), src).toMatch(/^(text|application)\/javascript/);
        expect((await js.text()).length).toBeGreaterThan(50);
      }
      for (const href of styles) {
        const css = await fetch(relay.url + href);
        expect(css.status, href).toBe(200);
        expect(css.headers.get('content-type'), href).toMatch(/^(text\/css|image\/png)/);
      }
    });
  }

  it('serves only the whitelisted assets', async () => {
    for (const bad of ['package.json', '..%2Fpackage.json', 'index.html', 'swagger-ui-bundle.js.map']) {
      expect((await fetch(`${relay.url}/docs/assets/${bad}`)).status, bad).toBe(404);
    }
  });

  it('serves one OpenAPI 3 document with the page routes, the relay routes and bearerAuth', async () => {
    const res = await fetch(`${relay.url}/docs/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json() as {
      openapi: string; paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
      components: { securitySchemes: Record<string, Record<string, string>> }; security: unknown[];
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(await structuralErrors(doc)).toEqual([]);
    // Every page route and every relay route is in it.
    for (const r of ROUTES) expect(doc.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    for (const [method, path] of DOCUMENTED_RELAY_ROUTES.map((r) => r.split(' '))) {
      expect(doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
    }
    for (const must of ['POST /batch', 'GET /worlds', 'POST /webhooks', 'DELETE /webhooks/:id', 'POST /auth/login', 'POST /auth/refresh', 'POST /auth/revoke',
      'POST /register', 'POST /register-guest', 'POST /login', 'POST /logout', 'POST /change-password', 'GET /characters', 'POST /characters/create', 'POST /characters/select']) {
      expect(DOCUMENTED_RELAY_ROUTES).toContain(must);
    }
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/batch'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/webhooks'].post.requestBody).toBeDefined();
    // The page's own GET /openapi.json stays the page's route.
    expect(doc.paths['/openapi.json'].get).toBeDefined();
  });

  it('documents only routes the relay serves', async () => {
    for (const [method, path] of DOCUMENTED_RELAY_ROUTES.map((r) => r.split(' '))) {
      const res = await fetch(relay.url + path.replace(':id', '1'), { method });
      expect(res.status, `${method} ${path}`).not.toBe(405);
      if (res.status === 404) expect((await res.json() as { message: string }).message, `${method} ${path}`).not.toMatch(/^no route/);
    }
  });

  it('the structure check does catch a broken document', async () => {
    const broken = { openapi: '3.1.0', info: { title: 'x' }, paths: { '/a': { get: { responses: 'none' } } } };
    expect((await structuralErrors(broken)).length).toBeGreaterThan(0);
  });
});
