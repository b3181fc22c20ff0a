import { describe, expect, it } from 'vitest';
import { BoxSolids } from './box-solids.ts';
import { CAPSULE_RADIUS } from './player-constants.ts';
import { PlayerSim } from './player-sim.ts';
import { createPlayerInput } from './player-state.ts';
import { fieldFrom, flatGround } from './test-fields.ts';

function walk(sim: PlayerSim, moveX: number, seconds: number): void {
  const input = createPlayerInput();
  input.moveX = moveX;
  for (let i = 0; i < seconds * 60; i++) sim.step(1 / 60, input);
}

describe('BoxSolids', () => {
  it('finds the deepest overlap with its outward normal, turned by the yaw', () => {
    const solids = new BoxSolids();
    solids.set([{ x: 0, y: 0, z: 0, yawDeg: 0, sizeX: 2, sizeY: 2, sizeZ: 4 }]);
    expect(solids.overlap(1.3, 1, 0, 0.5, 0)).toBe(true); // 0.3 m from the +x face, radius 0.5
    expect(solids.nx).toBeCloseTo(1);
    expect(solids.depth).toBeCloseTo(0.2);
    expect(solids.overlap(1.6, 1, 0, 0.5, 0)).toBe(false);
    expect(solids.overlap(0, 2.3, 0, 0.5, 0)).toBe(true); // above the top: pushed up
    expect(solids.ny).toBeCloseTo(1);
    // Turned 90°: local +x is world −z, so the 4 m long side now runs along x.
    solids.set([{ x: 0, y: 0, z: 0, yawDeg: 90, sizeX: 2, sizeY: 2, sizeZ: 4 }]);
    expect(solids.overlap(2.3, 1, 0, 0.5, 0)).toBe(true);
    expect(solids.nx).toBeCloseTo(1);
    expect(solids.overlap(0, 1, 1.6, 0.5, 0)).toBe(false);
    // Centre inside: out by the nearest face.
    solids.set([{ x: 0, y: 0, z: 0, yawDeg: 0, sizeX: 4, sizeY: 4, sizeZ: 4 }]);
    expect(solids.overlap(1.8, 2, 0, 0.5, 0)).toBe(true);
    expect(solids.nx).toBeCloseTo(1);
    expect(solids.depth).toBeCloseTo(0.7);
  });

  it('stops a walking player at a structure and lets it stand on top', () => {
    const field = () => fieldFrom(flatGround(0), -1, 0, -1, 0);
    const open = new PlayerSim(field(), { spawn: { x: 3, y: 0.5, z: 3 } });
    walk(open, 1, 3);
    const dir = Math.sign(open.state.x - 3);
    expect(Math.abs(open.state.x - 3)).toBeGreaterThan(4); // walks freely without the box

    const blocked = field();
    blocked.solids.set([{ x: 3 + dir * 3, y: 0, z: 3, yawDeg: 0, sizeX: 2, sizeY: 3, sizeZ: 6 }]);
    const sim = new PlayerSim(blocked, { spawn: { x: 3, y: 0.5, z: 3 } });
    walk(sim, 1, 3);
    // The face is 2 m from the spawn; the capsule stops its radius short of it.
    expect(Math.abs(sim.state.x - 3)).toBeLessThan(2 - CAPSULE_RADIUS + 0.05);
    expect(Math.abs(sim.state.x - 3)).toBeGreaterThan(1);

    const onTop = field();
    onTop.solids.set([{ x: 3, y: 0, z: 3, yawDeg: 30, sizeX: 4, sizeY: 1.5, sizeZ: 4 }]);
    const standing = new PlayerSim(onTop, { spawn: { x: 3, y: 3, z: 3 } });
    walk(standing, 0, 2);
    expect(standing.state.grounded).toBe(true);
    expect(standing.state.y).toBeGreaterThan(1.45);
    expect(standing.state.y).toBeLessThan(1.55);
  });
});
