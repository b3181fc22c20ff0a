import type { FrameContext, System } from '../app/frame-loop.ts';
import type { VrTracking } from '../protocol/vr.ts';
import { clearHand, createXrFrameInput, readXrFrame, writeTracking, type XrFrameInput } from './xr-frame-input.ts';

export interface XrInputSystem extends System {
  /** This frame's headset, controllers and hands in tracking space (owned here; others read). */
  readonly input: Readonly<XrFrameInput>;
}

/**
 * Reads the headset, controllers and hands once per frame from the XRFrame into `input` and the
 * seed-shaped tracking record (GET /vr/tracking). Runs first: every VR system reads what it wrote.
 */
export function createXrInputSystem(deps: { tracking: VrTracking }): XrInputSystem {
  const input = createXrFrameInput();
  return {
    name: 'xr-input',
    input,
    update(frame: FrameContext) {
      const space = frame.gl.xr.getReferenceSpace();
      const presenting = frame.presenting && !!frame.xrFrame && !!space;
      if (presenting) readXrFrame(frame.xrFrame!, space!, input);
      else {
        input.headPresent = false;
        clearHand(input.left);
        clearHand(input.right);
      }
      writeTracking(input, presenting, deps.tracking);
    },
  };
}
