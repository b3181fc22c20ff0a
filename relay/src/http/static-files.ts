/**
 * The production page: dist/ served by the relay itself, with the cross-origin isolation headers
 * vite.config.ts sends in dev (COOP/COEP, so SharedArrayBuffer reaches the workers). Paths without a
 * file fall back to index.html (the page reads ?world= itself); paths cannot leave dist/.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AppMiddleware } from './door.ts';

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.glb': 'model/gltf-binary', '.wasm': 'application/wasm',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

export function withIsolation(res: ServerResponse): void {
  for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
}

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try { decoded = decodeURIComponent(urlPath); } catch { return null; }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  const s = await stat(path).catch(() => null);
  if (s?.isFile()) return path;
  if (s?.isDirectory()) return fileAt(root, join(decoded, 'index.html'));
  return null;
}

export function serveStatic(dir: string): AppMiddleware {
  const root = normalize(dir);
  return (req: IncomingMessage, res: ServerResponse, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const urlPath = new URL(req.url ?? '/', 'http://page.invalid').pathname;
    void (async () => {
      // A path with an extension is a file that must exist; anything else is a page route.
      const file = (await fileAt(root, urlPath)) ?? (extname(urlPath) ? null : await fileAt(root, '/index.html'));
      if (!file) return next();
      withIsolation(res);
      res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      // Hashed assets never change; index.html must be fetched again to find the new ones.
      res.setHeader('Cache-Control', file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file).on('error', next).pipe(res);
    })().catch(next);
  };
}
