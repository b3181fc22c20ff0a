import { describe, expect, it } from 'vitest';
import { EYE_HEIGHT, MAX_TICKS_PER_STEP, OXYGEN_REFILL, SHIP_RADIUS } from './player-constants.ts';
import type { PlayerEvent } from './player-events.ts';
import { PlayerSim } from './player-sim.ts';
import { createCameraPose, createPlayerInput, type PlayerInput } from './player-state.ts';
import { fieldFrom, flatGround, planetField } from './test-fields.ts';

/** Flat ground at y = 0 over x, z in [-64, 64); sims only read it, so every test shares it. */
const FLAT = fieldFrom(flatGround(0), -2, 1, -2, 1);
const flat = () => FLAT;

function run(sim: PlayerSim, input: PlayerInput, seconds: number, hz = 15): void {
  for (let i = 0, n = Math.round(seconds * hz); i < n; i++) sim.step(1 / hz, input);
}

describe('vitals', () => {
  it('oxygen drains 100 → 0 in 240 s while walking outside, and refills in the ship', () => {
    const sim = new PlayerSim(flat(), { spawn: { x: 0, y: 0, z: 0 } });
    const input = createPlayerInput();
    run(sim, input, 60);
    expect(sim.snapshot().oxygen).toBeCloseTo(75, 1);
    run(sim, input, 120);
    expect(sim.snapshot().oxygen).toBeCloseTo(25, 1);
    expect(sim.state.health).toBe(100);
    expect(sim.setMode('spacecraft').ok).toBe(true);
    run(sim, input, 1);
    expect(sim.snapshot().oxygen).toBeCloseTo(25 + OXYGEN_REFILL, 1);
    run(sim, input, 10);
    expect(sim.snapshot().oxygen).toBe(100);
  });

  it('a pressurised place refills oxygen while walking', () => {
    const sim = new PlayerSim(flat(), { spawn: { x: 0, y: 0, z: 0 }, isPressurised: (x) => x > 5 });
    const input = createPlayerInput();
    sim.state.oxygen = 50;
    run(sim, input, 1);
    expect(sim.state.oxygen).toBeLessThan(50);
    sim.teleport({ x: 10, y: 0, z: 0 });
    run(sim, input, 1);
    expect(sim.state.oxygen).toBeGreaterThan(65);
  });

  it('without oxygen health drains; at 0 the player dies and respawns at the spawn point', () => {
    const sim = new PlayerSim(flat(), { spawn: { x: 0, y: 0, z: 0 } });
    expect(sim.spawn({ position: { x: 3, y: 0, z: -4 }, rotation: { x: 0, y: 45, z: 0 } }).ok).toBe(true);
    const events: PlayerEvent[] = [];
    sim.on((e) => events.push(e));
    const input = createPlayerInput();
    input.moveZ = 1;
    run(sim, input, 239);
    expect(sim.state.health).toBe(100);
    run(sim, input, 2);
    expect(sim.state.oxygen).toBe(0);
    expect(sim.state.health).toBeLessThan(100);
    run(sim, input, 9);
    expect(sim.state.deaths).toBe(1);
    const snap = sim.snapshot();
    expect(snap).toMatchObject({ mode: 'walking', health: 100, oxygen: 100, deaths: 1 });
    // Respawned where the spawn point is (plus at most the few ticks since).
    expect(Math.hypot(snap.position.x - 3, snap.position.z + 4)).toBeLessThan(1);
    expect(Math.hypot(sim.state.ship.x - 3, sim.state.ship.z + 4)).toBeLessThan(7);
    expect(sim.state.ship.landed).toBe(true);
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'damaged').length).toBeGreaterThan(0);
    expect(events.find((e) => e.type === 'died')).toMatchObject({ cause: 'suffocation', deaths: 1 });
    expect(types.indexOf('respawned')).toBe(types.indexOf('died') + 1);
  });

  it('unsubscribed listeners hear nothing; a throwing listener does not break the tick', () => {
    const sim = new PlayerSim(flat(), { spawn: { x: 0, y: 0, z: 0 } });
    const heard: string[] = [];
    const off = sim.on((e) => heard.push(e.type));
    sim.on(() => { throw new Error('listener bug'); });
    const errors = console.error;
    console.error = () => {};
    try {
      sim.setMode('spacecraft');
      off();
      sim.setMode('walking');
    } finally {
      console.error = errors;
    }
    expect(heard).toEqual(['mode']);
    expect(sim.state.mode).toBe('walking');
  });
});

describe('stepping', () => {
  it('runs whole 1/120 s ticks, at most 8 per step, and carries the remainder', () => {
    const sim = new PlayerSim(flat(), { spawn: { x: 0, y: 0, z: 0 } });
    const input = createPlayerInput();
    expect(sim.step(1 / 240, input)).toBe(0);
    expect(sim.step(1 / 240, input)).toBe(1);
    expect(sim.step(1, input)).toBe(MAX_TICKS_PER_STEP);
    expect(sim.step(1 / 120 - 1e-9, input)).toBeLessThanOrEqual(1);
    expect(sim.step(NaN, input)).toBe(0);
    expect(sim.step(-1, input)).toBe(0);
  });

  it('replaying the same inputs gives an identical snapshot, on real terrain', () => {
    const { field, store } = planetField(1, 0, 0, 40);
    const ground = store.columnInfo(0, 0).height;
    const play = () => {
      const sim = new PlayerSim(field, { spawn: { x: 0, y: ground + 0.5, z: 0 } });
      const input = createPlayerInput();
      let seed = 12345;
      const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
      for (let i = 0; i < 1500; i++) {
        if (i % 20 === 0) {
          input.moveX = rand() * 2 - 1;
          input.moveZ = rand() * 1.5 - 0.5;
          input.jump = rand() < 0.2;
          input.boost = rand() < 0.5;
          input.turnYaw = rand() - 0.5;
        }
        input.lookYaw = (rand() - 0.5) * 0.05;
        input.lookPitch = (rand() - 0.5) * 0.02;
        if (i === 700) sim.setMode('spacecraft', { force: true });
        if (i > 700) { input.moveY = rand() - 0.4; input.roll = rand() - 0.5; }
        if (i === 1300) sim.setMode('walking', { force: true });
        // Uneven frame times, as a real display gives.
        sim.step(1 / 72 + (rand() - 0.5) * 0.004, input);
      }
      return { snap: sim.snapshot(), state: JSON.stringify(sim.state) };
    };
    const a = play(), b = play();
    expect(a.snap).toEqual(b.snap);
    expect(a.state).toBe(b.state);
    expect(a.snap.position.x).not.toBe(0);
  });
});

describe('camera pose and snapshot', () => {
  it('walking: eyes 1.6 m above the feet, looking along yaw/pitch', () => {
    const sim = new PlayerSim(flat(), { spawn: { x: 2, y: 0, z: 2, yaw: Math.PI / 2 } });
    const input = createPlayerInput();
    run(sim, input, 1, 60);
    const pose = sim.cameraPose(createCameraPose());
    expect(pose.y).toBeCloseTo(sim.state.y + EYE_HEIGHT, 9);
    // Yaw +90° (left of -z) looks toward -x: forward = q·(0,0,-1) = (-2(xz+wy), ..).
    expect(-2 * (pose.qx * pose.qz + pose.qw * pose.qy)).toBeCloseTo(-1, 9);
    expect(sim.snapshot().rotation).toEqual({ x: 0, y: 90, z: 0 });
  });

  it('spacecraft: the ship position and orientation; snapshot rounds vitals', () => {
    const sim = new PlayerSim(flat(), { spawn: { x: 0, y: 0, z: 0 } });
    sim.hover({ x: 10, y: 20, z: 30 }, 30, -10);
    sim.state.oxygen = 87.6543;
    const pose = sim.cameraPose(createCameraPose());
    expect(pose).toMatchObject({ x: 10, y: 20, z: 30 });
    const q = sim.state.ship;
    expect([pose.qx, pose.qy, pose.qz, pose.qw].map((v) => v.toFixed(12))).toEqual([q.qx, q.qy, q.qz, q.qw].map((v) => v.toFixed(12)));
    const snap = sim.snapshot();
    expect(snap.player_id).toBe('player_001');
    expect(snap.oxygen).toBe(87.7);
    expect(snap.rotation.x).toBeCloseTo(-10, 9);
    expect(snap.rotation.y).toBeCloseTo(30, 9);
    expect(snap.mode).toBe('spacecraft');
    expect(snap.position.y).toBeGreaterThanOrEqual(SHIP_RADIUS);
  });

  it('interpolates the camera between ticks so motion is smooth', () => {
    const sim = new PlayerSim(flat(), { spawn: { x: 0, y: 0, z: 0 } });
    sim.hover({ x: 0, y: 20, z: 0 }, 0, 0);
    sim.state.ship.vz = -12; // 0.1 m per tick
    const input = createPlayerInput();
    const pose = createCameraPose();
    const zs: number[] = [];
    for (let i = 0; i < 12; i++) {
      sim.step(1 / 288, input); // 2.4 frames per tick
      zs.push(sim.cameraPose(pose).z);
    }
    for (let i = 1; i < zs.length; i++) expect(zs[i]).toBeLessThanOrEqual(zs[i - 1]);
    expect(new Set(zs.map((z) => z.toFixed(6))).size).toBeGreaterThan(8);
  });
});
