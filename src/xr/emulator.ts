import { XRDevice, metaQuest3 } from 'iwer';
import type { EmulatedPose, XrButton } from '../protocol/bridge.ts';

type Hand = 'left' | 'right';

/**
 * IWER emulating a Meta Quest 3, for tests and desktop development (?xr=emulate). Loaded with a
 * dynamic import so none of it reaches the production bundle's initial chunk.
 */
export function installEmulator() {
  const device = new XRDevice(metaQuest3);
  // Chromium exposes its own navigator.xr on localhost that reports no immersive-vr; replace it.
  device.installRuntime({ forceInstall: true });
  const apply = (target: { position: { set(x: number, y: number, z: number): unknown }; quaternion: { set(x: number, y: number, z: number, w: number): unknown } }, pose: EmulatedPose) => {
    target.position.set(pose.position.x, pose.position.y, pose.position.z);
    if (pose.quaternion) target.quaternion.set(pose.quaternion.x, pose.quaternion.y, pose.quaternion.z, pose.quaternion.w);
  };
  return {
    setHeadset(pose: EmulatedPose) {
      apply(device, pose);
    },
    setController(hand: Hand, pose: EmulatedPose) {
      apply(device.controllers[hand]!, pose);
    },
    setButton(hand: Hand, button: XrButton, value: number) {
      device.controllers[hand]!.updateButtonValue(button, value);
    },
    setStick(hand: Hand, x: number, y: number) {
      device.controllers[hand]!.updateAxes('thumbstick', x, y);
    },
  };
}
