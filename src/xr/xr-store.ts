import { createXRStore } from '@react-three/xr';

/**
 * Our own controller bodies and rays are read straight from the XRFrame (XrControllers), so the
 * library's default controller, hand and pointer components are off: they would fetch controller
 * models from a CDN, which a Quest on a LAN or a test machine without internet cannot reach.
 */
export const createGameXrStore = () =>
  createXRStore({
    emulate: false,
    offerSession: false,
    controller: false,
    hand: false,
    gaze: false,
    screenInput: false,
    transientPointer: false,
    frameRate: 'high',
    foveation: 1,
  });

export type GameXrStore = ReturnType<typeof createGameXrStore>;
