/**
 * The game's per-frame work outside the renderer: the player step under the control API's hooks
 * (held while the debugger pauses or a replay drives the player), and promises that wait N frames.
 */
import type { Game } from './game.ts';

export function stepSimulation(game: Game, dt: number): void {
  const control = game.control;
  game.simHeld = !!control && !control.beginFrame(game.counters.frame);
  if (game.simHeld) {
    // Mouse look gathered while held would all land on the first frame after.
    game.input.lookYaw = 0;
    game.input.lookPitch = 0;
    game.counters.physicsMs = 0;
    return;
  }
  const seconds = control ? control.frameSeconds(game.input, dt) : dt;
  const started = performance.now();
  game.player.step(seconds, game.input);
  game.counters.physicsMs = performance.now() - started;
}

/** Promises that resolve once the frame counter reaches their frame; tick() once per rendered frame. */
export class FrameWaiters {
  private readonly waiting: Array<{ until: number; resolve: () => void }> = [];

  wait(frame: number, count: number): Promise<void> {
    if (!Number.isInteger(count) || count < 0) return Promise.reject(new RangeError('count must be a non-negative integer'));
    return new Promise((resolve) => this.waiting.push({ until: frame + count, resolve }));
  }

  tick(frame: number): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (frame >= this.waiting[i].until) this.waiting.splice(i, 1)[0].resolve();
    }
  }
}
