/**
 * The game loop as a debuggee: a pure state machine the frame loop asks "simulate this frame?"
 * and the game's event/system sites ask "does a breakpoint stop here?". It imports nothing from
 * the game, so the frame loop, the bridge and tests all drive the same object.
 */
import { parseBreakpointSource, type BreakpointInfo, type BreakpointKind } from '../protocol/debug.ts';
import { checkCondition, parseCondition, type ParsedCondition } from './state-paths.ts';

export type StopReason = { reason: 'entry' | 'breakpoint' | 'step' | 'pause'; breakpointId?: number; source?: string; frame: number };
type StopListener = (reason: StopReason) => void;

interface Armed { id: number; source: string; condition?: ParsedCondition }

export class DebugSession {
  #active = false;
  #noDebug = false;
  #paused = false;
  #sessionId: string | null = null;
  #stop: StopReason | null = null;
  #launches = 0;
  #nextBreakpointId = 1;
  /** Frames still allowed to simulate before a step pauses again; 0 = no step pending. */
  #credits = 0;
  #frame = 0;
  /** Only verified breakpoints are kept, per kind then name, so hit() looks up without building a key string. */
  readonly #armed: Record<BreakpointKind, Map<string, Armed[]>> = { events: new Map(), systems: new Map() };
  readonly #listeners = new Set<StopListener>();
  #stepWaiters: Array<() => void> = [];
  /** Bound once: the last step credit is spent in beginFrame, which must not allocate. */
  readonly #announceStep = () => this.#announce();

  get active(): boolean { return this.#active; }
  get paused(): boolean { return this.#paused; }
  get sessionId(): string | null { return this.#sessionId; }
  get stopReason(): StopReason | null { return this.#stop; }
  /** A step is under way: the frames it runs simulate a fixed time, so a step is repeatable. */
  get stepping(): boolean { return this.#credits > 0; }

  /** A new launch replaces the old session: fresh id, no breakpoints, running unless stopOnEntry. */
  launch(opts: { noDebug?: boolean; stopOnEntry?: boolean }): { session_id: string } {
    this.end();
    this.#active = true;
    this.#noDebug = opts.noDebug === true;
    this.#sessionId = `debug_session_${String(++this.#launches).padStart(3, '0')}`;
    if (opts.stopOnEntry && !this.#noDebug) this.#halt({ reason: 'entry', frame: this.#frame });
    return { session_id: this.#sessionId };
  }

  /** DAP semantics: the list replaces whatever that source had; an empty list clears it. */
  setBreakpoints(sourcePath: string, bps: { line?: number; condition?: string }[]): BreakpointInfo[] {
    const target = parseBreakpointSource(sourcePath);
    const armed: Armed[] = [];
    const infos = bps.map(({ line = 0, condition }): BreakpointInfo => {
      const id = this.#nextBreakpointId++;
      if (!this.#active) return { id, line, verified: false, message: 'no debug session; launch first' };
      if (this.#noDebug) return { id, line, verified: false, message: 'the session was launched with noDebug; breakpoints are ignored' };
      if (!target) return { id, line, verified: false, message: `unknown breakpoint source '${sourcePath}': use events/<telemetry event> or systems/player|terrain|scenes` };
      const parsed = condition?.trim() ? parseCondition(condition) : undefined;
      if (parsed && !parsed.ok) return { id, line, verified: false, message: `condition: ${parsed.error.message}` };
      armed.push({ id, source: `${target.kind}/${target.name}`, condition: parsed?.value });
      return { id, line, verified: true };
    });
    if (target) {
      if (armed.length) this.#armed[target.kind].set(target.name, armed);
      else this.#armed[target.kind].delete(target.name);
    }
    return infos;
  }

  continue(): void {
    if (!this.#active) return;
    this.#paused = false;
    this.#stop = null;
    this.#setCredits(0);
  }

  pause(): void {
    if (!this.#active || this.#noDebug) return;
    this.#setCredits(0);
    if (!this.#paused) this.#halt({ reason: 'pause', frame: this.#frame });
  }

  /** Paused or running alike: exactly `frames` more frames simulate, then the game pauses with reason 'step'. */
  step(frames: number): void {
    if (!this.#active || this.#noDebug || !(frames >= 1)) return;
    this.#paused = false;
    this.#stop = null;
    this.#credits = Math.floor(frames);
  }

  beginFrame(frame: number): boolean {
    this.#frame = frame;
    if (!this.#active || this.#noDebug) return true;
    if (this.#paused) return false;
    if (this.#credits > 0 && --this.#credits === 0) {
      // Paused now so the next frame is held, but announced after this frame's simulation has run,
      // so listeners and the step's answer see the state the last stepped frame produced.
      this.#paused = true;
      this.#stop = { reason: 'step', frame };
      queueMicrotask(this.#announceStep);
    }
    return true;
  }

  hit(kind: BreakpointKind, name: string, frame: number, state: () => object): boolean {
    if (!this.#active || this.#noDebug || this.#paused) return false;
    const armed = this.#armed[kind].get(name);
    if (!armed) return false;
    let root: object | undefined;
    for (const bp of armed) {
      if (bp.condition) {
        root ??= state();
        const holds = checkCondition(bp.condition, root);
        // A condition that cannot be read right now (state missing) does not stop the game.
        if (!holds.ok || !holds.value) continue;
      }
      this.#frame = frame;
      this.#setCredits(0);
      this.#halt({ reason: 'breakpoint', breakpointId: bp.id, source: bp.source, frame });
      return true;
    }
    return false;
  }

  onStop(listener: StopListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  whenStepsDone(): Promise<void> {
    if (this.#credits === 0) return Promise.resolve();
    return new Promise((resolve) => this.#stepWaiters.push(resolve));
  }

  /** For the `debug` branch of the readable state tree. */
  view(): { paused: boolean; frame: number; session_id: string | null } {
    return { paused: this.#paused, frame: this.#frame, session_id: this.#sessionId };
  }

  end(): void {
    this.#active = false;
    this.#noDebug = false;
    this.#paused = false;
    this.#stop = null;
    this.#sessionId = null;
    this.#armed.events.clear();
    this.#armed.systems.clear();
    this.#setCredits(0);
  }

  #halt(stop: StopReason): void {
    this.#paused = true;
    this.#stop = stop;
    this.#announce();
  }

  /** Listeners may throw (they are other people's code); one failing must not stop the rest. */
  #announce(): void {
    if (this.#credits === 0) this.#releaseStepWaiters();
    const stop = this.#stop;
    if (!stop || !this.#paused) return;
    for (const listener of [...this.#listeners]) {
      try { listener(stop); } catch (error) { console.error('debug stop listener failed', error); }
    }
  }

  #setCredits(credits: number): void {
    this.#credits = credits;
    if (credits === 0) this.#releaseStepWaiters();
  }

  #releaseStepWaiters(): void {
    const waiters = this.#stepWaiters;
    this.#stepWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
