import { describe, expect, it } from 'vitest';
import { RemotePlayers } from './remote-players.ts';
import { createPose, writePose, yawPitchQuat, VR_POSE_BYTES, type Pose } from '../protocol/net/pose-codec.ts';

/** Concatenated records, as one sync_player_position batch from the relay. */
function batch(...poses: Pose[]): Uint8Array {
  const bytes = new Uint8Array(poses.length * VR_POSE_BYTES);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const p of poses) at += writePose(view, at, p);
  return bytes.subarray(0, at);
}

function pose(id: number, seq: number, x: number, yaw = 0, extra: Partial<Pose> = {}): Pose {
  const p = createPose();
  Object.assign(p, { id, seq, x, y: 10, z: -5 }, extra);
  yawPitchQuat(yaw, 0, p.q);
  return p;
}

describe('RemotePlayers', () => {
  it('draws each peer 100 ms in the past, between the two poses around that moment', () => {
    const rp = new RemotePlayers(100);
    rp.addPeer(7, 'Ana');
    rp.receive(batch(pose(7, 1, 0)), 1000);
    rp.receive(batch(pose(7, 2, 10)), 1050);
    rp.receive(batch(pose(7, 3, 20)), 1100);
    rp.sample(1125); // target 1025: halfway between the first two poses
    expect(rp.count).toBe(1);
    expect(rp.position[0]).toBeCloseTo(5, 2);
    expect(rp.position[1]).toBeCloseTo(10, 2);
    expect(rp.position[2]).toBeCloseTo(-5, 2);
    expect(rp.name(0)).toBe('Ana');
    expect(rp.peerId[0]).toBe(7);
    rp.sample(1190); // target 1090: 80% from the second to the third
    expect(rp.position[0]).toBeCloseTo(18, 2);
    rp.sample(5000 - 2000); // long after the newest: holds it
    expect(rp.position[0]).toBeCloseTo(20, 2);
  });

  it('slerps orientation the short way and keeps it unit length', () => {
    const rp = new RemotePlayers(100);
    rp.receive(batch(pose(1, 1, 0, 0)), 0);
    rp.receive(batch(pose(1, 2, 0, Math.PI / 2)), 100);
    rp.sample(150);
    const [x, y, z, w] = rp.orientation.subarray(0, 4);
    expect(Math.hypot(x, y, z, w)).toBeCloseTo(1, 5);
    // Halfway between yaw 0 and 90°: 45°, so y = sin(22.5°) (sign-free: q and −q are one rotation).
    expect(Math.abs(y)).toBeCloseTo(Math.sin(Math.PI / 8), 2);
  });

  it('drops old and duplicate sequence numbers, across the 255 → 0 wrap', () => {
    const rp = new RemotePlayers(0);
    rp.receive(batch(pose(3, 254, 1)), 0);
    rp.receive(batch(pose(3, 255, 2)), 10);
    rp.receive(batch(pose(3, 0, 3)), 20);
    rp.receive(batch(pose(3, 255, 99)), 30); // late duplicate
    rp.receive(batch(pose(3, 200, 99)), 40); // far behind
    rp.sample(45);
    expect(rp.position[0]).toBeCloseTo(3, 2);
  });

  it('VR hands are world positions: the head plus their offsets', () => {
    const rp = new RemotePlayers(0);
    const p = pose(4, 1, 100, 0, { vr: true });
    p.hands[0].x = -0.3; p.hands[0].y = -0.4; p.hands[0].z = -0.2;
    p.hands[1].x = 0.3; p.hands[1].y = -0.4; p.hands[1].z = -0.2;
    rp.receive(batch(p), 0);
    rp.sample(1);
    expect(rp.vr[0]).toBe(1);
    expect(rp.handPosition[0]).toBeCloseTo(99.7, 2);
    expect(rp.handPosition[3]).toBeCloseTo(100.3, 2);
    expect(rp.handPosition[4]).toBeCloseTo(9.6, 2);
  });

  it('keeps slots compact: several peers in one batch, one leaves, a stale one is not drawn', () => {
    const rp = new RemotePlayers(0);
    rp.addPeer(1, 'a'); rp.addPeer(2, 'b'); rp.addPeer(3, 'c');
    rp.receive(batch(pose(1, 1, 1), pose(2, 1, 2, 0, { spacecraft: true }), pose(3, 1, 3)), 0);
    rp.sample(10);
    expect(rp.count).toBe(3);
    rp.removePeer(1);
    rp.sample(10);
    expect(rp.count).toBe(2);
    const byName = new Map(Array.from({ length: rp.count }, (_, s) => [rp.name(s), rp.position[s * 3]]));
    expect(byName).toEqual(new Map([['b', 2], ['c', 3]]));
    const ship = Array.from({ length: rp.count }, (_, s) => s).find((s) => rp.name(s) === 'b')!;
    expect(rp.spacecraft[ship]).toBe(1);
    // Peer 3 keeps sending, peer 2 goes quiet (out of interest range): after 3 s it is not drawn.
    rp.receive(batch(pose(3, 2, 3)), 3500);
    rp.sample(3600);
    expect(rp.count).toBe(1);
    expect(rp.name(0)).toBe('c');
    // Our own pose, echoed, is never a remote player.
    rp.receive(batch(pose(9, 1, 0)), 3600, 9);
    expect(rp.peers).toBe(2);
  });

  it('grows past its starting capacity without losing peers, and sampling allocates no new arrays', () => {
    const rp = new RemotePlayers(0);
    const poses = Array.from({ length: 40 }, (_, i) => pose(100 + i, 1, i));
    rp.receive(batch(...poses), 0);
    const positions = rp.position;
    rp.sample(1);
    expect(rp.count).toBe(40);
    expect(rp.position).toBe(positions);
    expect(Array.from({ length: 40 }, (_, s) => rp.position[s * 3]).sort((a, b) => a - b)[39]).toBeCloseTo(39, 2);
  });
});
