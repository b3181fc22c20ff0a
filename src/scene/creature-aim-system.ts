/**
 * Which creature the player is aiming at, for the creature card, feeding and the command wheel:
 * on the desktop the one whose body the crosshair ray passes nearest to (within its radius plus a
 * margin, up to AIM_REACH); in VR the nearest one roughly in front of the headset within reach. Written to
 * the store only when it changes.
 */
import { Vector3 } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { GameStore } from '../state/game-store.ts';
import type { CreatureFrame } from './creature-frame.ts';
import { CREATURE_TYPES_BY_INDEX } from '../engine/creatures/creature-types.ts';

/** Feeding and commanding reach, m (the relay's feeding reach is 8 m). */
export const AIM_REACH = 8;
const MARGIN = 0.6;
const origin = new Vector3();
const dir = new Vector3();
const RADIUS = Float32Array.from(CREATURE_TYPES_BY_INDEX, (t) => t.radius * 1.6 + MARGIN);

/** The slot whose body the ray (o, unit d) passes within reach of, nearest along the ray; -1 for none. */
export function pickCreature(frame: CreatureFrame, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, reach: number): number {
  let best = -1, bestT = reach;
  for (let i = 0; i < frame.count; i++) {
    // Aim at the body's middle, about a radius above the feet.
    const r = RADIUS[frame.type[i]];
    const cx = frame.x[i] - ox, cy = frame.y[i] + r * 0.6 - oy, cz = frame.z[i] - oz;
    const t = cx * dx + cy * dy + cz * dz;
    if (t < 0 || t > bestT) continue;
    const px = cx - dx * t, py = cy - dy * t, pz = cz - dz * t;
    if (px * px + py * py + pz * pz <= r * r) { best = i; bestT = t; }
  }
  return best;
}

/** Cosine of the widest angle off the gaze a creature may be at to count as looked at in VR (about 45°). */
const GAZE_COS = 0.7;

/**
 * VR: the nearest creature within reach that is roughly in front (within about 45° of the gaze);
 * a headset is a coarse pointer and creatures move, so a cone instead of a ray.
 */
export function gazeCreature(frame: CreatureFrame, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, reach: number): number {
  let best = -1, bestD2 = reach * reach;
  for (let i = 0; i < frame.count; i++) {
    const cx = frame.x[i] - ox, cy = frame.y[i] + 0.5 - oy, cz = frame.z[i] - oz;
    const d2 = cx * cx + cy * cy + cz * cz;
    if (d2 > bestD2 || d2 < 1e-6) continue;
    if ((cx * dx + cy * dy + cz * dz) / Math.sqrt(d2) < GAZE_COS) continue;
    best = i; bestD2 = d2;
  }
  return best;
}

/** Whether creature n is still within 1.25 × reach and about 70° of the view (the looser test that keeps an aim). */
export function stillAimed(frame: CreatureFrame, n: number, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): boolean {
  const i = frame.slotOf(n);
  if (i < 0) return false;
  const cx = frame.x[i] - ox, cy = frame.y[i] + 0.5 - oy, cz = frame.z[i] - oz;
  const d2 = cx * cx + cy * cy + cz * cz, reach = AIM_REACH * 1.25;
  return d2 <= reach * reach && d2 > 1e-6 && (cx * dx + cy * dy + cz * dz) / Math.sqrt(d2) >= KEEP_COS;
}

/** Cosine of the widest angle off the view at which an aimed creature stays aimed (about 70°). */
const KEEP_COS = 0.35;

export function createCreatureAimSystem(deps: { frame: CreatureFrame; store: GameStore }): System {
  return {
    name: 'creature-aim',
    update(ctx: FrameContext) {
      let n: number | null = null;
      if (ctx.playing) {
        ctx.camera.getWorldPosition(origin);
        ctx.camera.getWorldDirection(dir);
        // In VR the headset's gaze is the pointer: a creature looked at within reach is the one the wrist menu feeds and commands.
        const slot = ctx.presenting
          ? gazeCreature(deps.frame, origin.x, origin.y, origin.z, dir.x, dir.y, dir.z, AIM_REACH)
          : pickCreature(deps.frame, origin.x, origin.y, origin.z, dir.x, dir.y, dir.z, AIM_REACH);
        n = slot >= 0 ? deps.frame.number[slot] : null;
        // Sticky in VR: the creature already looked at stays chosen while it is still roughly in view,
        // so one that walks on a little (or a turning head) does not lose the wrist page's target.
        const held = deps.store.getState().aimedCreature;
        if (ctx.presenting && n === null && held !== null && stillAimed(deps.frame, held, origin.x, origin.y, origin.z, dir.x, dir.y, dir.z)) n = held;
      }
      if (deps.store.getState().aimedCreature !== n) deps.store.setState({ aimedCreature: n });
    },
  };
}
