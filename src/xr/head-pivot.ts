import type { Recenter } from '../app/recenter.ts';

/**
 * Where the head is, horizontally, relative to the player's position: the headset's offset from
 * the recenter point in the room, turned by the rig's yaw (player yaw minus the recenter heading).
 * Snap turns and teleports use it so they pivot on the head, not on a point the player may have
 * stepped away from.
 */
export function headOffset(rigYaw: number, headX: number, headZ: number, rc: Recenter, out: { x: number; z: number }): void {
  const dx = headX - rc.x, dz = headZ - rc.z;
  const c = Math.cos(rigYaw), s = Math.sin(rigYaw);
  out.x = dx * c + dz * s;
  out.z = -dx * s + dz * c;
}
