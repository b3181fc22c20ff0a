import type { Result } from './errors.ts';
import type { Vec3 } from './vec3.ts';
import type { BrushEdit, EditOutcome, TerrainInfo } from './terrain.ts';
import type { PlayerMode, PlayerSnapshot } from './player.ts';
import type { SceneCurrent, SceneHistory, SceneLoadResult, SceneReloadResult, SceneValidation } from './scenes.ts';
import type { VrRecenterResult, VrTracking } from './vr.ts';
import type { Settings } from './settings.ts';
import type { ApiResponse } from './api.ts';
import type { GameSnapshot, XR_BUTTONS } from './automation.ts';
import type { GameStateView } from './debug.ts';
import type { TelemetryConfigPatch, TelemetryEvent, TelemetryEventMessage, TelemetryServerMessage } from './telemetry.ts';

export const BRIDGE_VERSION = '0.2.0';

/** A telemetry connection speaking seed 000's WebSocket protocol, in page (the relay carries the same over a socket). */
export interface TelemetryPort {
  readonly id: string;
  /** A client message: auth, subscribe, unsubscribe, get_snapshot, configure, ping (object or JSON text). */
  send(message: unknown): void;
  close(): void;
}

export interface RateLimitSettings { general: number; write: number; windowSeconds: number }

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
  /** Seed limits by default (100/min, writes 10/min); tests that send many writes raise them. */
  rateLimits: { get(): RateLimitSettings; set(limits: Partial<RateLimitSettings>): RateLimitSettings };
  /** Resolves when the spawn area is meshed and the camera placed. */
  ready: Promise<void>;
  state(): BridgeState;
  /** Resolves after `count` more rendered frames. */
  frames(count: number): Promise<void>;
  terrain: {
    info(position: Vec3): Promise<Result<TerrainInfo>>;
    /** Applies a brush; resolves once every touched chunk is re-meshed and in the scene. */
    deform(edit: BrushEdit | unknown): Promise<Result<EditOutcome>>;
    chunkHash(cx: number, cy: number, cz: number): Promise<Result<string>>;
    columnHeight(x: number, z: number): Promise<number>;
  };
  /** The brush target of the active pointer this frame. */
  aim(): AimState;
  camera: {
    /** Puts the player in the spacecraft, hovering still at this pose; yaw/pitch in degrees (yaw 0 looks toward −z). */
    set(position: Vec3, yawDeg: number, pitchDeg: number): Result<Vec3>;
  };
  /** Seed 000 player routes' game side (bodies use the seed's field names). */
  player: {
    position(): PlayerSnapshot;
    spawn(body: unknown): Result<{ player_id: string; position: Vec3; mode: PlayerMode }>;
    teleport(body: unknown): Result<{ player_id: string; new_position: Vec3 }>;
    mode(body: unknown): Result<{ player_id: string; mode: PlayerMode }>;
  };
  /** Seed 000 scene routes' game side. Loads resolve once the scene is playable. */
  scenes: {
    list(): SceneListing[];
    load(body: unknown): Promise<Result<SceneLoadResult>>;
    reload(body?: unknown): Promise<Result<SceneReloadResult>>;
    current(): Result<SceneCurrent>;
    history(): SceneHistory;
    validate(body: unknown): Result<SceneValidation>;
  };
  vr: {
    /** Headset and controllers in tracking space (tracking_valid false outside VR). */
    tracking(): VrTracking;
    recenter(): Result<VrRecenterResult>;
  };
  settings: {
    get(): Settings;
    /** Validates the whole patch; a bad field changes nothing. */
    update(patch: unknown): Result<Settings>;
  };
  workers: { crash(index: number): Result<{ index: number }> };
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
