/**
 * The sim's few discrete happenings, for the HUD, sounds and the control API's event stream.
 * Events are rare (never per tick), so each one is a fresh plain object.
 */
import type { PlayerMode } from '../../protocol/player.ts';
import type { Vec3 } from '../../protocol/vec3.ts';
import type { DamageCause } from './vitals.ts';

export type PlayerEvent =
  | { type: 'died'; cause: DamageCause; position: Vec3; deaths: number }
  | { type: 'respawned'; position: Vec3 }
  | { type: 'mode'; mode: PlayerMode; previous: PlayerMode }
  | { type: 'landed'; position: Vec3 }
  | { type: 'damaged'; amount: number; cause: DamageCause; health: number };

export type PlayerListener = (event: PlayerEvent) => void;

export class PlayerEvents {
  private readonly listeners = new Set<PlayerListener>();

  /** Subscribes; returns the unsubscribe function. */
  on(listener: PlayerListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  emit(event: PlayerEvent): void {
    // A throwing listener must not leave the sim half way through a tick.
    for (const listener of this.listeners) {
      try { listener(event); } catch (e) { console.error('player event listener failed', e); }
    }
  }
}
