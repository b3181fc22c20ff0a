import { ok, fail, type Result } from '../protocol/errors.ts';
import type { VrRecenterResult, VrTracking } from '../protocol/vr.ts';
import { DEG } from '../engine/player/angles.ts';

/**
 * The tracking-space point and heading that map onto the player's position and facing. The XR
 * origin is placed so that this point lands on the player: after a recenter the headset stands
 * exactly where the player is and looks where the player looks, wherever it was in the room.
 */
export interface Recenter { x: number; z: number; yawRad: number }

export const createRecenter = (): Recenter => ({ x: 0, z: 0, yawRad: 0 });


export function recenterFromTracking(tracking: VrTracking, out: Recenter): Result<VrRecenterResult> {
  const head = tracking.headset;
  if (!head.tracking_valid) return fail('SERVICE_UNAVAILABLE', 'no tracked headset: enter VR first');
  out.x = head.position.x;
  out.z = head.position.z;
  out.yawRad = head.rotation.y * DEG;
  return ok({ new_center: { x: out.x, y: 0, z: out.z } });
}
