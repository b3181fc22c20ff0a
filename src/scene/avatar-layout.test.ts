import { describe, expect, it } from 'vitest';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { compose, createAvatarLayout, layoutAvatars, TAG_MAX_DISTANCE, TAG_Y, WALKER_HEAD_Y } from './avatar-layout.ts';
import { FakeRemotePlayers } from './fake-remote-players.test-util.ts';

const eye = { x: 0, y: 0, z: 0 };

describe('compose', () => {
  it('matches three.js Matrix4.compose', () => {
    const q = new Quaternion().setFromAxisAngle(new Vector3(1, 2, 3).normalize(), 0.7);
    const ref = new Matrix4().compose(new Vector3(4, 5, 6), q, new Vector3(2, 2, 2));
    const out = new Float32Array(32);
    compose(out, 16, 4, 5, 6, q.x, q.y, q.z, q.w, 2);
    expect(Array.from(out.subarray(16))).toEqual(Array.from(new Float32Array(ref.elements)));
  });
});

describe('layoutAvatars', () => {
  it('draws a walker as an upright body turned by the view yaw and a helmet that follows the view', () => {
    const view = new FakeRemotePlayers();
    const look = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 1.1).multiply(new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), 0.5));
    view.add({ peerId: 3, name: 'Ana', x: 10, y: 2, z: -5, q: look });
    const out = createAvatarLayout(8);
    layoutAvatars(view, out, eye);
    expect([out.bodyCount, out.helmetCount, out.handCount, out.shipCount, out.tagCount]).toEqual([1, 1, 0, 0, 1]);
    const body = new Matrix4().fromArray(out.body);
    const pos = new Vector3(), rot = new Quaternion(), scale = new Vector3();
    body.decompose(pos, rot, scale);
    expect(pos.toArray()).toEqual([10, 2, -5]);
    // Yaw only: up stays up, and the facing matches the view's horizontal facing.
    expect(new Vector3(0, 1, 0).applyQuaternion(rot).y).toBeCloseTo(1, 5);
    expect(rot.angleTo(new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 1.1))).toBeLessThan(1e-5);
    expect(out.helmet[13]).toBeCloseTo(2 + WALKER_HEAD_Y, 5);
    expect(out.tag[1]).toBeCloseTo(2 + TAG_Y.walker, 5);
    expect(out.tagSlot[0]).toBe(0);
    // Coloured per player: not white, not black.
    expect(out.bodyColor[0] + out.bodyColor[1] + out.bodyColor[2]).toBeGreaterThan(0.1);
  });

  it('draws a VR player as a helmet at the head and two gloves at the hands', () => {
    const view = new FakeRemotePlayers();
    view.add({ peerId: 7, name: 'Bo', x: 0, y: 1.7, z: 0, vr: true, hands: [[-0.3, 1.2, -0.3], [0.3, 1.3, -0.3]] });
    const out = createAvatarLayout(8);
    layoutAvatars(view, out, eye);
    expect([out.bodyCount, out.helmetCount, out.handCount, out.shipCount]).toEqual([0, 1, 2, 0]);
    expect(out.helmet[13]).toBeCloseTo(1.7, 5);
    expect([out.hand[12], out.hand[13], out.hand[14]].map((v) => +v.toFixed(4))).toEqual([-0.3, 1.2, -0.3]);
    expect([out.hand[28], out.hand[29], out.hand[30]].map((v) => +v.toFixed(4))).toEqual([0.3, 1.3, -0.3]);
    expect(out.tag[1]).toBeCloseTo(1.7 + TAG_Y.vrHead, 5);
  });

  it('draws a pilot as a ship only, and cuts name tags beyond the distance', () => {
    const view = new FakeRemotePlayers();
    view.add({ peerId: 1, name: 'Far', x: TAG_MAX_DISTANCE + 10, y: 0, z: 0, spacecraft: true });
    view.add({ peerId: 2, name: 'Near', x: 5, y: 0, z: 0, spacecraft: true, vr: true });
    const out = createAvatarLayout(8);
    layoutAvatars(view, out, eye);
    expect([out.bodyCount, out.helmetCount, out.handCount, out.shipCount, out.tagCount]).toEqual([0, 0, 0, 2, 1]);
    expect(out.tagSlot[0]).toBe(1);
  });

  it('keeps to its capacity and resets counts every frame', () => {
    const view = new FakeRemotePlayers();
    for (let i = 0; i < 5; i++) view.add({ peerId: i, name: `p${i}`, x: i, y: 0, z: 0 });
    const out = createAvatarLayout(3);
    layoutAvatars(view, out, eye);
    expect(out.bodyCount).toBe(3);
    view.clear();
    layoutAvatars(view, out, eye);
    expect([out.bodyCount, out.helmetCount, out.tagCount]).toEqual([0, 0, 0]);
  });
});
