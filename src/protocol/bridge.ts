import type { Result } from './errors.ts';
import type { Vec3 } from './vec3.ts';
import type { Settings } from './settings.ts';
import type { ApiResponse } from './api.ts';
import type { RouteAnswer } from './routes/index.ts';
import type { GameSnapshot, XR_BUTTONS } from './automation.ts';
import type { GameStateView } from './debug.ts';
import type { TelemetryConfigPatch, TelemetryEvent, TelemetryEventMessage, TelemetryServerMessage } from './telemetry.ts';

export const BRIDGE_VERSION = '0.3.0';

/** A telemetry connection speaking seed 000's WebSocket protocol, in page (the relay carries the same over a socket). */
export interface TelemetryPort {
  readonly id: string;
  /** A client message: auth, subscribe, unsubscribe, get_snapshot, configure, ping (object or JSON text). */
  send(message: unknown): void;
  close(): void;
}

export interface AimState {
  /** Which pointer aims: the desktop crosshair, or a VR controller ray. */
  source: 'desktop' | 'left' | 'right';
  hit: boolean;
  point: Vec3;
  normal: Vec3;
  distance: number;
}

export interface BridgeState {
  seed: number;
  frame: number;
  chunks: { wanted: number; meshed: number; drawn: number };
  workers: { size: number; meshed: number; replaced: number; queued: number; inflight: number; jobMsMean: number };
  editCount: number;
  render: { drawCalls: number; triangles: number; terrainRevision: number };
  camera: { position: Vec3; direction: Vec3 };
  xr: {
    supported: boolean; reason: string | null; presenting: boolean; frames: number;
    /** The teleport arc: aimed now, and where it lands (valid: ground the player can stand on). */
    teleport: { aiming: boolean; valid: boolean; target: Vec3 };
  };
  /** Running (or loading) scene name, and whether it is playable yet. */
  scene: { name: string | null; ready: boolean };
}

/** The page's creatures as tests read them. */
export interface BridgeCreatureState {
  /** Creatures this page knows (its registry). */
  known: number;
  /** Of those, the ones its worker simulates (all single-player; its zones' in a shared world). */
  simulated: number;
  /** Drawn this frame. */
  drawn: number;
  /** Zones this page holds the authority of (shared world). */
  zones: string[];
  /** Creature worker restarts after crashes. */
  restarts: number;
  /** The creature aimed at (crosshair or VR gaze), by its n; null for none. */
  aimed: number | null;
  /** The worker's ticks so far (it runs at 20 Hz). */
  ticks: number;
}

/** The page's multiplayer state as tests read it (the net store, flattened). */
export interface BridgeNetState {
  state: 'connecting' | 'connected' | 'reconnecting' | 'offline';
  attempt: number;
  reason: string | null;
  me: { user_id: string; name: string; peer_id: number } | null;
  world: { world_id: number; world_name: string; seed: number; kind: string } | null;
  /** The last of the world's edits applied here. */
  edit_seq: number;
  /** The running scene is the shared world (digs and poses go through the relay). */
  shared: boolean;
  players: Array<{ user_id: string; name: string; peer_id: number }>;
  chat: Array<{ user_id: string; name: string; text: string }>;
}

/** A remote player as drawn this instant (interpolated ~100 ms back). */
export interface BridgeRemotePlayer { peer_id: number; name: string; position: Vec3; spacecraft: boolean; vr: boolean }

/** A scene in the registry (GET /scenes). */
export interface SceneListing { scene_path: string; name: string; title: string; root_node: string }

export type XrButton = (typeof XR_BUTTONS)[number];

/** Pose for the emulated headset or a controller (only under ?xr=emulate). */
export interface EmulatedPose { position: Vec3; quaternion?: { x: number; y: number; z: number; w: number } }

/** The typed handle e2e tests and tools use; it grows into the full control API bridge. */
export interface SpacetimeBridge {
  version: string;
  /**
   * The control API (seed 000 paths, `/api/v2/...` too): `request('GET', '/player/position')`,
   * `request('POST', '/scene/load', { scene_path })`, queries in the path. Never throws: errors are
   * answers in the seed's error format.
   */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Telemetry events to a callback (intervals via `config`); returns the unsubscribe. Bad event names throw. */
  subscribe(events: TelemetryEvent | TelemetryEvent[], callback: (message: TelemetryEventMessage) => void, config?: TelemetryConfigPatch): () => void;
  /**
   * The next telemetry event of a kind, or the first frame on which a predicate over the readable
   * state (the /debug/evaluate tree) holds. Rejects after `timeout` ms (default 10 000).
   */
  waitFor(event: TelemetryEvent, options?: { timeout?: number }): Promise<TelemetryEventMessage>;
  waitFor(predicate: (state: GameStateView) => boolean, options?: { timeout?: number }): Promise<GameStateView>;
  /** The deterministic game state (GET /snapshot). */
  snapshot(): GameSnapshot;
  telemetry: { open(onMessage: (message: TelemetryServerMessage | ArrayBuffer) => void): TelemetryPort };
  /** Resolves when the spawn area is meshed and the camera placed. */
  ready: Promise<void>;
  state(): BridgeState;
  /** Resolves after `count` more rendered frames. */
  frames(count: number): Promise<void>;
  /**
   * The Bearer token the convenience methods below send (a production build opened with ?bridge
   * prints it at startup; dev and test builds need none). `request` takes its own headers.
   */
  useToken(token: string | null): void;
  /*
   * Convenience methods: each is one `request` to its route (same token, same refusals, e.g. 409
   * while a replay runs, same metrics), answered as a Result of the route's documented fields;
   * reads that cannot be refused by the game answer the fields directly and throw on a door refusal.
   * Methods marked "test hook" have no route: they read or poke the page for tests only.
   */
  terrain: {
    /** GET /terrain/info. */
    info(position: Vec3): Promise<Result<RouteAnswer<'GET /terrain/info'>>>;
    /** POST /terrain/deform: resolves once every touched chunk is re-meshed and in the scene. */
    deform(edit: unknown): Promise<Result<RouteAnswer<'POST /terrain/deform'>>>;
    /** Test hook: SHA-256 of a chunk's voxels (read-only; POST /terrain/sync answers it too). */
    chunkHash(cx: number, cy: number, cz: number): Promise<Result<string>>;
    /** Test hook: terrain height of a column (read-only). */
    columnHeight(x: number, z: number): Promise<number>;
  };
  /** Test hook: the brush target of the active pointer this frame. */
  aim(): AimState;
  camera: {
    /** POST /camera/place: the player in the spacecraft, hovering still at this pose; yaw/pitch in degrees (yaw 0 looks toward −z). */
    set(position: Vec3, yawDeg: number, pitchDeg: number): Promise<Result<RouteAnswer<'POST /camera/place'>>>;
  };
  /** Seed 000 player routes (bodies use the seed's field names). */
  player: {
    /** GET /player/position. */
    position(): Promise<RouteAnswer<'GET /player/position'>>;
    spawn(body: unknown): Promise<Result<RouteAnswer<'POST /player/spawn'>>>;
    teleport(body: unknown): Promise<Result<RouteAnswer<'POST /player/teleport'>>>;
    mode(body: unknown): Promise<Result<RouteAnswer<'POST /player/mode'>>>;
  };
  /** Seed 000 scene routes. Loads resolve once the scene is playable. */
  scenes: {
    /** GET /scenes, the list. */
    list(): Promise<SceneListing[]>;
    load(body: unknown): Promise<Result<RouteAnswer<'POST /scene/load'>>>;
    reload(body?: unknown): Promise<Result<RouteAnswer<'POST /scene/reload'>>>;
    current(): Promise<Result<RouteAnswer<'GET /scene/current'>>>;
    history(): Promise<RouteAnswer<'GET /scene/history'>>;
    validate(body: unknown): Promise<Result<RouteAnswer<'POST /scene/validate'>>>;
  };
  vr: {
    /** GET /vr/tracking: headset and controllers in tracking space (tracking_valid false outside VR). */
    tracking(): Promise<RouteAnswer<'GET /vr/tracking'>>;
    recenter(): Promise<Result<RouteAnswer<'POST /vr/recenter'>>>;
  };
  settings: {
    /** GET /settings. */
    get(): Promise<Settings>;
    /** POST /settings: validates the whole patch; a bad field changes nothing. */
    update(patch: unknown): Promise<Result<Settings>>;
  };
  /** Multiplayer: the relay link. */
  net: {
    /** Test hook: the net store (connection state, world, edit_seq, players, chat). */
    state(): BridgeNetState;
    /** POST /connect: connect (or retry) and join the shared world. */
    connect(): Promise<Result<RouteAnswer<'POST /connect'>>>;
    /** POST /disconnect: leave; single-player afterwards. */
    disconnect(): Promise<Result<RouteAnswer<'POST /disconnect'>>>;
    /** Test hook: a chat line through the relay socket (chat has no HTTP route; the socket is its door). */
    chat(text: string): Promise<{ ok: true } | { ok: false; error: string }>;
    /** Test hook: the remote players as drawn now. */
    remotePlayers(): BridgeRemotePlayer[];
  };
  /** Test hook: fault injection (a crashed worker is replaced and replays the edit log). */
  workers: { crash(index: number): Result<{ index: number }> };
  /** Test hooks: the page's creatures (issue 13). */
  creatures: {
    state(): BridgeCreatureState;
    /** Crashes the creature worker; it is replaced with its creatures restored from the last snapshot. */
    crash(): Result<{ restarts: number }>;
  };
  /** Test hooks: rendering only, the simulation is not touched. */
  debug: {
    /** Hides the terrain so a test can prove its pixel check fails on a sky-only view. */
    setTerrainVisible(visible: boolean): void;
    /** Stops or resumes drawing frames; streaming and edits go on. */
    pauseRendering(paused: boolean): void;
  };
  xr: {
    enter(): Promise<void>;
    exit(): Promise<void>;
    /** Emulator controls; present only with ?xr=emulate. */
    emulator?: {
      setHeadset(pose: EmulatedPose): void;
      setController(hand: 'left' | 'right', pose: EmulatedPose): void;
      setButton(hand: 'left' | 'right', button: XrButton, value: number): void;
      /** Thumbstick deflection, −1..1 (y: pushed forward is −1). */
      setStick(hand: 'left' | 'right', x: number, y: number): void;
    };
  };
}

declare global {
  interface Window {
    spacetime?: SpacetimeBridge;
  }
}
