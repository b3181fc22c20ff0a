import { describe, expect, it, vi } from 'vitest';
import { DebugSession, type StopReason } from './debug-session.ts';

const state = () => ({ player: { health: 40 }, terrain: { edit_count: 3 } });

/** Runs the loop the way the game does: beginFrame, then (maybe) one simulated frame. Returns how many simulated. */
function run(session: DebugSession, from: number, count: number): number {
  let simulated = 0;
  for (let f = from; f < from + count; f++) if (session.beginFrame(f)) simulated++;
  return simulated;
}

describe('DebugSession', () => {
  it('numbers sessions and pauses at once with stopOnEntry', () => {
    const session = new DebugSession();
    expect(session.launch({}).session_id).toBe('debug_session_001');
    expect(session.paused).toBe(false);
    const { session_id } = session.launch({ stopOnEntry: true });
    expect(session_id).toBe('debug_session_002');
    expect(session.sessionId).toBe('debug_session_002');
    expect(session.paused).toBe(true);
    expect(session.stopReason).toMatchObject({ reason: 'entry' });
    expect(run(session, 1, 5)).toBe(0);
  });

  it('simulates every frame without a session and never stops on hits', () => {
    const session = new DebugSession();
    expect(run(session, 0, 3)).toBe(3);
    expect(session.hit('events', 'terrain_modified', 1, state)).toBe(false);
  });

  it('pauses on an events/terrain_modified breakpoint and continue resumes', () => {
    const session = new DebugSession();
    const stops: StopReason[] = [];
    session.onStop((reason) => stops.push(reason));
    session.launch({});
    const [bp] = session.setBreakpoints('events/terrain_modified', [{ line: 0 }]);
    expect(bp).toEqual({ id: expect.any(Number), line: 0, verified: true });
    expect(session.hit('events', 'fps', 10, state)).toBe(false);
    expect(session.hit('events', 'terrain_modified', 10, state)).toBe(true);
    expect(session.paused).toBe(true);
    expect(session.stopReason).toEqual({ reason: 'breakpoint', breakpointId: bp.id, source: 'events/terrain_modified', frame: 10 });
    expect(stops).toHaveLength(1);
    expect(session.beginFrame(11)).toBe(false);
    session.continue();
    expect(session.paused).toBe(false);
    expect(session.stopReason).toBeNull();
    expect(session.beginFrame(12)).toBe(true);
  });

  it('does not call state() when the hit has no breakpoints or no condition', () => {
    const session = new DebugSession();
    session.launch({});
    const read = vi.fn(state);
    session.setBreakpoints('systems/terrain', [{}]);
    expect(session.hit('systems', 'player', 1, read)).toBe(false);
    expect(session.hit('systems', 'terrain', 1, read)).toBe(true);
    expect(read).not.toHaveBeenCalled();
  });

  it('stops only when the condition holds', () => {
    const session = new DebugSession();
    session.launch({});
    const [bp] = session.setBreakpoints('systems/player', [{ condition: 'player.health < 20' }]);
    expect(bp.verified).toBe(true);
    expect(session.hit('systems', 'player', 1, state)).toBe(false);
    expect(session.paused).toBe(false);
    expect(session.hit('systems', 'player', 2, () => ({ player: { health: 5 } }))).toBe(true);
  });

  it('leaves unknown sources and bad conditions unverified, with a reason', () => {
    const session = new DebugSession();
    session.launch({});
    const [unknown] = session.setBreakpoints('events/explosion', [{ line: 3 }]);
    expect(unknown).toMatchObject({ line: 3, verified: false, message: expect.stringContaining('events/explosion') });
    expect(session.setBreakpoints('res://scripts/player.gd', [{}])[0].verified).toBe(false);
    const [bad, typo] = session.setBreakpoints('events/error', [{ condition: 'player.health <' }, { condition: 'player.helth > 1' }]);
    expect(bad).toMatchObject({ verified: false, message: expect.stringContaining('condition') });
    expect(typo.message).toContain("did you mean 'player.health'");
    expect(bad.id).not.toBe(typo.id);
    expect(session.hit('events', 'error', 1, state)).toBe(false);
  });

  it('does not arm interval events (fps, tracking, position): they are timed samples, not moments in the game', () => {
    const session = new DebugSession();
    session.launch({});
    expect(session.setBreakpoints('events/fps', [{}])[0]).toMatchObject({ verified: false });
    expect(session.setBreakpoints('events/player_position', [{}])[0]).toMatchObject({ verified: false });
  });

  it('replaces a source’s breakpoints on every set, and an empty list clears them', () => {
    const session = new DebugSession();
    session.launch({});
    const first = session.setBreakpoints('events/scene_loaded', [{}, {}]);
    const second = session.setBreakpoints('events/scene_loaded', [{ condition: 'terrain.edit_count > 100' }]);
    expect(new Set([...first, ...second].map((b) => b.id)).size).toBe(3);
    expect(session.hit('events', 'scene_loaded', 1, state)).toBe(false);
    session.setBreakpoints('events/scene_loaded', [{}]);
    session.setBreakpoints('events/warning', [{}]);
    session.setBreakpoints('events/scene_loaded', []);
    expect(session.hit('events', 'scene_loaded', 2, state)).toBe(false);
    expect(session.hit('events', 'warning', 2, state)).toBe(true);
  });

  it('step(3) from a pause lets exactly 3 frames simulate, then pauses with reason step', async () => {
    const session = new DebugSession();
    session.launch({ stopOnEntry: true });
    const stops: StopReason[] = [];
    session.onStop((reason) => stops.push(reason));
    session.step(3);
    const done = session.whenStepsDone();
    expect(run(session, 100, 10)).toBe(3);
    await done;
    expect(session.paused).toBe(true);
    expect(session.stopReason).toEqual({ reason: 'step', frame: 102 });
    expect(stops.map((s) => s.reason)).toEqual(['step']);
    await expect(session.whenStepsDone()).resolves.toBeUndefined();
  });

  it('step while running pauses after N frames; continue or pause releases a pending step', async () => {
    const session = new DebugSession();
    session.launch({});
    session.step(2);
    expect(run(session, 0, 5)).toBe(2);
    session.step(50);
    const done = session.whenStepsDone();
    session.pause();
    await done;
    expect(session.stopReason).toMatchObject({ reason: 'pause' });
    expect(session.beginFrame(9)).toBe(false);
  });

  it('noDebug runs but never pauses', () => {
    const session = new DebugSession();
    session.launch({ noDebug: true, stopOnEntry: true });
    expect(session.active).toBe(true);
    expect(session.paused).toBe(false);
    expect(session.setBreakpoints('events/fps', [{}])[0].verified).toBe(false);
    expect(session.hit('events', 'fps', 1, state)).toBe(false);
    session.pause();
    session.step(1);
    expect(run(session, 0, 4)).toBe(4);
  });

  it('end() forgets the session and its breakpoints', () => {
    const session = new DebugSession();
    session.launch({ stopOnEntry: true });
    session.setBreakpoints('events/fps', [{}]);
    session.end();
    expect([session.active, session.paused, session.sessionId]).toEqual([false, false, null]);
    session.launch({});
    expect(session.hit('events', 'fps', 1, state)).toBe(false);
  });
});
