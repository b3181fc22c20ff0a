import { XROrigin } from '@react-three/xr';
import type { XrRigSystem } from './xr-rig-system.ts';

/** The XR origin; the xr-rig system places it every frame. */
export function XrRig({ system }: { system: XrRigSystem }) {
  return <XROrigin ref={system.attach} />;
}
