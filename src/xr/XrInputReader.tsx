import { useFrame } from '@react-three/fiber';
import type { Game } from '../app/game.ts';
import { useMemo } from 'react';
import { clearHand, createXrFrameInput, readXrFrame, writeTracking } from './xr-frame-input.ts';

/**
 * Reads the headset, controllers and hands once per XR frame into game.xrInput (tracking space) and
 * the seed-shaped game.tracking record. Mounted before every component that uses them.
 */
export function XrInputReader({ game }: { game: Game }) {
  useMemo(() => {
    game.xrInput ??= createXrFrameInput();
  }, [game]);
  useFrame((state, _delta, frame?: XRFrame) => {
    const input = game.xrInput!;
    const space = state.gl.xr.getReferenceSpace();
    const presenting = state.gl.xr.isPresenting && !!frame && !!space;
    if (presenting) readXrFrame(frame!, space!, input);
    else {
      input.headPresent = false;
      clearHand(input.left);
      clearHand(input.right);
    }
    writeTracking(input, presenting, game.tracking);
  });
  return null;
}
