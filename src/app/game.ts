import type { BrushEdit, Position, TerrainInfo } from '../protocol/terrain.ts';
import { CreatureFrame } from '../scene/creature-frame.ts';
import { createCreatures, type Creatures } from './creatures/create-creatures.ts';
import type { CreatureService } from './creatures/creature-service.ts';
import { fail, type Result } from '../protocol/errors.ts';
import type { VrRecenterResult } from '../protocol/vr.ts';
import { createGameStore, isPlaying, type GameStore } from '../state/game-store.ts';
import { createSettingsStore, type SettingsStore } from '../state/settings.ts';
import { TerrainPool, poolSizeFor } from '../threads/terrain-pool.ts';
import { ChunkStreamer } from '../threads/chunk-streamer.ts';
import { BufferedSink } from '../threads/buffered-sink.ts';
import { CollisionField } from '../engine/player/collision-field.ts';
import { PlayerSim } from '../engine/player/player-sim.ts';
import { MAX_TICKS_PER_STEP, TICK_SECONDS } from '../engine/player/player-constants.ts';
import { TickClock } from '../engine/tick-clock.ts';
import type { TerrainBatch } from '../scene/terrain-batch.ts';
import { SceneManager } from './scenes/scene-manager.ts';
import { CollisionSink } from './collision-sink.ts';
import { createSceneHost, sceneForWorld, type LoadGate } from './scene-host.ts';
import { OxygenZones } from '../net/oxygen-zones.ts';
import { syncStructureSolids } from '../net/structure-solids.ts';
import { NetClient } from '../net/net-client.ts';
import type { DeformOutcome } from '../net/world-session.ts';
import type { TerrainReplica } from '../net/terrain-replica.ts';
import type { SceneLoadResult } from '../protocol/scenes.ts';
import { createReadout, updateReadout, type Readout } from './readout.ts';
import { createRecenter, recenterFromTracking, type Recenter } from './recenter.ts';
import type { UrlFlags } from './url-flags.ts';
import { GameEvents, type SimControl } from './sim-control.ts';
import { FrameWaiters } from './frame-loop.ts';
import { createFrameState, type FrameState } from './frame-state.ts';
import { viewerFromPose } from './viewer.ts';

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
 * The game's core services, built in one step for the page's life, outside React: workers,
 * streaming, collision, the player, scenes, stores. Per-frame data lives in `frame` (one writer per
 * record, see frame-state.ts); per-frame work lives in the systems (systems.ts). It imports no
 * three.js, so the workers start while the 3D scene still downloads.
 */
export interface Game {
  flags: UrlFlags;
  store: GameStore;
  settings: SettingsStore;
  pool: TerrainPool;
  streamer: ChunkStreamer;
  collision: CollisionField;
  /** The fixed-tick clock every simulation shares (render interpolation reads its alpha). */
  clock: TickClock;
  player: PlayerSim;
  scenes: SceneManager;
  /** Scene loads, terrain edits, warnings and errors, for the control API's telemetry. */
  events: GameEvents;
  frame: FrameState;
  /** The creatures to draw this frame (interpolated in place each frame; scene/creature-frame.ts). */
  creatureFrame: CreatureFrame;
  /** The page's creatures: registry, simulation, relay sharing (app/creatures/creature-service.ts). */
  creatures: CreatureService;
  /** The creature worker, interpolator and telemetry around the service. */
  creatureParts: Creatures;
  /** Promises on the frame counter; the control system ticks them once per rendered frame. */
  waiters: FrameWaiters;
  recenter: Recenter;
  /** Set once the 3D scene has loaded. */
  scene: SceneHandle | null;
  attachScene(scene: SceneHandle): void;
  /** The control API's hooks into the loop (debugger, recorder, telemetry); null without a bridge. */
  control: SimControl | null;
  /** Resolves when the first scene is loaded and the player placed. */
  ready: Promise<void>;
  /** True while a world scene is running and the player may act (not loading, not the menu). */
  playing(): boolean;
  /** True while the running scene has a world to stream (false in the menu and between scenes). */
  streaming(): boolean;
  /**
   * Applies a validated brush edit; resolves once its meshes are on screen. In a shared world the
   * edit goes to the relay and is applied when its sequenced broadcast comes back (editSeq is its
   * number there); single-player it applies at once (editSeq null).
   */
  deform(edit: BrushEdit): Promise<Result<DeformOutcome>>;
  /** The relay client: connection, shared world, presence, remote players. */
  net: NetClient;
  /** The running world is the relay's shared world. */
  shared(): boolean;
  /** Connects to the relay and loads the first scene: the shared world's, or `sceneName` single-player. */
  start(sceneName: string): Promise<Result<SceneLoadResult>>;
  info(position: Position): Promise<Result<TerrainInfo>>;
  /** Puts the player in the spacecraft, hovering at a pose (degrees); bad input changes nothing. */
  placeCamera(x: number, y: number, z: number, yawDeg: number, pitchDeg: number): Result<Position>;
  /** Board the spacecraft when walking, leave it when flying; a refusal shows as a banner. */
  toggleBoarding(): void;
  /** Makes the headset's current place and facing the player's (seed POST /vr/recenter). */
  recenterVr(): Result<VrRecenterResult>;
  /** HUD figures, refreshed on each call into one reused object. */
  readout(): Readout;
  showBanner(text: string, ms?: number): void;
  /** Resolves after `count` more rendered frames. */
  frames(count: number): Promise<void>;
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
  const clock = new TickClock(TICK_SECONDS, MAX_TICKS_PER_STEP);
  // Breathing reads the shared base's oxygen zones, which exist once the net client does (below).
  let zones: OxygenZones | null = null;
  const player = new PlayerSim(collision, { clock, isPressurised: (x, y, z) => zones !== null && zones.covers(x, y, z) });
  const frame = createFrameState();
  const events = new GameEvents();
  const waiters = new FrameWaiters();
  const recenter = createRecenter();
  const readout = createReadout();
  const gate: LoadGate = { streaming: false, waiter: null, def: null, shared: false };
  const replica: TerrainReplica = {
    install: (cx, cy, cz, data) => streamer.install(cx, cy, cz, data),
    edit: (edit) => streamer.edit(edit),
    hash: (cx, cy, cz) => pool.query<Result<string>>((api) => api.chunkHash({ cx, cy, cz })),
  };
  const net = new NetClient(replica, {
    loadWorld: async (world) => void (await scenes.load({ scene_path: sceneForWorld(world.kind) })),
    rebuild: async () => void (await scenes.reload({ preserve_state: true })),
    playerState: () => {
      if (!gate.shared || !isPlaying(store.getState())) return null;
      const s = player.snapshot();
      return { position: s.position, rotation: s.rotation, health: s.health, oxygen: s.oxygen, mode: s.mode };
    },
  }, flags.world ?? undefined);
  zones = new OxygenZones(net.base.store);
  const creatureFrame = new CreatureFrame();
  const creatureParts = createCreatures({
    world: { seed: flags.seed, kind: 'planet' }, frame: creatureFrame, net, pool, player,
    naturalSpawning: () => flags.naturalSpawning && isPlaying(store.getState()),
  });
  syncStructureSolids(net.base.store, collision.solids);
  // Given up or left: the world goes on single-player (a later join reloads the shared one).
  net.store.subscribe((s, prev) => {
    if (s.state === 'offline' && prev.state !== 'offline') gate.shared = false;
  });
  let bannerTimer: ReturnType<typeof setTimeout> | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  /** The viewer at the player's eyes: while loading, and after a placement, before frames place it. */
  const viewerAtPlayer = () => viewerFromPose(player.cameraPose(frame.camera), frame.viewer);
  const showBanner = (text: string, ms = 3000) => {
    clearTimeout(bannerTimer);
    store.setState({ banner: text });
    bannerTimer = setTimeout(() => store.setState({ banner: null }), ms);
  };
  const playing = () => isPlaying(store.getState());

  const scenes = new SceneManager(
    createSceneHost({
      flags, store, settings, streamer, pool, collision, player, input: frame.input, gate, viewerAtPlayer, onFirstReady: () => markReady(), view: () => game.scene,
      shared: {
        world: (kind) => net.sharedWorld(kind),
        enter: (x, z) => net.session.enter(x, z),
        detach: () => net.session.detach(),
      },
    }),
    (loaded) => {
      events.emit({ type: 'scene_loaded', ...loaded });
      net.sceneLoaded(loaded);
    },
  );

  const tick = () => {
    if (!gate.streaming) return;
    // No frames are drawn while loading, so the viewer follows the player from here; once frames
    // run, the streaming system places it (at the headset in VR, which the player pose alone does not know).
    if (!store.getState().ready) viewerAtPlayer();
    streamer.update(performance.now(), frame.viewer);
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

  const game: Game = {
    flags, store, settings, pool, streamer, collision, clock, player, scenes, events, frame, waiters, recenter,
    creatureFrame,
    creatures: creatureParts.service,
    creatureParts,
    scene: null,
    attachScene(scene) {
      game.scene = scene;
      buffered.attach(scene.batch);
    },
    control: null,
    ready,
    playing,
    streaming: () => gate.streaming,
    net,
    shared: () => gate.shared,
    async start(sceneName) {
      const join = await net.start();
      // The menu stays the menu; any world scene becomes the shared world's scene.
      const name = join && sceneName !== 'menu' ? sceneForWorld(join.world.kind) : sceneName;
      return scenes.load({ scene_path: name });
    },
    async deform(edit) {
      let result: Result<DeformOutcome>;
      if (gate.shared) {
        if (!net.inWorld()) return fail('SERVICE_UNAVAILABLE', 'reconnecting to the relay: digs wait until the shared world is back');
        result = await net.session.submit(edit);
      } else {
        const local = await streamer.edit(edit);
        await local.landed;
        result = local.result.ok ? { ok: true, value: { ...local.result.value, editSeq: null } } : local.result;
      }
      if (result.ok) {
        game.control?.action('POST', '/terrain/deform', edit);
        events.emit({
          type: 'terrain_modified', position: { ...edit.position }, radius: edit.radius, strength: edit.strength, operation: edit.operation,
          voxels_modified: result.value.voxelsModified, sequence: result.value.sequence,
        });
      }
      return result;
    },
    info(position) {
      return pool.query<Result<TerrainInfo>>((api) => api.info(position));
    },
    frames: (count) => waiters.wait(frame.counters.frame, count),
    placeCamera(x, y, z, yawDeg, pitchDeg) {
      if (!Number.isFinite(yawDeg) || !Number.isFinite(pitchDeg)) {
        return { ok: false, error: { code: 'INVALID_PARAMETER', message: 'yaw and pitch must be finite degrees' } };
      }
      const placed = player.hover({ x, y, z }, yawDeg, Math.max(-89, Math.min(89, pitchDeg)));
      if (!placed.ok) return placed;
      viewerAtPlayer();
      // Rank at once, so progress reports the new place's chunks from this call on.
      streamer.invalidate();
      if (gate.streaming) streamer.update(performance.now(), frame.viewer);
      return { ok: true, value: { x, y, z } };
    },
    toggleBoarding() {
      if (!playing()) return;
      const mode = player.state.mode === 'walking' ? 'spacecraft' : 'walking';
      const r = player.setMode(mode);
      if (!r.ok) showBanner(r.error.message, 2000);
      else game.control?.action('POST', '/player/mode', { mode });
    },
    recenterVr: () => recenterFromTracking(frame.tracking, recenter),
    readout: () => updateReadout(player, collision, readout),
    showBanner,
    dispose() {
      clearInterval(timer);
      creatureParts.dispose();
      net.dispose();
      pool.dispose();
    },
  };
  player.on((e) => {
    if (e.type !== 'died') return;
    showBanner(`You died (${e.cause}). Back at the landing site.`, 4000);
    events.emit({ type: 'warning', message: `player died (${e.cause}) and respawned`, source: 'player' });
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
