import { createStore } from 'zustand/vanilla';
import type { BrushOperation } from '../protocol/terrain.ts';

export interface XrSupport {
  supported: boolean;
  /** Why Enter VR is disabled, shown next to the button. */
  reason: string | null;
}

/** Slow-changing state the UI shows. Per-frame data never goes through here. */
export interface GameState {
  loading: { wanted: number; meshed: number };
  ready: boolean;
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
    tool: 'remove',
    brushRadius: 3,
    xr: { supported: false, reason: 'Checking for WebXR…' },
    pointerLocked: false,
    renderPaused: false,
    setTool: (tool) => set({ tool }),
    setBrushRadius: (radius) => set({ brushRadius: Math.min(8, Math.max(1, radius)) }),
  }));

export type GameStore = ReturnType<typeof createGameStore>;
