import { createStore } from 'zustand/vanilla';
import type { BrushOperation } from '../protocol/terrain.ts';
import type { SceneName } from '../protocol/scenes.ts';
import type { StructureTypeId } from '../engine/base/structure-types.ts';

/** A desktop panel over the view: the build menu (B), the inventory (I) or the creature command wheel (C). */
export type GamePanel = 'build' | 'inventory' | 'commands';

/** What the placement preview says about the spot aimed at (null while not building or not aiming at ground). */
export interface PlacementVerdict { ok: boolean; message: string }

export interface XrSupport {
  supported: boolean;
  /** Why Enter VR is disabled, shown next to the button. */
  reason: string | null;
}

/** Slow-changing state the UI shows. Per-frame data never goes through here. */
export interface GameState {
  loading: { wanted: number; meshed: number };
  /** The running scene is loaded and the player placed (false while a scene loads). */
  ready: boolean;
  /** Scene running or loading (null before the first load starts). */
  scene: SceneName | null;
  /** Streaming radius of the running scene (the fog follows it). */
  viewDistance: number;
  /** A short message across the screen (death, respawn); null when none. */
  banner: string | null;
  tool: BrushOperation;
  brushRadius: number;
  xr: XrSupport;
  pointerLocked: boolean;
  /** Stops drawing frames (tools and benchmarks: isolates worker throughput from rendering). */
  renderPaused: boolean;
  /** The structure being placed (build mode) and its yaw in degrees; null type = the terrain tools. */
  build: { type: StructureTypeId | null; yaw: number };
  placement: PlacementVerdict | null;
  panel: GamePanel | null;
  /** The creature under the crosshair (desktop) or nearest in front (VR), by its n; null for none. */
  aimedCreature: number | null;
  setTool(tool: BrushOperation): void;
  setBrushRadius(radius: number): void;
  /** Starts placing a structure type (null: back to the terrain tools). */
  setBuildType(type: StructureTypeId | null): void;
  /** Turns the structure being placed by 45°. */
  rotateBuild(): void;
  togglePanel(panel: GamePanel): void;
}

export const createGameStore = () =>
  createStore<GameState>()((set) => ({
    loading: { wanted: 0, meshed: 0 },
    ready: false,
    scene: null,
    viewDistance: 160,
    banner: null,
    tool: 'remove',
    brushRadius: 3,
    xr: { supported: false, reason: 'Checking for WebXR…' },
    pointerLocked: false,
    renderPaused: false,
    build: { type: null, yaw: 0 },
    placement: null,
    panel: null,
    aimedCreature: null,
    // Picking a terrain tool leaves build mode.
    setTool: (tool) => set((s) => ({ tool, build: { ...s.build, type: null }, placement: null })),
    setBuildType: (type) => set((s) => ({ build: { ...s.build, type }, placement: null })),
    rotateBuild: () => set((s) => ({ build: { ...s.build, yaw: (s.build.yaw + 45) % 360 } })),
    togglePanel: (panel) => set((s) => ({ panel: s.panel === panel ? null : panel })),
    setBrushRadius: (radius) => set({ brushRadius: Math.min(8, Math.max(1, radius)) }),
  }));

export type GameStore = ReturnType<typeof createGameStore>;

/** A world scene is running and the player may act (not loading, not the title menu). */
export const isPlaying = (s: GameState): boolean => s.ready && s.scene !== null && s.scene !== 'menu';
