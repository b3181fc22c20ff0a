/**
 * Test-only stand-in for the relay client's RemotePlayers: holds fixed poses (no interpolation), so
 * avatar tests can run before, and without, the relay. Never imported by the game.
 */
import type { RemotePlayersView } from '../net/remote-players-view.ts';

export interface FakePlayer {
  peerId: number;
  name: string;
  x: number; y: number; z: number;
  q?: { x: number; y: number; z: number; w: number };
  spacecraft?: boolean;
  vr?: boolean;
  /** Left and right hand world positions (VR). */
  hands?: [[number, number, number], [number, number, number]];
}

export class FakeRemotePlayers implements RemotePlayersView {
  count = 0;
  readonly position = new Float32Array(3 * 64);
  readonly orientation = new Float32Array(4 * 64);
  readonly spacecraft = new Uint8Array(64);
  readonly vr = new Uint8Array(64);
  readonly handPosition = new Float32Array(6 * 64);
  readonly handOrientation = new Float32Array(8 * 64);
  readonly peerId = new Uint16Array(64);
  readonly sampled: number[] = [];
  private readonly names: string[] = [];

  add(p: FakePlayer): void {
    const s = this.count++;
    const q = p.q ?? { x: 0, y: 0, z: 0, w: 1 };
    this.position.set([p.x, p.y, p.z], 3 * s);
    this.orientation.set([q.x, q.y, q.z, q.w], 4 * s);
    this.spacecraft[s] = p.spacecraft ? 1 : 0;
    this.vr[s] = p.vr ? 1 : 0;
    const [l, r] = p.hands ?? [[0, 0, 0], [0, 0, 0]];
    this.handPosition.set([...l, ...r], 6 * s);
    this.handOrientation.set([0, 0, 0, 1, 0, 0, 0, 1], 8 * s);
    this.peerId[s] = p.peerId;
    this.names[s] = p.name;
  }

  clear(): void {
    this.count = 0;
  }

  name(slot: number): string {
    return this.names[slot] ?? '';
  }

  sample(nowMs: number): void {
    this.sampled.push(nowMs);
  }
}
