/**
 * VR snap turns and arc teleports as player input, so they are collision-checked by the sim and
 * recorded and replayed like any other input. Both pivot on the head: the input carries the head's
 * horizontal offset from the feet in the body's own frame (yaw 0), which the sim turns by its yaw.
 * A turn moves the feet by the change of that offset so the view spins in place; a teleport puts
 * the head, not the feet, on the target.
 */
import { cos, sin, wrapAngle } from './angles.ts';
import { teleport } from './player-commands.ts';
import type { PlayerInput } from './player-state.ts';
import type { SimParts } from './placement.ts';
import { CAPSULE_SHAPE } from './walker.ts';

/** World-space offset of the head from the feet for a body yaw (yaw 0 looks toward −z, positive turns left). */
function headX(yaw: number, bx: number, bz: number): number {
  return bx * cos(yaw) + bz * sin(yaw);
}
function headZ(yaw: number, bx: number, bz: number): number {
  return -bx * sin(yaw) + bz * cos(yaw);
}

/** Applies and consumes this frame's snap turn and teleport request (walking only; the ship ignores them). */
export function applyVrMoves(p: SimParts, input: PlayerInput): void {
  const turn = input.snapTurn || 0;
  const jump = input.teleport;
  input.snapTurn = 0;
  input.teleport = false;
  const s = p.state;
  if (s.mode !== 'walking') return;
  const bx = input.headX || 0, bz = input.headZ || 0;
  if (turn !== 0) {
    const yaw = wrapAngle(s.yaw + turn);
    const x = s.x + headX(s.yaw, bx, bz) - headX(yaw, bx, bz);
    const z = s.z + headZ(s.yaw, bx, bz) - headZ(yaw, bx, bz);
    // Where the pivot shift would push the body into rock, it turns about the feet instead.
    if (p.mover.fits(x, s.y, z, CAPSULE_SHAPE)) {
      s.x = x;
      s.z = z;
      p.snapPose();
    }
    s.yaw = yaw;
  }
  if (jump) {
    const tx = input.teleportX, ty = input.teleportY, tz = input.teleportZ;
    const landed = teleport(p, { x: tx - headX(s.yaw, bx, bz), y: ty, z: tz - headZ(s.yaw, bx, bz) });
    // The head's spot may be inside a wall next to the target; the target itself was checked by the arc.
    if (!landed.ok) teleport(p, { x: tx, y: ty, z: tz });
  }
}
