import type { Recenter } from '../app/recenter.ts';

/**
 * Where the head is, horizontally, relative to the player's feet in the body's own frame (yaw 0):
 * the headset's offset from the recenter point in the room, turned by minus the recenter heading.
 * The player sim turns it by the body's yaw (engine/player/vr-moves.ts), so snap turns and
 * teleports pivot on the head, not on a point the player may have stepped away from.
 */
export function headBodyOffset(headX: number, headZ: number, rc: Readonly<Recenter>, out: { headX: number; headZ: number }): void {
  const dx = headX - rc.x, dz = headZ - rc.z;
  const c = Math.cos(-rc.yawRad), s = Math.sin(-rc.yawRad);
  out.headX = dx * c + dz * s;
  out.headZ = -dx * s + dz * c;
}
