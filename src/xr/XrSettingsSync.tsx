import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useStore } from 'zustand';
import type { Game } from '../app/game.ts';

/**
 * Applies the display settings to a running VR session: the target frame rate (where the browser
 * offers updateTargetFrameRate and the headset lists the rate) and fixed foveation.
 */
export function XrSettingsSync({ game }: { game: Game }) {
  const gl = useThree((s) => s.gl);
  const session = useXR((s) => s.session);
  const rate = useStore(game.settings, (s) => s.targetFrameRate);
  const foveation = useStore(game.settings, (s) => s.foveation);
  useEffect(() => {
    if (!session?.updateTargetFrameRate) return;
    const supported = session.supportedFrameRates;
    if (supported && !Array.from(supported).includes(rate)) return;
    session.updateTargetFrameRate(rate).catch((e: Error) => console.warn(`frame rate ${rate} Hz refused: ${e.message}`));
  }, [session, rate]);
  useEffect(() => {
    gl.xr.setFoveation(foveation);
  }, [gl, session, foveation]);
  return null;
}
