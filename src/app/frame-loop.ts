/**
 * One frame loop: named systems run in the order app/systems.ts declares, once per rendered frame,
 * from a single R3F frame callback. Before them the loop counts the frame and asks the control API
 * whether the simulation runs this frame (the debugger may pause it, a replay drives it itself);
 * every system sees that answer in the same FrameContext, so nothing acts a frame late.
 */
import type { Camera, WebGLRenderer } from 'three';
import type { SimControl } from './sim-control.ts';
import type { FrameCounters } from './frame-state.ts';

export interface FrameContext {
  /** Seconds since the previous frame (as the renderer measured it). */
  dt: number;
  /** performance.now() at the start of the frame. */
  nowMs: number;
  frame: number;
  /** An immersive (VR) session is presenting. */
  presenting: boolean;
  /** This frame's XRFrame while presenting. */
  xrFrame: XRFrame | undefined;
  /** A world scene is running and the player may act (not loading, not the menu). */
  playing: boolean;
  /** The control API holds the simulation this frame: the player step, brushes, boarding and VR locomotion wait. */
  held: boolean;
  /** The renderer's camera (in VR, the headset's as of the last render). */
  camera: Camera;
  gl: WebGLRenderer;
}

/** A unit of per-frame work: made by a createXSystem(deps) factory, given only what it needs. */
export interface System {
  readonly name: string;
  update(frame: FrameContext): void;
}

export interface FrameLoopDeps {
  counters: FrameCounters;
  /** The control API's hooks, once the bridge is installed. */
  control(): SimControl | null;
  playing(): boolean;
}

const MAX_FRAME_SECONDS = 1;

export class FrameLoop {
  private readonly ctx: FrameContext;

  constructor(readonly systems: readonly System[], private readonly deps: FrameLoopDeps, camera: Camera, gl: WebGLRenderer) {
    const names = new Set(systems.map((s) => s.name));
    if (names.size !== systems.length) throw new Error('two systems share a name');
    this.ctx = { dt: 0, nowMs: 0, frame: 0, presenting: false, xrFrame: undefined, playing: false, held: false, camera, gl };
  }

  run(dt: number, camera: Camera, xrFrame: XRFrame | undefined): void {
    const { counters } = this.deps;
    const ctx = this.ctx;
    counters.frame++;
    if (xrFrame) counters.xrFrames++;
    // A stalled frame (a loaded machine, a hidden tab) counts as at most a second: the tick clock
    // would drop the rest anyway, and a recording stores the seconds that were simulated.
    ctx.dt = Math.min(dt, MAX_FRAME_SECONDS);
    ctx.nowMs = performance.now();
    ctx.frame = counters.frame;
    ctx.camera = camera;
    ctx.presenting = ctx.gl.xr.isPresenting;
    ctx.xrFrame = xrFrame;
    ctx.playing = this.deps.playing();
    const control = this.deps.control();
    ctx.held = ctx.playing && !!control && !control.beginFrame(counters.frame);
    const systems = this.systems;
    for (let i = 0; i < systems.length; i++) systems[i].update(ctx);
  }
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
