/**
 * Assembles the control API around a game: the route table's router, telemetry, the debugger, the
 * recorder and metrics, and plugs them into the game loop (SimControl) and its events. Every door
 * (window.spacetime now, the relay later) talks to the result.
 */
import type { Game } from '../app/game.ts';
import type { SimControl, GameEvent } from '../app/sim-control.ts';
import type { ApiResponse } from '../protocol/api.ts';
import { ROUTE_TABLE, type Routes } from '../protocol/routes/index.ts';
import type { FpsData } from '../protocol/telemetry.ts';
import { scenePath } from '../protocol/scenes.ts';
import { ApiRouter, type HandlerTable } from './router.ts';
import { ApiMetrics } from './metrics.ts';
import { TelemetryHub, type TelemetrySource } from './telemetry-hub.ts';
import { FpsMeter } from './fps-meter.ts';
import { DebugSession } from './debug-session.ts';
import { Recorder } from './recorder.ts';
import { CostRing } from './cost-ring.ts';
import { buildStateView } from './state-view.ts';
import type { ControlContext, Emulator } from './control-context.ts';
import { systemHandlers } from './routes/system-handlers.ts';
import { sceneHandlers } from './routes/scene-handlers.ts';
import { playerHandlers } from './routes/player-handlers.ts';
import { terrainHandlers } from './routes/terrain-handlers.ts';
import { debugHandlers } from './routes/debug-handlers.ts';
import { automationHandlers } from './routes/automation-handlers.ts';
import { baseHandlers } from './routes/base-handlers.ts';
import { creatureHandlers } from './routes/creature-handlers.ts';

/** A paused debugger's step simulates this much per frame, so a step is the same on any display. */
const STEP_SECONDS = 1 / 60;

export interface ControlApi {
  context: ControlContext;
  router: ApiRouter<Routes>;
  telemetry: TelemetryHub;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Called once per rendered frame with its time; waiters on state predicates hook in here. */
  onFrame(listener: (now: number) => void): () => void;
}

export function createControlApi(game: Game, emulator: Emulator | undefined, options: { token?: string | null } = {}): ControlApi {
  const meter = new FpsMeter();
  const fpsData: FpsData = { fps: 0, frame_time_ms: 0, physics_time_ms: 0, render_time_ms: 0 };
  const debug = new DebugSession();
  const recorder = new Recorder();
  const telemetryCost = new CostRing();
  const metrics = new ApiMetrics({
    fps: () => meter.read(fpsData, performance.now()).fps,
    memoryBytes: jsHeapBytes,
    chunksMeshed: () => game.streamer.progress().meshed,
    drawCalls: () => game.frame.counters.drawCalls,
    triangles: () => game.frame.counters.triangles,
    workers: () => game.pool.stats().workers,
    editCount: () => game.pool.editLog().length,
    telemetryFrameUs: (q) => telemetryCost.percentile(q),
  });
  const telemetry = new TelemetryHub(telemetrySource(game, meter, fpsData), { verifyToken: options.token ? (t) => t === options.token : undefined });

  const context: ControlContext = {
    game, debug, telemetry, metrics, recorder, emulator,
    fps: () => meter.read(fpsData, performance.now()),
    telemetryCost,
    memoryBytes: jsHeapBytes,
    activity: { dap: 0, lsp: 0 },
    stateView: () => buildStateView(game, debug, meter.read(fpsData, performance.now()).fps),
    dispatch: (method, path, body) => internal.handle({ method, path, body }),
  };
  // Every route of the table, each typed from its schemas: a missing or mistyped handler does not compile.
  const handlers: HandlerTable<Routes> = {
    ...systemHandlers(context), ...sceneHandlers(context), ...playerHandlers(context),
    ...terrainHandlers(context), ...baseHandlers(context), ...creatureHandlers(context), ...debugHandlers(context), ...automationHandlers(context),
  };
  const reportHandlerError = (route: { path: string }, error: unknown) =>
    game.events.emit({ type: 'error', message: `${route.path}: ${error instanceof Error ? error.message : String(error)}`, source: 'control-api' });
  const router = new ApiRouter({
    routes: ROUTE_TABLE, handlers, token: options.token,
    observe: (m, e, s, sec) => metrics.observe(m, e, s, sec),
    onError: reportHandlerError,
    onWrite: (route, body) => recorder.call(route.method, route.path, body, 'router'),
    admit: (route) => recorder.admits(route),
  });
  // Replays repeat calls that were already allowed once: no token, not counted, not refused as a write during the replay.
  const internal = new ApiRouter({ routes: ROUTE_TABLE, handlers });

  const frameListeners: Array<(now: number) => void> = [];
  let stepFixed = false;
  const control: SimControl = {
    beginFrame(frame) {
      if (recorder.holdsSimulation) return false;
      const stepping = debug.stepping;
      if (!debug.beginFrame(frame)) return false;
      stepFixed = stepping;
      return !debug.hit('systems', 'player', frame, context.stateView);
    },
    frameSeconds(input, dt) {
      const seconds = stepFixed ? STEP_SECONDS : dt;
      recorder.capture(input, seconds, game.player.state.levelFlight);
      return seconds;
    },
    endFrame(now) {
      meter.frame(now, game.frame.counters.physicsMs, game.frame.counters.renderMs);
      telemetry.frame(now);
      for (let i = 0; i < frameListeners.length; i++) frameListeners[i](now);
      telemetryCost.add((performance.now() - now) * 1000);
    },
    action: (method, path, body) => recorder.call(method, path, body, 'game'),
  };
  game.control = control;
  game.events.on((e) => forward(e, telemetry, debug, game.frame.counters.frame, context.stateView));
  // The shared world's base: structures placed and power changes, as seed 000's telemetry events.
  game.creatureParts.listen((event, data) => telemetry.emit(event, data));
  game.net.base.listen((e) => (e.type === 'structure_built' ? telemetry.emit('structure_built', e.data) : telemetry.emit('power_grid_update', e.data)));
  window.addEventListener('error', (e) => game.events.emit({ type: 'error', message: e.message, source: 'page' }));
  window.addEventListener('unhandledrejection', (e) => game.events.emit({ type: 'error', message: String(e.reason?.message ?? e.reason), source: 'page' }));

  return {
    context, router, telemetry,
    request: (method, path, body, headers) => router.handle({ method, path, body, headers }),
    onFrame(listener) {
      frameListeners.push(listener);
      return () => {
        const i = frameListeners.indexOf(listener);
        if (i >= 0) frameListeners.splice(i, 1);
      };
    },
  };
}

/** Game events out as telemetry, and into the debugger (event and system breakpoints). */
function forward(e: GameEvent, telemetry: TelemetryHub, debug: DebugSession, frame: number, state: () => object) {
  // Each kind on its own, so every payload is checked against the event map (protocol/telemetry.ts).
  switch (e.type) {
    case 'scene_loaded': {
      const { type: _, ...data } = e;
      telemetry.emit('scene_loaded', data);
      break;
    }
    case 'terrain_modified': {
      const { type: _, ...data } = e;
      telemetry.emit('terrain_modified', data);
      break;
    }
    default: {
      const { type, ...data } = e;
      telemetry.emit(type, data);
    }
  }
  debug.hit('events', e.type, frame, state);
  if (e.type === 'terrain_modified') debug.hit('systems', 'terrain', frame, state);
  if (e.type === 'scene_loaded') debug.hit('systems', 'scenes', frame, state);
}

/** JS heap in bytes where the browser reports it (Chromium's performance.memory), else 0. */
const jsHeapBytes = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

function telemetrySource(game: Game, meter: FpsMeter, scratch: FpsData): TelemetrySource {
  const pose = (p: { position: { x: number; y: number; z: number }; rotation: { x: number; y: number; z: number } }) => ({ position: { ...p.position }, rotation: { ...p.rotation } });
  return {
    fps: (out) => meter.read(out, performance.now()),
    vrTracking: () => {
      const t = game.frame.tracking;
      return { headset: pose(t.headset), left_controller: pose(t.left_controller), right_controller: pose(t.right_controller) };
    },
    playerPosition: () => {
      const p = game.player.snapshot();
      return { player_id: p.player_id, position: p.position, velocity: p.velocity, rotation: p.rotation };
    },
    snapshot: () => {
      const scene = game.store.getState().scene;
      return {
        fps: meter.read(scratch, performance.now()).fps,
        memory_mb: Math.round(jsHeapBytes() / 1048576), player_count: 1, scene: scene ? scenePath(scene) : null, vr_active: game.scene?.presenting() ?? false,
      };
    },
  };
}
