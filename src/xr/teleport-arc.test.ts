import { describe, expect, it } from 'vitest';
import { createTeleportArc, traceTeleportArc, type SegmentCast } from './teleport-arc.ts';
import { emptyHit } from '../scene/terrain-raycast.ts';

/** Ground plane at y = 0, plus a vertical wall at x = wallX facing −x. */
const world = (wallX = Infinity): SegmentCast => (x, y, z, dx, dy, dz, len, out) => {
  out.hit = false;
  let best = len;
  if (dy < 0) {
    const t = -y / dy;
    if (t >= 0 && t <= best) { best = t; out.hit = true; out.nx = 0; out.ny = 1; out.nz = 0; }
  }
  if (dx > 0 && wallX < Infinity) {
    const t = (wallX - x) / dx;
    if (t >= 0 && t <= best) { best = t; out.hit = true; out.nx = -1; out.ny = 0; out.nz = 0; }
  }
  if (out.hit) { out.distance = best; out.x = x + dx * best; out.y = y + dy * best; out.z = z + dz * best; }
};

describe('teleport arc', () => {
  it('lands on flat ground ahead, farther when aimed higher', () => {
    const arc = createTeleportArc(emptyHit());
    traceTeleportArc(0, 1.5, 0, 0, 0, -1, world(), arc);
    expect(arc.valid).toBe(true);
    expect(arc.hit.y).toBeCloseTo(0, 5);
    const flat = -arc.hit.z;
    expect(flat).toBeGreaterThan(3);
    const up = Math.SQRT1_2;
    traceTeleportArc(0, 1.5, 0, 0, up, -up, world(), arc);
    expect(-arc.hit.z).toBeGreaterThan(flat);
    // The arc's last point is the hit.
    expect(arc.points[(arc.count - 1) * 3 + 2]).toBeCloseTo(arc.hit.z, 5);
  });

  it('is invalid when it ends on a wall, and has no hit when aimed at the sky with nothing to land on', () => {
    const arc = createTeleportArc(emptyHit());
    traceTeleportArc(0, 1.5, 0, 1, 0, 0, world(2), arc);
    expect(arc.hit.hit).toBe(true);
    expect(arc.valid).toBe(false);
    const none: SegmentCast = (_x, _y, _z, _dx, _dy, _dz, _l, out) => { out.hit = false; };
    traceTeleportArc(0, 1.5, 0, 0, 1, 0, none, arc);
    expect(arc.hit.hit).toBe(false);
    expect(arc.valid).toBe(false);
  });
});
