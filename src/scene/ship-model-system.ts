import type { Object3D } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { PlayerState } from '../engine/player/player-state.ts';

export interface ShipModelSystem extends System {
  /** The spacecraft model (set by the Spaceship component's ref). */
  attach(model: Object3D | null): void;
}

/** Poses the spacecraft model from the player state; drawn only from outside (from the pilot's seat the hull would fill the view). */
export function createShipModelSystem(deps: { player: { readonly state: Readonly<PlayerState> } }): ShipModelSystem {
  let model: Object3D | null = null;
  return {
    name: 'ship-model',
    attach: (m) => void (model = m),
    update(frame: FrameContext) {
      if (!model) return;
      const s = deps.player.state;
      model.visible = s.mode === 'walking' && frame.playing;
      model.position.set(s.ship.x, s.ship.y, s.ship.z);
      model.quaternion.set(s.ship.qx, s.ship.qy, s.ship.qz, s.ship.qw);
    },
  };
}
