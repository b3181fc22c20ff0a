import { z } from 'zod';
import { fail, ok, type Result } from '../protocol/errors.ts';
import { BRIDGE_VERSION, type BridgeNetState, type BridgeRemotePlayer, type BridgeState, type SpacetimeBridge } from '../protocol/bridge.ts';
import { ErrorBodySchema } from '../protocol/openapi.ts';
import { ROUTE_TABLE } from '../protocol/routes/index.ts';
import { routeKey, type RouteSpec } from '../protocol/route-spec.ts';
import type { Game } from '../app/game.ts';
import { createControlApi, type ControlApi } from './control-api.ts';
import { telemetryDoors } from './bridge-telemetry.ts';
import { gameSnapshot } from './snapshot.ts';
import type { Emulator } from './control-context.ts';

/** Installs `window.spacetime`, the typed handle tests and tools drive the game through. */
export function installBridge(game: Game, emulator: Emulator | undefined, token: string | null = null): SpacetimeBridge {
  const api = createControlApi(game, emulator, { token });
  // The relay's HTTP door checked the caller's own token and scope; here the page vouches for the relay.
  const relayHeaders: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let headers: Record<string, string> | undefined;
  const call = <R extends RouteSpec>(route: R, body?: unknown, query?: Record<string, number>) => callRoute(api, route, body, query, headers);
  const read = <R extends RouteSpec>(route: R) => callRoute(api, route, undefined, undefined, headers).then(unwrap);
  const bridge: SpacetimeBridge = {
    version: BRIDGE_VERSION,
    ready: game.ready,
    request: api.request,
    ...telemetryDoors(api),
    snapshot: () => gameSnapshot(game),
    state: () => snapshotState(game),
    frames: (count) => game.frames(count),
    useToken: (t) => void (headers = t ? { authorization: `Bearer ${t}` } : undefined),
    terrain: {
      info: ({ x, y, z }) => call(ROUTE_TABLE['GET /terrain/info'], undefined, { x, y, z }),
      deform: (edit) => call(ROUTE_TABLE['POST /terrain/deform'], edit),
      chunkHash: (cx, cy, cz) => game.pool.query<Result<string>>((api) => api.chunkHash({ cx, cy, cz })),
      columnHeight: async (x, z) => {
        const column = await game.pool.query<Result<{ height: number }>>((api) => api.columnInfo({ x, z }));
        if (!column.ok) throw new Error(column.error.message);
        return column.value.height;
      },
    },
    aim: () => structuredClone(game.frame.aim),
    camera: {
      set: (position, yaw, pitch) => call(ROUTE_TABLE['POST /camera/place'], { position, yaw, pitch }),
    },
    player: {
      position: () => read(ROUTE_TABLE['GET /player/position']),
      spawn: (body) => call(ROUTE_TABLE['POST /player/spawn'], body),
      teleport: (body) => call(ROUTE_TABLE['POST /player/teleport'], body),
      mode: (body) => call(ROUTE_TABLE['POST /player/mode'], body),
    },
    scenes: {
      list: () => read(ROUTE_TABLE['GET /scenes']).then((r) => r.scenes),
      load: (body) => call(ROUTE_TABLE['POST /scene/load'], body),
      reload: (body) => call(ROUTE_TABLE['POST /scene/reload'], body),
      current: () => call(ROUTE_TABLE['GET /scene/current']),
      history: () => read(ROUTE_TABLE['GET /scene/history']),
      validate: (body) => call(ROUTE_TABLE['POST /scene/validate'], body),
    },
    vr: {
      tracking: () => read(ROUTE_TABLE['GET /vr/tracking']),
      recenter: () => call(ROUTE_TABLE['POST /vr/recenter'], {}),
    },
    settings: {
      get: () => read(ROUTE_TABLE['GET /settings']),
      update: (patch) => call(ROUTE_TABLE['POST /settings'], patch),
    },
    net: {
      state: () => netState(game),
      connect: () => call(ROUTE_TABLE['POST /connect'], {}),
      disconnect: () => call(ROUTE_TABLE['POST /disconnect'], {}),
      chat: (text) => game.net.chat(text),
      remotePlayers: () => remotePlayers(game),
    },
    workers: { crash: (index) => game.pool.crashWorker(index) },
    creatures: {
      state: () => ({
        known: game.creatures.registry.size, simulated: game.creatures.simulated.size, drawn: game.creatureFrame.count,
        zones: [...game.creatures.myZones], restarts: game.creatureParts.client.restarts, ticks: game.creatureParts.port.ticks,
        aimed: game.store.getState().aimedCreature,
      }),
      crash: () => {
        game.creatureParts.client.crash();
        return { ok: true, value: { restarts: game.creatureParts.client.restarts } };
      },
    },
    debug: {
      setTerrainVisible: (visible) => {
        if (game.scene) game.scene.batch.mesh.visible = visible;
      },
      pauseRendering: (paused) => game.store.setState({ renderPaused: paused }),
    },
    xr: {
      enter: async () => {
        await game.ready;
        if (!game.scene) throw new Error('the 3D scene has not loaded');
        await game.scene!.enterVr();
      },
      exit: async () => {
        await game.scene?.exitVr();
      },
      emulator,
    },
  };
  game.net.serveApi((c) => api.request(c.method, c.path, c.body, { ...c.headers, ...relayHeaders }), bridge.telemetry.open);

  window.spacetime = bridge;
  return bridge;
}

function netState(game: Game): BridgeNetState {
  const n = game.net.store.getState();
  return {
    state: n.state, attempt: n.attempt, reason: n.reason, me: n.me ? { ...n.me } : null,
    world: n.world ? { world_id: n.world.world_id, world_name: n.world.world_name, seed: n.world.seed, kind: n.world.kind } : null,
    edit_seq: n.editSeq, shared: game.shared(),
    players: n.players.map((p) => ({ user_id: p.user_id, name: p.name, peer_id: p.peer_id })),
    chat: n.chat.map((m) => ({ user_id: m.user_id, name: m.name, text: m.text })),
  };
}

function remotePlayers(game: Game): BridgeRemotePlayer[] {
  const r = game.net.remote;
  r.sample(performance.now());
  return Array.from({ length: r.count }, (_, s) => ({
    peer_id: r.peerId[s], name: r.name(s),
    position: { x: r.position[s * 3], y: r.position[s * 3 + 1], z: r.position[s * 3 + 2] },
    spacecraft: r.spacecraft[s] === 1, vr: r.vr[s] === 1,
  }));
}

function snapshotState(game: Game): BridgeState {
  const progress = game.streamer.progress();
  const stats = game.pool.stats();
  const { xr } = game.store.getState();
  const v = game.frame.viewer;
  return {
    seed: game.flags.seed,
    frame: game.frame.counters.frame,
    chunks: { wanted: progress.wanted, meshed: progress.meshed, drawn: game.scene?.batch.chunkCount ?? 0 },
    workers: { size: stats.workers, meshed: stats.meshed, replaced: stats.replaced, queued: stats.queued, inflight: stats.inflight, jobMsMean: stats.jobMsMean },
    editCount: game.pool.editLog().length,
    render: { drawCalls: game.frame.counters.drawCalls, triangles: game.frame.counters.triangles, terrainRevision: game.scene?.batch.revision ?? 0 },
    camera: { position: { x: v.x, y: v.y, z: v.z }, direction: { x: v.dx, y: v.dy, z: v.dz } },
    xr: {
      supported: xr.supported, reason: xr.reason, presenting: game.scene?.presenting() ?? false, frames: game.frame.counters.xrFrames,
      teleport: { aiming: game.frame.teleport.aiming, valid: game.frame.teleport.valid, target: { x: game.frame.teleport.x, y: game.frame.teleport.y, z: game.frame.teleport.z } },
    },
    scene: { name: game.store.getState().scene, ready: game.store.getState().ready },
  };
}

/**
 * One request through the same door as `request` (token, refusals, metrics), its answer checked
 * against the route's documented response and handed back as a Result of those fields.
 */
async function callRoute<R extends RouteSpec>(
  api: ControlApi, route: R, body: unknown, query: Record<string, number> | undefined, headers: Record<string, string> | undefined,
): Promise<Result<z.output<R['response']>>> {
  const key = routeKey(route);
  const search = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : '';
  const res = await api.request(route.method, route.path + search, body, headers);
  if (res.status !== 200) {
    const refusal = ErrorBodySchema.safeParse(res.body);
    return refusal.success ? fail(refusal.data.error, refusal.data.message) : fail('INTERNAL_ERROR', `${key} answered ${res.status}`);
  }
  return documented<R['response']>(route.response, res.body, key);
}

function documented<S extends z.ZodType>(schema: S, body: unknown, key: string): Result<z.output<S>> {
  const answer = z.safeParse(schema, body);
  return answer.success ? ok(answer.data) : fail('INTERNAL_ERROR', `${key} answered fields its route does not document: ${answer.error.message}`);
}

/** Reads the game cannot refuse answer their fields; a door refusal (token) throws. */
function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
