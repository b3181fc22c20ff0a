/**
 * Player step bench: one frame of the player sim (controls → movement → collision against the
 * density field) at 72 Hz, on real planet terrain (seed 1) around a spawn on the ground. Two phases
 * of ~5000 frames: walking about with changing input (sprint, jumps, turns), then flying the ship
 * at top speed a few metres over the ground. Per-frame time with performance.now().
 */
import { PlayerSim } from '../src/engine/player/player-sim.ts';
import { createPlayerInput } from '../src/engine/player/player-state.ts';
import { planetField, topOfRock } from '../src/engine/player/test-fields.ts';
import { percentile, round, type Figures } from './stats.ts';

const SEED = 1;
const RADIUS = 64;
const FRAME = 1 / 72;
const FRAMES = 5000;
const WARMUP = 600;
/** The flight lane runs ±LANE m along x from the spawn, then wraps back (the field is 64 m round). */
const LANE = 48;
const ALTITUDE = 4;

/** Small deterministic generator, so every run walks and flies the same path. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function runPlayerBench(figures: Figures): void {
  const cx = 0, cz = 0;
  // Every row: caves open to the surface and the walker may wander down them.
  const { field } = planetField(SEED, cx, cz, RADIUS, true);
  const ground = topOfRock(field, cx, cz);
  // Heights of the highest rock for the flight controller (column height misses overhangs and
  // arches), sampled before timing; the sim never sees these.
  const heights = new Float64Array((2 * RADIUS + 1) ** 2);
  const heightAt = (x: number, z: number) => {
    const ix = Math.max(-RADIUS, Math.min(RADIUS, Math.round(x - cx))) + RADIUS;
    const iz = Math.max(-RADIUS, Math.min(RADIUS, Math.round(z - cz))) + RADIUS;
    return heights[ix + iz * (2 * RADIUS + 1)];
  };
  for (let iz = 0; iz <= 2 * RADIUS; iz++) for (let ix = 0; ix <= 2 * RADIUS; ix++) {
    heights[ix + iz * (2 * RADIUS + 1)] = topOfRock(field, cx + ix - RADIUS, cz + iz - RADIUS);
  }

  const sim = new PlayerSim(field, { spawn: { x: cx, y: ground + 0.5, z: cz } });
  const input = createPlayerInput();
  const rand = lcg(7);
  const s = sim.state;
  let held = 0;

  const walkInput = (i: number) => {
    if (i % 36 === 0) {
      input.moveX = rand() < 0.3 ? rand() * 2 - 1 : 0;
      input.moveZ = rand() < 0.85 ? 1 : -0.5;
      input.boost = rand() < 0.5;
      input.turnYaw = rand() - 0.5;
    }
    input.jump = rand() < 0.02;
    input.lookYaw = (rand() - 0.5) * 0.02;
    input.lookPitch = (rand() - 0.5) * 0.01;
    // Head back toward the middle of the loaded area: turn until the centre is ahead.
    if (Math.hypot(s.x - cx, s.z - cz) > 40) input.turnYaw = 1;
  };
  const walkFrame = (i: number) => {
    walkInput(i);
    s.health = 100;
    const t0 = performance.now();
    sim.step(FRAME, input);
    const us = (performance.now() - t0) * 1000;
    if (s.held) held++;
    return us;
  };

  for (let i = 0; i < WARMUP; i++) walkFrame(i);
  const walk: number[] = [];
  for (let i = 0; i < FRAMES; i++) walk.push(walkFrame(i));
  const walkHeld = held;

  // Flight: level, nose along +x at top speed, holding ALTITUDE over the ground ahead.
  sim.state.levelFlight = true;
  const lift = (x: number, z: number) => heightAt(x, z) + ALTITUDE;
  const start = sim.hover({ x: cx - LANE, y: lift(cx - LANE, cz), z: cz }, -90, 0);
  if (!start.ok) throw new Error(`player bench: ${start.error.message}`);
  input.moveX = 0; input.turnYaw = 0; input.jump = false; input.boost = false;
  let lane = 0, impacts = 0;
  held = 0;
  const flyFrame = () => {
    const ship = s.ship;
    if (ship.x > cx + LANE) {
      // Wrap to the start of the next lane, keeping the speed (outside the timed step).
      lane = (lane + 1) % 5;
      const z = cz + (lane - 2) * 16;
      ship.x -= 2 * LANE; ship.z = z;
      ship.y = Math.max(ship.y, lift(ship.x, z));
    }
    const ahead = Math.max(lift(ship.x, ship.z), lift(ship.x + 8, ship.z), lift(ship.x + 16, ship.z));
    input.moveZ = 1;
    input.moveY = Math.max(-1, Math.min(1, (ahead - ship.y) * 0.5 - ship.vy * 0.1));
    input.moveX = Math.max(-1, Math.min(1, -(ship.z - cz - (lane - 2) * 16) * 0.2));
    s.health = 100;
    const t0 = performance.now();
    sim.step(FRAME, input);
    const us = (performance.now() - t0) * 1000;
    if (s.held) held++;
    if (sim.spacecraft.impact > 0) impacts++;
    return us;
  };
  for (let i = 0; i < WARMUP; i++) flyFrame();
  const fly: number[] = [];
  let speedSum = 0;
  for (let i = 0; i < FRAMES; i++) {
    fly.push(flyFrame());
    speedSum += Math.hypot(s.ship.vx, s.ship.vy, s.ship.vz);
  }

  const all = walk.concat(fly);
  const walkP95 = percentile(walk, 95), flyP95 = percentile(fly, 95);
  figures['player.step_us_p50'] = {
    value: round(percentile(all, 50), 1), unit: 'µs',
    note: `sim.step(1/72) incl. collision, seed ${SEED} terrain within ${RADIUS} m of (${cx}, ${round(ground, 1)}, ${cz}); ${FRAMES} walking + ${FRAMES} flying frames`,
  };
  figures['player.step_us_p95'] = {
    value: round(percentile(all, 95), 1), unit: 'µs', target: '≤ 100 µs p95',
    note: `walk p95 ${round(walkP95, 1)} µs (held ${walkHeld} frames); flight p95 ${round(flyP95, 1)} µs at mean ${round(speedSum / FRAMES, 1)} m/s, ${ALTITUDE} m over the ground (terrain contacts in ${impacts} frames, held ${held}); max ${round(Math.max(...all), 1)} µs`,
  };
}
