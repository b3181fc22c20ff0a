/**
 * The one fixed-tick clock the game's simulations share (noa's pattern): each frame adds its
 * seconds, whole ticks come out (at most maxTicks; the rest is dropped, so a long stall does not
 * replay seconds of catch-up at once), and `alpha` is how far the render sits between the last
 * tick and the next, for interpolation. Fixed ticks make results independent of the frame rate.
 */
export class TickClock {
  /** Seconds of frame time not yet simulated (< one tick after each advance). */
  private acc = 0;

  constructor(readonly tickSeconds: number, readonly maxTicks: number) {}

  /** Adds a frame's seconds (capped at 1) and returns how many ticks to run now. */
  advance(dt: number): number {
    const tick = this.tickSeconds;
    if (dt > 0) this.acc += Math.min(dt, 1);
    let ticks = 0;
    while (this.acc >= tick && ticks < this.maxTicks) {
      this.acc -= tick;
      ticks++;
    }
    if (this.acc >= tick) this.acc %= tick;
    return ticks;
  }

  /** 0..1: the render's place between the last tick and the next. */
  get alpha(): number {
    return this.acc / this.tickSeconds;
  }

  /** Forgets unsimulated time, so a recording and its replay start their ticks at the same instant. */
  reset(): void {
    this.acc = 0;
  }
}
