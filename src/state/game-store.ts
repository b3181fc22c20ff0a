import { createStore } from 'zustand/vanilla';
import type { BrushOperation } from '../protocol/terrain.ts';
import type { SceneName } from '../protocol/scenes.ts';

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
  setTool(tool: BrushOperation): void;
  setBrushRadius(radius: number): void;
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
    setTool: (tool) => set({ tool }),
    setBrushRadius: (radius) => set({ brushRadius: Math.min(8, Math.max(1, radius)) }),
  }));

export type GameStore = ReturnType<typeof createGameStore>;

/** A world scene is running and the player may act (not loading, not the title menu). */
export const isPlaying = (s: GameState): boolean => s.ready && s.scene !== null && s.scene !== 'menu';
