/**
 * Seed 000's BatchOperationsRouter: POST /batch (and /api/v2/batch) runs up to 50 operations in
 * order, each as an in-process request through the relay's HTTP door (door.ts `inner`), so an
 * operation takes exactly the doors a single call takes: a game page's control-API route is
 * forwarded to the page by api-door.ts, a relay route (worlds, webhooks, accounts…) runs its own
 * handler, an unknown path is 404 and a wrong method 405. Nothing goes over the network.
 *
 * - The batch needs a bearer token; each operation is checked against its scopes like a single call
 *   (the page route's scope, or read/write for a relay route), and one it may not do gets its own
 *   403 result while the others still run.
 * - The whole batch is refused (400, seed 000's error body, nothing run) when its JSON is bad, the
 *   list is empty or longer than 50, or an operation targets /batch itself, a sign-in route (those
 *   keep their own 5-a-minute budget) or a page's reply upload.
 * - Budget: 10 batches a minute per IP (429 with retry_after past that), and that is all a batch
 *   spends: its operations spend no per-IP budget of their own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import { hasScope, type Scope } from '../auth/scopes.ts';
import { scopeFor } from './api-door.ts';
import { requireScope, type Verify } from './auth-guard.ts';
import { clientIp, type DoorTarget } from './door.ts';
import { body } from './json-body.ts';
import { errorBody, requestId, sendError, sendJson } from './respond.ts';
import type { Route } from './router.ts';

export const MAX_BATCH_OPERATIONS = 50;
export const BATCHES_PER_MINUTE = 10;

const BATCH_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

export const BatchOperationSchema = z.strictObject({
  method: z.enum(BATCH_METHODS).describe('HTTP method of the operation'),
  path: z.string().max(2048).regex(/^\/(?!\/)[^\s#]*$/, 'must be a path on this relay, such as /player/position or /api/v2/webhooks (a query string may follow)')
    .describe('Path (and query) as a single call would use it: bare, or under /api/v2'),
  body: z.unknown().optional().describe('JSON body of the operation (sent as application/json)'),
});
export const BatchRequestSchema = z.strictObject({
  operations: z.array(BatchOperationSchema).min(1, 'give at least one operation')
    .max(MAX_BATCH_OPERATIONS, `a batch holds at most ${MAX_BATCH_OPERATIONS} operations`),
});
export type BatchOperation = z.output<typeof BatchOperationSchema>;

export const BatchResultSchema = z.object({
  index: z.number().int().describe('Position of the operation in `operations`'),
  status: z.number().int().describe('HTTP status the operation answered'),
  headers: z.record(z.string(), z.string()).describe('content-type, location, allow, x-request-id, x-api-version, www-authenticate, when the answer set them'),
  body: z.unknown().describe('The answer: parsed JSON, text for a non-JSON answer, null when empty'),
});
export const BatchResponseSchema = z.object({
  request_id: z.string(),
  results: z.array(BatchResultSchema),
});
export type BatchResult = z.output<typeof BatchResultSchema>;

/** Headers of an operation's answer that its result carries (CORS and rate-limit headers are the batch's). */
const KEPT_HEADERS = ['content-type', 'location', 'allow', 'x-request-id', 'x-api-version', 'www-authenticate'];
/** Headers of the batch request that every operation carries. */
const PASSED_HEADERS = ['authorization', 'accept', 'x-spacetime-client', 'user-agent', 'host'];

export interface BatchRouteContext {
  verify: Verify;
  /** The door's in-process dispatch and its resolver (door.ts). */
  door: () => { inner(req: IncomingMessage, res: ServerResponse): Promise<void>; resolve(method: string, pathname: string, headers: IncomingMessage['headers']): DoorTarget };
  /** The largest batch body (bytes). */
  maxBodyBytes: number;
  perMinute?: number;
  /** Longest wait for one operation's answer after its handler returned (a page's answer arrives later). */
  operationTimeoutMs?: number;
}

/**
 * A ServerResponse stand-in that keeps what a handler writes: status, headers, body. It has the
 * part of ServerResponse the relay's handlers use (setHeader, writeHead, write, end, headersSent,
 * statusCode, the finish and close events).
 */
class CapturedResponse extends EventEmitter {
  statusCode = 200;
  statusMessage = '';
  headersSent = false;
  writableEnded = false;
  finished = false;
  destroyed = false;
  private readonly headers = new Map<string, string>();
  private readonly chunks: Buffer[] = [];
  readonly done: Promise<void>;
  private resolveDone!: () => void;

  constructor() {
    super();
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
  }

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    return this;
  }
  getHeader(name: string): string | undefined { return this.headers.get(name.toLowerCase()); }
  hasHeader(name: string): boolean { return this.headers.has(name.toLowerCase()); }
  removeHeader(name: string): void { this.headers.delete(name.toLowerCase()); }
  getHeaders(): Record<string, string> { return Object.fromEntries(this.headers); }

  writeHead(status: number, reason?: string | Record<string, string | number | readonly string[]>, more?: Record<string, string | number | readonly string[]>): this {
    this.statusCode = status;
    const headers = typeof reason === 'object' ? reason : more;
    if (typeof reason === 'string') this.statusMessage = reason;
    for (const [k, v] of Object.entries(headers ?? {})) this.setHeader(k, v);
    this.headersSent = true;
    return this;
  }
  flushHeaders(): void { this.headersSent = true; }

  write(chunk: string | Uint8Array, encoding?: BufferEncoding | (() => void), cb?: () => void): boolean {
    if (this.writableEnded) return false;
    this.headersSent = true;
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
    const callback = typeof encoding === 'function' ? encoding : cb;
    if (callback) queueMicrotask(callback);
    return true;
  }

  end(chunk?: string | Uint8Array | (() => void), encoding?: BufferEncoding | (() => void), cb?: () => void): this {
    if (this.writableEnded) return this;
    if (chunk !== undefined && typeof chunk !== 'function') this.write(chunk, typeof encoding === 'string' ? encoding : undefined);
    this.headersSent = true;
    this.writableEnded = this.finished = true;
    const callback = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : cb;
    queueMicrotask(() => {
      this.emit('finish');
      this.emit('close');
      callback?.();
      this.resolveDone();
    });
    return this;
  }

  /** The answer as a batch result. */
  result(index: number): BatchResult {
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const v = this.headers.get(name);
      if (v !== undefined) headers[name] = v;
    }
    const raw = Buffer.concat(this.chunks).toString('utf8');
    let body: unknown = raw === '' ? null : raw;
    if (raw !== '' && /\bjson\b/i.test(headers['content-type'] ?? '')) {
      try { body = JSON.parse(raw); } catch { /* a malformed JSON answer stays text */ }
    }
    return { index, status: this.statusCode, headers, body };
  }
}

/** The operation as an IncomingMessage: method, url, the batch's headers, its JSON body, the caller's address. */
function operationRequest(op: BatchOperation, from: IncomingMessage): IncomingMessage {
  const text = op.body === undefined ? null : JSON.stringify(op.body);
  const headers: IncomingMessage['headers'] = {};
  for (const name of PASSED_HEADERS) if (from.headers[name] !== undefined) headers[name] = from.headers[name] as string;
  if (text !== null) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(text));
  }
  const req = Readable.from(text === null ? [] : [Buffer.from(text)]) as unknown as Record<string, unknown>;
  Object.assign(req, {
    method: op.method, url: op.path, headers, httpVersion: '1.1',
    socket: { remoteAddress: clientIp(from), encrypted: (from.socket as { encrypted?: boolean }).encrypted },
  });
  return req as unknown as IncomingMessage;
}

export function batchRoutes(ctx: BatchRouteContext): Route[] {
  const perMinute = ctx.perMinute ?? BATCHES_PER_MINUTE;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  const operationTimeoutMs = ctx.operationTimeoutMs ?? 30_000;
  const own = new Set<Route>();

  const rateHeaders = (r: RateLimiterRes) => ({
    'X-RateLimit-Limit': perMinute,
    'X-RateLimit-Remaining': Math.max(0, r.remainingPoints),
    'X-RateLimit-Reset': Math.ceil((Date.now() + r.msBeforeNext) / 1000),
  });

  /** Spends one of the IP's batches; false (and the 429 sent) when none is left. */
  async function admit(ip: string, res: ServerResponse): Promise<boolean> {
    try {
      const r = await limiter.consume(ip);
      for (const [k, v] of Object.entries(rateHeaders(r))) res.setHeader(k, v);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
      sendError(res, 'RATE_LIMIT_EXCEEDED', `more than ${perMinute} batches a minute from ${ip}; retry in ${retryAfter} s`,
        { retry_after: retryAfter }, { ...rateHeaders(rejection), 'Retry-After': retryAfter });
      return false;
    }
  }

  /** The scope an operation needs, or why it may not be in a batch at all. */
  function plan(op: BatchOperation, headers: IncomingMessage['headers']): { scope: Scope | null } | { refused: string } {
    const pathname = new URL(op.path, 'http://relay.invalid').pathname;
    const { match, api } = ctx.door().resolve(op.method, pathname, headers);
    if (api) return { scope: scopeFor(api.path, api.write ? 'write' : 'read') };
    if (!match || !('route' in match)) return { scope: null }; // the door answers 404 or 405
    const route = match.route;
    if (own.has(route)) return { refused: 'a batch cannot run /batch' };
    if (route.auth) return { refused: 'sign-in routes cannot run in a batch (they have their own budget of 5 a minute)' };
    if (route.free) return { refused: 'only a game page uploads its replies' };
    return { scope: route.write ? 'write' : 'read' };
  }

  async function run(op: BatchOperation, index: number, req: IncomingMessage): Promise<BatchResult> {
    const res = new CapturedResponse();
    await ctx.door().inner(operationRequest(op, req), res as unknown as ServerResponse);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), operationTimeoutMs); });
    const outcome = await Promise.race([res.done, late]);
    clearTimeout(timer);
    if (outcome === 'late') return { index, status: 500, headers: {}, body: errorBody('INTERNAL_ERROR', `${op.method} ${op.path} did not answer within ${operationTimeoutMs / 1000} s`) };
    return res.result(index);
  }

  const handle: Route['handle'] = async ({ req, res }) => {
    if (!(await admit(clientIp(req), res))) return;
    const claims = await requireScope(ctx.verify, req, res, 'read', 'POST /batch');
    if (!claims) return;
    const batch = await body(req, res, BatchRequestSchema, false, ctx.maxBodyBytes);
    if (!batch) return;
    const ops = batch.operations;
    const plans = ops.map((op) => plan(op, req.headers));
    const refused = plans.findIndex((p) => 'refused' in p);
    if (refused >= 0) {
      const p = plans[refused] as { refused: string };
      return sendError(res, 'INVALID_PARAMETER', `operations.${refused}: ${ops[refused].method} ${ops[refused].path}: ${p.refused}; nothing was run`);
    }
    let gone = false;
    res.once('close', () => { gone = !res.writableFinished; });
    const results: BatchResult[] = [];
    for (const [index, op] of ops.entries()) {
      if (gone) return; // the caller left: run nothing more
      const scope = (plans[index] as { scope: Scope | null }).scope;
      if (scope && !hasScope(claims.scopes, scope)) {
        const what = `${op.method} ${op.path.split('?')[0]}`;
        results.push({ index, status: 403, headers: { 'content-type': 'application/json; charset=utf-8' }, body: errorBody('FORBIDDEN', `${what} needs the ${scope} scope; this token has ${claims.scopes.join(', ') || 'none'}`) });
        continue;
      }
      results.push(await run(op, index, req));
    }
    const id = requestId();
    sendJson(res, 200, { request_id: id, results }, { 'X-Request-Id': id });
  };

  for (const path of ['/batch', '/api/v2/batch']) own.add({ method: 'POST', path, free: true, handle });
  return [...own];
}
