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

const Connection = z.object({ status: z.string(), message: z.string(), timestamp: Timestamp });

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
      timestamp: Timestamp,
    }),
    example: {},
  }),
  'POST /connect': defineRoute({
    method: 'POST', path: '/connect', group: 'Connection Management', kind: 'write', statuses: [503],
    query: NoQuery,
    summary: 'Connect to the multiplayer relay',
    description: 'Answers 503 SERVICE_UNAVAILABLE until the relay exists (a later issue); the seed documents 503 for services that are not available.',
    body: EmptyBody, response: Connection, example: { body: {} },
  }),
  'POST /disconnect': defineRoute({
    method: 'POST', path: '/disconnect', group: 'Connection Management', kind: 'write', statuses: [503],
    query: NoQuery,
    summary: 'Disconnect from the multiplayer relay',
    description: 'Answers 503 SERVICE_UNAVAILABLE until the relay exists.',
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
