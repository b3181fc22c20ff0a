import { describe, expect, it } from 'vitest';
import { BOARD_DISTANCE, CAPSULE_RADIUS, SHIP_RADIUS } from './player-constants.ts';
import type { PlayerEvent } from './player-events.ts';
import { PlayerSim } from './player-sim.ts';
import { createPlayerInput } from './player-state.ts';
import { CAPSULE_SHAPE } from './walker.ts';
import { dome, fieldFrom, flatGround } from './test-fields.ts';
import type { z } from 'zod';
import { zodFailure } from '../../protocol/errors.ts';
import { ModeRequestSchema, SpawnRequestSchema, TeleportRequestSchema } from '../../protocol/player.ts';

/** The error code the door answers for a body, or null when the body passes. */
function doorError(schema: z.ZodType, body: unknown): string | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return null;
  const r = zodFailure(parsed.error, { input: body });
  return r.ok ? null : r.error.code;
}

/** Flat ground at y = 0 over x, z in [-64, 64); sims only read it, so every test shares it. */
const FLAT = fieldFrom(flatGround(0), -2, 1, -2, 1);

/** Walking on flat ground (y = 0) at (0, 0, 0), settled, with the ship parked beside. */
function settled() {
  const sim = new PlayerSim(FLAT, { spawn: { x: 0, y: 0.5, z: 0 } });
  const input = createPlayerInput();
  for (let i = 0; i < 60; i++) sim.step(1 / 60, input);
  const events: PlayerEvent[] = [];
  sim.on((e) => events.push(e));
  return { sim, input, events };
}

const shipDistance = (sim: PlayerSim) => {
  const s = sim.state;
  return Math.hypot(s.ship.x - s.x, s.ship.y - (s.y + 0.9), s.ship.z - s.z);
};

describe('boarding and leaving', () => {
  it('parks the ship on the ground beside the player at spawn', () => {
    const { sim } = settled();
    const ship = sim.state.ship;
    expect(ship.landed).toBe(true);
    expect(Math.abs(ship.y - SHIP_RADIUS)).toBeLessThan(0.05);
    expect(shipDistance(sim)).toBeLessThan(BOARD_DISTANCE);
  });

  it('boards within 6 m, not beyond unless forced (then the ship comes to the player)', () => {
    const { sim, events } = settled();
    sim.teleport({ x: 20, y: 0, z: 0 });
    const before = sim.snapshot();
    const far = sim.setMode('spacecraft');
    expect(far.ok).toBe(false);
    if (!far.ok) expect(far.error.code).toBe('INVALID_PARAMETER');
    expect(sim.snapshot()).toEqual(before);
    expect(events).toHaveLength(0);

    const forced = sim.setMode('spacecraft', { force: true });
    expect(forced.ok).toBe(true);
    expect(sim.state.mode).toBe('spacecraft');
    expect(Math.abs(sim.state.ship.x - 20)).toBeLessThan(0.01);
    expect(sim.state.ship.y).toBeGreaterThan(1.8 + SHIP_RADIUS);
    expect(events).toEqual([{ type: 'mode', mode: 'spacecraft', previous: 'walking' }]);
  });

  it('boards a nearby ship, refuses to leave it while fast, leaves onto the ground beside it', () => {
    const { sim, input } = settled();
    expect(sim.setMode('spacecraft').ok).toBe(true);
    expect(sim.setMode('spacecraft')).toMatchObject({ ok: true, value: { mode: 'spacecraft' } });
    input.moveY = 1;
    for (let i = 0; i < 60; i++) sim.step(1 / 60, input);
    input.moveY = 0;
    const fast = sim.setMode('walking');
    expect(fast.ok).toBe(false);
    if (!fast.ok) expect(fast.error.message).toMatch(/m\/s/);
    expect(sim.state.mode).toBe('spacecraft');
    // Coast to a stop, then leave: feet on the ground below, beside the hull.
    for (let i = 0; i < 60 * 6; i++) sim.step(1 / 60, input);
    const ship = { ...sim.state.ship };
    expect(sim.setMode('walking').ok).toBe(true);
    const s = sim.state;
    expect(s.mode).toBe('walking');
    expect(Math.abs(s.y)).toBeLessThan(0.05);
    const sideways = Math.hypot(s.x - ship.x, s.z - ship.z);
    expect(sideways).toBeGreaterThan(SHIP_RADIUS + CAPSULE_RADIUS);
    expect(sideways).toBeLessThan(BOARD_DISTANCE);
    expect(sim.mover.fits(s.x, s.y + 0.01, s.z, CAPSULE_SHAPE)).toBe(true);
    expect(sim.state.ship.x).toBe(ship.x); // the ship stays where it was, parked
  });

  it('the door refuses an unknown or missing mode; a valid request answers the seed fields', () => {
    expect(doorError(ModeRequestSchema, { mode: 'submarine' })).toBe('INVALID_PARAMETER');
    expect(doorError(ModeRequestSchema, {})).toBe('MISSING_PARAMETER');
    const { sim } = settled();
    expect(sim.modeRequest({ mode: 'spacecraft', player_id: 'player_001' })).toEqual({ ok: true, value: { player_id: 'player_001', mode: 'spacecraft' } });
  });
});

describe('teleport and spawn', () => {
  // Shapes are the door's: the routes' schemas refuse these before the sim sees them.
  const badShapes: Array<[string, unknown, 'INVALID_PARAMETER' | 'MISSING_PARAMETER']> = [
    ['NaN', { x: NaN, y: 5, z: 0 }, 'INVALID_PARAMETER'],
    ['out of the world', { x: 5000, y: 5, z: 0 }, 'INVALID_PARAMETER'],
    ['below the world', { x: 0, y: -100, z: 0 }, 'INVALID_PARAMETER'],
    ['a missing axis', { x: 0, z: 0 }, 'MISSING_PARAMETER'],
  ];

  it.each(badShapes)('the teleport and spawn doors refuse %s', (_name, position, code) => {
    expect(doorError(TeleportRequestSchema, { position })).toBe(code);
    expect(doorError(SpawnRequestSchema, { position, rotation: { x: 0, y: 90, z: 0 } })).toBe(code);
  });

  it('the doors refuse a bad yaw, an unknown spawn mode, a bad rotation and a missing position', () => {
    expect(doorError(TeleportRequestSchema, { position: { x: 1, y: 0, z: 1 }, rotation: { x: 0, y: NaN, z: 0 } })).toBe('INVALID_PARAMETER');
    expect(doorError(SpawnRequestSchema, { position: { x: 1, y: 0, z: 1 }, mode: 'boat' })).toBe('INVALID_PARAMETER');
    expect(doorError(SpawnRequestSchema, { position: { x: 1, y: 0, z: 1 }, rotation: { x: 0, y: 'north', z: 0 } })).not.toBeNull();
    expect(doorError(TeleportRequestSchema, { rotation: { x: 0, y: 0, z: 0 } })).toBe('MISSING_PARAMETER');
  });

  it('teleport and spawn refuse a spot inside terrain and leave the state unchanged', () => {
    const { sim, events } = settled();
    const before = sim.snapshot();
    const spawnBefore = { ...sim.state.spawn };
    const moved = sim.teleport({ x: 4, y: -3, z: 4 });
    expect(!moved.ok && moved.error.code).toBe('INVALID_PARAMETER');
    const spawned = sim.spawn({ position: { x: 4, y: -3, z: 4 }, rotation: { x: 0, y: 90, z: 0 } });
    expect(!spawned.ok && spawned.error.code).toBe('INVALID_PARAMETER');
    expect(sim.snapshot()).toEqual(before);
    expect(sim.state.spawn).toEqual(spawnBefore);
    expect(events).toHaveLength(0);
  });

  it('rejects a spot inside a hill when walking but checks the body centre, not the feet', () => {
    const sim = new PlayerSim(fieldFrom(dome(0, -10, 0, 15), -1, 0, -1, 0), { spawn: { x: 20, y: 0, z: 20 } });
    expect(sim.teleport({ x: 0, y: 2, z: 0 }).ok).toBe(false); // hill top is at y = 5
    // Feet a little under the surface, body centre in the air: accepted and lifted out.
    const r = sim.teleport({ x: 0, y: 4.7, z: 0 });
    expect(r.ok).toBe(true);
    expect(sim.state.y).toBeGreaterThan(4.9);
  });

  it('teleports the walker (with yaw) or, in spacecraft mode, the ship', () => {
    const { sim } = settled();
    const r = sim.teleport({ x: 10, y: 3, z: -10 }, 90);
    expect(r).toEqual({ ok: true, value: { x: 10, y: 3, z: -10 } });
    expect(sim.snapshot().rotation.y).toBeCloseTo(90, 9);
    expect(sim.teleportRequest({ position: { x: 11, y: 3, z: -10 }, player_id: 'p' })).toEqual({ ok: true, value: { player_id: 'p', new_position: { x: 11, y: 3, z: -10 } } });
    sim.setMode('spacecraft', { force: true });
    const ship = sim.teleport({ x: -10, y: 30, z: 10 }, -45);
    expect(ship).toEqual({ ok: true, value: { x: -10, y: 30, z: 10 } });
    expect(sim.snapshot()).toMatchObject({ mode: 'spacecraft', position: { x: -10, y: 30, z: 10 } });
    expect(sim.snapshot().rotation.y).toBeCloseTo(-45, 9);
  });

  it('spawn sets the spawn point, mode and full vitals', () => {
    const { sim } = settled();
    sim.state.health = 40;
    sim.state.oxygen = 10;
    const r = sim.spawn({ position: { x: 5, y: 50, z: 5 }, rotation: { x: 10, y: 30, z: 5 }, mode: 'spacecraft', player_id: 'player_001' });
    expect(r).toEqual({ ok: true, value: { player_id: 'player_001', position: { x: 5, y: 50, z: 5 }, mode: 'spacecraft' } });
    const snap = sim.snapshot();
    expect(snap.health).toBe(100);
    expect(snap.oxygen).toBe(100);
    expect(snap.rotation.x).toBeCloseTo(10, 9);
    expect(snap.rotation.y).toBeCloseTo(30, 9);
    expect(snap.rotation.z).toBeCloseTo(5, 9);
    expect(sim.state.spawn).toMatchObject({ x: 5, y: 50, z: 5 });
    const walk = sim.spawn({ position: { x: -5, y: 0, z: -5 } });
    expect(walk.ok && walk.value.mode).toBe('walking');
    expect(sim.snapshot().position).toEqual({ x: -5, y: 0, z: -5 });
    expect(shipDistance(sim)).toBeLessThan(BOARD_DISTANCE);
    // Standing on the ground at once, before any tick has run; in the air, not.
    expect(sim.snapshot().grounded).toBe(true);
    expect(sim.spawn({ position: { x: -5, y: 10, z: -5 } }).ok).toBe(true);
    expect(sim.snapshot().grounded).toBe(false);
  });
});
