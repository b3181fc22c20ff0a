import type { CameraPose } from '../engine/player/player-state.ts';
import type { Viewer } from '../threads/chunk-streamer.ts';

/** The streaming viewer at a camera pose: its position, and forward (−z) turned by its quaternion. */
export function viewerFromPose(pose: CameraPose, out: Viewer): Viewer {
  out.x = pose.x; out.y = pose.y; out.z = pose.z;
  const { qx, qy, qz, qw } = pose;
  out.dx = -2 * (qx * qz + qw * qy);
  out.dy = -2 * (qy * qz - qw * qx);
  out.dz = -(1 - 2 * (qx * qx + qy * qy));
  return out;
}
