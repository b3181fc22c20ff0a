/**
 * Sends the local player's pose to the relay at POSE_RATE_HZ, after the player step and the XR rig
 * have placed this frame's body and headset. What a pose means is the avatar renderer's contract
 * (scene/avatar-layout.ts): walking on the desktop, the feet and the view; in VR, the headset and
 * both hands as offsets from it in world axes; flying, the ship's centre and orientation. One
 * reused record buffer and reused three.js scratch objects: nothing is allocated per frame.
 */
import { Euler, Quaternion, Vector3 } from 'three';
import { POSE_RATE_HZ } from '../protocol/net/limits.ts';
import { createPose, writePose, yawPitchQuat, VR_POSE_BYTES } from '../protocol/net/pose-codec.ts';
import type { VrTracking, TrackedPose } from '../protocol/vr.ts';
import type { PlayerSim } from '../engine/player/player-sim.ts';
import type { System } from './frame-loop.ts';

export interface NetSystemDeps {
  player: PlayerSim;
  tracking: VrTracking;
  /** True while the shared world runs and the relay link is up (else nothing is sent). */
  live(): boolean;
  send(record: Uint8Array): void;
}

const PERIOD_MS = 1000 / POSE_RATE_HZ;
const DEG = Math.PI / 180;

export function createNetSystem(deps: NetSystemDeps): System {
  const { player, tracking } = deps;
  const pose = createPose();
  const buffer = new Uint8Array(VR_POSE_BYTES);
  const view = new DataView(buffer.buffer);
  const desktopRecord = buffer.subarray(0, 16);
  const head = new Vector3();
  const headQ = new Quaternion();
  const trackedHeadQ = new Quaternion();
  const yawFix = new Quaternion();
  const handQ = new Quaternion();
  const euler = new Euler(0, 0, 0, 'YXZ');
  const offset = new Vector3();
  let last = -Infinity;
  let seq = 0;

  const trackedQuat = (p: TrackedPose, out: Quaternion) => out.setFromEuler(euler.set(p.rotation.x * DEG, p.rotation.y * DEG, p.rotation.z * DEG, 'YXZ'));

  return {
    name: 'net',
    update(frame) {
      if (!deps.live() || frame.nowMs - last < PERIOD_MS) return;
      last = frame.nowMs;
      const s = player.state;
      const inVr = frame.presenting && tracking.headset.tracking_valid;
      pose.seq = seq = (seq + 1) & 0xff;
      pose.spacecraft = s.mode === 'spacecraft';
      pose.vr = inVr && !pose.spacecraft;
      if (pose.spacecraft) {
        pose.x = s.ship.x; pose.y = s.ship.y; pose.z = s.ship.z;
        pose.q.x = s.ship.qx; pose.q.y = s.ship.qy; pose.q.z = s.ship.qz; pose.q.w = s.ship.qw;
      } else if (pose.vr) {
        frame.camera.getWorldPosition(head);
        frame.camera.getWorldQuaternion(headQ);
        pose.x = head.x; pose.y = head.y; pose.z = head.z;
        pose.q.x = headQ.x; pose.q.y = headQ.y; pose.q.z = headQ.z; pose.q.w = headQ.w;
        // Tracking space differs from the world by the rig's turn: the rotation taking the tracked
        // head to the rendered one carries the controllers' offsets and orientations into world axes.
        yawFix.copy(headQ).multiply(trackedQuat(tracking.headset, trackedHeadQ).invert());
        for (let h = 0; h < 2; h++) {
          const c = h === 0 ? tracking.left_controller : tracking.right_controller;
          const hand = pose.hands[h];
          offset.set(c.position.x - tracking.headset.position.x, c.position.y - tracking.headset.position.y, c.position.z - tracking.headset.position.z).applyQuaternion(yawFix);
          hand.x = offset.x; hand.y = offset.y; hand.z = offset.z;
          handQ.copy(yawFix).multiply(trackedQuat(c, trackedHeadQ));
          hand.q.x = handQ.x; hand.q.y = handQ.y; hand.q.z = handQ.z; hand.q.w = handQ.w;
        }
      } else {
        pose.x = s.x; pose.y = s.y; pose.z = s.z;
        yawPitchQuat(s.yaw, s.pitch, pose.q);
      }
      const bytes = writePose(view, 0, pose);
      deps.send(bytes === VR_POSE_BYTES ? buffer : desktopRecord);
    },
  };
}
