/**
 * Worlds for tests and the bench: ground as a function, optional solid pillars, and owners whose
 * positions the test moves. Kept out of the tick's path; the worker will wrap the real terrain.
 */
import type { CreatureWorld } from './creature-world.ts';

export class FunctionWorld implements CreatureWorld {
  /** Owner number → position (x, y, z), written by the test between ticks. */
  readonly owners = new Map<number, Float64Array>();
  /** Solid vertical cylinders (x, z, radius), e.g. a rock to walk around. */
  readonly pillars: number[] = [];

  constructor(private readonly ground: (x: number, z: number) => number = () => 0) {}

  groundAt(p: Float64Array): void {
    p[1] = this.ground(p[0], p[2]);
  }

  solidAt(p: Float64Array): boolean {
    return this.isSolid(p[0], p[1], p[2]);
  }

  isSolid(x: number, y: number, z: number): boolean {
    if (y < this.ground(x, z)) return true;
    for (let i = 0; i < this.pillars.length; i += 3) {
      const dx = x - this.pillars[i], dz = z - this.pillars[i + 1], r = this.pillars[i + 2];
      if (dx * dx + dz * dz < r * r) return true;
    }
    return false;
  }

  ownerPosition(owner: number, out: Float64Array): boolean {
    const p = this.owners.get(owner);
    if (!p) return false;
    out[0] = p[0]; out[1] = p[1]; out[2] = p[2];
    return true;
  }

  setOwner(owner: number, x: number, y: number, z: number): void {
    const p = this.owners.get(owner) ?? new Float64Array(3);
    p[0] = x; p[1] = y; p[2] = z;
    this.owners.set(owner, p);
  }
}

/** A plane rising 1 m per 4 m along x plus a gentler tilt along z: walkers must follow both. */
export const slope = (x: number, z: number): number => x * 0.25 + z * 0.1;
