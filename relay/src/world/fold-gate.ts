/**
 * When a world folds its log into chunk snapshots. Folding is held while any joiner is reading the
 * manifest and fetching stored chunks, so every chunk it gets is at the same folded_seq; a hold
 * lapses after 30 s so a vanished joiner cannot stop folding for good.
 */
export const JOIN_HOLD_MS = 30_000;

export class FoldGate {
  private holds = 0;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly fold: () => Promise<void>) {}

  get held(): boolean { return this.holds > 0; }

  /** Starts a fold unless one runs, a join holds it, or `due` says not yet. */
  maybe(due: boolean): void {
    if (!due || this.running || this.holds > 0 || this.closed) return;
    this.running = this.fold().finally(() => { this.running = null; });
  }

  /** Waits for a running fold (its errors are the fold's own to log). */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Takes a hold, waits out any fold already running, and returns the release. */
  async hold(holdMs = JOIN_HOLD_MS): Promise<() => void> {
    this.holds++;
    let released = false;
    const timer = setTimeout(() => release(), holdMs);
    timer.unref?.();
    const release = (): void => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      this.holds--;
    };
    await this.settled();
    return release;
  }

  /** Final fold at shutdown, holds or not. */
  async closeWith(last: () => Promise<void>): Promise<void> {
    this.closed = true;
    await this.settled();
    await last();
  }
}
