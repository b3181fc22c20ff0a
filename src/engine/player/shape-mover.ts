/**
 * Moves a body (the walker's capsule or the ship's sphere) through the density field without ever
 * tunnelling: the motion is cut into substeps no longer than half the collider radius, and after
 * each one the shape is pushed out of the rock along the deepest contact normal, a few times, with
 * the velocity component into the surface removed. A substep whose bounds touch a chunk that has
 * not streamed in is not taken: the body stops (held) rather than fall through missing ground.
 */
import { WORLD_BOUNDS } from '../../protocol/world.ts';
import type { CollisionField } from './collision-field.ts';
import { SphereContact } from './sphere-contact.ts';

/** A vertical stack of equal spheres (one sphere for the ship, three for the capsule). */
export interface Shape {
  radius: number;
  /** Sphere centres above the body origin (the feet for the capsule, the centre for the ship). */
  offsets: readonly number[];
  /** Centre of the shape's bounds above the origin, and their half size (cube, with a margin). */
  midY: number;
  reach: number;
}

export interface Body { x: number; y: number; z: number; vx: number; vy: number; vz: number }

const PUSH_ITERATIONS = 4;
/** Extra push beyond the surface so the next query starts clear of rounding. */
const PUSH_SLOP = 1e-4;
/** Substeps per tick are capped; with falls capped at terminal speed this is never reached. */
const MAX_SUBSTEPS = 64;

export class ShapeMover {
  readonly contact: SphereContact;
  /** Results of the last move(): stopped at unloaded terrain; largest speed removed into a surface. */
  held = false;
  impact = 0;
  /** The most upward-facing contact normal met (ny = -2 when there was no contact). */
  groundNx = 0;
  groundNy = -2;
  groundNz = 0;
  /** Seconds the next move() covers (a field rather than an argument, so V8 boxes no double per call). */
  dt = 0;

  constructor(readonly field: CollisionField) {
    this.contact = new SphereContact(field);
  }

  /** Moves body by its velocity for dt seconds (dt in this.dt: see SphereContact.sphere), colliding all the way. */
  move(body: Body, shape: Shape): void {
    const dt = this.dt;
    this.held = false;
    this.impact = 0;
    this.groundNy = -2;
    const speed = Math.sqrt(body.vx * body.vx + body.vy * body.vy + body.vz * body.vz);
    const n = Math.min(MAX_SUBSTEPS, Math.max(1, Math.ceil((speed * dt) / (shape.radius * 0.5))));
    const h = dt / n;
    for (let i = 0; i < n; i++) {
      const nx = body.x + body.vx * h, ny = body.y + body.vy * h, nz = body.z + body.vz * h;
      if (!this.field.loadedAround(nx, ny + shape.midY, nz, shape.reach)) {
        this.held = true;
        body.vx = 0; body.vy = 0; body.vz = 0;
        return;
      }
      body.x = nx; body.y = ny; body.z = nz;
      this.resolve(body, shape);
      clampToWorld(body);
    }
  }

  /** Pushes the shape out of the rock where it stands; returns true if it had to move. */
  resolve(body: Body, shape: Shape): boolean {
    const c = this.contact, sp = c.sphere, offsets = shape.offsets;
    let moved = false;
    sp[3] = shape.radius;
    sp[4] = 0;
    for (let it = 0; it < PUSH_ITERATIONS; it++) {
      let best = 0, bx = 0, by = 0, bz = 0;
      for (let s = 0; s < offsets.length; s++) {
        sp[0] = body.x; sp[1] = body.y + offsets[s]; sp[2] = body.z;
        if (c.test() && c.depth > best) {
          best = c.depth; bx = c.nx; by = c.ny; bz = c.nz;
        }
      }
      if (best <= 0) break;
      moved = true;
      const push = best + PUSH_SLOP;
      body.x += bx * push; body.y += by * push; body.z += bz * push;
      const vn = body.vx * bx + body.vy * by + body.vz * bz;
      if (vn < 0) {
        body.vx -= vn * bx; body.vy -= vn * by; body.vz -= vn * bz;
        if (-vn > this.impact) this.impact = -vn;
      }
      if (by > this.groundNy) { this.groundNx = bx; this.groundNy = by; this.groundNz = bz; }
    }
    return moved;
  }

  /** True when the shape at (x, y, z) overlaps no rock (and its chunks are loaded). */
  fits(x: number, y: number, z: number, shape: Shape): boolean {
    if (!this.field.loadedAround(x, y + shape.midY, z, shape.reach)) return false;
    for (let s = 0; s < shape.offsets.length; s++) {
      if (this.contact.query(x, y + shape.offsets[s], z, shape.radius)) return false;
    }
    return true;
  }
}

/** The world's edge is a wall: the API rejects positions outside it, so the sim never goes there. */
function clampToWorld(b: Body): void {
  const B = WORLD_BOUNDS;
  if (b.x < B.minX) { b.x = B.minX; if (b.vx < 0) b.vx = 0; } else if (b.x > B.maxX) { b.x = B.maxX; if (b.vx > 0) b.vx = 0; }
  if (b.y < B.minY) { b.y = B.minY; if (b.vy < 0) b.vy = 0; } else if (b.y > B.maxY) { b.y = B.maxY; if (b.vy > 0) b.vy = 0; }
  if (b.z < B.minZ) { b.z = B.minZ; if (b.vz < 0) b.vz = 0; } else if (b.z > B.maxZ) { b.z = B.maxZ; if (b.vz > 0) b.vz = 0; }
}
