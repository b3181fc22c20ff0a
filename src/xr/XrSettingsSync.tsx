import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useStore } from 'zustand';
import type { Game } from '../app/game.ts';

/**
 * Applies the display settings to a running VR session: the target frame rate (where the browser
 * offers updateTargetFrameRate and the headset lists the rate) and fixed foveation. Also clears
 * our recenter point when the system recenters the reference space.
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
  useEffect(() => {
    // The headset's own recenter (holding the Meta button) resets the reference space: the room is
    // already re-aligned, so our recenter point would now be applied twice. Start again from zero.
    const space = session ? gl.xr.getReferenceSpace() : null;
    if (!space) return;
    const onReset = () => Object.assign(game.recenter, { x: 0, z: 0, yawRad: 0 });
    space.addEventListener('reset', onReset);
    return () => space.removeEventListener('reset', onReset);
  }, [gl, session, game]);
  return null;
}
