/**
 * Puts the world's edits in the relay's order. Every replica must apply the same edits in the same
 * order to stay bit-identical, so edits are applied strictly by edit_seq: one that arrives early
 * waits in a buffer, and a gap (a lost broadcast, an outage) asks the relay for the edits after the
 * last one applied. Our own digs are not applied when sent, only when their sequenced broadcast
 * comes back, like everyone else's; the sender's promise resolves then. Actions pinned to a
 * sequence number (a repaired chunk the relay cut at its edit_seq T) run right after edit T.
 */
import type { SequencedEdit } from '../protocol/net/events.ts';
import type { BrushEdit } from '../protocol/terrain.ts';

/** Own edits applied before their acknowledgement arrived, kept for the ack to claim. */
const OWN_KEPT = 256;

export interface SequencerDeps<A> {
  /**
   * Applies one edit to the replicas. Called synchronously in edit_seq order; it must hand the edit
   * to the workers before returning (ordering rests on the call order).
   */
  apply(edit: BrushEdit, seq: number): Promise<A>;
  /** Asks the relay for every edit after `since` (request_terrain_edits). */
  requestSince(since: number): void;
  /** Told after each edit is handed over (store, checksum samples). */
  applied?(seq: number, edit: SequencedEdit, done: Promise<A>): void;
}

export class EditSequencer<A> {
  /** The last edit_seq handed to the replicas. */
  applied = 0;
  /** Our user id: broadcasts from it are kept for their acknowledgement. */
  self: string | null = null;
  private readonly pending = new Map<number, SequencedEdit>();
  private readonly waiters = new Map<number, (done: A | PromiseLike<A> | null) => void>();
  private readonly own = new Map<number, Promise<A>>();
  private readonly pinned: Array<{ seq: number; run: () => void }> = [];
  private askedSince = -1;
  /** Inside answered(): the answer is being applied, so a gap seen halfway is not a gap. */
  private answering = false;
  private held = false;

  constructor(private readonly deps: SequencerDeps<A>) {}

  /** Edits buffered, waiting for an earlier one. */
  get buffered(): number {
    return this.pending.size;
  }

  /**
   * Starts counting from `seq` (the snapshots we installed cover every edit up to it). Buffered
   * edits after it stay; own edits at or before it are in the snapshots, so their waiters resolve
   * with null (applied, but not by us).
   */
  startAt(seq: number): void {
    this.applied = seq;
    this.held = false;
    this.askedSince = -1;
    for (const s of this.pending.keys()) if (s <= seq) this.pending.delete(s);
    for (const [s, resolve] of this.waiters) if (s <= seq) { this.waiters.delete(s); resolve(null); }
    this.own.clear();
    // Pinned actions at the start itself run now; earlier ones are stale.
    const pinned = this.pinned.splice(0).filter((p) => p.seq >= seq);
    this.pinned.push(...pinned.filter((p) => p.seq > seq));
    for (const p of pinned) if (p.seq === seq) p.run();
    this.drain();
  }

  /**
   * Buffers everything until the next startAt (a join: broadcasts arrive while the snapshots they
   * follow are still being installed). Pinned actions wait too.
   */
  hold(): void {
    this.held = true;
  }

  get holding(): boolean {
    return this.held;
  }

  /** A broadcast, or one edit of a request_terrain_edits answer. Duplicates are ignored. */
  receive(edit: SequencedEdit): void {
    if (this.held) {
      this.pending.set(edit.edit_seq, edit);
      return;
    }
    if (edit.edit_seq <= this.applied || this.pending.has(edit.edit_seq)) return;
    this.pending.set(edit.edit_seq, edit);
    this.drain();
    if (this.pending.size > 0 && !this.answering && this.askedSince !== this.applied) {
      // A gap: something between applied and the buffered edits never came. Ask once per gap.
      this.askedSince = this.applied;
      this.deps.requestSince(this.applied);
    }
  }

  /** The answer to requestSince came (in full): a gap still open later may be asked again. */
  answered(edits: readonly SequencedEdit[]): void {
    this.answering = true;
    try {
      for (const e of edits) this.receive(e);
    } finally {
      this.answering = false;
      this.askedSince = -1;
    }
  }

  /**
   * Our edit was acknowledged as `seq`: resolves with its apply once the broadcast is applied here
   * (at once if it already was), or null if it came in a snapshot instead.
   */
  acknowledged(seq: number): Promise<A | null> {
    const done = this.own.get(seq);
    if (done) {
      this.own.delete(seq);
      return done;
    }
    if (seq <= this.applied) return Promise.resolve(null);
    return new Promise<A | null>((resolve) => this.waiters.set(seq, resolve));
  }

  /** Runs `run` right after edit `seq` is applied (now, if it is the last applied); false if already past. */
  at(seq: number, run: () => void): boolean {
    if (!this.held && seq < this.applied) return false;
    if (!this.held && seq === this.applied) {
      run();
      return true;
    }
    this.pinned.push({ seq, run });
    this.pinned.sort((a, b) => a.seq - b.seq);
    return true;
  }

  /** Fails every waiting own edit (the world was left). */
  abandon(): void {
    this.held = false;
    for (const resolve of this.waiters.values()) resolve(null);
    this.waiters.clear();
    this.pending.clear();
    this.own.clear();
    this.pinned.length = 0;
  }

  private drain(): void {
    for (;;) {
      const edit = this.pending.get(this.applied + 1);
      if (!edit) return;
      this.pending.delete(edit.edit_seq);
      this.applied = edit.edit_seq;
      const done = this.deps.apply({ position: edit.position, radius: edit.radius, strength: edit.strength, operation: edit.operation }, edit.edit_seq);
      this.deps.applied?.(edit.edit_seq, edit, done);
      const waiter = this.waiters.get(edit.edit_seq);
      if (waiter) {
        this.waiters.delete(edit.edit_seq);
        waiter(done);
      } else if (edit.player_id === this.self) {
        this.own.set(edit.edit_seq, done);
        if (this.own.size > OWN_KEPT) this.own.delete(this.own.keys().next().value!);
      }
      while (this.pinned.length > 0 && this.pinned[0].seq <= this.applied) this.pinned.shift()!.run();
    }
  }
}
