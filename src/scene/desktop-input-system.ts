import type { FrameContext, System } from '../app/frame-loop.ts';
import type { HeldKeys } from '../app/frame-state.ts';
import type { PlayerInput } from '../engine/player/player-state.ts';

const axis = (keys: Set<string>, plus: string, minus: string) => (keys.has(plus) ? 1 : 0) - (keys.has(minus) ? 1 : 0);

/**
 * Held keys to player input (desktop only; in VR the locomotion system writes the input): WASD moves
 * (walking) or thrusts (spacecraft), Space jumps or climbs, Shift descends, Ctrl sprints or boosts,
 * Q/E roll the ship. The mouse's look is accumulated by the DOM listeners (desktop-input.ts). A
 * boarding key press latched by the listeners is acted on here, in frame order, unless the
 * simulation is held.
 */
export function createDesktopInputSystem(deps: { held: HeldKeys; input: PlayerInput; toggleBoarding(): void }): System {
  const { held, input: p } = deps;
  return {
    name: 'desktop-input',
    update(frame: FrameContext) {
      if (held.boardPressed) {
        held.boardPressed = false;
        if (frame.playing && !frame.held) deps.toggleBoarding();
      }
      if (frame.presenting) return;
      const keys = held.keys;
      p.moveX = axis(keys, 'KeyD', 'KeyA');
      p.moveZ = axis(keys, 'KeyW', 'KeyS');
      p.moveY = (keys.has('Space') ? 1 : 0) - (keys.has('ShiftLeft') || keys.has('ShiftRight') ? 1 : 0);
      p.jump = keys.has('Space');
      p.boost = keys.has('ControlLeft') || keys.has('ControlRight');
      p.roll = axis(keys, 'KeyE', 'KeyQ');
      p.turnYaw = 0;
      p.turnPitch = 0;
      p.headYaw = NaN;
      p.snapTurn = 0;
      p.headX = 0;
      p.headZ = 0;
      p.teleport = false;
    },
  };
}
