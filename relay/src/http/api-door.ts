/**
 * The control API over the network (issue 11): seed 000's REST paths, bare, under /api/v2/ or asked
 * for by the `Accept` media type, answered by a connected game page through the same route table
 * and router the in-page door uses. The relay's part is the network's: the bearer token and the
 * route's scope here, the per-IP budget in door.ts; then the call is handed to the page
 * (api-forward.ts) and its answer written back untouched.
 *
 * Bare /health, /status and /metrics are also the relay's own (seed 003): without an Authorization
 * header they stay the relay's, with one (or under /api/v2/) they are the game's.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_FORWARD_TIMEOUT_MS, ApiReplySchema, ClientIdSchema, ReplyHeadersSchema, type ApiCall } from '../../../src/protocol/net/api-forward.ts';
import type { RouteSpec } from '../../../src/protocol/route-spec.ts';
import { hasScope, type Scope } from '../auth/scopes.ts';
import { requireScope, type Verify } from './auth-guard.ts';
import type { Logger } from '../log.ts';
import { pickRefusal, type ApiPages } from '../socket/api-pages.ts';
import { BodyError, readJson, sendError } from './respond.ts';

const VERSIONED = /^\/api\/v\d+(\/.*)?$/;
const MEDIA = /application\/vnd\.spacetime\.v\d+\+json/;
/** Headers of the page's answer that reach the caller (the rest are the relay's to set). */
const PASSED = ['content-type', 'x-request-id', 'x-api-version', 'server-timing', 'allow'];

/** Seed 000's "expensive operations" (1 a second per IP): what makes the page render, load or replay. */
const EXPENSIVE = new Set(['GET /screenshot', 'POST /scene/load', 'POST /scene/reload', 'POST /replay', 'POST /record/start', 'POST /terrain/sync']);

export interface ApiDoorOptions {
  routes: readonly RouteSpec[];
  pages: ApiPages;
  verify: Verify;
  log: Logger;
  /** The largest request body forwarded (bytes). */
  maxBodyBytes: number;
  timeoutMs?: number;
  /** Per-subject and expensive-operation budgets (rate-limit.ts createCallerLimiter). */
  admitCaller?: (sub: string, ip: string, write: boolean, expensive: boolean, res: ServerResponse) => Promise<boolean>;
}

/** What a call needs: seed 000 "Scopes" — debug for /debug and /lsp, admin for /admin, else by the route's kind. */
export function scopeFor(path: string, kind: 'read' | 'write' | undefined): Scope {
  if (/^\/(debug|lsp)(\/|$)/.test(path)) return 'debug';
  if (/^\/admin(\/|$)/.test(path)) return 'admin';
  return kind === 'read' ? 'read' : 'write';
}

interface Waiting { res: ServerResponse; timer: NodeJS.Timeout; clientId: string; sent: number; relayMs: number }

export function createApiDoor(opts: ApiDoorOptions) {
  const kinds = new Map<string, 'read' | 'write'>();
  for (const r of opts.routes) kinds.set(`${r.method} ${r.path}`, r.kind);
  const paths = new Set(opts.routes.map((r) => r.path));
  const waiting = new Map<string, Waiting>();
  const timeoutMs = opts.timeoutMs ?? API_FORWARD_TIMEOUT_MS;

  const finish = (id: string): Waiting | undefined => {
    const w = waiting.get(id);
    if (!w) return undefined;
    waiting.delete(id);
    clearTimeout(w.timer);
    return w;
  };

  /**
   * `timing` goes out as Server-Timing (after the page's own, if it sent one): `relay` is the
   * relay's work before handing the call over (token, scope, budgets, body), `page` the wait for the
   * page's answer (socket both ways and the page's router), in ms. Browsers' network panels show it,
   * and the bench splits its figure with it.
   */
  const write = (res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, timing?: string) => {
    const out: Record<string, string | number> = { 'Content-Length': Buffer.byteLength(body) };
    for (const [k, v] of Object.entries(headers)) if (PASSED.includes(k.toLowerCase())) out[k] = v;
    if (timing) out['Server-Timing'] = typeof out['server-timing'] === 'string' ? `${out['server-timing']}, ${timing}` : timing;
    delete out['server-timing'];
    res.writeHead(status, out).end(body);
  };
  const ms = (t: number) => t.toFixed(3);

  return {
    /**
     * The route path this request is for (version prefix stripped), and whether it writes; null
     * when it is not a control-API call. `relayOwns` says the relay has its own route at that path.
     */
    claims(method: string, pathname: string, headers: IncomingMessage['headers'], relayOwns: boolean): { path: string; write: boolean } | null {
      const versioned = VERSIONED.exec(pathname);
      if (pathname.startsWith('/api/reply/')) return null;
      const path = versioned ? versioned[1] ?? '/' : pathname;
      // A relay route no page serves (webhooks, bare or aliased under /api/v2) stays the relay's.
      if (relayOwns && !paths.has(path)) return null;
      const asked = versioned !== null || MEDIA.test(headers.accept ?? '');
      if (!asked && !paths.has(path)) return null;
      if (!asked && relayOwns && !headers.authorization) return null;
      return { path, write: kinds.get(`${method === 'HEAD' ? 'GET' : method} ${path}`) !== 'read' };
    },

    /** Checks the token and scope, picks the page and hands it the call. */
    async handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
      const started = performance.now();
      const method = req.method ?? 'GET';
      const key = `${method === 'HEAD' ? 'GET' : method} ${path}`;
      const needed = scopeFor(path, kinds.get(key));
      const claims = await requireScope(opts.verify, req, res, needed, `${method} ${path}`);
      if (!claims) return;
      if (opts.admitCaller && !(await opts.admitCaller(claims.sub, req.socket.remoteAddress ?? 'unknown', kinds.get(key) !== 'read', EXPENSIVE.has(key), res))) return;
      const wanted = req.headers['x-spacetime-client'];
      const named = typeof wanted === 'string' ? ClientIdSchema.safeParse(wanted) : null;
      if (named && !named.success) return sendError(res, 'INVALID_PARAMETER', `X-Spacetime-Client: ${named.error.issues[0]?.message}`);
      const pick = opts.pages.pick(named?.data, { sub: claims.sub, admin: hasScope(claims.scopes, 'admin') });
      if (!pick.ok) {
        const refusal = pickRefusal(pick, named?.data);
        return sendError(res, refusal.code, refusal.message);
      }
      let body: unknown;
      try {
        body = method === 'GET' || method === 'HEAD' ? undefined : await readJson(req, opts.maxBodyBytes);
      } catch (e) {
        if (e instanceof BodyError) return sendError(res, 'INVALID_PARAMETER', e.message);
        throw e;
      }
      const headers: Record<string, string> = {};
      for (const name of ['accept', 'content-type']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
      const call: ApiCall = { request_id: randomBytes(16).toString('hex'), method, path: url.pathname + url.search, headers, body };
      const timer = setTimeout(() => {
        if (finish(call.request_id)) sendError(res, 'SERVICE_UNAVAILABLE', `the game page ${pick.clientId} did not answer within ${timeoutMs / 1000} s`);
      }, timeoutMs);
      waiting.set(call.request_id, { res, timer, clientId: pick.clientId, sent: performance.now(), relayMs: performance.now() - started });
      res.once('close', () => finish(call.request_id));
      pick.socket.emit('api_request', call, (answer: unknown) => {
        const parsed = ApiReplySchema.safeParse(answer);
        const reply = parsed.success ? parsed.data : null;
        if (reply && 'uploading' in reply) return;
        const w = finish(call.request_id);
        if (!w) return;
        if (!reply) {
          opts.log.warn({ client: pick.clientId, issue: parsed.error?.issues[0] }, 'a page answered an API call malformed');
          return sendError(w.res, 'INTERNAL_ERROR', 'the game page answered malformed; see the relay log');
        }
        write(w.res, reply.status, reply.headers, reply.body, `relay;dur=${ms(w.relayMs)}, page;dur=${ms(performance.now() - w.sent)}`);
      });
    },

    /** POST /api/reply/:id — a page's large answer: its body streams straight to the waiting caller. */
    async upload(req: IncomingMessage, res: ServerResponse, id: string, maxBytes: number): Promise<void> {
      if (!waiting.has(id)) return sendError(res, 'RESOURCE_NOT_FOUND', 'no API call is waiting for that reply');
      let meta;
      try {
        meta = ReplyHeadersSchema.parse({ status: Number(req.headers['x-reply-status']), headers: JSON.parse(String(req.headers['x-reply-headers'] ?? '{}')) });
      } catch {
        return sendError(res, 'INVALID_PARAMETER', 'X-Reply-Status must be a status code and X-Reply-Headers a JSON object of strings');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) {
          // The caller hears it now, not when its wait runs out.
          const w = finish(id);
          if (w) sendError(w.res, 'INTERNAL_ERROR', `the game page's answer is over ${maxBytes} bytes`);
          return sendError(res, 'INVALID_PARAMETER', `a reply is at most ${maxBytes} bytes`);
        }
        chunks.push(chunk);
      }
      const w = finish(id);
      if (!w) return sendError(res, 'RESOURCE_NOT_FOUND', 'no API call is waiting for that reply');
      write(w.res, meta.status, meta.headers, Buffer.concat(chunks), `relay;dur=${ms(w.relayMs)}, page;dur=${ms(performance.now() - w.sent)}`);
      res.writeHead(204).end();
    },

    /** Calls waiting for a page (for tests and /status). */
    pending: () => waiting.size,
  };
}

export type ApiDoor = ReturnType<typeof createApiDoor>;
