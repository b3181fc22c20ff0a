import { DEG } from '../engine/player/angles.ts';
import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { TrackedPose, VrTracking } from '../protocol/vr.ts';

export type Hand = 'left' | 'right';
export const HANDS: readonly Hand[] = ['left', 'right'];

/** One hand's input this frame, in tracking (reference) space. Mutated in place every frame. */
export interface HandInput {
  present: boolean;
  /** A tracked hand (no gamepad): pinch stands in for the trigger. */
  isHand: boolean;
  /** Target-ray pose in tracking space. */
  ray: Matrix4;
  trigger: number;
  grip: number;
  /** A / X: primary face button. */
  primary: boolean;
  /** B / Y: the menu button (Quest's system menu button is not exposed to pages). */
  menu: boolean;
  stickX: number;
  /** Thumbstick y, pushed forward is negative (the Gamepad convention). */
  stickY: number;
}

export interface XrFrameInput {
  headPresent: boolean;
  head: Matrix4;
  left: HandInput;
  right: HandInput;
}

const hand = (): HandInput => ({ present: false, isHand: false, ray: new Matrix4(), trigger: 0, grip: 0, primary: false, menu: false, stickX: 0, stickY: 0 });
export const createXrFrameInput = (): XrFrameInput => ({ headPresent: false, head: new Matrix4(), left: hand(), right: hand() });

/** Thumb tip to index tip closer than this is a full pinch; PINCH_OPEN apart is none. */
const PINCH_CLOSED = 0.015;
const PINCH_OPEN = 0.05;

/** Reads the headset, controllers and tracked hands from an XRFrame; allocation-free. */
export function readXrFrame(frame: XRFrame, space: XRReferenceSpace, out: XrFrameInput): void {
  const viewer = frame.getViewerPose(space);
  out.headPresent = !!viewer && !viewer.emulatedPosition;
  if (viewer) out.head.fromArray(viewer.transform.matrix);
  clearHand(out.left);
  clearHand(out.right);
  for (const source of frame.session.inputSources) {
    const h = source.handedness;
    if (h !== 'left' && h !== 'right') continue;
    const o = out[h];
    const pose = frame.getPose(source.targetRaySpace, space);
    if (!pose) continue;
    o.present = true;
    o.ray.fromArray(pose.transform.matrix);
    const pad = source.gamepad;
    o.isHand = !!source.hand;
    if (source.hand) {
      o.trigger = pinchStrength(frame, source.hand, space);
      o.grip = 0; o.primary = false; o.menu = false; o.stickX = 0; o.stickY = 0;
    } else if (pad) {
      const b = pad.buttons;
      o.trigger = b[0]?.value ?? 0;
      o.grip = b[1]?.value ?? 0;
      o.primary = !!b[4]?.pressed;
      o.menu = !!b[5]?.pressed;
      o.stickX = pad.axes[2] ?? 0;
      o.stickY = pad.axes[3] ?? 0;
    }
  }
}

/** A hand that is not seen this frame presses nothing: a lost controller must not keep thrusting. */
export function clearHand(h: HandInput): void {
  h.present = false;
  h.trigger = 0; h.grip = 0; h.primary = false; h.menu = false; h.stickX = 0; h.stickY = 0;
}

function pinchStrength(frame: XRFrame, xrHand: XRHand, space: XRReferenceSpace): number {
  const thumb = xrHand.get('thumb-tip');
  const index = xrHand.get('index-finger-tip');
  if (!thumb || !index || !frame.getJointPose) return 0;
  const a = frame.getJointPose(thumb, space);
  const b = frame.getJointPose(index, space);
  if (!a || !b) return 0;
  const dx = a.transform.position.x - b.transform.position.x;
  const dy = a.transform.position.y - b.transform.position.y;
  const dz = a.transform.position.z - b.transform.position.z;
  const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
  return Math.min(1, Math.max(0, (PINCH_OPEN - d) / (PINCH_OPEN - PINCH_CLOSED)));
}

const p = new Vector3();
const q = new Quaternion();
const s = new Vector3();
const e = new Euler(0, 0, 0, 'YXZ');
const round = (v: number, f: number) => Math.round(v * f) / f;

function writePose(m: Matrix4, valid: boolean, out: TrackedPose): void {
  out.tracking_valid = valid;
  if (!valid) return;
  m.decompose(p, q, s);
  e.setFromQuaternion(q, 'YXZ');
  out.position.x = round(p.x, 1000); out.position.y = round(p.y, 1000); out.position.z = round(p.z, 1000);
  out.rotation.x = round(e.x / DEG, 100); out.rotation.y = round(e.y / DEG, 100); out.rotation.z = round(e.z / DEG, 100);
}

/** Copies this frame's input into the seed-shaped tracking record (degrees, tracking space). */
export function writeTracking(input: XrFrameInput, presenting: boolean, out: VrTracking): void {
  writePose(input.head, presenting && input.headPresent, out.headset);
  for (const h of HANDS) {
    const c = h === 'left' ? out.left_controller : out.right_controller;
    const i = input[h];
    writePose(i.ray, presenting && i.present, c);
    c.buttons.trigger = c.tracking_valid && i.trigger > 0.5;
    c.buttons.grip = c.tracking_valid && i.grip > 0.5;
    c.buttons.menu = c.tracking_valid && i.menu;
  }
}
