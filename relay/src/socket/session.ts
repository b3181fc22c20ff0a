/**
 * What the relay knows about one connection: who it is once authenticated, which world it is in
 * and under which peer id, its rate windows and the timers it owns. The socket's handlers read and
 * write this instead of socket.data so the fields are typed and cleaned up in one place.
 */
import type { SavedPlayerState } from '../../../src/protocol/net/events.ts';
import type { PlayerMode } from '../../../src/protocol/player.ts';
import type { JoinManifest } from '../world/types.ts';
import type { RateWindows } from './rate-window.ts';
import type { RelaySocket } from './server-types.ts';
import type { WorldRoom } from './world-room.ts';

export type { RelayServer, RelaySocket } from './server-types.ts';

/** `id` is the public player id (the guest id); `dbId` the users row the player's state hangs off. */
export interface SessionUser { id: string; dbId: number; name: string; role: 'guest' | 'player' }

export class Session {
  user: SessionUser | null = null;
  room: WorldRoom<Session> | null = null;
  peerId = 0;
  mode: PlayerMode = 'walking';
  /** Keeps the world from folding the edits this joiner still has to fetch; released on catch-up. */
  joinHold: JoinManifest | null = null;
  private joinHoldTimer: NodeJS.Timeout | null = null;
  debugTimer: NodeJS.Timeout | null = null;
  /** The last state the client saved here; its position follows the poses until it leaves. */
  lastState: SavedPlayerState | null = null;
  /** Notifications sent to this connection, so notification_read can answer for real ones. */
  readonly notifications = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly socket: RelaySocket, readonly ip: string, readonly rates: RateWindows) {}

  /** Runs join and leave steps one at a time per connection: two quick join_worlds must not interleave. */
  serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  holdJoin(hold: JoinManifest, maxMs: number): void {
    this.releaseJoin();
    this.joinHold = hold;
    // A client that never asks for the edits must not stop the world's log from folding forever.
    this.joinHoldTimer = setTimeout(() => this.releaseJoin(), maxMs);
    this.joinHoldTimer.unref();
  }

  releaseJoin(): void {
    if (this.joinHoldTimer) clearTimeout(this.joinHoldTimer);
    this.joinHoldTimer = null;
    this.joinHold?.release();
    this.joinHold = null;
  }

  stopDebug(): void {
    if (this.debugTimer) clearInterval(this.debugTimer);
    this.debugTimer = null;
  }
}
