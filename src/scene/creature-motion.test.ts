import { describe, expect, test } from 'vitest';
import { CreatureFlag, CreatureFrame } from './creature-frame.ts';
import { CreatureMotion, M, STRIDE } from './creature-motion.ts';
import { CREATURE_RIGS } from './creature-rig.ts';

/** A frame with creatures numbered `numbers`, in that slot order; creature n walks along +x at n m/s. */
function frameOf(numbers: number[], type = 0): CreatureFrame {
  const f = new CreatureFrame(8);
  numbers.forEach((n, i) => {
    f.number[i] = n; f.type[i] = type; f.x[i] = n * 10; f.y[i] = 0; f.z[i] = 0;
    f.vx[i] = n; f.vy[i] = 0; f.vz[i] = 0; f.headX[i] = 1; f.headZ[i] = 0;
    f.lookX[i] = NaN; f.lookY[i] = 0; f.lookZ[i] = 0; f.health01[i] = 1; f.level[i] = 1; f.flags[i] = 0; f.state[i] = 0;
  });
  f.count = numbers.length;
  return f;
}

const read = (m: CreatureMotion, slot: number, key: number) => m.state[slot * STRIDE + key];

describe('creature motion', () => {
  test('phases follow the creature, not its slot, when slots reorder', () => {
    const steady = new CreatureMotion(), shuffled = new CreatureMotion();
    const order = [1, 2, 3, 4, 5];
    for (let frame = 0; frame < 60; frame++) {
      steady.step(frameOf(order), 1 / 60);
      // The same creatures, their slots rotated by a different amount each frame.
      const rotated = order.map((_, i) => order[(i + frame) % order.length]);
      shuffled.step(frameOf(rotated), 1 / 60);
      for (let s = 0; s < order.length; s++) {
        const n = rotated[s], ref = order.indexOf(n);
        for (const key of [M.Gait, M.Swing, M.Yaw, M.Seed]) expect(read(shuffled, s, key)).toBeCloseTo(read(steady, ref, key), 6);
      }
    }
    // Creatures at different speeds end up at different phases, so herds do not march in step.
    expect(new Set(order.map((_, s) => read(steady, s, M.Gait).toFixed(3))).size).toBe(order.length);
  });

  test('the gait advances with distance walked, not with time', () => {
    const m = new CreatureMotion();
    const f = frameOf([1]);
    f.vx[0] = 0;
    m.step(f, 0.1);
    const still = read(m, 0, M.Gait);
    for (let i = 0; i < 20; i++) m.step(f, 0.1);
    expect(read(m, 0, M.Gait)).toBeCloseTo(still, 6);
    expect(read(m, 0, M.Swing)).toBe(0);
    f.vx[0] = 2;
    let before = read(m, 0, M.Gait), travelled = 0;
    for (let i = 0; i < 30; i++) {
      m.step(f, 0.05);
      travelled += (read(m, 0, M.Gait) - before + 1) % 1;
      before = read(m, 0, M.Gait);
    }
    expect(travelled).toBeGreaterThan(0.5); // 3 m walked: about two strides of a 1.1 m-hip grazer
    expect(read(m, 0, M.Swing)).toBeGreaterThan(0.2);
  });

  test('the head turns toward its target within its limit, and straight ahead without one', () => {
    const m = new CreatureMotion();
    const f = frameOf([1], 1);
    // Facing +x; target to the left (−z is left when facing +x) and far to the side.
    f.lookX[0] = f.x[0] + 0.5; f.lookY[0] = 1.7; f.lookZ[0] = -20;
    for (let i = 0; i < 120; i++) m.step(f, 1 / 30);
    const limit = CREATURE_RIGS[1].yawLimit;
    expect(read(m, 0, M.Yaw)).toBeGreaterThan(limit * 0.95);
    expect(read(m, 0, M.Yaw)).toBeLessThanOrEqual(limit + 1e-6);
    f.lookZ[0] = 20;
    for (let i = 0; i < 120; i++) m.step(f, 1 / 30);
    expect(read(m, 0, M.Yaw)).toBeLessThan(-limit * 0.95);
    f.lookX[0] = NaN;
    for (let i = 0; i < 120; i++) m.step(f, 1 / 30);
    expect(Math.abs(read(m, 0, M.Yaw))).toBeLessThan(0.01);
  });

  test('a drop in health flashes; the Dying flag plays the death out over about a second', () => {
    const m = new CreatureMotion();
    const f = frameOf([7]);
    m.step(f, 1 / 60);
    expect(read(m, 0, M.Hit)).toBe(0);
    f.health01[0] = 0.6;
    m.step(f, 1 / 60);
    expect(read(m, 0, M.Hit)).toBe(1);
    for (let i = 0; i < 30; i++) m.step(f, 1 / 60);
    expect(read(m, 0, M.Hit)).toBe(0);
    f.flags[0] = CreatureFlag.Dying;
    for (let i = 0; i < 30; i++) m.step(f, 1 / 60);
    expect(read(m, 0, M.Dying)).toBeGreaterThan(0.3);
    expect(read(m, 0, M.Dying)).toBeLessThan(0.7);
    for (let i = 0; i < 60; i++) m.step(f, 1 / 60);
    expect(read(m, 0, M.Dying)).toBe(1);
  });

  test('flyers beat their wings faster climbing than gliding fast', () => {
    const rate = (vx: number, vy: number) => {
      const m = new CreatureMotion(), f = frameOf([3], 2);
      f.vx[0] = vx; f.vy[0] = vy;
      for (let i = 0; i < 90; i++) m.step(f, 1 / 30); // settle the beat's amplitude
      let turns = 0, before = read(m, 0, M.Wing);
      for (let i = 0; i < 30; i++) {
        m.step(f, 1 / 30);
        turns += (read(m, 0, M.Wing) - before + 1) % 1;
        before = read(m, 0, M.Wing);
      }
      return { hz: turns, amp: read(m, 0, M.WingAmp) };
    };
    const climb = rate(3, 2.5), glide = rate(10, 0);
    expect(climb.hz).toBeGreaterThan(glide.hz * 1.8);
    expect(climb.amp).toBeGreaterThan(glide.amp * 3);
  });

  test('grows past its first capacity and keeps the phases it had', () => {
    const m = new CreatureMotion();
    m.step(frameOf([5]), 0.1);
    const gait = read(m, 0, M.Gait);
    const many = Array.from({ length: 300 }, (_, i) => 300 - i); // creature 5 is now in slot 295
    const f = new CreatureFrame(300);
    const small = frameOf([5]);
    for (let i = 0; i < many.length; i++) {
      f.number[i] = many[i]; f.type[i] = 0; f.vx[i] = many[i] === 5 ? 5 : 0; f.headX[i] = 1; f.lookX[i] = NaN; f.health01[i] = 1; f.level[i] = 1;
    }
    f.count = many.length;
    m.step(f, 0);
    expect(read(m, many.indexOf(5), M.Gait)).toBeCloseTo(gait, 6);
    expect(small.count).toBe(1);
  });
});
