/**
 * Tuning of the player simulation, in SI units (metres, seconds, radians). One place, so the
 * controls, the HUD and the tests agree on the numbers.
 */
import { cos } from './angles.ts';

/** Fixed simulation step: behaviour must not depend on the display's frame rate. */
export const TICK_SECONDS = 1 / 120;
/** Ticks one step() may run; after a long stall the rest is dropped rather than simulated in a burst. */
export const MAX_TICKS_PER_STEP = 8;

// Walking body: a capsule from the feet up.
export const CAPSULE_RADIUS = 0.4;
export const CAPSULE_HEIGHT = 1.8;
export const EYE_HEIGHT = 1.6;
export const GRAVITY = 9.81;
export const SPRINT_SPEED = 8;
export const JUMP_SPEED = 5;
/** Horizontal acceleration toward the wanted velocity on the ground and, reduced, in the air. */
export const GROUND_ACCEL = 60;
export const AIR_ACCEL = 8;
/** Slopes up to this angle are ground; steeper ones make the body slide. */
export const MAX_WALK_SLOPE = 50 * (Math.PI / 180);
/** cos(50°): a contact normal with a larger up component is walkable ground. */
export const MIN_GROUND_NORMAL_Y = cos(MAX_WALK_SLOPE);
/** How far the body is pulled down to stay on the ground over crests and down slopes. */
export const GROUND_SNAP = 0.35;
/** Fall speed cap (m/s), like air drag would give; keeps a long drop to a few substeps per tick. */
export const TERMINAL_SPEED = 90;
/** View turn rates for stick/key input (rad/s at full deflection). */
export const WALK_TURN_RATE = 2.5;
export const WALK_PITCH_RATE = 1.5;
export const MAX_PITCH = 89 * (Math.PI / 180);

// Spacecraft.
export const SHIP_RADIUS = 2;
export const SHIP_ACCEL = 30;
export const SHIP_BOOST_ACCEL = 60;
export const SHIP_MAX_SPEED = 60;
export const SHIP_BOOST_SPEED = 120;
/** Velocity fraction removed per second when no thrust is given (the ship coasts to a stop). */
export const SHIP_DAMPING = 1.2;
/** How fast the speed falls back to the limit after boost is released (m/s²). */
export const SHIP_OVERSPEED_BRAKE = 60;
/** Angular rates at full stick (rad/s), and the time constant that smooths them. */
export const SHIP_YAW_RATE = 1.2;
export const SHIP_PITCH_RATE = 1.5;
export const SHIP_ROLL_RATE = 2;
export const SHIP_TURN_SMOOTHING = 0.15;
export const LANDING_MAX_SPEED = 6;
export const LANDING_MIN_NORMAL_Y = 0.7;

// Boarding and leaving.
export const BOARD_DISTANCE = 6;
export const LEAVE_MAX_SPEED = 3;

// Vitals.
export const MAX_HEALTH = 100;
export const MAX_OXYGEN = 100;
export const OXYGEN_DRAIN = MAX_OXYGEN / 240;
export const OXYGEN_REFILL = 20;
export const SUFFOCATION_DAMAGE = 10;
export const FALL_DAMAGE_SPEED = 14;
/** Health lost per m/s of landing speed above FALL_DAMAGE_SPEED (a 24 m/s landing, ~30 m fall, kills). */
export const FALL_DAMAGE_PER_MS = 10;
export const SHIP_IMPACT_SPEED = 25;
/** Health lost per m/s of normal impact speed above SHIP_IMPACT_SPEED (75 m/s head-on kills). */
export const SHIP_IMPACT_DAMAGE_PER_MS = 2;

/** A stick or turn rate held to -1..1 (NaN reads as 0: no input). */
export function clampUnit(v: number): number {
  return v > 1 ? 1 : v < -1 ? -1 : v || 0;
}

export function clampPitch(p: number): number {
  return p > MAX_PITCH ? MAX_PITCH : p < -MAX_PITCH ? -MAX_PITCH : p;
}
