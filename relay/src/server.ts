/**
 * createRelay: one HTTP(S) server carrying the relay's HTTP routes, socket.io (typed by the shared
 * event maps) and, when mounted, the game page, so the game and the relay share one origin, one
 * port and one certificate. Keep-alive and limits come from protocol/net/limits.ts (seeds 003/004).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { KEEPALIVE, RELAY_LIMITS, type RelayLimits } from '../../src/protocol/net/limits.ts';
import { WIRE_PARSER } from '../../src/protocol/net/wire.ts';
import { HTTP_LIMITS, type HttpsFiles } from './config.ts';
import { randomBytes } from 'node:crypto';
import { API_FORWARD_TIMEOUT_MS, API_REPLY_MAX_BYTES } from '../../src/protocol/net/api-forward.ts';
import { ROUTES } from '../../src/protocol/routes/index.ts';
import { AccessTokens } from './auth/access-tokens.ts';
import { createApiDoor } from './http/api-door.ts';
import { createTelemetryDoor } from './telemetry/telemetry-door.ts';
import { mountAccounts, type MountedAccounts } from './accounts/mount.ts';
import { adminDbRoutes } from './http/admin-db-routes.ts';
import { adminUserRoutes } from './http/admin-user-routes.ts';
import { gameRoutes } from './http/game-routes.ts';
import { createHttpDoor, type AppMiddleware, type HttpDoor } from './http/door.ts';
import { opsRoutes } from './http/ops-routes.ts';
import { worldRoutes } from './http/world-routes.ts';
import { webhookRoutes } from './http/webhook-routes.ts';
import { jobRoutes } from './http/job-routes.ts';
import { JobService } from './jobs/job-service.ts';
import { BaseHub } from './base/base-hub.ts';
import { CreatureHub } from './creatures/creature-hub.ts';
import { JobStore } from './jobs/job-store.ts';
import { batchRoutes } from './http/batch-route.ts';
import { docsRoutes } from './http/docs-routes.ts';
import { RelayEvents } from './events/relay-events.ts';
import { WebhookService } from './webhooks/webhook-service.ts';
import { WebhookStore } from './webhooks/webhook-store.ts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { DelivererOptions } from './webhooks/webhook-deliverer.ts';
import { createCallerLimiter, type CallerLimits, type HttpRateLimits } from './http/rate-limit.ts';
import { createLogger, type Logger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { openHub, type HubTuning } from './open-hub.ts';
import type { HubPort } from './socket/hub-port.ts';
import { ApiPages } from './socket/api-pages.ts';
import { CLIENT_EVENTS, attachSockets } from './socket/index.ts';
import type { RelayServer } from './socket/server-types.ts';
import type { Session } from './socket/session.ts';
import { WorldRooms } from './socket/world-room.ts';

/** The page on the same origin: `npm start` mounts vite (dev) or dist/ (production) here. */
export interface MountedApp { middleware: AppMiddleware; close?(): Promise<void> }

export interface RelayOptions {
  port?: number;
  host?: string;
  /** Where `spacetime.db` lives (created if missing). */
  dataDir?: string;
  https?: HttpsFiles;
  limits?: Partial<RelayLimits>;
  httpLimits?: Partial<HttpRateLimits>;
  /** A hub to use instead of opening `<dataDir>/spacetime.db` (tests); the caller closes it. */
  hub?: HubPort;
  hubTuning?: HubTuning;
  log?: Logger;
  /** Given the server before it listens, so vite can put its HMR socket on it. */
  mountApp?(server: HttpServer): Promise<MountedApp> | MountedApp;
  joinHoldMs?: number;
  debugIntervalMs?: number;
  /** The key API tokens are signed with (≥ 32 bytes); random per start when not given. */
  tokenSecret?: Uint8Array;
  /** Creative mode: inventory_add and world_time_set are allowed (config.ts --creative). */
  creative?: boolean;
  /** How long the control API's HTTP door waits for a page's answer. */
  apiTimeoutMs?: number;
  /** Also serve the telemetry WebSocket on this port (seed 000: 8081), any path. */
  telemetryPort?: number;
  /** The accounts' clock (tests move it to see the 24 h purge). */
  now?: () => Date;
  /** Per-subject and expensive-operation budgets of the control API door (seed 000 "Rate Limiting"). */
  callerLimits?: CallerLimits;
  /** POST /admin/server/stop: what stopping means (npm start exits; default: close this relay). */
  onStop?(): void;
  /** Webhook delivery tuning (tests shorten the retry delay). */
  webhookDelivery?: Pick<DelivererOptions, 'baseDelayMs' | 'maxAttempts' | 'timeoutMs' | 'concurrency' | 'maxQueued' | 'maxPerWebhook'>;
}

export interface Relay {
  url: string;
  port: number;
  io: RelayServer;
  hub: HubPort;
  /** Signs and checks API tokens (the HTTP door, the startup token `npm start` prints). */
  tokens: { secret: Uint8Array; verifier: AccessTokens };
  /** The separate telemetry port, when one was asked for. */
  telemetryPort: number | null;
  /** Accounts and sign-in (null on a hub without a database of its own). */
  accounts: MountedAccounts | null;
  /** What the relay emits (webhooks listen). */
  events: RelayEvents;
  /** The webhooks (null on a hub without a database of its own). */
  webhooks: WebhookService | null;
  /** The background jobs (null on a hub without a database of its own). */
  jobs: JobService | null;
  close(): Promise<void>;
}

/** Engine.io drops a connection past this (a DoS guard); the event door refuses past maxMessageBytes and keeps it. */
const TRANSPORT_HEADROOM = 4;
/** The largest JSON body a control-API call may carry (a recording for POST /replay is the big one). */
const API_BODY_MAX_BYTES = 4 * 1024 * 1024;

export async function createRelay(opts: RelayOptions = {}): Promise<Relay> {
  const log = opts.log ?? createLogger();
  const limits: RelayLimits = { ...RELAY_LIMITS, ...opts.limits };
  const metrics = createMetrics(CLIENT_EVENTS);
  const ownsHub = !opts.hub;
  let hub = opts.hub;
  if (!hub) {
    const dataDir = opts.dataDir ?? './data';
    mkdirSync(dataDir, { recursive: true });
    hub = await openHub(join(dataDir, 'spacetime.db'), log, opts.hubTuning);
  }
  const theHub = hub;

  // The request listener must exist before socket.io attaches: engine.io wraps the listeners it
  // finds so that /socket.io/ requests never reach ours.
  let handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async () => {};
  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const server: HttpServer = opts.https ? createHttpsServer({ key: opts.https.key, cert: opts.https.cert }, listener) : createHttpServer(listener);

  const io: RelayServer = new Server(server, {
    pingInterval: KEEPALIVE.pingIntervalMs,
    pingTimeout: KEEPALIVE.pongTimeoutMs,
    maxHttpBufferSize: limits.maxMessageBytes * TRANSPORT_HEADROOM,
    serveClient: false,
    // msgpack (protocol/net/wire.ts): a pose batch is one WebSocket frame, not a placeholder plus an attachment.
    parser: WIRE_PARSER,
    // A page served by `vite` alone (another port) may connect; the page itself has no cookies to steal.
    cors: { origin: true },
    // With a page mounted, vite's HMR socket shares the server: engine.io must not end upgrades it does not own.
    destroyUpgrade: !opts.mountApp,
  });
  const events = new RelayEvents((err, event) => log.error({ err, event }, 'a relay event listener failed'));
  // The hub openHub makes carries its kysely instance: webhooks share it (one connection, one writer).
  const db = (theHub as HubPort & { db?: Kysely<Database> }).db;
  const webhooks = db ? new WebhookService({ store: new WebhookStore(db), events, log, registry: metrics.registry, delivery: opts.webhookDelivery }) : null;
  await webhooks?.start();
  // Background jobs (exports, imports, backups, pregeneration) share the hub's database and write files under the data dir.
  const jobs = db ? new JobService({ store: new JobStore(db), hub: theHub, db, dataDir: opts.dataDir ?? './data', log }) : null;
  await jobs?.start();
  const rooms = new WorldRooms<Session>(theHub, io, metrics, log, events);
  const pages = new ApiPages();
  const secret = opts.tokenSecret ?? randomBytes(32);
  const verifier = new AccessTokens({ secret });
  const accounts = db ? await mountAccounts({ db, secret, defaultWorldId: async () => (await theHub.defaultWorld()).world_id, log, now: opts.now }) : null;
  // Every door checks tokens the same way: signature and expiry, then the revocation list.
  const verify = accounts ? accounts.verify : (t: string) => verifier.verify(t);
  const api = createApiDoor({ routes: ROUTES, pages, verify, admitCaller: createCallerLimiter(opts.callerLimits), log, maxBodyBytes: API_BODY_MAX_BYTES, timeoutMs: opts.apiTimeoutMs });
  const telemetry = createTelemetryDoor({ pages, verify, log });
  telemetry.attach(server);
  // Inventories, structures, the power grid and the world clock (issue 12) live in the hub's database.
  const base = db ? new BaseHub(db, io, log, opts.creative ?? false, events) : null;
  // Creatures (issue 13): the registry in `creatures`, zone authority, drops and food through the base's inventories.
  const creatures = db && base ? new CreatureHub(db, io, base.inventories, log, events, metrics.registry) : null;
  const sockets = attachSockets({ io, hub: theHub, rooms, pages, telemetry, verify, base: base ?? undefined, creatures: creatures ?? undefined, characterFor: accounts ? (u, w) => accounts.service.characterFor(u, w) : undefined,
    openToGuests: accounts ? (w) => accounts.service.openToGuests(w) : undefined, limits, metrics, log, joinHoldMs: opts.joinHoldMs ?? 60_000, debugIntervalMs: opts.debugIntervalMs ?? 2_000 });

  const app = opts.mountApp ? await opts.mountApp(server) : undefined;
  let door: HttpDoor | undefined;
  handle = door = createHttpDoor({
    routes: [
      ...opsRoutes({ hub: theHub, metrics, startedAt: Date.now(), secure: Boolean(opts.https), rooms: () => rooms.occupied() }),
      ...worldRoutes({ hub: theHub, maxBodyBytes: limits.maxMessageBytes, playersOnline: (id) => rooms.playersOnline(id) }),
      ...(webhooks ? webhookRoutes({ service: webhooks, verify }) : []),
      ...(jobs ? jobRoutes({ service: jobs, verify }) : []),
      ...(accounts?.routes ?? []),
      ...(accounts && db ? [
        ...adminDbRoutes({ accounts: accounts.service, repos: accounts.repos, db, connections: () => sockets.sessions, verify, now: opts.now }),
        ...adminUserRoutes({ accounts: accounts.service, repos: accounts.repos, tokens: accounts.tokens, endAccess: accounts.endAccess, connections: () => sockets.sessions, verify,
          stop: () => (opts.onStop ? opts.onStop() : void relay.close().catch((err: unknown) => log.error({ err }, 'stopping failed'))) }),
        ...gameRoutes({ accounts: accounts.service, hub: theHub, io, connections: () => sockets.sessions }),
      ] : []),
      { method: 'POST', path: '/api/reply/:id', free: true, handle: ({ req, res, params }) => api.upload(req, res, params.id, API_REPLY_MAX_BYTES) },
      ...batchRoutes({ verify, door: () => door!, maxBodyBytes: API_BODY_MAX_BYTES, operationTimeoutMs: (opts.apiTimeoutMs ?? API_FORWARD_TIMEOUT_MS) + 5_000 }),
      ...docsRoutes(),
    ],
    api,
    limits: { ...HTTP_LIMITS, ...opts.httpLimits },
    metrics, log, app: () => app?.middleware,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = !opts.host || opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  const url = `${opts.https ? 'https' : 'http'}://${shownHost}:${port}`;
  log.info({ url, https: Boolean(opts.https) }, 'relay listening');
  const telemetryServer = opts.telemetryPort === undefined ? null : await listenTelemetry(opts.telemetryPort, opts.host, opts.https, telemetry);

  let closing: Promise<void> | null = null;
  const relay: Relay = {
    url, port, io, hub: theHub, tokens: { secret, verifier }, events, webhooks, jobs, accounts,
    telemetryPort: telemetryServer ? (telemetryServer.address() as AddressInfo).port : null,
    close: () => closing ??= (async () => {
      // Sockets first (their disconnect handlers save player state), then the page and storage.
      telemetry.close();
      telemetryServer?.close();
      await new Promise<void>((resolve) => { io.close(() => resolve()); server.closeAllConnections(); });
      await sockets.drain();
      await base?.close();
      await creatures?.close();
      rooms.closeAll();
      await jobs?.stop();
      await webhooks?.stop();
      accounts?.stop();
      await app?.close?.();
      if (ownsHub) await theHub.close();
      log.info({ url }, 'relay closed');
    })(),
  };
  return relay;
}

/** Seed 000's telemetry port of its own: only WebSocket upgrades, on any path; plain HTTP gets 426. */
async function listenTelemetry(port: number, host: string | undefined, https: HttpsFiles | undefined, door: ReturnType<typeof createTelemetryDoor>): Promise<HttpServer> {
  const refuse = (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(426, { Upgrade: 'websocket' }).end('telemetry: connect with a WebSocket client');
  const server: HttpServer = https ? createHttpsServer({ key: https.key, cert: https.cert }, refuse) : createHttpServer(refuse);
  door.attach(server, true);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
