/**
 * Puts the world's edits in the relay's order. Every replica must apply the same edits in the same
 * order to stay bit-identical, so edits are applied strictly by edit_seq: one that arrives early
 * waits in a buffer. The sequencer alone asks the relay for missing edits (a join's catch-up, a
 * resume, a gap left by a lost broadcast), one request at a time, so two askers never fetch the
 * same range twice. Our own digs are not applied when sent, only when their sequenced broadcast
 * comes back, like everyone else's; the sender's promise resolves then. Actions pinned to a
 * sequence number (a repaired chunk the relay cut at its edit_seq T) run right after edit T.
 */
import type { SequencedEdit } from '../protocol/net/events.ts';
import type { Ack, RelayError } from '../protocol/net/errors.ts';
import type { BrushEdit } from '../protocol/terrain.ts';

/** Own edits applied before their acknowledgement arrived, kept for the ack to claim. */
const OWN_KEPT = 256;

export interface SequencerDeps<A> {
  /**
   * Applies one edit to the replicas. Called synchronously in edit_seq order; it must hand the edit
   * to the workers before returning (ordering rests on the call order).
   */
  apply(edit: BrushEdit, seq: number): Promise<A>;
  /** request_terrain_edits: the edits after `since` (at most 2,000, the oldest) and the world's edit_seq. */
  request(since: number): Promise<Ack<{ edits: readonly SequencedEdit[]; edit_seq: number }>>;
  /** A request not the first of a catchUp() was refused (RESYNC_REQUIRED: the edits were folded away). */
  refused(error: RelayError): void;
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
  private held = false;
  /**
   * The request chain in flight, if any: every ask joins it rather than asking beside it. Dropped
   * when the world is left or a new start awaited; an answer to a dropped chain is ignored.
   */
  private asking: { done: Promise<RelayError | null> } | null = null;
  /** The highest edit_seq known to exist (answers' edit_seq, broadcasts): asking goes on up to it. */
  private known = 0;
  /** A gap ask from here was refused: not repeated for this gap (a resume asks again). */
  private refusedAt = -1;

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
    this.refusedAt = -1;
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
    this.asking = null;
  }

  get holding(): boolean { return this.held; }

  /** A broadcast, or one edit of a request_terrain_edits answer. Duplicates are ignored. */
  receive(edit: SequencedEdit): void {
    this.known = Math.max(this.known, edit.edit_seq);
    if (this.held) {
      this.pending.set(edit.edit_seq, edit);
      return;
    }
    if (edit.edit_seq <= this.applied || this.pending.has(edit.edit_seq)) return;
    this.pending.set(edit.edit_seq, edit);
    this.drain();
    // A gap: an edit before the buffered ones never came. Asking in flight covers it (up to `known`).
    if (this.pending.size > 0 && !this.asking && this.refusedAt !== this.applied) void this.ask(this.applied, false);
  }

  /**
   * Asks for the edits after `from` (holding: where the snapshots end) and on until every known one
   * is in, or joins the asking in flight. Resolves when it stops: with its first request's refusal
   * for the caller to judge (later refusals go to deps.refused), else null.
   */
  catchUp(from = this.applied): Promise<RelayError | null> {
    this.refusedAt = -1;
    return this.asking ? this.asking.done.then(() => null) : this.ask(from, true);
  }

  /**
   * Our edit was acknowledged as `seq`: resolves with its apply once the broadcast is applied here
   * (at once if it already was), or null if it came in a snapshot instead.
   */
  acknowledged(seq: number): Promise<A | null> {
    const done = this.own.get(seq);
    if (done) { this.own.delete(seq); return done; }
    if (seq <= this.applied) return Promise.resolve(null);
    return new Promise<A | null>((resolve) => this.waiters.set(seq, resolve));
  }

  /** Runs `run` right after edit `seq` is applied (now, if it is the last applied); false if already past. */
  at(seq: number, run: () => void): boolean {
    if (!this.held && seq < this.applied) return false;
    if (!this.held && seq === this.applied) { run(); return true; }
    this.pinned.push({ seq, run });
    this.pinned.sort((a, b) => a.seq - b.seq);
    return true;
  }

  /** Fails every waiting own edit (the world was left). */
  abandon(): void {
    this.held = false;
    this.asking = null;
    this.known = 0;
    for (const resolve of this.waiters.values()) resolve(null);
    this.waiters.clear();
    this.pending.clear();
    this.own.clear();
    this.pinned.length = 0;
  }

  /**
   * One request at a time; while edits up to `known` are still missing (an answer capped at 2,000,
   * a broadcast past a gap meanwhile), asks on from the last edit in hand: each range asked once.
   */
  private ask(from: number, callerHandlesFirst: boolean): Promise<RelayError | null> {
    const run = { done: Promise.resolve<RelayError | null>(null) };
    this.asking = run;
    run.done = (async () => {
      try {
        for (let since = from, first = true; ; first = false) {
          const answer = await this.deps.request(since);
          if (this.asking !== run) return null;
          if (!answer.ok) {
            if (first && callerHandlesFirst) return answer.error;
            this.refusedAt = this.applied;
            this.deps.refused(answer.error);
            return null;
          }
          this.known = Math.max(this.known, answer.value.edit_seq);
          for (const e of answer.value.edits) this.receive(e);
          const reached = this.reached(since);
          // Done when all known edits are in, or the relay had no more (one numbered, not yet logged).
          if (reached >= this.known || reached <= since) return null;
          since = reached;
        }
      } finally {
        if (this.asking === run) this.asking = null;
      }
    })();
    return run.done;
  }

  /** The last edit in hand with every one before it: applied, or buffered in a row after `from`. */
  private reached(from: number): number {
    let s = this.held ? from : Math.max(from, this.applied);
    while (this.pending.has(s + 1)) s++;
    return s;
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
      if (waiter) { this.waiters.delete(edit.edit_seq); waiter(done); } else if (edit.player_id === this.self) {
        this.own.set(edit.edit_seq, done);
        if (this.own.size > OWN_KEPT) this.own.delete(this.own.keys().next().value!);
      }
      while (this.pinned.length > 0 && this.pinned[0].seq <= this.applied) this.pinned.shift()!.run();
    }
  }
}
