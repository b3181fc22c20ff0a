import type { FrameContext, System } from './frame-loop.ts';
import type { FrameCounters } from './frame-state.ts';
import type { FrameWaiters } from './frame-loop.ts';
import type { SimControl } from './sim-control.ts';

/**
 * Last in the frame, before three renders: the previous render's draw counts, the promises waiting
 * on frames, and the control API's end of frame (FPS meter, telemetry, waitFor predicates).
 */
export function createControlSystem(deps: { counters: FrameCounters; waiters: FrameWaiters; control(): SimControl | null }): System {
  const { counters } = deps;
  return {
    name: 'control',
    update(frame: FrameContext) {
      // three resets its counts at the start of each render, so these are the last frame's.
      counters.drawCalls = frame.gl.info.render.calls;
      counters.triangles = frame.gl.info.render.triangles;
      deps.waiters.tick(counters.frame);
      deps.control()?.endFrame(performance.now());
    },
  };
}
