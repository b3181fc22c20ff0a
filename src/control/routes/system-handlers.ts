/** Health, status, connection, performance, metrics and OpenAPI routes. */
import { fail, ok } from '../../protocol/errors.ts';
import { BRIDGE_VERSION } from '../../protocol/bridge.ts';
import { ROUTES } from '../../protocol/routes/index.ts';
import { buildOpenApi } from '../../protocol/openapi.ts';
import type { HandlerTable } from '../router.ts';
import type { SYSTEM_ROUTES } from '../../protocol/routes/system.ts';
import { isoNow, type ControlContext } from '../control-context.ts';

const round1 = (v: number) => Math.round(v * 10) / 10;
const connection = (status: 'connecting' | 'connected' | 'disconnected', message: string) => ok({ status, message, timestamp: isoNow() });

export function systemHandlers(ctx: ControlContext): HandlerTable<typeof SYSTEM_ROUTES> {
  const { game } = ctx;
  const uptime = () => Math.round(performance.now() / 1000);
  let openApi: Record<string, unknown> | null = null;
  const multiplayer = () => {
    const n = game.net.store.getState();
    const joined = n.state !== 'offline' && n.world !== null;
    return { state: n.state, world_id: joined ? n.world!.world_id : null, edit_seq: n.editSeq, players: joined ? n.players.length + 1 : 0, client_id: game.net.clientId };
  };
  return {
    'GET /health': () => {
      const failing: string[] = [];
      if (game.pool.stats().workers === 0) failing.push('no terrain worker is alive');
      if (!game.scenes.currentInfo().ok && !game.scenes.loading) failing.push('no scene is loaded or loading');
      if (failing.length) return fail('SERVICE_UNAVAILABLE', `unhealthy: ${failing.join('; ')}`);
      return ok({
        status: 'healthy', uptime: uptime(),
        checks: { godot: 'passing', dap: 'passing', lsp: 'passing', telemetry: 'passing' },
        timestamp: isoNow(),
      });
    },
    'GET /status': () => {
      const service = (service_name: string, state: number, last: number) => ({ service_name, port: 0, state, retry_count: 0, last_activity: last, healthy: true });
      return ok({
        debug_adapter: { ...service('Debug Adapter', ctx.debug.active ? 2 : 1, ctx.activity.dap), session_id: ctx.debug.sessionId, paused: ctx.debug.paused },
        language_server: service('Language Server', 2, ctx.activity.lsp),
        godot: { version: BRIDGE_VERSION, uptime_seconds: uptime(), fps: ctx.fps().fps, memory_mb: Math.round(ctx.memoryBytes() / 1048576) },
        overall_ready: game.store.getState().ready,
        multiplayer: multiplayer(),
        timestamp: isoNow(),
      });
    },
    'POST /connect': async () => {
      const { state } = game.net.store.getState();
      if (state === 'connected') return connection('connected', 'already in the shared world');
      if (state !== 'offline') return connection('connecting', `a connection attempt is under way (${state})`);
      if (!(await game.net.retry())) {
        return fail('SERVICE_UNAVAILABLE', `no multiplayer relay could be reached: ${game.net.store.getState().reason ?? 'unknown reason'}; the game goes on single-player`);
      }
      const world = game.net.store.getState().world;
      return connection('connected', `joined ${world ? `world ${world.world_id} (${world.world_name})` : 'the shared world'}; its scene is loading`);
    },
    'POST /disconnect': async () => {
      // Nothing to leave (no relay, or already left): the seed's 503 for a service that is not there.
      if (game.net.store.getState().state === 'offline') return fail('SERVICE_UNAVAILABLE', 'not connected to a multiplayer relay; the game runs single-player');
      await game.net.leave();
      return connection('disconnected', 'left the shared world; the game goes on single-player');
    },
    'GET /performance': () => {
      const f = ctx.fps();
      const progress = game.streamer.progress();
      const w = game.pool.stats();
      const c = game.frame.counters;
      return ok({
        fps: f.fps, frame_time_ms: f.frame_time_ms, physics_time_ms: f.physics_time_ms, render_time_ms: f.render_time_ms,
        draw_calls: c.drawCalls, triangles: c.triangles, memory_mb: Math.round(ctx.memoryBytes() / 1048576),
        telemetry_frame_us_p50: round1(ctx.telemetryCost.percentile(0.5)), telemetry_frame_us_p95: round1(ctx.telemetryCost.percentile(0.95)),
        chunks: { wanted: progress.wanted, meshed: progress.meshed, drawn: game.scene?.batch.chunkCount ?? 0 },
        workers: { size: w.workers, queued: w.queued, inflight: w.inflight, meshed: w.meshed, replaced: w.replaced, job_ms_mean: w.jobMsMean },
        timestamp: isoNow(),
      });
    },
    'GET /metrics': () => ok(ctx.metrics.text()),
    'GET /openapi.json': () => ok((openApi ??= buildOpenApi(ROUTES))),
  };
}
