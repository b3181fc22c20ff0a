import { Vector3 } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { FrameState } from '../app/frame-state.ts';
import type { GameStore } from '../state/game-store.ts';
import type { TerrainBatch } from './terrain-batch.ts';
import { emptyHit, type RayHit } from './terrain-raycast.ts';
import type { AimState } from '../protocol/bridge.ts';

export const AIM_RANGE = 64;
const direction = new Vector3();
const hit = emptyHit();

/** Copies a ray-cast hit into the aim record the brush, preview, HUD and bridge read. */
export function writeAim(aim: AimState, source: AimState['source'], h: RayHit): void {
  aim.source = source;
  aim.hit = h.hit;
  aim.distance = h.distance;
  aim.point.x = h.x; aim.point.y = h.y; aim.point.z = h.z;
  aim.normal.x = h.nx; aim.normal.y = h.ny; aim.normal.z = h.nz;
}

/**
 * On the desktop: aims through the crosshair (the camera the player step just placed) and picks
 * the tool from the held mouse buttons: left uses the selected tool, right builds.
 */
export function createDesktopAimSystem(deps: { batch: TerrainBatch; frame: Pick<FrameState, 'camera' | 'aim' | 'tool' | 'held'>; store: GameStore }): System {
  const { aim, tool, held, camera: pose } = deps.frame;
  return {
    name: 'desktop-aim',
    update(frame: FrameContext) {
      if (frame.presenting) return;
      frame.camera.getWorldDirection(direction);
      deps.batch.raycaster.cast(pose.x, pose.y, pose.z, direction.x, direction.y, direction.z, AIM_RANGE, hit);
      writeAim(aim, 'desktop', hit);
      const buttons = held.buttons;
      // In build mode the buttons place and cancel structures (placement-system.ts), not the terrain tools.
      const st = deps.store.getState();
      tool.operation = st.build.type ? null : buttons.has(0) ? st.tool : buttons.has(2) ? 'add' : null;
    },
  };
}
