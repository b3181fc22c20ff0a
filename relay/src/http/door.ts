/**
 * The relay's HTTP door: every request passes here (socket.io takes /socket.io/ before it). Relay
 * routes get CORS (a page served by `vite` alone on another port may call them), the per-IP rate
 * limit, 405 for a wrong method and a 500 in the seed's format if a handler throws; anything else
 * goes to the mounted app (the game page), or 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { ApiDoor } from './api-door.ts';
import { createHttpRateLimiter, type HttpRateLimits } from './rate-limit.ts';
import { sendError } from './respond.ts';
import { createRouter, type Route } from './router.ts';

/** A connect-style middleware: vite's dev server in middleware mode, or the dist/ file server. */
export type AppMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface HttpDoorOptions {
  routes: Route[];
  limits: HttpRateLimits;
  metrics: RelayMetrics;
  log: Logger;
  app?: () => AppMiddleware | undefined;
  /** The control API forwarded to game pages (api-door.ts). */
  api?: ApiDoor;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, Accept, X-Spacetime-Client, X-Reply-Status, X-Reply-Headers',
  'Access-Control-Expose-Headers': 'X-Request-Id, X-Api-Version, Server-Timing, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After',
};

/** Where a request goes (see `resolve`): `api` wins over `match`. */
export interface DoorTarget {
  match: ReturnType<ReturnType<typeof createRouter>['match']>;
  api: { path: string; write: boolean } | null;
}

export type HttpDoor = ReturnType<typeof createHttpDoor>;

/** The request's URL, or null for a target no URL parser accepts (`GET //[`): such a request is refused, never thrown on. */
export function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://relay.invalid');
  } catch {
    return null;
  }
}

export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function createHttpDoor(opts: HttpDoorOptions) {
  const router = createRouter(opts.routes);
  const admit = createHttpRateLimiter(opts.limits);

  const notFound = (req: IncomingMessage, res: ServerResponse) => sendError(res, 'RESOURCE_NOT_FOUND', `no route for ${req.method} ${req.url}`);

  /** Whose a request is: a game page's control-API route (`api`), else the relay route it matches (`match`), or neither. */
  const resolve = (method: string, pathname: string, headers: IncomingMessage['headers']): DoorTarget => {
    const match = router.match(method === 'OPTIONS' ? 'GET' : method, pathname);
    return { match, api: opts.api?.claims(method, pathname, headers, match !== null) ?? null };
  };

  /** `inner`: a call made inside the relay (POST /batch): no CORS, no per-IP budget, never the page's files. */
  async function serve(req: IncomingMessage, res: ServerResponse, inner: boolean): Promise<void> {
    const started = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    res.once('finish', () => opts.metrics.http(method, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    const url = requestUrl(req);
    if (!url) return sendError(res, 'INVALID_PARAMETER', 'the request target is not a valid URL path');
    const { match, api } = resolve(method, url.pathname, req.headers);
    if (api) {
      if (!inner) for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
      if (method === 'OPTIONS') return void res.writeHead(204).end();
      if (!inner && !(await admit(clientIp(req), api.write ? 'write' : 'read', res))) return;
      try {
        await opts.api!.handle(req, res, url, api.path);
      } catch (err) {
        opts.log.error({ err, method, path: url.pathname }, 'api door failed');
        if (!res.headersSent) sendError(res, 'INTERNAL_ERROR', 'the relay failed to forward the call; see its log');
        else res.end();
      }
      return;
    }
    const app = inner ? undefined : opts.app?.();
    // A browser opening the relay's URL wants the game; tools and curl get seed 003's service info.
    const pageAsked = app && url.pathname === '/' && method === 'GET' && /text\/html/.test(req.headers.accept ?? '');
    if (!match || pageAsked) {
      if (!app) return notFound(req, res);
      app(req, res, (err) => {
        if (err) opts.log.error({ err, path: url.pathname }, 'page middleware failed');
        if (!res.headersSent) notFound(req, res);
      });
      return;
    }
    if (!inner) for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
    if (method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const write = 'route' in match && match.route.write === true;
    const free = 'route' in match && match.route.free === true;
    const kind = 'route' in match && match.route.auth === true ? 'auth' : write ? 'write' : 'read';
    if (!inner && !free && !(await admit(clientIp(req), kind, res))) return;
    if ('allow' in match) return router.refuseMethod(res, method, url.pathname, match.allow);
    try {
      await match.route.handle({ req, res, url, params: match.params });
    } catch (err) {
      opts.log.error({ err, method, path: url.pathname }, 'http handler failed');
      if (!res.headersSent) sendError(res, 'INTERNAL_ERROR', 'the relay failed to answer; see its log');
      else res.end();
    }
  }

  /** Nothing a request does may take the relay down: a failure here is logged and answered 500. */
  const guarded = (req: IncomingMessage, res: ServerResponse, inner: boolean) => serve(req, res, inner).catch((err: unknown) => {
    opts.log.error({ err, method: req.method }, 'http door failed');
    if (!res.headersSent) sendError(res, 'INTERNAL_ERROR', 'the relay failed to answer; see its log');
    else res.end();
  });

  return Object.assign((req: IncomingMessage, res: ServerResponse) => guarded(req, res, false), {
    /**
     * Serves a request made inside the relay (POST /batch's operations): the same routing, token and
     * scope checks and handlers as from the network, without CORS headers, without spending the
     * per-IP budget (the caller paid for the batch) and never falling through to the page's files.
     */
    inner: (req: IncomingMessage, res: ServerResponse) => guarded(req, res, true),
    resolve,
  });
}
