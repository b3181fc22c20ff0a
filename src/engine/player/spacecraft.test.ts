import { describe, expect, it } from 'vitest';
import { CollisionField } from './collision-field.ts';
import { SHIP_BOOST_SPEED, SHIP_MAX_SPEED, SHIP_RADIUS } from './player-constants.ts';
import type { PlayerEvent } from './player-events.ts';
import { PlayerSim } from './player-sim.ts';
import { createPlayerInput, type PlayerInput } from './player-state.ts';
import { fieldFrom, flatGround, openSky, planetField, topOfRock, wall } from './test-fields.ts';

const speedOf = (v: { vx: number; vy: number; vz: number }) => Math.hypot(v.vx, v.vy, v.vz);

function run(sim: PlayerSim, input: PlayerInput, seconds: number, hz: number, each?: () => void): void {
  for (let i = 0, n = Math.round(seconds * hz); i < n; i++) {
    sim.step(1 / hz, input);
    each?.();
  }
}

/** A ship hovering at (x, y, z) heading toward +x (yaw -90°), in a world of a 4 m wall at x 10..14. */
function wallWorld(x: number, ground = false) {
  const sim = new PlayerSim(fieldFrom(wall(10, 14, ground), -5, 1, -1, 0), { spawn: { x: -120, y: 40, z: -5 } });
  expect(sim.hover({ x, y: 40, z: -5 }, -90, 0).ok).toBe(true);
  const events: PlayerEvent[] = [];
  sim.on((e) => events.push(e));
  return { sim, events, input: createPlayerInput() };
}

describe('spacecraft', () => {
  it.each([30, 60, 144])('at full boost into a 4 m wall it never reaches the far side (%i Hz)', (hz) => {
    const { sim, events, input } = wallWorld(-140);
    input.moveZ = 1;
    input.boost = true;
    let maxX = -Infinity, top = 0;
    run(sim, input, 4, hz, () => {
      if (sim.state.mode === 'spacecraft') maxX = Math.max(maxX, sim.state.ship.x);
      top = Math.max(top, speedOf(sim.state.ship));
    });
    expect(top).toBeCloseTo(SHIP_BOOST_SPEED, 6);
    // A 120 m/s crash kills: where it died is the deepest the ship got.
    const died = events.find((e) => e.type === 'died');
    expect(died?.type === 'died' && died.cause).toBe('impact');
    if (died?.type === 'died') expect(died.position.x).toBeLessThan(10 - SHIP_RADIUS + 0.01);
    expect(maxX).toBeLessThan(10 - SHIP_RADIUS + 0.01);
    expect(sim.state.deaths).toBe(1);
  });

  it.each([30, 60, 144])('at top speed it stops against the wall, hurt but alive (%i Hz)', (hz) => {
    const { sim, events, input } = wallWorld(-100);
    input.moveZ = 1;
    let maxX = -Infinity;
    run(sim, input, 4, hz, () => { maxX = Math.max(maxX, sim.state.ship.x); });
    expect(maxX).toBeLessThan(10 - SHIP_RADIUS + 0.01);
    expect(sim.state.ship.x).toBeGreaterThan(10 - SHIP_RADIUS - 0.05);
    expect(sim.state.mode).toBe('spacecraft');
    expect(sim.state.health).toBeLessThan(100);
    expect(sim.state.health).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'damaged' && e.cause === 'impact')).toBe(true);
  });

  it('speed is limited to 60 m/s, 120 with boost, and coasts down without thrust', () => {
    const sim = new PlayerSim(openSky(-20, 20, -1, 0));
    sim.hover({ x: -500, y: 40, z: 0 }, -90, 0);
    const input = createPlayerInput();
    input.moveZ = 1;
    run(sim, input, 4, 60);
    expect(speedOf(sim.state.ship)).toBeCloseTo(SHIP_MAX_SPEED, 6);
    input.boost = true;
    run(sim, input, 1, 60);
    expect(speedOf(sim.state.ship)).toBeLessThanOrEqual(SHIP_BOOST_SPEED);
    expect(speedOf(sim.state.ship)).toBeGreaterThan(SHIP_MAX_SPEED);
    input.moveZ = 0;
    input.boost = false;
    run(sim, input, 6, 60);
    expect(speedOf(sim.state.ship)).toBeLessThan(1);
    expect(sim.state.ship.vx).toBeGreaterThanOrEqual(0); // flew toward +x, still drifting that way
    expect(sim.state.held).toBe(false);
  });

  it('lands gently on flat ground and takes off with thrust', () => {
    const sim = new PlayerSim(fieldFrom(flatGround(0), -1, 0, -1, 0), { spawn: { x: 0, y: 0, z: 0 } });
    expect(sim.hover({ x: 5, y: 8, z: 5 }, 0, 0).ok).toBe(true);
    const events: PlayerEvent[] = [];
    sim.on((e) => events.push(e));
    const input = createPlayerInput();
    input.moveY = -0.3;
    run(sim, input, 3, 60);
    expect(sim.state.ship.y).toBeGreaterThan(SHIP_RADIUS - 0.02);
    input.moveY = 0;
    run(sim, input, 0.5, 60);
    expect(sim.state.ship.landed).toBe(true);
    expect(speedOf(sim.state.ship)).toBe(0);
    expect(Math.abs(sim.state.ship.y - SHIP_RADIUS)).toBeLessThan(0.15);
    expect(events.filter((e) => e.type === 'landed')).toHaveLength(1);
    expect(sim.state.health).toBe(100);
    input.moveY = 1;
    run(sim, input, 1, 60);
    expect(sim.state.ship.landed).toBe(false);
    expect(sim.state.ship.y).toBeGreaterThan(SHIP_RADIUS + 5);
  });

  it('turns left with positive yaw, and level flight keeps up = world up', () => {
    const sim = new PlayerSim(fieldFrom(flatGround(-60), -1, 0, -1, 0));
    expect(sim.hover({ x: 0, y: 20, z: 0 }, 0, 0).ok).toBe(true);
    const input = createPlayerInput();
    input.turnYaw = 1;
    run(sim, input, 0.5, 60);
    expect(sim.snapshot().rotation.y).toBeGreaterThan(20);
    input.turnYaw = 0;
    input.turnPitch = 1;
    input.roll = 1;
    run(sim, input, 0.5, 60);
    const free = sim.snapshot().rotation;
    expect(free.x).toBeGreaterThan(10); // nose up
    expect(Math.abs(free.z)).toBeGreaterThan(10);
    sim.state.levelFlight = true;
    input.moveY = 1;
    run(sim, input, 1, 60);
    const level = sim.snapshot().rotation;
    expect(Math.abs(level.x)).toBeLessThan(1e-9);
    expect(Math.abs(level.z)).toBeLessThan(1e-9);
    // moveY is straight up in level flight.
    expect(sim.state.ship.vy).toBeGreaterThan(10);
    expect(Math.hypot(sim.state.ship.vx, sim.state.ship.vz)).toBeLessThan(1e-6);
  });

  it('mouse look turns the ship about its own axes and is consumed', () => {
    const sim = new PlayerSim(fieldFrom(flatGround(-60), -1, 0, -1, 0));
    sim.hover({ x: 0, y: 20, z: 0 }, 0, 0);
    const input = createPlayerInput();
    input.lookYaw = 0.5;
    input.lookPitch = 0.25;
    sim.step(1 / 60, input);
    expect(input.lookYaw).toBe(0);
    expect(input.lookPitch).toBe(0);
    const r = sim.snapshot().rotation;
    expect(r.y).toBeCloseTo(0.5 / (Math.PI / 180), 6);
    expect(r.x).toBeCloseTo(0.25 / (Math.PI / 180), 6);
  });

  it('flies low over real terrain at top speed without ever entering the rock', () => {
    const { field } = planetField(1, 0, 0, 64, true);
    const sim = new PlayerSim(field);
    sim.state.levelFlight = true;
    const lift = (x: number, z: number) => topOfRock(field, x, z) + 3;
    expect(sim.hover({ x: -45, y: lift(-45, 0), z: 0 }, -90, 0).ok).toBe(true);
    const input = createPlayerInput();
    input.moveZ = 1;
    const ship = sim.state.ship;
    // Points on a sphere a little inside the hull: none may be in rock (density > 0).
    const dirs: number[][] = [];
    for (const a of [-1, 0, 1]) for (const b of [-1, 0, 1]) for (const c of [-1, 0, 1]) if (a || b || c) dirs.push([a, b, c].map((v) => v / Math.hypot(a, b, c)));
    let worst = -Infinity, lane = 0, contacts = 0;
    for (let i = 0; i < 72 * 12; i++) {
      if (ship.x > 45) { lane = (lane + 1) % 4; ship.x -= 90; ship.z = (lane - 1.5) * 20; ship.y = Math.max(ship.y, lift(ship.x, ship.z)); }
      const ahead = Math.max(lift(ship.x, ship.z), lift(ship.x + 10, ship.z));
      input.moveY = Math.max(-1, Math.min(1, (ahead - ship.y) * 0.5 - ship.vy * 0.1));
      sim.state.health = 100;
      sim.step(1 / 72, input);
      if (sim.spacecraft.impact > 0) contacts++;
      worst = Math.max(worst, field.sample(ship.x, ship.y, ship.z));
      for (const [a, b, c] of dirs) worst = Math.max(worst, field.sample(ship.x + a * (SHIP_RADIUS - 0.15), ship.y + b * (SHIP_RADIUS - 0.15), ship.z + c * (SHIP_RADIUS - 0.15)));
    }
    expect(sim.state.held).toBe(false);
    expect(contacts).toBeGreaterThan(0); // it did scrape the ground, so collision was exercised
    expect(worst).toBeLessThanOrEqual(0);
  });

  it('is held where terrain has not streamed in', () => {
    const sim = new PlayerSim(new CollisionField());
    sim.hover({ x: 0, y: 20, z: 0 }, 0, 0);
    const input = createPlayerInput();
    input.moveZ = 1;
    run(sim, input, 1, 60);
    expect(sim.state.held).toBe(true);
    expect(sim.state.ship.z).toBe(0);
    expect(sim.snapshot().held).toBe(true);
  });
});
