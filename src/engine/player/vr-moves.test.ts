import { describe, expect, it } from 'vitest';
import { PlayerSim } from './player-sim.ts';
import { createPlayerInput } from './player-state.ts';
import { fieldFrom, flatGround, wall } from './test-fields.ts';
import { DEG, cos, sin } from './angles.ts';

const FLAT = fieldFrom(flatGround(0), -2, 1, -2, 1);

/** World position of the head for a body at (x, z) with yaw, given the head's body-frame offset. */
const head = (x: number, z: number, yaw: number, bx: number, bz: number) => ({
  x: x + bx * cos(yaw) + bz * sin(yaw),
  z: z - bx * sin(yaw) + bz * cos(yaw),
});

describe('VR snap turn and teleport through PlayerInput', () => {
  it('a snap turn spins the view about the head, once, and is consumed', () => {
    const sim = new PlayerSim(FLAT, { spawn: { x: 0, y: 0, z: 0 } });
    const input = createPlayerInput();
    input.headX = 0.6; input.headZ = -0.4;
    const s = sim.state;
    const before = head(s.x, s.z, s.yaw, 0.6, -0.4);
    input.snapTurn = 30 * DEG;
    sim.step(1 / 60, input);
    expect(input.snapTurn).toBe(0);
    expect(s.yaw).toBeCloseTo(30 * DEG, 9);
    const after = head(s.x, s.z, s.yaw, 0.6, -0.4);
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.z).toBeCloseTo(before.z, 6);
    expect(Math.hypot(s.x, s.z)).toBeGreaterThan(0.1); // the feet moved to keep the head still
    sim.step(1 / 60, input);
    expect(s.yaw).toBeCloseTo(30 * DEG, 9); // not applied twice
  });

  it('a turn whose pivot shift would enter rock turns about the feet instead', () => {
    // Rock for x >= 1: a head 1.5 m to the right swings the feet toward +x by more than a metre.
    const field = fieldFrom(wall(1, 40), -2, 1, -2, 1);
    const sim = new PlayerSim(field, { spawn: { x: 0.2, y: 0, z: 0 } });
    const input = createPlayerInput();
    sim.step(1 / 60, input);
    const x0 = sim.state.x, z0 = sim.state.z;
    input.headX = 1.5; input.headZ = 0;
    input.snapTurn = 90 * DEG;
    sim.step(1 / 60, input);
    expect(sim.state.yaw).toBeCloseTo(90 * DEG, 9);
    // Within a millimetre: the tick after the turn may settle the body against the wall.
    expect(sim.state.x).toBeCloseTo(x0, 3);
    expect(sim.state.z).toBeCloseTo(z0, 3);
  });

  it('a teleport puts the head on the target, collision-checked, and is consumed', () => {
    const sim = new PlayerSim(FLAT, { spawn: { x: 0, y: 0, z: 0 } });
    const input = createPlayerInput();
    input.headX = 0.5; input.headZ = 0;
    input.teleport = true; input.teleportX = 10; input.teleportY = 0; input.teleportZ = -6;
    sim.step(1 / 60, input);
    expect(input.teleport).toBe(false);
    const h = head(sim.state.x, sim.state.z, sim.state.yaw, 0.5, 0);
    expect(h.x).toBeCloseTo(10, 3);
    expect(h.z).toBeCloseTo(-6, 3);
  });

  it('a teleport into rock changes nothing', () => {
    const sim = new PlayerSim(FLAT, { spawn: { x: 0, y: 0, z: 0 } });
    const input = createPlayerInput();
    sim.step(1 / 60, input);
    const x0 = sim.state.x, y0 = sim.state.y, z0 = sim.state.z;
    input.teleport = true; input.teleportX = 5; input.teleportY = -10; input.teleportZ = 5;
    sim.step(1 / 60, input);
    expect(sim.state.x).toBe(x0);
    expect(sim.state.z).toBe(z0);
    expect(sim.state.y).toBeCloseTo(y0, 3);
  });
});
