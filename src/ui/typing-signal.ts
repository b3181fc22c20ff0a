/**
 * Turns keystrokes in the chat input into typing_start / typing_stop: start on the first keystroke
 * of a burst, stop after a pause (or when the text is cleared, sent or the input closes). One start
 * per burst keeps the relay's typing rate limit (120/min) far away however fast someone types.
 */
export const TYPING_PAUSE_MS = 3000;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class TypingSignal {
  private typing = false;
  private pause: unknown = null;

  constructor(private readonly send: (start: boolean) => void, private readonly pauseMs = TYPING_PAUSE_MS,
    private readonly timers: Timers = browserTimers) {}

  /** The input's text changed. */
  input(text: string): void {
    if (text.trim() === '') {
      this.stop();
      return;
    }
    if (!this.typing) {
      this.typing = true;
      this.send(true);
    }
    if (this.pause !== null) this.timers.clear(this.pause);
    this.pause = this.timers.set(() => this.stop(), this.pauseMs);
  }

  /** Sent, closed or paused: typing_stop if a start is outstanding. */
  stop(): void {
    if (this.pause !== null) this.timers.clear(this.pause);
    this.pause = null;
    if (!this.typing) return;
    this.typing = false;
    this.send(false);
  }
}
