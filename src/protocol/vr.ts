import type { Vec3 } from './vec3.ts';

export interface ControllerButtons { trigger: boolean; grip: boolean; menu: boolean }

export interface TrackedPose {
  /** Metres, in the tracking (reference) space: the headset's own frame, as the seed's example shows. */
  position: Vec3;
  /** Euler angles in degrees (YXZ order: yaw about y, then pitch about x, then roll about z). */
  rotation: Vec3;
  tracking_valid: boolean;
}

export interface TrackedController extends TrackedPose { buttons: ControllerButtons }

/** Seed 000 GET /vr/tracking, minus the timestamp the door adds. */
export interface VrTracking {
  headset: TrackedPose;
  left_controller: TrackedController;
  right_controller: TrackedController;
}

/** Seed 000 POST /vr/recenter: the tracking-space point the player's position now maps to. */
export interface VrRecenterResult { new_center: Vec3 }

const pose = (): TrackedPose => ({ position: { x: 0, y: 0, z: 0 }, rotation: { x: 0, y: 0, z: 0 }, tracking_valid: false });
const controller = (): TrackedController => ({ ...pose(), buttons: { trigger: false, grip: false, menu: false } });

/** A tracking record with nothing tracked (no VR session). Updated in place while presenting. */
export const emptyTracking = (): VrTracking => ({ headset: pose(), left_controller: controller(), right_controller: controller() });
