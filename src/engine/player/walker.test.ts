import { describe, expect, it } from 'vitest';
import { CollisionField } from './collision-field.ts';
import { CAPSULE_RADIUS, JUMP_SPEED, GRAVITY } from './player-constants.ts';
import { PlayerSim } from './player-sim.ts';
import { createPlayerInput, type PlayerInput } from './player-state.ts';
import type { PlayerEvent } from './player-events.ts';
import { dome, fieldFrom, flatGround, planetField, toDensity, wall } from './test-fields.ts';

const FRAME_RATES = [30, 60, 144];

function run(sim: PlayerSim, input: PlayerInput, seconds: number, hz: number, each?: () => void): void {
  const frames = Math.round(seconds * hz);
  for (let i = 0; i < frames; i++) {
    sim.step(1 / hz, input);
    each?.();
  }
}

describe('walking body', () => {
  it('settles on flat ground at y ≈ 0, grounded, and stays there', () => {
    const sim = new PlayerSim(fieldFrom(flatGround(0), -1, 0, -1, 0), { spawn: { x: 3, y: 1.5, z: 3 } });
    const input = createPlayerInput();
    run(sim, input, 2, 60);
    expect(sim.state.grounded).toBe(true);
    expect(Math.abs(sim.state.y)).toBeLessThan(0.02);
    const x = sim.state.x, z = sim.state.z;
    run(sim, input, 3, 60);
    expect(Math.abs(sim.state.y)).toBeLessThan(0.02);
    expect(Math.hypot(sim.state.x - x, sim.state.z - z)).toBeLessThan(1e-6);
  });

  it('falls under gravity and lands; a high fall hurts, a low one does not', () => {
    for (const [height, hurt] of [[4, false], [20, true]] as const) {
      const sim = new PlayerSim(fieldFrom(flatGround(0), -1, 0, -1, 0), { spawn: { x: 3, y: height, z: 3 } });
      const events: PlayerEvent[] = [];
      sim.on((e) => events.push(e));
      const input = createPlayerInput();
      // Free fall time to the ground plus a margin.
      run(sim, input, Math.sqrt((2 * height) / GRAVITY) + 0.5, 60);
      expect(sim.state.grounded).toBe(true);
      expect(Math.abs(sim.state.y)).toBeLessThan(0.05);
      expect(sim.state.health < 100).toBe(hurt);
      expect(events.some((e) => e.type === 'damaged' && e.cause === 'fall')).toBe(hurt);
    }
  });

  it('jumps to v²/2g when grounded, and only then', () => {
    const sim = new PlayerSim(fieldFrom(flatGround(0), -1, 0, -1, 0), { spawn: { x: 3, y: 0.5, z: 3 } });
    const input = createPlayerInput();
    run(sim, input, 1, 60);
    input.jump = true;
    let top = 0;
    run(sim, input, 0.3, 60, () => { top = Math.max(top, sim.state.y); input.jump = false; });
    run(sim, input, 1, 60, () => { top = Math.max(top, sim.state.y); });
    expect(top).toBeGreaterThan(0.9 * (JUMP_SPEED * JUMP_SPEED) / (2 * GRAVITY));
    expect(top).toBeLessThan(1.1 * (JUMP_SPEED * JUMP_SPEED) / (2 * GRAVITY));
    expect(sim.state.grounded).toBe(true);
  });

  it.each(FRAME_RATES)('never passes through a wall when walking into it for 5 s (%i Hz)', (hz) => {
    const sim = new PlayerSim(fieldFrom(wall(10, 14), -1, 0, -1, 0), { spawn: { x: 2, y: 0.5, z: 5, yaw: -Math.PI / 2 } });
    const input = createPlayerInput();
    input.moveZ = 1; // yaw -90° looks toward +x
    input.boost = true;
    let maxX = -Infinity;
    run(sim, input, 5, hz, () => { maxX = Math.max(maxX, sim.state.x); });
    expect(maxX).toBeLessThan(10 - CAPSULE_RADIUS + 0.02);
    // Trilinear density rounds the wall's foot into a ~1 m fillet, so the feet stop a little short.
    expect(sim.state.x).toBeGreaterThan(10 - CAPSULE_RADIUS - 0.25);
  });

  it.each(FRAME_RATES)('stays outside a steep dome hill it walks into (%i Hz)', (hz) => {
    // Ball of radius 12 centred 4 m below ground: its flanks near the ground are 70° steep.
    const sim = new PlayerSim(fieldFrom(dome(16, -4, 16, 12), -1, 1, -1, 1), { spawn: { x: 16, y: 0.5, z: 40 } });
    const input = createPlayerInput();
    input.moveZ = 1; // yaw 0 looks toward -z, at the dome
    let closest = Infinity;
    const s = sim.state;
    run(sim, input, 8, hz, () => {
      for (const h of [0.4, 0.9, 1.4]) closest = Math.min(closest, Math.hypot(s.x - 16, s.y + h + 4, s.z - 16));
    });
    expect(closest).toBeGreaterThan(12 + CAPSULE_RADIUS - 0.05);
    // It reached the foot of the dome (footprint radius 11.3) and did not climb over.
    expect(s.z).toBeLessThan(16 + 11.3 + 1);
    expect(s.z).toBeGreaterThan(16);
  });

  it('stands still on a 30° slope and slides down a 60° one', () => {
    const slope = (deg: number) => (x: number, y: number) => toDensity((-x * Math.tan((deg * Math.PI) / 180) - y) * Math.cos((deg * Math.PI) / 180));
    const gentle = new PlayerSim(fieldFrom(slope(30), -1, 0, -1, 0), { spawn: { x: -5, y: 3.2, z: -5 } });
    const input = createPlayerInput();
    run(gentle, input, 1, 60);
    expect(gentle.state.grounded).toBe(true);
    const x = gentle.state.x;
    run(gentle, input, 3, 60);
    expect(Math.abs(gentle.state.x - x)).toBeLessThan(0.02);
    const steep = new PlayerSim(fieldFrom(slope(60), -1, 0, -1, 0), { spawn: { x: -10, y: 18, z: -5 } });
    run(steep, input, 1, 60);
    expect(steep.state.grounded).toBe(false);
    expect(steep.state.x).toBeGreaterThan(-9);
  });

  it('walks up a 30° slope', () => {
    const slope = (x: number, y: number) => toDensity((x * 0.5773502691896257 - y) * 0.8660254037844386);
    const sim = new PlayerSim(fieldFrom(slope, -1, 0, -1, 0), { spawn: { x: -20, y: -11, z: -5, yaw: -Math.PI / 2 } });
    const input = createPlayerInput();
    run(sim, input, 1, 60);
    input.moveZ = 1;
    const y0 = sim.state.y;
    run(sim, input, 3, 60);
    expect(sim.state.x).toBeGreaterThan(-20 + 3 * 4.5 * 0.7);
    expect(sim.state.y).toBeGreaterThan(y0 + 3);
    expect(sim.state.grounded).toBe(true);
  });

  it('is held, not falling, where the ground has not streamed in, and goes on once it has', () => {
    const field = new CollisionField();
    const sim = new PlayerSim(field, { spawn: { x: 3, y: 5, z: 3 } });
    const input = createPlayerInput();
    input.moveZ = 1;
    run(sim, input, 2, 60);
    expect(sim.state.held).toBe(true);
    expect(sim.state.y).toBe(5);
    expect(sim.state.vy).toBe(0);
    fieldFrom(flatGround(0), -1, 0, -1, 0, field);
    input.moveZ = 0;
    run(sim, input, 2, 60);
    expect(sim.state.held).toBe(false);
    expect(sim.state.grounded).toBe(true);
    expect(Math.abs(sim.state.y)).toBeLessThan(0.05);
  });

  it('stops at the edge of the loaded terrain instead of walking off it', () => {
    const field = fieldFrom(flatGround(0), -1, 0, -1, 0); // x in [-32, 32)
    const sim = new PlayerSim(field, { spawn: { x: 20, y: 0.2, z: 3, yaw: -Math.PI / 2 } });
    const input = createPlayerInput();
    input.moveZ = 1;
    run(sim, input, 6, 60);
    expect(sim.state.held).toBe(true);
    expect(sim.state.x).toBeLessThan(32);
    expect(Math.abs(sim.state.y)).toBeLessThan(0.05);
  });

  it('walks real planet terrain without sinking into it', () => {
    const { field, store } = planetField(1, 0, 0, 40);
    const ground = store.columnInfo(4, 4).height;
    const sim = new PlayerSim(field, { spawn: { x: 4, y: ground + 1, z: 4 } });
    const input = createPlayerInput();
    const s = sim.state;
    const g = new Float64Array(4);
    let nearest = Infinity;
    for (let i = 0; i < 60 * 20; i++) {
      // Wander: turn slowly, sprint and jump now and then, stay near the middle.
      input.moveZ = 1;
      input.turnYaw = Math.hypot(s.x, s.z) > 25 ? 1 : ((i / 90) | 0) % 3 === 0 ? 0.4 : 0;
      input.boost = ((i / 120) | 0) % 2 === 0;
      input.jump = i % 150 === 0;
      sim.step(1 / 60, input);
      // Distance from each sphere centre of the capsule to the surface (density over its gradient).
      for (const h of [0.4, 0.9, 1.4]) {
        field.sampleGradient(s.x, s.y + h, s.z, g);
        nearest = Math.min(nearest, -g[0] / Math.hypot(g[1], g[2], g[3]));
      }
    }
    expect(sim.state.held).toBe(false);
    expect(nearest).toBeGreaterThan(CAPSULE_RADIUS - 0.05);
    expect(sim.state.deaths).toBe(0);
  });
});
