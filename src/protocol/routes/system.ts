/** Seed 000 connection, health and monitoring routes, and our OpenAPI and snapshot routes. */
import { z } from 'zod';
import { defineRoute, NoBody, NoQuery, routeTable } from '../route-spec.ts';
import { EmptyBody, Timestamp } from './common.ts';

const Service = z.object({
  service_name: z.string(),
  port: z.number().describe('0: the service runs inside the page, not on a port'),
  state: z.number().describe('0 stopped, 1 idle, 2 ready'),
  retry_count: z.number(),
  last_activity: z.number().describe('Unix seconds of the last request the service answered'),
  healthy: z.boolean(),
});

const Connection = z.object({
  status: z.enum(['connecting', 'connected', 'disconnected']).describe('connected: joined the shared world; connecting: an attempt is under way; disconnected: single-player'),
  message: z.string(),
  timestamp: Timestamp,
});

/** Ours: where the page stands with the multiplayer relay. */
const Multiplayer = z.object({
  state: z.enum(['connecting', 'connected', 'reconnecting', 'offline']),
  world_id: z.number().nullable().describe('the shared world joined (null offline)'),
  edit_seq: z.number().describe('the last of the world\'s edits applied here, in the relay\'s order'),
  players: z.number().describe('players in the world, this one included (0 offline)'),
  client_id: z.string().nullable().describe('this page\'s X-Spacetime-Client for the relay\'s HTTP door (null when it does not serve the control API)'),
});

export const SYSTEM_ROUTES = routeTable({
  'GET /health': defineRoute({
    method: 'GET', path: '/health', group: 'Health Check', kind: 'read', statuses: [503],
    query: NoQuery, body: NoBody,
    summary: 'Health check for load balancers and monitoring',
    description: 'Healthy while a terrain worker is alive and a scene is loaded or loading; otherwise 503 naming what fails. The debug adapter, language server and telemetry run in the page, so they pass whenever the page answers. `godot` is the seed\'s name for the game engine check.',
    response: z.object({
      status: z.literal('healthy').describe('unhealthy answers 503 in the error format, naming the failing checks'),
      uptime: z.number().describe('seconds since the page loaded'),
      checks: z.object({ godot: z.string(), dap: z.string(), lsp: z.string(), telemetry: z.string() }),
      timestamp: Timestamp,
    }),
    example: {},
  }),
  'GET /status': defineRoute({
    method: 'GET', path: '/status', group: 'Connection Management', kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'System status: debug adapter, language server, game engine',
    response: z.object({
      debug_adapter: Service.extend({ session_id: z.string().nullable(), paused: z.boolean() }),
      language_server: Service,
      godot: z.object({ version: z.string(), uptime_seconds: z.number(), fps: z.number(), memory_mb: z.number() }),
      overall_ready: z.boolean(),
      multiplayer: Multiplayer,
      timestamp: Timestamp,
    }),
    example: {},
  }),
  'POST /connect': defineRoute({
    method: 'POST', path: '/connect', group: 'Connection Management', kind: 'write', statuses: [503],
    query: NoQuery,
    summary: 'Connect to the multiplayer relay and join its world',
    description: 'Connects to the relay serving this page (npm start), authenticates as this browser\'s guest and joins the world (?world=<id>, else the relay\'s default); the shared world\'s scene then loads. Answers `connected` once joined (at once if already), `connecting` while an attempt or reconnection is under way, and 503 SERVICE_UNAVAILABLE (seed error format) when no relay can be reached: the game then goes on single-player.',
    body: EmptyBody, response: Connection, example: { body: {} },
  }),
  'POST /disconnect': defineRoute({
    method: 'POST', path: '/disconnect', group: 'Connection Management', kind: 'write', statuses: [503],
    query: NoQuery,
    summary: 'Leave the shared world and disconnect from the relay',
    description: 'Saves the player\'s state to the relay, leaves the world and closes the connection; the world goes on single-player (edits apply locally). Answers `disconnected`; 503 SERVICE_UNAVAILABLE when there is no connection to leave (offline).',
    body: EmptyBody, response: Connection, example: { body: {} },
  }),
  'GET /performance': defineRoute({
    method: 'GET', path: '/performance', group: 'Metrics and Monitoring', kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'Frame timing, rendering and worker figures',
    response: z.object({
      fps: z.number(), frame_time_ms: z.number(), physics_time_ms: z.number(), render_time_ms: z.number(),
      draw_calls: z.number(), triangles: z.number(), memory_mb: z.number(),
      telemetry_frame_us_p50: z.number().describe('main-thread µs per frame spent on telemetry and the FPS meter (last 240 frames)'),
      telemetry_frame_us_p95: z.number(),
      chunks: z.object({ wanted: z.number(), meshed: z.number(), drawn: z.number() }),
      workers: z.object({ size: z.number(), queued: z.number(), inflight: z.number(), meshed: z.number(), replaced: z.number(), job_ms_mean: z.number() }),
      timestamp: Timestamp,
    }),
    example: {},
  }),
  'GET /metrics': defineRoute({
    method: 'GET', path: '/metrics', group: 'Metrics and Monitoring', kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'Prometheus metrics (text exposition format)',
    description: 'Metric names `godot_fps`, `godot_memory_bytes` and `http_requests_total{method,endpoint}` are kept from the seed so dashboards built on it work; ours start with `spacetime_`.',
    contentType: 'text/plain; version=0.0.4; charset=utf-8',
    response: z.string(), example: {},
  }),
  'GET /openapi.json': defineRoute({
    method: 'GET', path: '/openapi.json', group: 'Metrics and Monitoring', kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'This API as an OpenAPI 3.1 document, generated from the route table',
    response: z.record(z.string(), z.unknown()), example: {},
  }),
});
