import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Game } from '../app/game.ts';
import { listenDesktopInput } from './desktop-input.ts';

/** Installs the desktop's keyboard and mouse listeners on the canvas (the desktop input system reads what they hold). */
export function DesktopControls({ game }: { game: Game }) {
  const gl = useThree((s) => s.gl);
  useEffect(
    () => listenDesktopInput(gl.domElement, { held: game.frame.held, input: game.frame.input, settings: game.settings, store: game.store }),
    [gl, game],
  );
  return null;
}
