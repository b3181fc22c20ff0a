import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { Game } from '../app/game.ts';
import { createDesktopInput } from './desktop-input.ts';
import { BrushAction } from './brush-action.ts';

const axis = (keys: Set<string>, plus: string, minus: string) => (keys.has(plus) ? 1 : 0) - (keys.has(minus) ? 1 : 0);

/**
 * Keyboard and mouse to player input: WASD moves (walking) or thrusts (spacecraft), Space jumps or
 * climbs, Shift descends, Ctrl sprints or boosts, Q/E roll the ship; the mouse looks (accumulated by
 * desktop-input). After the player step, left click uses the tool at the crosshair, right click builds.
 */
export function DesktopControls({ game }: { game: Game }) {
  const gl = useThree((s) => s.gl);

  useEffect(() => {
    const created = createDesktopInput(gl.domElement, game);
    game.desktop = created;
    return () => {
      created.dispose();
      if (game.desktop === created) game.desktop = null;
    };
  }, [gl, game]);

  // Runs before the player step (priority order of mounting): fills this frame's input.
  useFrame((state) => {
    if (state.gl.xr.isPresenting) return;
    const keys = game.desktop?.keys;
    const p = game.input;
    if (!keys) return;
    p.moveX = axis(keys, 'KeyD', 'KeyA');
    p.moveZ = axis(keys, 'KeyW', 'KeyS');
    p.moveY = (keys.has('Space') ? 1 : 0) - (keys.has('ShiftLeft') || keys.has('ShiftRight') ? 1 : 0);
    p.jump = keys.has('Space');
    p.boost = keys.has('ControlLeft') || keys.has('ControlRight');
    p.roll = axis(keys, 'KeyE', 'KeyQ');
    p.turnYaw = 0;
    p.turnPitch = 0;
    p.headYaw = NaN;
  });
  return null;
}

/** Mounted after the player view so the aim it uses is this frame's. */
export function DesktopBrush({ game }: { game: Game }) {
  const brush = useRef(new BrushAction());
  useFrame((state) => {
    if (state.gl.xr.isPresenting || !game.playing() || game.simHeld) return;
    const buttons = game.desktop?.buttons;
    const op = buttons?.has(0) ? game.store.getState().tool : buttons?.has(2) ? 'add' : null;
    brush.current.tick(game, op, performance.now());
  });
  return null;
}
