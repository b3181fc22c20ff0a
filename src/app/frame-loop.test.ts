import { describe, expect, it } from 'vitest';
import type { Camera, WebGLRenderer } from 'three';
import { FrameLoop, type FrameContext, type System } from './frame-loop.ts';
import { createFrameState } from './frame-state.ts';
import type { SimControl } from './sim-control.ts';
import { createDesktopInputSystem } from '../scene/desktop-input-system.ts';

const camera = {} as Camera;
const gl = { xr: { isPresenting: false } } as unknown as WebGLRenderer;

function recorder(name: string, log: string[], seen: FrameContext[] = []): System {
  return { name, update: (f) => { log.push(name); seen.push({ ...f }); } };
}

function control(answers: boolean[], asked: number[]): SimControl {
  return {
    beginFrame: (frame) => { asked.push(frame); return answers.shift() ?? true; },
    frameSeconds: (_input, dt) => dt,
    endFrame: () => {},
    action: () => {},
  };
}

describe('FrameLoop', () => {
  it('runs the systems in the declared order, once each per frame, and counts frames', () => {
    const log: string[] = [];
    const counters = createFrameState().counters;
    const loop = new FrameLoop([recorder('input', log), recorder('player', log), recorder('control', log)], { counters, control: () => null, playing: () => true }, camera, gl);
    loop.run(1 / 60, camera, undefined);
    loop.run(1 / 60, camera, undefined);
    expect(log).toEqual(['input', 'player', 'control', 'input', 'player', 'control']);
    expect(counters.frame).toBe(2);
  });

  it('asks the control API once per playing frame, before any system, and every system sees the answer', () => {
    const seen: FrameContext[] = [];
    const asked: number[] = [];
    const counters = createFrameState().counters;
    let playing = true;
    const api = control([false, true], asked);
    const loop = new FrameLoop([recorder('a', [], seen), recorder('b', [], seen)], { counters, control: () => api, playing: () => playing }, camera, gl);
    loop.run(0.016, camera, undefined);
    expect(seen.map((f) => f.held)).toEqual([true, true]);
    loop.run(0.016, camera, undefined);
    expect(seen.slice(2).map((f) => f.held)).toEqual([false, false]);
    playing = false; // menus and loading: nothing is simulated, so nothing is asked
    loop.run(0.016, camera, undefined);
    expect(asked).toEqual([1, 2]);
    expect(seen[4].held).toBe(false);
  });

  it('counts a stalled frame as at most one second', () => {
    const seen: FrameContext[] = [];
    const loop = new FrameLoop([recorder('a', [], seen)], { counters: createFrameState().counters, control: () => null, playing: () => true }, camera, gl);
    loop.run(3.5, camera, undefined);
    expect(seen[0].dt).toBe(1);
  });

  it('refuses two systems with one name', () => {
    expect(() => new FrameLoop([recorder('a', []), recorder('a', [])], { counters: createFrameState().counters, control: () => null, playing: () => true }, camera, gl)).toThrow(/share a name/);
  });
});

describe('desktop input system', () => {
  it('acts on a latched boarding press in frame order, and drops it while the simulation is held', () => {
    const frame = createFrameState();
    let boarded = 0;
    const system = createDesktopInputSystem({ held: frame.held, input: frame.input, toggleBoarding: () => void boarded++ });
    const ctx = { dt: 0.016, nowMs: 0, frame: 1, presenting: false, xrFrame: undefined, playing: true, held: true, camera, gl } satisfies FrameContext;
    frame.held.boardPressed = true;
    system.update(ctx);
    expect([boarded, frame.held.boardPressed]).toEqual([0, false]);
    frame.held.boardPressed = true;
    frame.held.keys.add('KeyW');
    system.update({ ...ctx, held: false });
    expect(boarded).toBe(1);
    expect(frame.input.moveZ).toBe(1);
  });
});
