/**
 * Poses on the hot path: a client's one record is checked (isSinglePose), stamped with the sender's
 * peer id by the interest grid and kept; everything received in one event-loop turn goes out
 * together on setImmediate, one volatile binary message per receiver with the changed records of
 * the players in its range. Volatile: a pose that cannot be sent now is stale by the next one.
 */
import { relayError, type RelayError } from '../../../src/protocol/net/errors.ts';
import { INTEREST_RADIUS_M } from '../../../src/protocol/net/limits.ts';
import { isSinglePose } from '../../../src/protocol/net/pose-codec.ts';
import type { RelayMetrics } from '../metrics.ts';
import { InterestGrid } from './interest-grid.ts';
import { POSE_HEADROOM } from './pose-frame.ts';

/** Sends one receiver its records, `buf[at..]`, with POSE_HEADROOM free bytes before them (pose-frame.ts). */
export type PoseSink = (receiver: number, buf: Buffer, at: number) => void;

export class PoseRelay {
  readonly grid = new InterestGrid(INTEREST_RADIUS_M);
  private scheduled = false;
  private readonly flushNow = (): void => this.flush();

  constructor(private readonly deliver: PoseSink, private readonly metrics: RelayMetrics) {}

  /** `peer`'s record, or the refusal if it is not one. */
  receive(peer: number, record: unknown): RelayError | null {
    // socket.io hands binary over as a Buffer in Node; anything else is not a pose record.
    if (!(record instanceof Uint8Array) || !isSinglePose(record)) {
      return relayError('VALIDATION_ERROR', 'sync_player_position takes one 16- or 32-byte pose record', { event: 'sync_player_position' });
    }
    this.grid.write(peer, record);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushNow);
    }
    return null;
  }

  remove(peer: number): void {
    this.grid.remove(peer);
  }

  private flush(): void {
    this.scheduled = false;
    this.metrics.posesDelivered(this.grid.flush(this.deliver, POSE_HEADROOM));
  }
}
