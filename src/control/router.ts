/**
 * The control API's router: one table of routes, one path for every request whatever door it came
 * through. Order: version → token → rate limit → route and method → validation → handler. Every
 * failure answers in seed 000's error format and leaves the game untouched.
 */
import { API_MAJOR, API_MEDIA_TYPE, API_PREFIX, errorBody, type ApiRequest, type ApiResponse } from '../protocol/api.ts';
import { zodFailure, ERROR_STATUS, type ErrorCode, type Result } from '../protocol/errors.ts';
import { routeKey, type RouteKey, type RouteSpec } from '../protocol/route-spec.ts';

import type { RateLimits } from './rate-limits.ts';

export interface HandlerRequest {
  route: RouteSpec;
  /** Parsed by the route's query schema ({} when it has none). */
  query: Record<string, unknown>;
  /** Parsed by the route's body schema. */
  body: unknown;
  headers: Record<string, string>;
  requestId: string;
}

export type Handler = (req: HandlerRequest) => Result<unknown> | Promise<Result<unknown>>;
export type HandlerTable = Partial<Record<RouteKey, Handler>>;

export interface RouterOptions {
  routes: readonly RouteSpec[];
  handlers: HandlerTable;
  limits: RateLimits;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string | null;
  observe?(method: string, endpoint: string, status: number, seconds: number): void;
  /** A handler threw: the caller gets a 500, the game reports it (telemetry `error`). */
  onError?(route: RouteSpec, error: unknown): void;
  /** Last word before validation: a route the game cannot take right now (a replay is running) is refused here. */
  admit?(route: RouteSpec): Result<never> | null;
  /** A write answered 200 (the recorder logs it for replay). */
  onWrite?(route: RouteSpec, body: unknown): void;
}

class Refusal {
  constructor(readonly code: ErrorCode, readonly message: string, readonly headers: Record<string, string> = {}, readonly retryAfter?: number) {}
}

const VERSIONED = /^\/api\/v(\d+)(\/.*)?$/;
const MEDIA_VERSION = /application\/vnd\.spacetime\.v(\d+)\+json/;

export class ApiRouter {
  private readonly byPath = new Map<string, Map<string, { spec: RouteSpec; handler: Handler }>>();
  private sequence = 0;

  constructor(private readonly options: RouterOptions) {
    for (const spec of options.routes) {
      const handler = options.handlers[routeKey(spec)];
      if (!handler) throw new Error(`no handler for ${routeKey(spec)}`);
      if (!this.byPath.has(spec.path)) this.byPath.set(spec.path, new Map());
      this.byPath.get(spec.path)!.set(spec.method, { spec, handler });
    }
    for (const key of Object.keys(options.handlers)) {
      if (!options.routes.some((r) => routeKey(r) === key)) throw new Error(`handler ${key} has no route`);
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
    let handlerMs = 0;
    let answer: ApiResponse;
    try {
      const { path, query } = splitPath(req.path);
      const route = this.resolve(method, path, headers, out);
      endpoint = route.spec.path;
      await this.spend(req.client ?? 'page', route.spec, out);
      const refused = this.options.admit?.(route.spec);
      if (refused && !refused.ok) throw new Refusal(refused.error.code, refused.error.message);
      const parsed = parse(route.spec, query, req.body);
      const handlerStarted = performance.now();
      const result = await route.handler({ route: route.spec, query: parsed.query, body: parsed.body, headers, requestId });
      handlerMs = performance.now() - handlerStarted;
      if (result.ok) {
        if (route.spec.kind === 'write') this.options.onWrite?.(route.spec, parsed.body);
        out['content-type'] = route.spec.contentType ?? json;
        answer = { status: 200, headers: out, body: result.value };
      } else {
        answer = refuse(new Refusal(result.error.code, result.error.message), requestId, out, json);
      }
    } catch (e) {
      if (e instanceof Refusal) answer = refuse(e, requestId, out, json);
      else {
        const spec = this.byPath.get(endpoint)?.get(method)?.spec;
        if (spec) this.options.onError?.(spec, e);
        answer = refuse(new Refusal('INTERNAL_ERROR', `internal error: ${e instanceof Error ? e.message : String(e)}`), requestId, out, json);
      }
    }
    const totalMs = performance.now() - started;
    // Server-Timing (a standard header): what the action took, and the door's own share around it.
    answer.headers['server-timing'] = `handler;dur=${handlerMs.toFixed(3)}, total;dur=${totalMs.toFixed(3)}`;
    this.options.observe?.(method, endpoint, answer.status, totalMs / 1000);
    return answer;
  }

  private resolve(method: string, rawPath: string, headers: Record<string, string>, out: Record<string, string>) {
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

  private async spend(client: string, spec: RouteSpec, out: Record<string, string>) {
    const verdict = await this.options.limits.take(client, spec.kind);
    out['x-ratelimit-limit'] = String(verdict.limit);
    out['x-ratelimit-remaining'] = String(verdict.remaining);
    out['x-ratelimit-reset'] = String(verdict.resetAt);
    if (!verdict.allowed) {
      out['retry-after'] = String(verdict.retryAfter);
      throw new Refusal('RATE_LIMIT_EXCEEDED', `Rate limit exceeded. Try again in ${verdict.retryAfter} seconds.`, {}, verdict.retryAfter);
    }
  }
}

function refuse(r: Refusal, requestId: string, out: Record<string, string>, json: string): ApiResponse {
  const body = errorBody(r.code, r.message, requestId);
  if (r.retryAfter !== undefined) body.retry_after = r.retryAfter;
  out['content-type'] = json;
  return { status: ERROR_STATUS[r.code], headers: { ...out, ...r.headers }, body };
}

function parse(spec: RouteSpec, query: Record<string, string>, body: unknown) {
  let parsedQuery: Record<string, unknown> = {};
  if (spec.query) {
    const q = spec.query.safeParse(query);
    if (!q.success) throw fromZod(q.error, 'query', query);
    parsedQuery = q.data as Record<string, unknown>;
  } else {
    const extra = Object.keys(query)[0];
    if (extra !== undefined) throw new Refusal('INVALID_PARAMETER', `${spec.path} takes no query parameter (got '${extra}')`);
  }
  let parsedBody: unknown = undefined;
  if (spec.body) {
    const b = spec.body.safeParse(body);
    if (!b.success) throw fromZod(b.error, 'body', body);
    parsedBody = b.data;
  }
  return { query: parsedQuery, body: parsedBody };
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
