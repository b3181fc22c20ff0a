import { describe, expect, it } from 'vitest';
import { CreatureFrame } from './creature-frame.ts';
import { gazeCreature, pickCreature, stillAimed } from './creature-aim-system.ts';

function frameWith(points: Array<[number, number, number, number]>): CreatureFrame {
  const f = new CreatureFrame(4);
  f.grow(points.length);
  points.forEach(([n, x, y, z], i) => { f.number[i] = n; f.type[i] = 0; f.x[i] = x; f.y[i] = y; f.z[i] = z; });
  f.count = points.length;
  return f;
}

describe('creature aiming', () => {
  it('the crosshair ray picks the nearest body it passes through, within reach', () => {
    const f = frameWith([[7, 0, 0, -6], [8, 0, 0, -3], [9, 3, 0, -2]]);
    expect(f.number[pickCreature(f, 0, 0.5, 0, 0, 0, -1, 8)]).toBe(8);
    // Beyond reach, or behind: nothing.
    expect(pickCreature(f, 0, 0.5, 0, 0, 0, -1, 2)).toBe(-1);
    expect(pickCreature(f, 0, 0.5, 0, 0, 0, 1, 8)).toBe(-1);
    // A miss by more than the body's radius plus the margin.
    expect(pickCreature(frameWith([[1, 4, 0, -5]]), 0, 0.5, 0, 0, 0, -1, 8)).toBe(-1);
  });

  it('the VR gaze takes the nearest creature within about 45° of where the head looks', () => {
    const f = frameWith([[1, 2.5, 0, -3], [2, 0, 0, -6], [3, -5, 0, 1]]);
    expect(f.number[gazeCreature(f, 0, 1.6, 0, 0, 0, -1, 8)]).toBe(1);
    expect(gazeCreature(f, 0, 1.6, 0, 0, 0, 1, 8)).toBe(-1);
    expect(f.number[gazeCreature(f, 0, 1.6, 0, -1, 0, 0, 8)]).toBe(3);
  });

  it('an aim is kept while the creature stays within reach and about 70° of the view, and lost beyond', () => {
    const f = frameWith([[5, 3, 0, -4]]);
    expect(stillAimed(f, 5, 0, 0.5, 0, 0, 0, -1)).toBe(true); // 37° off, 5 m away
    expect(stillAimed(f, 5, 0, 0.5, 0, 1, 0, 0)).toBe(true); // 53° off
    expect(stillAimed(f, 5, 0, 0.5, 0, 0, 0, 1)).toBe(false); // behind
    expect(stillAimed(frameWith([[5, 0, 0, -11]]), 5, 0, 0.5, 0, 0, 0, -1)).toBe(false); // beyond 10 m
    expect(stillAimed(f, 6, 0, 0.5, 0, 0, 0, -1)).toBe(false); // gone
  });
});
