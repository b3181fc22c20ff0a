import { describe, expect, it } from 'vitest';
import { StickGestures } from './stick-gestures.ts';

describe('StickGestures', () => {
  it('snap-turns once per flick and re-arms at the centre', () => {
    const g = new StickGestures();
    expect(g.update(0.9, 0, true, true)).toBe('turn-right');
    expect(g.update(1, 0, true, true)).toBe('none');
    expect(g.update(0.5, 0, true, true)).toBe('none');
    expect(g.update(0.1, 0, true, true)).toBe('none');
    expect(g.update(-0.9, 0, true, true)).toBe('turn-left');
  });

  it('aims while pushed forward and fires on release', () => {
    const g = new StickGestures();
    expect(g.update(0, -0.9, true, true)).toBe('aim-start');
    expect(g.update(0.2, -1, true, true)).toBe('none');
    expect(g.update(0, 0, true, true)).toBe('aim-release');
    expect(g.aiming).toBe(false);
  });

  it('honours the settings: no teleport, no snap turn', () => {
    const g = new StickGestures();
    expect(g.update(0, -0.9, false, true)).toBe('none');
    expect(g.update(0.9, 0, true, false)).toBe('none');
  });
});
