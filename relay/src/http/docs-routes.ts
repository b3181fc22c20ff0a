/**
 * API documentation served by the relay itself (issue 11 item 9): GET /docs (Swagger UI), GET
 * /redoc (ReDoc) and GET /docs/openapi.json (relay-openapi.ts: the page's control API and the
 * relay's own routes in one document). The viewers' scripts and styles come from npm packages
 * (swagger-ui-dist, redoc's standalone bundle) and are served from /docs/assets/, and each page's
 * start-up script is a file too, so the pages load nothing from another origin and run no inline
 * script: their Content-Security-Policy says so.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { API_VERSION } from '../../../src/protocol/api.ts';
import { ROUTES } from '../../../src/protocol/routes/index.ts';
import { buildRelayOpenApi } from './relay-openapi.ts';
import { sendError } from './respond.ts';
import type { Route } from './router.ts';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** The files /docs/assets/ serves: name → [package, file in it, content type]. Nothing else is reachable. */
const ASSETS: Record<string, [string, string, string]> = {
  'swagger-ui.css': ['swagger-ui-dist', 'swagger-ui.css', CSS],
  'swagger-ui-bundle.js': ['swagger-ui-dist', 'swagger-ui-bundle.js', JS],
  'favicon-32x32.png': ['swagger-ui-dist', 'favicon-32x32.png', 'image/png'],
  'redoc.standalone.js': ['redoc', 'bundles/redoc.standalone.js', JS],
};

export const OPENAPI_PATH = '/docs/openapi.json';

/** Our own start-up scripts (files, not inline, so a strict script-src 'self' holds). */
const SCRIPTS: Record<string, string> = {
  'swagger-init.js': `// Swagger UI over the relay's merged OpenAPI document; "Authorize" keeps the bearer token for "Try it out".
window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(OPENAPI_PATH)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`,
  'redoc-init.js': `// ReDoc over the relay's merged OpenAPI document.
Redoc.init(${JSON.stringify(OPENAPI_PATH)}, { hideDownloadButton: false, expandResponses: '200,201' }, document.getElementById('redoc'));
`,
};

/**
 * The pages' policy: same-origin scripts and styles only. Inline style attributes and the data:
 * images both viewers draw with are allowed; ReDoc's search runs in a blob: worker.
 */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'",
].join('; ');

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
${head}
</head>
<body>
${body}
</body>
</html>
`;

const PAGES = {
  docs: page('SpaceTime XR API (Swagger UI)',
    '<link rel="stylesheet" href="/docs/assets/swagger-ui.css">\n<link rel="stylesheet" href="/docs/assets/docs.css">',
    '<p class="doc-links">SpaceTime XR relay · <a href="/redoc">ReDoc</a> · <a href="/docs/openapi.json">openapi.json</a></p>\n<div id="swagger-ui"></div>\n<script src="/docs/assets/swagger-ui-bundle.js"></script>\n<script src="/docs/assets/swagger-init.js"></script>'),
  redoc: page('SpaceTime XR API (ReDoc)',
    '<link rel="stylesheet" href="/docs/assets/docs.css">',
    '<div id="redoc"></div>\n<script src="/docs/assets/redoc.standalone.js"></script>\n<script src="/docs/assets/redoc-init.js"></script>'),
};

const STYLE = `body { margin: 0; font-family: system-ui, sans-serif; }
.doc-links { margin: 0; padding: 8px 20px; font-size: 14px; background: #1b1b1b; color: #ddd; }
.doc-links a { color: #8cf; }
`;

export function docsRoutes(): Route[] {
  const cache = new Map<string, Buffer>();
  let openapi: string | null = null;

  /** One of ours, or a whitelisted package file (read once, then kept). */
  const asset = async (name: string): Promise<{ body: Buffer; type: string } | null> => {
    if (name === 'docs.css') return { body: Buffer.from(STYLE), type: CSS };
    if (Object.hasOwn(SCRIPTS, name)) return { body: Buffer.from(SCRIPTS[name]), type: JS };
    if (!Object.hasOwn(ASSETS, name)) return null;
    const [pkg, file, type] = ASSETS[name];
    let body = cache.get(name);
    if (!body) cache.set(name, body = await readFile(join(packageDir(pkg), file)));
    return { body, type };
  };

  const html = (which: keyof typeof PAGES): Route['handle'] => ({ res }) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(PAGES[which]),
      'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache',
    }).end(PAGES[which]);
  };

  return [
    { method: 'GET', path: '/docs', handle: html('docs') },
    { method: 'GET', path: '/redoc', handle: html('redoc') },
    { method: 'GET', path: OPENAPI_PATH, handle({ res }) {
      // Built once: the route table and the relay's routes do not change while it runs.
      openapi ??= JSON.stringify(buildRelayOpenApi(ROUTES, API_VERSION));
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(openapi), 'Cache-Control': 'no-cache' }).end(openapi);
    } },
    { method: 'GET', path: '/docs/assets/:file', async handle({ res, params }) {
      const found = await asset(params.file);
      if (!found) return sendError(res, 'RESOURCE_NOT_FOUND', `no documentation asset ${params.file}`);
      res.writeHead(200, {
        'Content-Type': found.type, 'Content-Length': found.body.length,
        'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=3600',
      }).end(found.body);
    } },
  ];
}

/** For tests: the merged document as the relay serves it. */
export const relayOpenApi = () => buildRelayOpenApi(ROUTES, API_VERSION);