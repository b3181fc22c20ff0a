import { describe, expect, it } from 'vitest';
import { TypingSignal, type Timers } from './typing-signal.ts';

function manualTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  const timers: Timers = { set: (fn) => (pending.set(next, fn), next++), clear: (h) => void pending.delete(h as number) };
  const fire = () => { for (const [h, fn] of [...pending]) { pending.delete(h); fn(); } };
  return { timers, fire, pending };
}

describe('TypingSignal', () => {
  it('sends one start per burst and a stop after the pause', () => {
    const sent: boolean[] = [];
    const t = manualTimers();
    const signal = new TypingSignal((s) => sent.push(s), 3000, t.timers);
    signal.input('h');
    signal.input('he');
    signal.input('hey');
    expect(sent).toEqual([true]);
    expect(t.pending.size).toBe(1); // each keystroke restarts the one pause timer
    t.fire();
    expect(sent).toEqual([true, false]);
    signal.input('hey!');
    expect(sent).toEqual([true, false, true]);
  });

  it('stops when the text is cleared or the input closes, and only once', () => {
    const sent: boolean[] = [];
    const t = manualTimers();
    const signal = new TypingSignal((s) => sent.push(s), 3000, t.timers);
    signal.input('a');
    signal.input('');
    signal.stop();
    expect(sent).toEqual([true, false]);
    expect(t.pending.size).toBe(0);
    signal.input('   ');
    expect(sent).toEqual([true, false]);
  });
});
