/**
 * The shape of one control-API route: what the router validates, what OpenAPI and docs/api.md are
 * generated from, and what the HTTP door of the relay will serve. Pure data and zod schemas; the
 * handlers that act on the game live in src/control/.
 */
import { z } from 'zod';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Reads and writes: writes are refused while a replay runs (and logged by the recorder); the relay's
 * network door will spend writes from the seed's tighter per-IP bucket.
 */
export type RouteKind = 'read' | 'write';

export interface RouteExample {
  /** Query parameters, as strings (what a URL carries). */
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * A route that takes no query parameters: any parameter is a 400. Routes without query parameters
 * name it, so every route has a query schema and handlers get its output type.
 */
export const NoQuery = z.strictObject({});
/** A route that reads no body (GETs): whatever is sent is ignored and the handler gets `undefined`. */
export const NoBody = z.unknown().transform((): undefined => undefined);

/**
 * One route. The type parameters keep the literal method and path (the handler table's keys) and
 * the exact schemas, so a handler's input and answer are typed from them (src/control/router.ts).
 */
export interface RouteSpec<
  M extends HttpMethod = HttpMethod, P extends string = string,
  Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType,
> {
  method: M;
  /** The seed's path, without the /api/v2 prefix, e.g. `/scene/load`. */
  path: P;
  /** Doc group: the seed's section heading (Scene Management, Player Management, ...). */
  group: string;
  summary: string;
  /** A longer note for docs/api.md: what the route does in this game. */
  description?: string;
  kind: RouteKind;
  /** Query parameters (`NoQuery` when none); values arrive as strings, so number fields parse them. */
  query: Q;
  /** The JSON body (`NoBody` when the route reads none). */
  body: B;
  /** The documented 200 response; a handler must answer a value of its input type. */
  response: R;
  /** Content type of a successful answer (default application/json). */
  contentType?: string;
  /** Status codes the route can answer, beyond 200 and the door's own (401, 405). */
  statuses: number[];
  /** The seed's request example (or ours where the seed has none). */
  example: RouteExample;
}

/** Keeps the literal method, path and schema types of a route (an identity at run time). */
export const defineRoute = <
  const M extends HttpMethod, const P extends string, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType,
>(spec: RouteSpec<M, P, Q, B, R>): RouteSpec<M, P, Q, B, R> => spec;

/** `METHOD /path`, the key of a route in its table and of its handler. */
export type RouteKey<R extends Pick<RouteSpec, 'method' | 'path'> = RouteSpec> = `${R['method']} ${R['path']}`;
export const routeKey = <R extends Pick<RouteSpec, 'method' | 'path'>>(r: R): RouteKey<R> => `${r.method} ${r.path}`;

/**
 * Routes keyed by `METHOD /path`. A key that does not match its route's method and path is a type
 * error here (and the router checks again at startup).
 */
export type RouteTable = Record<string, RouteSpec>;
export const routeTable = <const T extends RouteTable>(table: T & { [K in keyof T]: RouteKey<T[K]> extends K ? T[K] : never }): T => table;

export const takesQuery = (r: RouteSpec): boolean => r.query !== NoQuery;
export const takesBody = (r: RouteSpec): boolean => r.body !== NoBody;
