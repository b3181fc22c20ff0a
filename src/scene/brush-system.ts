import type { FrameContext, System } from '../app/frame-loop.ts';
import type { FrameState } from '../app/frame-state.ts';
import type { GameStore } from '../state/game-store.ts';
import type { BrushEdit, EditOutcome } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';

const REPEAT_MS = 180;
const STRENGTH = 4;

/**
 * Uses the tool the aim systems chose at the aim point while it is held: at most every REPEAT_MS
 * and never while the previous stroke is still being re-meshed (so held buttons cannot flood the
 * workers). Waits while the simulation is held.
 */
/** `refused` tells the player why a stroke did not happen when it is something they can act on (no soil to build with). */
export function createBrushSystem(deps: {
  frame: Pick<FrameState, 'aim' | 'tool'>; store: GameStore; deform(edit: BrushEdit): Promise<Result<EditOutcome>>; refused?(message: string): void;
}): System {
  const { aim, tool } = deps.frame;
  let busy = false;
  let last = -Infinity;
  const done = () => void (busy = false);
  return {
    name: 'brush',
    update(frame: FrameContext) {
      const operation = tool.operation;
      if (!frame.playing || frame.held || !operation || busy || frame.nowMs - last < REPEAT_MS || !aim.hit) return;
      last = frame.nowMs;
      busy = true;
      const radius = deps.store.getState().brushRadius;
      const { point, normal } = aim;
      // Building starts a little out of the surface so the new material grows toward the player.
      const lift = operation === 'add' ? radius * 0.35 : 0;
      const position = { x: point.x + normal.x * lift, y: point.y + normal.y * lift, z: point.z + normal.z * lift };
      void deps.deform({ position, radius, strength: STRENGTH, operation }).then((r) => {
        if (!r.ok && r.error.code === 'CONFLICT') deps.refused?.(r.error.message);
      }).finally(done);
    },
  };
}
