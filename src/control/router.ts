/**
 * The control API's router: one table of routes, one path for every request whatever door it came
 * through. Order: version → token → route and method → admission → validation → handler. Every
 * failure answers in seed 000's error format and leaves the game untouched. Input is validated here
 * once; handlers get the schemas' output types and must answer the response schema's input type.
 * Rate limits are not the page's: the relay's network door enforces the seed's per-IP limits.
 */
import { z } from 'zod';
import { API_MAJOR, API_MEDIA_TYPE, API_PREFIX, errorBody, type ApiRequest, type ApiResponse } from '../protocol/api.ts';
import { zodFailure, ERROR_STATUS, type ErrorCode, type Result } from '../protocol/errors.ts';
import { routeKey, type RouteSpec, type RouteTable } from '../protocol/route-spec.ts';

export interface HandlerRequest<R extends RouteSpec> {
  /** The route's query schema's output (`{}` for NoQuery). */
  query: z.output<R['query']>;
  /** The route's body schema's output (`undefined` for NoBody). */
  body: z.output<R['body']>;
  headers: Record<string, string>;
  requestId: string;
}

/** What a handler answers: a value of the documented response's input type, or a typed refusal. */
export type Answer<R extends RouteSpec> = Result<z.input<R['response']>>;
export type Handler<R extends RouteSpec> = (req: HandlerRequest<R>) => Answer<R> | Promise<Answer<R>>;
/** One handler per route of a table: a missing, extra-typed or mistyped handler is a type error. */
export type HandlerTable<T extends RouteTable> = { [K in keyof T]: Handler<T[K]> };

export interface RouterOptions<T extends RouteTable> {
  routes: T;
  handlers: HandlerTable<T>;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string | null;
  observe?(method: string, endpoint: string, status: number, seconds: number): void;
  /** A handler threw: the caller gets a 500, the game reports it (telemetry `error`). */
  onError?(route: RouteSpec, error: unknown): void;
  /** Last word before validation: a route the game cannot take right now (a replay is running) is refused here. */
  admit?(route: RouteSpec): Result<never> | null;
  /** A write answered 200 (the recorder logs it for replay), with its validated body. */
  onWrite?(route: RouteSpec, body: unknown): void;
}

class Refusal {
  constructor(readonly code: ErrorCode, readonly message: string) {}
}

/** A route with its handler, joined where both types are known, so the router itself needs none. */
interface BoundRoute {
  spec: RouteSpec;
  /** Validates query and body with the route's schemas (throws a Refusal), and returns the call. */
  prepare(query: Record<string, string>, body: unknown, headers: Record<string, string>, requestId: string): { body: unknown; run(): Answer<RouteSpec> | Promise<Answer<RouteSpec>> };
}

function bind<R extends RouteSpec>(spec: R, handler: Handler<R>): BoundRoute {
  return {
    spec,
    prepare(query, body, headers, requestId) {
      const req: HandlerRequest<R> = {
        query: parseWith<R['query']>(spec.query, query, 'query'), body: parseWith<R['body']>(spec.body, body, 'body'), headers, requestId,
      };
      return { body: req.body, run: () => handler(req) };
    },
  };
}

const VERSIONED = /^\/api\/v(\d+)(\/.*)?$/;
const MEDIA_VERSION = /application\/vnd\.spacetime\.v(\d+)\+json/;

export class ApiRouter<T extends RouteTable> {
  private readonly byPath = new Map<string, Map<string, BoundRoute>>();
  private sequence = 0;

  constructor(private readonly options: RouterOptions<T>) {
    const { routes, handlers } = options;
    for (const key in routes) {
      const spec = routes[key];
      if (routeKey(spec) !== key) throw new Error(`route ${key} is ${routeKey(spec)}`);
      // Typed callers cannot leave one out; plain JavaScript can.
      if (typeof handlers[key] !== 'function') throw new Error(`no handler for ${key}`);
      if (!this.byPath.has(spec.path)) this.byPath.set(spec.path, new Map());
      this.byPath.get(spec.path)!.set(spec.method, bind(spec, handlers[key]));
    }
    for (const key of Object.keys(handlers)) {
      if (!Object.hasOwn(routes, key)) throw new Error(`handler ${key} has no route`);
    }
  }

  async handle(req: ApiRequest): Promise<ApiResponse> {
    const started = performance.now();
    const requestId = `req_${Date.now().toString(36)}${(this.sequence++).toString(36).padStart(4, '0')}`;
    const headers = lowerKeys(req.headers);
    const out: Record<string, string> = { 'x-request-id': requestId, 'x-api-version': String(API_MAJOR) };
    const json = headers.accept && MEDIA_VERSION.test(headers.accept) ? API_MEDIA_TYPE : 'application/json';
    const method = String(req.method ?? '').toUpperCase();
    let endpoint = 'unmatched';
    let matched: RouteSpec | null = null;
    let handlerMs = 0;
    let answer: ApiResponse;
    try {
      const { path, query } = splitPath(req.path);
      const route = this.resolve(method, path, headers, out);
      matched = route.spec;
      endpoint = route.spec.path;
      const refused = this.options.admit?.(route.spec);
      if (refused && !refused.ok) throw new Refusal(refused.error.code, refused.error.message);
      const call = route.prepare(query, req.body, headers, requestId);
      const handlerStarted = performance.now();
      const result = await call.run();
      handlerMs = performance.now() - handlerStarted;
      if (result.ok) {
        if (route.spec.kind === 'write') this.options.onWrite?.(route.spec, call.body);
        out['content-type'] = route.spec.contentType ?? json;
        answer = { status: 200, headers: out, body: result.value };
      } else {
        answer = refuse(new Refusal(result.error.code, result.error.message), requestId, out, json);
      }
    } catch (e) {
      if (e instanceof Refusal) answer = refuse(e, requestId, out, json);
      else {
        if (matched) this.options.onError?.(matched, e);
        answer = refuse(new Refusal('INTERNAL_ERROR', `internal error: ${e instanceof Error ? e.message : String(e)}`), requestId, out, json);
      }
    }
    const totalMs = performance.now() - started;
    // Server-Timing (a standard header): what the action took, and the door's own share around it.
    answer.headers['server-timing'] = `handler;dur=${handlerMs.toFixed(3)}, total;dur=${totalMs.toFixed(3)}`;
    this.options.observe?.(method, endpoint, answer.status, totalMs / 1000);
    return answer;
  }

  private resolve(method: string, rawPath: string, headers: Record<string, string>, out: Record<string, string>): BoundRoute {
    let path = rawPath;
    const versioned = VERSIONED.exec(path);
    if (versioned) {
      if (Number(versioned[1]) !== API_MAJOR) throw new Refusal('RESOURCE_NOT_FOUND', `API v${versioned[1]} is not served; use ${API_PREFIX}`);
      path = versioned[2] ?? '/';
    }
    const asked = headers.accept ? MEDIA_VERSION.exec(headers.accept) : null;
    if (asked && Number(asked[1]) !== API_MAJOR) throw new Refusal('INVALID_PARAMETER', `Accept asks for API v${asked[1]}; this server speaks ${API_MEDIA_TYPE}`);
    this.authorize(headers);
    const methods = this.byPath.get(path);
    if (!methods) throw new Refusal('RESOURCE_NOT_FOUND', `no route ${path}`);
    const route = methods.get(method);
    if (!route) {
      const allow = [...methods.keys()].join(', ');
      out.allow = allow;
      throw new Refusal('METHOD_NOT_ALLOWED', `${method || '(none)'} is not allowed on ${path}; allowed: ${allow}`);
    }
    return route;
  }

  private authorize(headers: Record<string, string>) {
    const token = this.options.token;
    if (!token) return;
    const given = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    if (!given) throw new Refusal('INVALID_TOKEN', 'Authorization: Bearer <token> is required (the token is printed in the browser console)');
    if (given !== token) throw new Refusal('INVALID_TOKEN', 'Authentication token is invalid');
  }
}

function refuse(r: Refusal, requestId: string, out: Record<string, string>, json: string): ApiResponse {
  out['content-type'] = json;
  return { status: ERROR_STATUS[r.code], headers: out, body: errorBody(r.code, r.message, requestId) };
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: 'query' | 'body'): z.output<S> {
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) throw fromZod(parsed.error, where, input);
  return parsed.data;
}

function fromZod(error: Parameters<typeof zodFailure>[0], where: string, input: unknown): Refusal {
  const r = zodFailure(error, { input });
  const issue = error.issues[0];
  const field = issue?.path.length ? `${where}.${issue.path.join('.')}` : where;
  const code = r.ok ? 'INVALID_PARAMETER' : r.error.code;
  return new Refusal(code, `${field}: ${issue?.message ?? 'invalid'}`);
}

function splitPath(raw: unknown): { path: string; query: Record<string, string> } {
  if (typeof raw !== 'string' || !raw.startsWith('/')) throw new Refusal('INVALID_PARAMETER', 'path must be a string starting with /');
  const url = new URL(raw, 'http://spacetime.local');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return { path, query: Object.fromEntries(url.searchParams) };
}

function lowerKeys(h: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (h && typeof h === 'object') for (const [k, v] of Object.entries(h)) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}
