import { createXRStore } from '@react-three/xr';
import type { Settings } from '../protocol/settings.ts';

/**
 * Our own controller bodies and rays are read straight from the XRFrame (XrControllers), so the
 * library's default controller, hand and pointer components are off: they would fetch controller
 * models from a CDN, which a Quest on a LAN or a test machine without internet cannot reach.
 */
export const createGameXrStore = (softwareRenderer: boolean, settings: Pick<Settings, 'foveation'>) =>
  createXRStore({
    emulate: false,
    offerSession: false,
    controller: false,
    hand: false,
    gaze: false,
    screenInput: false,
    transientPointer: false,
    frameRate: 'high',
    // Input-profile layouts are served by the game itself (see scripts/xr-profiles-plugin.ts).
    baseAssetPath: new URL(`${import.meta.env.BASE_URL}xr-profiles/`, location.origin).href,
    // The session's starting value; XrSettingsSync applies later changes and the target frame rate.
    foveation: settings.foveation,
    // A software rasteriser cannot fill two headset-sized eye buffers; draw them small there.
    frameBufferScaling: softwareRenderer ? 0.2 : undefined,
  });

export type GameXrStore = ReturnType<typeof createGameXrStore>;
