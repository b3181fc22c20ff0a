/**
 * Plays an injected input sequence (POST /input/sequence) as a player's hands would: keys go
 * through the page's real keyboard listeners, mouse buttons and motion into the desktop controls
 * as if the pointer were locked, XR steps into the IWER emulator. `wait` lets frames pass.
 */
import type { Game } from '../app/game.ts';
import type { InputStep } from '../protocol/automation.ts';
import { fail, ok, type Result } from '../protocol/errors.ts';
import { applyMouseLook } from '../scene/desktop-input.ts';
import { settleWithin, type Emulator } from './control-context.ts';

/** A wait longer than this per frame asked for means frames have stopped (loading, rendering paused, hidden tab). */
const MS_PER_FRAME_LIMIT = 1000;

async function framesOrTimeout(game: Game, count: number): Promise<boolean> {
  return (await settleWithin(game.frames(count), 5000 + count * MS_PER_FRAME_LIMIT)) !== 'timeout';
}

const key = (type: 'keydown' | 'keyup', code: string) =>
  window.dispatchEvent(new KeyboardEvent(type, { code, key: code, bubbles: true }));

export async function playInput(game: Game, emulator: Emulator | undefined, steps: InputStep[]): Promise<Result<{ steps: number; frames: number }>> {
  if (!emulator && steps.some((s) => s.type.startsWith('xr_'))) {
    return fail('SERVICE_UNAVAILABLE', 'XR input needs the emulated headset: open the game with ?xr=emulate');
  }
  if (!game.scene && steps.some((s) => s.type === 'mouse')) {
    return fail('SERVICE_UNAVAILABLE', 'the 3D scene (and its desktop controls) has not loaded yet');
  }
  const { ready, renderPaused } = game.store.getState();
  const waits = steps.some((s) => s.type === 'wait' || ('action' in s && (s.action === 'press' || s.action === 'click')));
  if (waits && (!ready || renderPaused)) return fail('SERVICE_UNAVAILABLE', 'no frames are being drawn (a scene is loading or rendering is paused), so frame waits cannot pass');
  const frames = async (n: number) => {
    if (!(await framesOrTimeout(game, n))) throw new FramesStopped();
  };
  const startFrame = game.frame.counters.frame;
  try {
    await playSteps(game, emulator, steps, frames);
  } catch (e) {
    if (e instanceof FramesStopped) return fail('SERVICE_UNAVAILABLE', `frames stopped after ${game.frame.counters.frame - startFrame} frames; the steps before that were played`);
    throw e;
  }
  return ok({ steps: steps.length, frames: game.frame.counters.frame - startFrame });
}

class FramesStopped extends Error {}

async function playSteps(game: Game, emulator: Emulator | undefined, steps: InputStep[], frames: (n: number) => Promise<void>) {
  for (const step of steps) {
    switch (step.type) {
      case 'key':
        if (step.action !== 'up') key('keydown', step.code);
        if (step.action === 'press') await frames(1);
        if (step.action !== 'down') key('keyup', step.code);
        break;
      case 'mouse': {
        const { buttons, clicked } = game.frame.held;
        if (step.action !== 'up') { buttons.add(step.button); clicked.add(step.button); }
        if (step.action === 'click') await frames(1);
        if (step.action !== 'down') buttons.delete(step.button);
        break;
      }
      case 'look':
        applyMouseLook(game.frame.input, game.settings, step.dx, step.dy);
        break;
      case 'wait':
        await frames(step.frames);
        break;
      case 'xr_pose':
        if (step.device === 'headset') emulator!.setHeadset(step);
        else emulator!.setController(step.device, step);
        break;
      case 'xr_button':
        emulator!.setButton(step.hand, step.button, step.value);
        break;
      case 'xr_stick':
        emulator!.setStick(step.hand, step.x, step.y);
        break;
    }
  }
}
