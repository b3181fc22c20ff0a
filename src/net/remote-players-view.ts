/**
 * What the avatar renderer reads of the remote players each frame. Written by the relay client as
 * poses arrive (RemotePlayers implements it); read by the avatar system after it calls sample().
 * Structure of arrays over slots 0..count-1, reused every frame: no allocation per frame.
 */
export interface RemotePlayersView {
  /** Slots in use this frame (after sample). */
  readonly count: number;
  /** Per slot: body (or ship) position x,y,z (3 floats), interpolated ~100 ms in the past. */
  readonly position: Float32Array;
  /** Per slot: body orientation quaternion x,y,z,w (4 floats). */
  readonly orientation: Float32Array;
  /** Per slot: 1 flying the spacecraft, 0 walking. */
  readonly spacecraft: Uint8Array;
  /** Per slot: 1 in VR (hands valid), 0 on desktop. */
  readonly vr: Uint8Array;
  /** Per slot: hands' world positions (left xyz, right xyz: 6 floats) and orientations (8 floats). */
  readonly handPosition: Float32Array;
  readonly handOrientation: Float32Array;
  /** Per slot: the player's peer id and display name (for name tags). */
  readonly peerId: Uint16Array;
  name(slot: number): string;
  /** Interpolates every remote player to `nowMs` minus the buffer delay; updates count. */
  sample(nowMs: number): void;
}
