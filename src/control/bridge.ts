import { zodFailure, type Result } from '../protocol/errors.ts';
import { BRIDGE_VERSION, type BridgeState, type SpacetimeBridge } from '../protocol/bridge.ts';
import type { Game } from '../app/game.ts';
import { settingsValues } from '../state/settings.ts';
import { PositionSchema } from '../protocol/terrain.ts';
import { createControlApi } from './control-api.ts';
import { telemetryDoors } from './bridge-telemetry.ts';
import { gameSnapshot } from './snapshot.ts';
import { refuseWhileLoading, type Emulator } from './control-context.ts';

/** Installs `window.spacetime`, the typed handle tests and tools drive the game through. */
export function installBridge(game: Game, emulator: Emulator | undefined, token: string | null = null): SpacetimeBridge {
  const api = createControlApi(game, emulator, { token });
  const bridge: SpacetimeBridge = {
    version: BRIDGE_VERSION,
    ready: game.ready,
    request: api.request,
    ...telemetryDoors(api),
    snapshot: () => gameSnapshot(game),
    rateLimits: {
      get: () => ({ ...api.limits.config }),
      set: (limits) => {
        api.limits.configure({ ...api.limits.config, ...limits });
        return { ...api.limits.config };
      },
    },
    state: () => snapshotState(game),
    frames: (count) => game.frames(count),
    terrain: {
      info: (position) => game.info(position),
      deform: (edit) => game.deform(edit),
      chunkHash: (cx, cy, cz) => game.pool.query<Result<string>>((api) => api.chunkHash({ cx, cy, cz })),
      columnHeight: async (x, z) => {
        const column = await game.pool.query<Result<{ height: number }>>((api) => api.columnInfo({ x, z }));
        if (!column.ok) throw new Error(column.error.message);
        return column.value.height;
      },
    },
    aim: () => structuredClone(game.aim),
    camera: {
      set: (p, yaw, pitch) => {
        const refused = refuseWhileLoading(game);
        if (refused) return refused;
        const position = PositionSchema.safeParse(p);
        if (!position.success) return zodFailure(position.error);
        return game.placeCamera(position.data.x, position.data.y, position.data.z, yaw, pitch);
      },
    },
    player: {
      position: () => game.player.snapshot(),
      spawn: (body) => refuseWhileLoading(game) ?? game.player.spawn(body),
      teleport: (body) => refuseWhileLoading(game) ?? game.player.teleportRequest(body),
      mode: (body) => refuseWhileLoading(game) ?? game.player.modeRequest(body),
    },
    scenes: {
      list: () => game.scenes.list(),
      load: (body) => game.scenes.load(body),
      reload: (body) => game.scenes.reload(body),
      current: () => game.scenes.currentInfo(),
      history: () => game.scenes.history(),
      validate: (body) => game.scenes.validate(body),
    },
    vr: {
      tracking: () => structuredClone(game.tracking),
      recenter: () => game.recenterVr(),
    },
    settings: {
      get: () => settingsValues(game.settings.getState()),
      update: (patch) => game.settings.getState().update(patch),
    },
    workers: { crash: (index) => game.pool.crashWorker(index) },
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
  window.spacetime = bridge;
  return bridge;
}

function snapshotState(game: Game): BridgeState {
  const progress = game.streamer.progress();
  const stats = game.pool.stats();
  const { xr } = game.store.getState();
  const v = game.viewer;
  return {
    seed: game.flags.seed,
    frame: game.counters.frame,
    chunks: { wanted: progress.wanted, meshed: progress.meshed, drawn: game.scene?.batch.chunkCount ?? 0 },
    workers: { size: stats.workers, meshed: stats.meshed, replaced: stats.replaced, queued: stats.queued, inflight: stats.inflight, jobMsMean: stats.jobMsMean },
    editCount: game.pool.editLog().length,
    render: { drawCalls: game.counters.drawCalls, triangles: game.counters.triangles, terrainRevision: game.scene?.batch.revision ?? 0 },
    camera: { position: { x: v.x, y: v.y, z: v.z }, direction: { x: v.dx, y: v.dy, z: v.dz } },
    xr: {
      supported: xr.supported, reason: xr.reason, presenting: game.scene?.presenting() ?? false, frames: game.counters.xrFrames,
      teleport: { aiming: game.teleportAiming, valid: game.teleportTarget.valid, target: { x: game.teleportTarget.x, y: game.teleportTarget.y, z: game.teleportTarget.z } },
    },
    scene: { name: game.store.getState().scene, ready: game.store.getState().ready },
  };
}

