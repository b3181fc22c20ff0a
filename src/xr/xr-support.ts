import type { XrSupport } from '../state/game-store.ts';

/** Whether immersive-vr can start here, and if not, a reason a player can act on. */
export async function detectXrSupport(): Promise<XrSupport> {
  if (!window.isSecureContext) {
    return { supported: false, reason: 'VR needs HTTPS (this page is not a secure context)' };
  }
  if (!navigator.xr) return { supported: false, reason: 'This browser has no WebXR' };
  try {
    const supported = await navigator.xr.isSessionSupported('immersive-vr');
    return supported ? { supported: true, reason: null } : { supported: false, reason: 'No VR headset found' };
  } catch (error) {
    return { supported: false, reason: `WebXR refused: ${(error as Error).message}` };
  }
}
