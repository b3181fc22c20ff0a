/**
 * What the control API (debugger, recorder, telemetry) plugs into the game loop. The game calls
 * these hooks; it does not know who implements them, so the game runs the same without a bridge.
 */
import type { PlayerInput } from '../engine/player/player-state.ts';

export interface SimControl {
  /** Once at the start of a playing frame, before any system: false holds the simulation this frame (debugger paused, replay running). */
  beginFrame(frame: number): boolean;
  /** Seconds to simulate this frame (a paused debugger's step is a fixed 1/60 s); may record the input. */
  frameSeconds(input: PlayerInput, dt: number): number;
  /** Once per rendered frame, from the control system, the frame loop's last (before three renders): telemetry and waiters. */
  endFrame(nowMs: number): void;
  /** A game-level action that a replay must repeat (a brush stroke, boarding by key). */
  action(method: 'POST', path: string, body: unknown): void;
}

/** Discrete game happenings the control API streams as telemetry events. */
export type GameEvent =
  | { type: 'scene_loaded'; scene_path: string; load_time_ms: number; reload: boolean }
  | { type: 'terrain_modified'; position: { x: number; y: number; z: number }; radius: number; strength: number; operation: string; voxels_modified: number; sequence: number }
  | { type: 'warning' | 'error'; message: string; source: string };

export type GameEventListener = (event: GameEvent) => void;

/** A listener set; events are rare, so each is a fresh object and listeners run in order. */
export class GameEvents {
  private readonly listeners = new Set<GameEventListener>();

  on(listener: GameEventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: GameEvent): void {
    for (const listener of this.listeners) {
      try { listener(event); } catch (e) { console.error('game event listener failed', e); }
    }
  }
}
