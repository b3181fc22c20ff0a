/**
 * A tiny router for the relay's few HTTP paths: exact segments and `:name` parameters. A path the
 * relay owns but with another method answers 405 with `Allow`; a path it does not own falls through
 * to `next` (the game page: vite middleware or dist/), which is why this is not a framework router.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './respond.ts';

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Counts against the per-IP write budget as well as the general one. */
  write?: boolean;
  /** A sign-in door (seed 004: 5 a minute per IP), spending the auth budget instead of the others. */
  auth?: boolean;
  /** Spends no rate budget: a page's upload of an answer the caller's request already paid for. */
  free?: boolean;
  handle(r: RouteRequest): Promise<void> | void;
}

export interface RouteMatch { route: Route; params: Record<string, string> }

// A malformed escape (`%E0%A4%A`) is a bad parameter for the route to refuse, not a crash.
const safeDecode = (s: string): string => { try { return decodeURIComponent(s); } catch { return s; } };

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const normal = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const want = pattern.split('/');
  const got = normal.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':') && got[i] !== '') params[want[i].slice(1)] = safeDecode(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

export function createRouter(routes: readonly Route[]) {
  return {
    /** The route for this request, 'wrong-method' (the path is ours), or null (not ours). */
    match(method: string, path: string): RouteMatch | { allow: string[] } | null {
      const allow: string[] = [];
      for (const route of routes) {
        const params = matchPath(route.path, path);
        if (!params) continue;
        if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params };
        allow.push(route.method);
      }
      return allow.length ? { allow } : null;
    },
    refuseMethod(res: ServerResponse, method: string, path: string, allow: string[]): void {
      sendError(res, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path} (allowed: ${allow.join(', ')})`, {}, { Allow: allow.join(', ') });
    },
  };
}
