/**
 * `npm start`: the relay and the game on one origin and one port, so two people opening the printed
 * URL are in the same (default) world and a Quest needs one certificate. In dev the page comes from
 * vite in middleware mode (HMR over the same server); with --prod or NODE_ENV=production, from dist/
 * (build it first with `npm run build`).
 */
import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { resolve } from 'node:path';
import { ISOLATION_HEADERS, serveStatic, withIsolation } from './http/static-files.ts';
import { createLogger } from './log.ts';
import { runRelay } from './main.ts';
import type { MountedApp } from './server.ts';

const prod = process.argv.includes('--prod') || process.env.NODE_ENV === 'production';
const log = createLogger();

async function mountVite(server: HttpServer): Promise<MountedApp> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    server: { middlewareMode: true, ws: { server }, headers: ISOLATION_HEADERS },
    appType: 'spa',
  });
  return {
    // vite's middleware does not add server.headers to every answer in middleware mode; do it here.
    middleware: (req, res, next) => {
      withIsolation(res);
      vite.middlewares(req, res, next);
    },
    close: () => vite.close(),
  };
}

function mountDist(): MountedApp {
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`no ${dist}/index.html: run \`npm run build\` first`);
  return { middleware: serveStatic(dist) };
}

runRelay({ mountApp: (server) => (prod ? mountDist() : mountVite(server)) }, log)
  .then(() => log.info({ page: prod ? 'dist/' : 'vite dev middleware' }, 'serving the game on the relay origin'))
  .catch((err: unknown) => {
    process.stderr.write(`failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
