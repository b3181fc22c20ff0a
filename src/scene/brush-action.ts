import type { Game } from '../app/game.ts';
import type { BrushOperation } from '../protocol/terrain.ts';

const REPEAT_MS = 180;
const STRENGTH = 4;

/**
 * Applies the brush at the current aim while a button is held, at most every REPEAT_MS and never
 * while the previous stroke is still being re-meshed (so held buttons cannot flood the workers).
 */
export class BrushAction {
  private busy = false;
  private last = -Infinity;

  tick(game: Game, operation: BrushOperation | null, now: number): void {
    if (!operation || this.busy || now - this.last < REPEAT_MS || !game.aim.hit) return;
    this.last = now;
    this.busy = true;
    const radius = game.store.getState().brushRadius;
    const { point, normal } = game.aim;
    // Building starts a little out of the surface so the new material grows toward the player.
    const lift = operation === 'add' ? radius * 0.35 : 0;
    const position = {
      x: point.x + normal.x * lift,
      y: point.y + normal.y * lift,
      z: point.z + normal.z * lift,
    };
    void game.deform({ position, radius, strength: STRENGTH, operation }).finally(() => {
      this.busy = false;
    });
  }
}
