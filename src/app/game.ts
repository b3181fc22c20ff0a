import type { Object3D } from 'three';
import { BrushEditSchema, type BrushEdit, type EditOutcome, type Position, type TerrainInfo } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';
import type { AimState } from '../protocol/bridge.ts';
import { emptyTracking, type VrTracking } from '../protocol/vr.ts';
import { createGameStore, isPlaying, type GameStore } from '../state/game-store.ts';
import { createSettingsStore, type SettingsStore } from '../state/settings.ts';
import { TerrainPool, poolSizeFor } from '../threads/terrain-pool.ts';
import { ChunkStreamer, type Viewer } from '../threads/chunk-streamer.ts';
import { BufferedSink } from '../threads/buffered-sink.ts';
import { CollisionField } from '../engine/player/collision-field.ts';
import { PlayerSim } from '../engine/player/player-sim.ts';
import { createCameraPose, createPlayerInput, type CameraPose, type PlayerInput } from '../engine/player/player-state.ts';
import type { TerrainBatch } from '../scene/terrain-batch.ts';
import { SceneManager } from './scenes/scene-manager.ts';
import { CollisionSink } from './collision-sink.ts';
import { createSceneHost, type LoadGate } from './scene-host.ts';
import { createReadout, updateReadout, type Readout } from './readout.ts';
import { createRecenter, recenterFromTracking, type Recenter } from './recenter.ts';
import type { VrRecenterResult } from '../protocol/vr.ts';
import type { UrlFlags } from './url-flags.ts';
import type { XrFrameInput } from '../xr/xr-frame-input.ts';
import { GameEvents, type SimControl } from './sim-control.ts';
import { FrameWaiters, stepSimulation } from './frame-loop.ts';

/** What the lazily loaded 3D scene hands back to the game once three.js is in. */
export interface SceneHandle {
  batch: TerrainBatch;
  enterVr(): Promise<void>;
  exitVr(): Promise<void>;
  presenting(): boolean;
  /** Objects in the 3D scene graph (GET /scene/current node_count). */
  nodeCount(): number;
  /** Renders a frame now and returns it as a PNG data URL. */
  capturePng(): { dataUrl: string; width: number; height: number };
}

/**
 * Everything that lives for the page's life, outside React: workers, streaming, collision, the
 * player, scenes. It imports no three.js, so the workers start while the 3D scene still downloads.
 */
export interface Game {
  flags: UrlFlags;
  store: GameStore;
  settings: SettingsStore;
  pool: TerrainPool;
  streamer: ChunkStreamer;
  collision: CollisionField;
  player: PlayerSim;
  /** Controls write here every frame; the player step reads it. */
  input: PlayerInput;
  /** Where the eyes are this frame (the desktop camera; the XR origin is derived from it). */
  camera: CameraPose;
  scenes: SceneManager;
  /** Set once the 3D scene has loaded. */
  scene: SceneHandle | null;
  attachScene(scene: SceneHandle): void;
  viewer: Viewer;
  aim: AimState;
  tracking: VrTracking;
  /** This frame's headset, controllers and hands (created by the 3D scene, which owns three.js). */
  xrInput: XrFrameInput | null;
  recenter: Recenter;
  /** A VR teleport arc is being aimed (the right hand's tool rests meanwhile). */
  teleportAiming: boolean;
  /** Where the arc lands this frame, and whether the player could stand there. */
  teleportTarget: { valid: boolean; x: number; y: number; z: number };
  /** The VR wrist panel's settings page is open (the left stick drives it, not motion). */
  wristSettingsOpen: boolean;
  counters: { frame: number; xrFrames: number; drawCalls: number; triangles: number; physicsMs: number; renderMs: number };
  /** Scene loads, terrain edits, warnings and errors, for the control API's telemetry. */
  events: GameEvents;
  /** Held desktop keys and mouse buttons (set by the 3D scene's desktop controls; input injection writes here). */
  desktop: { keys: Set<string>; buttons: Set<number> } | null;
  /** The control API's hooks into the loop (debugger, recorder, telemetry); null without a bridge. */
  control: SimControl | null;
  /** Steps the player for this frame unless the control API holds the simulation. */
  stepSimulation(dt: number): void;
  /** The simulation is held this frame: input that acts on the world (brushes) waits too. */
  simHeld: boolean;
  /** The XROrigin group, so controller poses (reference-space) can be put in world space. */
  xrOrigin: Object3D | null;
  /** Resolves when the first scene is loaded and the player placed. */
  ready: Promise<void>;
  /** True while a world scene is running and the player may act (not loading, not the menu). */
  playing(): boolean;
  /** True while the running scene has a world to stream (false in the menu and between scenes). */
  streaming(): boolean;
  deform(edit: BrushEdit | unknown): Promise<Result<EditOutcome>>;
  info(position: { x: number; y: number; z: number }): Promise<Result<TerrainInfo>>;
  /** Puts the player in the spacecraft, hovering at a pose (degrees); bad input changes nothing. */
  placeCamera(x: number, y: number, z: number, yawDeg: number, pitchDeg: number): Result<Position>;
  /** Board the spacecraft when walking, leave it when flying; a refusal shows as a banner. */
  toggleBoarding(): void;
  /** Makes the headset's current place and facing the player's (seed POST /vr/recenter). */
  recenterVr(): Result<VrRecenterResult>;
  /** HUD figures, refreshed on each call into one reused object. */
  readout(): Readout;
  showBanner(text: string, ms?: number): void;
  /** Resolves after `count` more frames; frameTick() (called once per rendered frame) drives it. */
  frames(count: number): Promise<void>;
  frameTick(): void;
  /** Called by the renderer after the player step: moves the streaming viewer to the eyes. */
  syncViewer(): void;
  dispose(): void;
}

/** Streaming and UI sync run on a timer too, so they go on while no frames are drawn (loading). */
const TICK_MS = 100;

export function createGame(flags: UrlFlags): Game {
  const store = createGameStore();
  const settings = createSettingsStore();
  const buffered = new BufferedSink();
  const collision = new CollisionField();
  // The pool reports meshes to the streamer, which needs the pool: late-bound through this arrow.
  const pool: TerrainPool = new TerrainPool({ seed: flags.seed, kind: 'planet' }, poolSizeFor(navigator.hardwareConcurrency), (m) => streamer.onMesh(m));
  const streamer = new ChunkStreamer(pool, new CollisionSink(collision, buffered));
  const player = new PlayerSim(collision);
  const camera = createCameraPose();
  const viewer: Viewer = { x: 0, y: 60, z: 0, dx: 0, dy: 0, dz: -1 };
  const readout = createReadout();
  const gate: LoadGate = { streaming: false, waiter: null, def: null };

  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let bannerTimer: ReturnType<typeof setTimeout> | undefined;

  const tick = () => {
    if (!gate.streaming) return;
    // No frames are drawn while loading, so the viewer follows the player from here; once frames
    // run, the renderer places it (at the headset in VR, which the player pose alone does not know).
    if (!store.getState().ready) game.syncViewer();
    streamer.update(performance.now(), viewer);
    const near = streamer.nearProgress();
    const state = store.getState();
    if (state.loading.wanted !== near.wanted || state.loading.meshed !== near.meshed) {
      store.setState({ loading: { wanted: near.wanted, meshed: near.meshed } });
    }
    if (gate.waiter && buffered.attached && near.wanted > 0 && near.meshed === near.wanted) {
      const w = gate.waiter;
      gate.waiter = null;
      w();
    }
  };
  const timer = setInterval(tick, TICK_MS);
  const waiters = new FrameWaiters();

  const game: Game = {
    flags, store, settings, pool, streamer, collision, player,
    input: createPlayerInput(),
    camera,
    scenes: null as unknown as SceneManager,
    scene: null,
    attachScene(scene) {
      game.scene = scene;
      buffered.attach(scene.batch);
    },
    viewer,
    aim: { source: 'desktop', hit: false, distance: 0, point: { x: 0, y: 0, z: 0 }, normal: { x: 0, y: 1, z: 0 } },
    tracking: emptyTracking(),
    xrInput: null,
    recenter: createRecenter(),
    teleportAiming: false,
    teleportTarget: { valid: false, x: 0, y: 0, z: 0 },
    wristSettingsOpen: false,
    counters: { frame: 0, xrFrames: 0, drawCalls: 0, triangles: 0, physicsMs: 0, renderMs: 0 },
    events: new GameEvents(),
    control: null,
    desktop: null,
    simHeld: false,
    stepSimulation: (dt) => stepSimulation(game, dt),
    xrOrigin: null,
    ready,
    playing() {
      return isPlaying(store.getState());
    },
    streaming: () => gate.streaming,
    async deform(edit) {
      const { result, landed } = await streamer.edit(edit);
      await landed;
      if (result.ok) {
        // The edit as the workers applied it (extra fields stripped), so its replay passes the route's strict schema.
        const e = BrushEditSchema.parse(edit);
        game.control?.action('POST', '/terrain/deform', e);
        game.events.emit({
          type: 'terrain_modified', position: { ...e.position }, radius: e.radius, strength: e.strength, operation: e.operation,
          voxels_modified: result.value.voxelsModified, sequence: result.value.sequence,
        });
      }
      return result;
    },
    info(position) {
      return pool.query<Result<TerrainInfo>>((api) => api.info(position));
    },
    frames: (count) => waiters.wait(game.counters.frame, count),
    frameTick: () => waiters.tick(game.counters.frame),
    placeCamera(x, y, z, yawDeg, pitchDeg) {
      if (!Number.isFinite(yawDeg) || !Number.isFinite(pitchDeg)) {
        return { ok: false, error: { code: 'INVALID_PARAMETER', message: 'yaw and pitch must be finite degrees' } };
      }
      const placed = player.hover({ x, y, z }, yawDeg, Math.max(-89, Math.min(89, pitchDeg)));
      if (!placed.ok) return placed;
      game.syncViewer();
      // Rank at once, so progress reports the new place's chunks from this call on.
      streamer.invalidate();
      if (gate.streaming) streamer.update(performance.now(), viewer);
      return { ok: true, value: { x, y, z } };
    },
    toggleBoarding() {
      if (!game.playing() || game.simHeld) return;
      const mode = player.state.mode === 'walking' ? 'spacecraft' : 'walking';
      const r = player.setMode(mode);
      if (!r.ok) game.showBanner(r.error.message, 2000);
      else game.control?.action('POST', '/player/mode', { mode });
    },
    recenterVr() {
      return recenterFromTracking(game.tracking, game.recenter);
    },
    readout() {
      return updateReadout(game, readout);
    },
    showBanner(text, ms = 3000) {
      clearTimeout(bannerTimer);
      store.setState({ banner: text });
      bannerTimer = setTimeout(() => store.setState({ banner: null }), ms);
    },
    syncViewer() {
      player.cameraPose(camera);
      viewer.x = camera.x; viewer.y = camera.y; viewer.z = camera.z;
      // Forward (−z) rotated by the camera quaternion.
      const { qx, qy, qz, qw } = camera;
      viewer.dx = -2 * (qx * qz + qw * qy);
      viewer.dy = -2 * (qy * qz - qw * qx);
      viewer.dz = -(1 - 2 * (qx * qx + qy * qy));
    },
    dispose() {
      clearInterval(timer);
      pool.dispose();
    },
  };
  game.scenes = new SceneManager(createSceneHost(game, gate, () => markReady()), (loaded) => game.events.emit({ type: 'scene_loaded', ...loaded }));
  player.on((e) => {
    if (e.type !== 'died') return;
    game.showBanner(`You died (${e.cause}). Back at the landing site.`, 4000);
    game.events.emit({ type: 'warning', message: `player died (${e.cause}) and respawned`, source: 'player' });
  });
  // The settings' view distance applies to scenes that do not fix their own.
  settings.subscribe((s, prev) => {
    if (s.viewDistance === prev.viewDistance) return;
    const def = gate.def;
    if (!def || def.viewDistance !== null || flags.viewDistance !== null) return;
    streamer.viewDistance = s.viewDistance;
    store.setState({ viewDistance: s.viewDistance });
  });
  return game;
}
