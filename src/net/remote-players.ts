/**
 * Remote players' poses as they arrive (20 Hz, jittery) and as the avatar renderer reads them
 * (every frame, smooth): each peer keeps a ring of its last poses stamped with their arrival time,
 * and sample() draws everyone INTERPOLATION_DELAY_MS in the past, between the two poses around that
 * moment. All storage is typed arrays sized by capacity; sample() and receive() allocate nothing
 * per pose or per frame (capacity grows, rarely, when more peers are near than ever before).
 */
import { INTERPOLATION_DELAY_MS } from '../protocol/net/limits.ts';
import { createPose, poseLength, readPose, POSE_BYTES } from '../protocol/net/pose-codec.ts';
import type { RemotePlayersView } from './remote-players-view.ts';
import { nlerpInto, RING, RingStore } from './pose-ring.ts';

/** A peer whose last pose is older than this left our interest radius (or froze): not drawn. */
const STALE_MS = 3000;

export class RemotePlayers implements RemotePlayersView {
  count = 0;
  position = new Float32Array(0);
  orientation = new Float32Array(0);
  spacecraft = new Uint8Array(0);
  vr = new Uint8Array(0);
  handPosition = new Float32Array(0);
  handOrientation = new Float32Array(0);
  peerId = new Uint16Array(0);
  private readonly outNames: string[] = [];
  private readonly ring = new RingStore();
  private readonly scratch = createPose();

  constructor(private readonly delayMs = INTERPOLATION_DELAY_MS) {
    this.fitOutputs();
  }

  /** Peers known in the world (drawn once a pose of theirs arrives). */
  get peers(): number {
    return this.ring.size;
  }

  /** A player in the world (join list, user_online); a known peer only gets its new name. */
  addPeer(peerId: number, name: string): void {
    this.ring.add(peerId, name);
    this.fitOutputs();
  }

  removePeer(peerId: number): void {
    this.ring.remove(peerId);
  }

  clear(): void {
    this.ring.clear();
    this.count = 0;
  }

  /** A sync_player_position batch: concatenated records; ones from our own id are skipped. */
  receive(records: Uint8Array | ArrayBuffer, nowMs: number, selfId = -1): void {
    const bytes = records instanceof Uint8Array ? records : new Uint8Array(records);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    while (at + POSE_BYTES <= bytes.byteLength) {
      const len = poseLength(view, at);
      if (at + len > bytes.byteLength) break;
      readPose(view, at, this.scratch);
      at += len;
      if (this.scratch.id === selfId) continue;
      if (this.ring.push(this.scratch, nowMs)) this.fitOutputs();
    }
  }

  name(slot: number): string {
    return this.outNames[slot] ?? '';
  }

  sample(nowMs: number): void {
    const r = this.ring;
    const target = nowMs - this.delayMs;
    let out = 0;
    for (let p = 0; p < r.size; p++) {
      const filled = r.filled[p];
      if (filled === 0) continue;
      const newest = (r.head[p] + RING - 1) % RING;
      if (nowMs - r.t[p * RING + newest] > STALE_MS) continue;
      // Walk back from the newest pose to the last one at or before the target time.
      let b = newest, a = newest, alpha = 0;
      for (let k = 1; k < filled; k++) {
        const prev = (newest + RING - k) % RING;
        a = prev;
        if (r.t[p * RING + prev] <= target) break;
        b = prev;
      }
      const ta = r.t[p * RING + a], tb = r.t[p * RING + b];
      if (a !== b && tb > ta) alpha = Math.min(1, Math.max(0, (target - ta) / (tb - ta)));
      else if (a !== b) alpha = 1;
      this.writeSlot(out, p, p * RING + a, p * RING + b, alpha);
      out++;
    }
    this.count = out;
  }

  private writeSlot(slot: number, peer: number, a: number, b: number, alpha: number): void {
    const r = this.ring;
    for (let i = 0; i < 3; i++) this.position[slot * 3 + i] = r.pos[a * 3 + i] + (r.pos[b * 3 + i] - r.pos[a * 3 + i]) * alpha;
    nlerpInto(r.quat, a * 4, b * 4, alpha, this.orientation, slot * 4);
    const near = alpha < 0.5 ? a : b;
    this.spacecraft[slot] = r.flags[near] & 1;
    this.vr[slot] = (r.flags[near] >> 1) & 1;
    for (let h = 0; h < 2; h++) {
      for (let i = 0; i < 3; i++) {
        const off = r.hand[a * 6 + h * 3 + i] + (r.hand[b * 6 + h * 3 + i] - r.hand[a * 6 + h * 3 + i]) * alpha;
        // Hands travel as offsets from the head in world axes; the renderer wants world positions.
        this.handPosition[slot * 6 + h * 3 + i] = this.position[slot * 3 + i] + off;
      }
      nlerpInto(r.handQuat, a * 8 + h * 4, b * 8 + h * 4, alpha, this.handOrientation, slot * 8 + h * 4);
    }
    this.peerId[slot] = r.ids[peer];
    this.outNames[slot] = r.names[peer];
  }

  /** Output arrays follow the ring's capacity (a peer count never seen before: rare). */
  private fitOutputs(): void {
    const cap = this.ring.capacity;
    if (this.peerId.length >= cap) return;
    this.position = new Float32Array(cap * 3);
    this.orientation = new Float32Array(cap * 4);
    this.spacecraft = new Uint8Array(cap);
    this.vr = new Uint8Array(cap);
    this.handPosition = new Float32Array(cap * 6);
    this.handOrientation = new Float32Array(cap * 8);
    this.peerId = new Uint16Array(cap);
    this.count = 0;
  }
}
