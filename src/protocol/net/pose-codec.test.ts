import { describe, expect, it } from 'vitest';
import { createPose, isSinglePose, poseLength, poseX, poseZ, readPose, writePose, yawPitchQuat, POSE_BYTES, VR_POSE_BYTES } from './pose-codec.ts';

const angleBetween = (a: { x: number; y: number; z: number; w: number }, b: { x: number; y: number; z: number; w: number }) =>
  2 * Math.acos(Math.min(1, Math.abs(a.x * b.x + a.y * b.y + a.z * b.z + a.w * b.w)));

describe('pose codec', () => {
  it('packs a desktop pose into 16 bytes and reads it back within the quantisation steps', () => {
    const buf = new DataView(new ArrayBuffer(64));
    const p = createPose();
    p.id = 513; p.x = -1234.5678; p.y = 87.654; p.z = 3999.001; p.spacecraft = true; p.seq = 300;
    yawPitchQuat(2.1, -0.4, p.q);
    expect(writePose(buf, 8, p)).toBe(POSE_BYTES);
    const out = createPose();
    expect(readPose(buf, 8, out)).toBe(POSE_BYTES);
    expect(out.id).toBe(513);
    expect(Math.abs(out.x - p.x)).toBeLessThanOrEqual(0.5 / 2048 + 1e-9);
    expect(Math.abs(out.z - p.z)).toBeLessThanOrEqual(0.5 / 2048 + 1e-9);
    expect(Math.abs(out.y - p.y)).toBeLessThanOrEqual(0.5 / 200 + 1e-9);
    expect(angleBetween(out.q, p.q)).toBeLessThan(0.01);
    expect(out.spacecraft).toBe(true);
    expect(out.vr).toBe(false);
    expect(out.seq).toBe(300 & 0xff);
    expect(poseX(buf, 8)).toBe(out.x);
    expect(poseZ(buf, 8)).toBe(out.z);
    expect(poseLength(buf, 8)).toBe(POSE_BYTES);
  });

  it('adds two 8-byte hands in VR, relative to the head', () => {
    const buf = new DataView(new ArrayBuffer(VR_POSE_BYTES));
    const p = createPose();
    p.vr = true; p.x = 10; p.y = 20; p.z = 30;
    p.hands[0].x = -0.3; p.hands[0].y = -0.4; p.hands[0].z = -0.5; yawPitchQuat(0.5, 0.2, p.hands[0].q);
    p.hands[1].x = 0.31; p.hands[1].y = -0.41; p.hands[1].z = -0.2; yawPitchQuat(-0.7, 0.1, p.hands[1].q);
    expect(writePose(buf, 0, p)).toBe(VR_POSE_BYTES);
    const out = createPose();
    expect(readPose(buf, 0, out)).toBe(VR_POSE_BYTES);
    for (const h of [0, 1]) {
      expect(Math.abs(out.hands[h].x - p.hands[h].x)).toBeLessThan(0.003);
      expect(Math.abs(out.hands[h].y - p.hands[h].y)).toBeLessThan(0.003);
      expect(Math.abs(out.hands[h].z - p.hands[h].z)).toBeLessThan(0.005);
      expect(angleBetween(out.hands[h].q, p.hands[h].q)).toBeLessThan(0.01);
    }
    expect(isSinglePose(new Uint8Array(buf.buffer))).toBe(true);
  });

  it('treats q and -q alike and clamps positions outside the world', () => {
    const buf = new DataView(new ArrayBuffer(16));
    const p = createPose();
    p.x = 99999; p.y = -999; p.z = -99999;
    p.q = { x: 0, y: -0.7071, z: 0, w: -0.7071 };
    writePose(buf, 0, p);
    const out = createPose();
    readPose(buf, 0, out);
    expect(out.x).toBeCloseTo(4096, 2);
    expect(out.y).toBeCloseTo(-64, 5);
    expect(out.z).toBeCloseTo(-4096, 5);
    expect(angleBetween(out.q, p.q)).toBeLessThan(0.01);
  });

  it('accepts only one well-formed record from a client', () => {
    expect(isSinglePose(new Uint8Array(16))).toBe(true);
    expect(isSinglePose(new Uint8Array(15))).toBe(false);
    expect(isSinglePose(new Uint8Array(32))).toBe(false); // 32 bytes without the VR flag
    const bad = new Uint8Array(16); bad[14] = 0x80;
    expect(isSinglePose(bad)).toBe(false);
    const vrShort = new Uint8Array(16); vrShort[14] = 2;
    expect(isSinglePose(vrShort)).toBe(false);
  });
});
