/**
 * The shape of one control-API route: what the router validates, what OpenAPI and docs/api.md are
 * generated from, and what the HTTP door of the relay will serve. Pure data and zod schemas; the
 * handlers that act on the game live in src/control/.
 */
import type { z } from 'zod';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Which rate-limit bucket a route spends from (seed: 100/min general, 10/min writes). */
export type RouteKind = 'read' | 'write';

export interface RouteExample {
  /** Query parameters, as strings (what a URL carries). */
  query?: Record<string, string>;
  body?: unknown;
}

export interface RouteSpec {
  method: HttpMethod;
  /** The seed's path, without the /api/v2 prefix, e.g. `/scene/load`. */
  path: string;
  /** Doc group: the seed's section heading (Scene Management, Player Management, ...). */
  group: string;
  summary: string;
  /** A longer note for docs/api.md: what the route does in this game. */
  description?: string;
  kind: RouteKind;
  /** Query parameters; values arrive as strings, so number fields use z.coerce. */
  query?: z.ZodType;
  body?: z.ZodType;
  /** The documented 200 response. */
  response: z.ZodType;
  /** Content type of a successful answer (default application/json). */
  contentType?: string;
  /** Status codes the route can answer, beyond 200 and the door's own (401, 405, 429). */
  statuses: number[];
  /** The seed's request example (or ours where the seed has none). */
  example: RouteExample;
}

/** `METHOD /path`, the key a handler table uses. */
export type RouteKey = `${HttpMethod} ${string}`;
export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>): RouteKey => `${r.method} ${r.path}`;
