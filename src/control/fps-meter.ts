import type { FpsData } from '../protocol/telemetry.ts';

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Frame timing over a sliding window (the last second by default), for the telemetry `fps` event.
 * Typed-array ring, so recording a frame never allocates inside the render loop.
 */
export class FpsMeter {
  private readonly times: Float64Array;
  private readonly physics: Float32Array;
  private readonly render: Float32Array;
  /** Slot the next frame goes into. */
  private head = 0;
  private count = 0;

  /** `capacity` bounds the frames averaged; above capacity/window fps the window just gets shorter. */
  constructor(capacity = 240, private readonly windowMs = 1000) {
    this.times = new Float64Array(capacity);
    this.physics = new Float32Array(capacity);
    this.render = new Float32Array(capacity);
  }

  /** Records one rendered frame: its start time and how long physics and rendering took. */
  frame(nowMs: number, physicsMs: number, renderMs: number): void {
    const capacity = this.times.length;
    // A clock that jumps back (tab restored, test reset) would make negative intervals: start over.
    if (this.count > 0 && nowMs < this.times[(this.head + capacity - 1) % capacity]) this.reset();
    this.times[this.head] = nowMs;
    this.physics[this.head] = physicsMs;
    this.render[this.head] = renderMs;
    this.head = (this.head + 1) % capacity;
    if (this.count < capacity) this.count++;
  }

  /**
   * Fills `out` from the newest frames: those within the window before the newest one, and always
   * the one before it, so any two frames give a rate however slow they are (a software renderer
   * can take over a second per frame). With `nowMs`, the time since the newest frame began bounds
   * the interval from below: a page that stopped drawing reads a rate falling toward 0
   * (1000 / ms since its last frame), never its last rate. Zeros with no frames; fps 0 with one frame
   * read at the moment it began (or without `nowMs`).
   */
  read(out: FpsData, nowMs = -Infinity): FpsData {
    const capacity = this.times.length;
    let frames = 0;
    let physicsSum = 0;
    let renderSum = 0;
    let newest = 0;
    let oldest = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = (this.head + capacity - 1 - i) % capacity;
      const time = this.times[slot];
      if (i === 0) newest = time;
      else if (i > 1 && time <= newest - this.windowMs) break;
      oldest = time;
      physicsSum += this.physics[slot];
      renderSum += this.render[slot];
      frames++;
    }
    // Mean interval rather than a frame count: smooth at any rate and exact for a short window.
    const mean = frames > 1 ? (newest - oldest) / (frames - 1) : 0;
    const frameTime = frames > 0 ? Math.max(mean, nowMs - newest) : 0;
    out.fps = frameTime > 0 ? round2(1000 / frameTime) : 0;
    out.frame_time_ms = round2(frameTime);
    out.physics_time_ms = frames > 0 ? round2(physicsSum / frames) : 0;
    out.render_time_ms = frames > 0 ? round2(renderSum / frames) : 0;
    return out;
  }

  reset(): void {
    this.head = 0;
    this.count = 0;
  }
}
