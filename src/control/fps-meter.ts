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

  /** Fills `out` from the frames within the window before the newest one; zeros with no frames. */
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
      // Frames from before the window ending now do not count: a page that stopped drawing reads 0 fps, not its last rate.
      if (time <= nowMs - this.windowMs) break;
      if (i === 0) newest = time;
      else if (time <= newest - this.windowMs) break;
      oldest = time;
      physicsSum += this.physics[slot];
      renderSum += this.render[slot];
      frames++;
    }
    // Mean interval rather than a frame count: smooth at any rate and exact for a short window.
    const frameTime = frames > 1 ? (newest - oldest) / (frames - 1) : 0;
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
