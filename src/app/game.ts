import type { Object3D } from 'three';
import { PositionSchema, zodFailure, type BrushEdit, type Position, type TerrainInfo } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';
import type { AimState } from '../protocol/bridge.ts';
import { createGameStore, type GameStore } from '../state/game-store.ts';
import { TerrainPool, poolSizeFor } from '../threads/terrain-pool.ts';
import { ChunkStreamer, type Viewer } from '../threads/chunk-streamer.ts';
import { BufferedSink } from '../threads/buffered-sink.ts';
import type { TerrainBatch } from '../scene/terrain-batch.ts';
import type { UrlFlags } from './url-flags.ts';

/** The free-fly camera rig: position plus yaw/pitch (radians). VR adds the headset pose on top. */
export interface Rig {
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
}

/** What the lazily loaded 3D scene hands back to the game once three.js is in. */
export interface SceneHandle {
  batch: TerrainBatch;
  enterVr(): Promise<void>;
  exitVr(): Promise<void>;
  presenting(): boolean;
}

/**
 * Everything that lives for the page's life, outside React: workers, streaming, player rig. It
 * imports no three.js, so the workers start while the 3D scene is still downloading.
 */
export interface Game {
  flags: UrlFlags;
  store: GameStore;
  pool: TerrainPool;
  streamer: ChunkStreamer;
  /** Set once the 3D scene has loaded. */
  scene: SceneHandle | null;
  attachScene(scene: SceneHandle): void;
  rig: Rig;
  viewer: Viewer;
  aim: AimState;
  counters: { frame: number; xrFrames: number; drawCalls: number; triangles: number };
  /** The XROrigin group, so controller poses (reference-space) can be put in world space. */
  xrOrigin: Object3D | null;
  /** Resolves when the spawn area is meshed and the rig stands above the ground. */
  ready: Promise<void>;
  deform(edit: BrushEdit | unknown): Promise<Result<import('../protocol/terrain.ts').EditOutcome>>;
  info(position: { x: number; y: number; z: number }): Promise<Result<TerrainInfo>>;
  /** Moves the camera rig; a position outside the world or a non-finite angle changes nothing. */
  placeRig(x: number, y: number, z: number, yawDeg: number, pitchDeg: number): Result<Position>;
  /** Resolves after `count` more frames; frameTick() (called once per rendered frame) drives it. */
  frames(count: number): Promise<void>;
  frameTick(): void;
  dispose(): void;
}

/** Streaming and UI sync run on a timer too, so they go on while no frames are drawn (loading). */
const TICK_MS = 100;

const DEG = Math.PI / 180;

export function createGame(flags: UrlFlags): Game {
  const store = createGameStore();
  const sink = new BufferedSink();
  // The pool reports meshes to the streamer, which needs the pool: late-bound through this arrow.
  const pool: TerrainPool = new TerrainPool(flags.seed, poolSizeFor(navigator.hardwareConcurrency), (m) => streamer.onMesh(m));
  const streamer = new ChunkStreamer(pool, sink);
  streamer.viewDistance = flags.viewDistance;

  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const rig: Rig = { x: 0, y: 60, z: 0, yaw: 0, pitch: -10 * DEG };
  const viewer: Viewer = { x: 0, y: 60, z: 0, dx: 0, dy: 0, dz: -1 };

  const tick = () => {
    // Nothing streams until the spawn point is chosen: its column queries must not wait behind mesh jobs.
    if (!placed) return;
    streamer.update(performance.now(), viewer);
    const near = streamer.nearProgress();
    const state = store.getState();
    if (state.loading.wanted !== near.wanted || state.loading.meshed !== near.meshed) {
      store.setState({ loading: { wanted: near.wanted, meshed: near.meshed } });
    }
    if (!state.ready && placed && sink.attached && near.wanted > 0 && near.meshed === near.wanted) {
      store.setState({ ready: true });
      markReady();
    }
  };
  let placed = false;
  const timer = setInterval(tick, TICK_MS);
  const frameWaiters: Array<{ until: number; resolve: () => void }> = [];
  const game: Game = {
    flags,
    store,
    pool,
    streamer,
    scene: null,
    attachScene(scene) {
      game.scene = scene;
      sink.attach(scene.batch);
    },
    rig,
    viewer,
    aim: {
      source: 'desktop', hit: false, distance: 0,
      point: { x: 0, y: 0, z: 0 }, normal: { x: 0, y: 1, z: 0 },
    },
    counters: { frame: 0, xrFrames: 0, drawCalls: 0, triangles: 0 },
    xrOrigin: null,
    ready,
    async deform(edit) {
      const { result, landed } = await streamer.edit(edit);
      await landed;
      return result;
    },
    info(position) {
      return pool.query<Result<TerrainInfo>>((api) => api.info(position));
    },
    frames(count) {
      if (!Number.isInteger(count) || count < 0) return Promise.reject(new RangeError('count must be a non-negative integer'));
      return new Promise((resolve) => frameWaiters.push({ until: game.counters.frame + count, resolve }));
    },
    frameTick() {
      for (let i = frameWaiters.length - 1; i >= 0; i--) {
        if (game.counters.frame >= frameWaiters[i].until) frameWaiters.splice(i, 1)[0].resolve();
      }
    },
    placeRig(x, y, z, yawDeg, pitchDeg) {
      const position = PositionSchema.safeParse({ x, y, z });
      if (!position.success) return zodFailure(position.error);
      if (!Number.isFinite(yawDeg) || !Number.isFinite(pitchDeg)) {
        return { ok: false, error: { code: 'INVALID_PARAMETER', message: 'yaw and pitch must be finite degrees' } };
      }
      rig.x = x; rig.y = y; rig.z = z;
      rig.yaw = yawDeg * DEG;
      rig.pitch = Math.max(-89, Math.min(89, pitchDeg)) * DEG;
      // Forward (−z) turned by pitch about x, then yaw about y (the camera's YXZ order).
      const cp = Math.cos(rig.pitch);
      Object.assign(viewer, { x, y, z, dx: -Math.sin(rig.yaw) * cp, dy: Math.sin(rig.pitch), dz: -Math.cos(rig.yaw) * cp });
      // Rank at once, so progress reports the new place's chunks from this call on.
      streamer.invalidate();
      streamer.update(performance.now(), viewer);
      placed = true;
      return { ok: true, value: position.data };
    },
    dispose() {
      clearInterval(timer);
      pool.dispose();
    },
  };
  return game;
}
