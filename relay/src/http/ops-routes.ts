/**
 * Seed 003's operations endpoints: GET / (what this service is and where its doors are),
 * GET /health (503 when the database or the engine worker is down, so a supervisor restarts us),
 * GET /status (connections, rooms, events per minute, database) and GET /metrics (Prometheus).
 */
import { totalmem } from 'node:os';
import type { IncomingMessage } from 'node:http';
import { PROTOCOL_VERSION } from '../../../src/protocol/net/limits.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { HubPort } from '../socket/hub-port.ts';
import type { Route } from './router.ts';
import { sendError, sendJson } from './respond.ts';

export const RELAY_VERSION = '0.1.0';

export interface OpsContext {
  hub: HubPort;
  metrics: RelayMetrics;
  startedAt: number;
  secure: boolean;
  /** Worlds with at least one player in them (a socket.io room each). */
  rooms(): number;
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
const uptime = (ctx: OpsContext): number => Math.round((Date.now() - ctx.startedAt) / 1000);
const environment = (): string => process.env.NODE_ENV ?? 'development';

/** The address the caller used, so the advertised socket URL works from a Quest on the LAN too. */
function origin(req: IncomingMessage, secure: boolean, scheme: 'http' | 'ws'): string {
  const host = req.headers.host ?? 'localhost';
  return `${scheme}${secure ? 's' : ''}://${host}`;
}

async function checkHealth(hub: HubPort) {
  try {
    return await hub.health();
  } catch {
    return { database: { ok: false, response_ms: -1 }, engine: { ok: false } };
  }
}

export function opsRoutes(ctx: OpsContext): Route[] {
  return [
    { method: 'GET', path: '/', handle({ req, res }) {
      sendJson(res, 200, {
        service: 'SpaceTime XR relay',
        message: 'WebSocket server is running',
        version: RELAY_VERSION,
        environment: environment(),
        timestamp: new Date().toISOString(),
        endpoints: { health: '/health', status: '/status', metrics: '/metrics', worlds: '/worlds' },
        websocket: { url: origin(req, ctx.secure, 'ws'), path: '/socket.io', transports: ['websocket', 'polling'], protocol_version: PROTOCOL_VERSION },
      });
    } },
    { method: 'GET', path: '/health', async handle({ res }) {
      const health = await checkHealth(ctx.hub);
      if (!health.database.ok || !health.engine.ok) {
        const down = [!health.database.ok && 'database', !health.engine.ok && 'engine worker'].filter(Boolean).join(' and ');
        sendError(res, 'SERVICE_UNAVAILABLE', `the ${down} ${down.includes(' and ') ? 'are' : 'is'} down`);
        return;
      }
      const used = process.memoryUsage().rss, total = totalmem();
      const snap = ctx.metrics.snapshot();
      sendJson(res, 200, {
        status: 'healthy',
        timestamp: new Date().toISOString(),
        uptime: uptime(ctx),
        memory: { used: mb(used), total: mb(total), percentage: Math.round((used / total) * 1000) / 10 },
        connections: { active: snap.active, total: snap.total },
        database: { status: 'connected', response_time: health.database.response_ms },
        engine: { status: 'running' },
      });
    } },
    { method: 'GET', path: '/status', async handle({ res }) {
      const health = await checkHealth(ctx.hub);
      const mem = process.memoryUsage();
      const snap = ctx.metrics.snapshot();
      sendJson(res, 200, {
        status: health.database.ok && health.engine.ok ? 'operational' : 'degraded',
        timestamp: new Date().toISOString(),
        server: {
          uptime: uptime(ctx), environment: environment(), node_version: process.versions.node,
          memory_usage: { rss: mb(mem.rss), heapTotal: mb(mem.heapTotal), heapUsed: mb(mem.heapUsed), external: mb(mem.external) },
        },
        // One embedded SQLite connection (PostgreSQL later brings a pool).
        database: { status: health.database.ok ? 'connected' : 'disconnected', connections: 1, response_time: health.database.response_ms },
        engine: { status: health.engine.ok ? 'running' : 'down' },
        websocket: { active_connections: snap.active, total_connections: snap.total, rooms: ctx.rooms(), events_per_minute: snap.eventsPerMinute },
      });
    } },
    { method: 'GET', path: '/metrics', async handle({ res }) {
      const text = await ctx.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': ctx.metrics.registry.contentType });
      res.end(text);
    } },
  ];
}
