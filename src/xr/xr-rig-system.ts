import { Quaternion, Vector3, type Group } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { Recenter } from '../app/recenter.ts';
import type { PlayerState } from '../engine/player/player-state.ts';
import type { SettingsStore } from '../state/settings.ts';

/** In the ship the head sits this far above the origin (a seated pilot). */
const COCKPIT_EYE = 1.2;
const up = new Vector3(0, 1, 0);
const shipQ = new Quaternion();
const turn = new Quaternion();
const offset = new Vector3();

export interface XrRigSystem extends System {
  /** The XR origin (tracking space in the world); controller poses are put in world space through it. */
  readonly origin: Group | null;
  attach(origin: Group | null): void;
}

/**
 * Places the XR origin from the player every frame: at the feet when walking, in the cockpit when
 * flying (yaw only with snap vertical, the full ship attitude without). The recenter point of the
 * tracking space is mapped onto the player, so the headset stands where the player stands.
 */
export function createXrRigSystem(deps: { player: { readonly state: Readonly<PlayerState> }; recenter: Readonly<Recenter>; settings: SettingsStore }): XrRigSystem {
  let origin: Group | null = null;
  return {
    name: 'xr-rig',
    get origin() { return origin; },
    attach: (o) => void (origin = o),
    update(_frame: FrameContext) {
      const o = origin;
      if (!o) return;
      const s = deps.player.state;
      const rc = deps.recenter;
      const { seated, seatedHeightOffset, snapVertical } = deps.settings.getState();
      const lift = seated ? seatedHeightOffset : 0;
      if (s.mode === 'walking') {
        o.quaternion.setFromAxisAngle(up, s.yaw - rc.yawRad);
        o.position.set(s.x, s.y + lift, s.z);
      } else {
        const ship = s.ship;
        shipQ.set(ship.qx, ship.qy, ship.qz, ship.qw);
        if (snapVertical) {
          // Keep only the heading: the horizon never tilts in the headset.
          offset.set(0, 0, -1).applyQuaternion(shipQ);
          shipQ.setFromAxisAngle(up, Math.atan2(-offset.x, -offset.z));
        }
        o.quaternion.copy(shipQ).multiply(turn.setFromAxisAngle(up, -rc.yawRad));
        offset.set(0, lift - COCKPIT_EYE, 0).applyQuaternion(shipQ);
        o.position.set(ship.x + offset.x, ship.y + offset.y, ship.z + offset.z);
      }
      // Shift so the recentred tracking point lands on the player.
      offset.set(rc.x, 0, rc.z).applyQuaternion(o.quaternion);
      o.position.sub(offset);
      o.updateMatrixWorld();
    },
  };
}
