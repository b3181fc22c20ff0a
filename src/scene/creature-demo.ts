/**
 * A developer demo (URL flag ?creatureDemo=N, never on otherwise): fills the creature frame each
 * frame with N creatures of all four types in front of where the player stands when the world first
 * plays, so the renderer can be looked at and benchmarked before (or without) the simulation.
 * Walkers move in formation (every one on its own small circle, all at one angular speed, so
 * neighbours never meet), rocklings in front, then grazers, then predators; skyrays circle above,
 * climbing and diving. Most look at the camera. Rocklings are yours (collar and beacon), every third
 * grazer someone else's (collar), the first skyray selected; every fourth predator is hit every two
 * seconds until it dies and comes back; every fifth grazer stands grazing. Every four seconds the
 * slot order reverses, which the animation must not notice.
 */
import type { FrameContext, System } from '../app/frame-loop.ts';
import { groundBelow } from '../app/spawn.ts';
import type { CollisionField } from '../engine/player/collision-field.ts';
import { CreatureFlag, type CreatureFrame } from './creature-frame.ts';

const GRAZER = 0, PREDATOR = 1, SKYRAY = 2, ROCKLING = 3;
/** Walkers' cell spacing (m), angular speed (rad/s) and circle radius per type (m). */
const SPACING = 2.9;
const OMEGA = 0.9;
const RADIUS = [1.4, 1.6, 5, 1.0];
const WALKER_ORDER = [ROCKLING, GRAZER, PREDATOR];
/** Ground samples around each creature's circle, filled a few per frame as chunks arrive. */
const SAMPLES = 16;
const FILLS_PER_FRAME = 400;
const TAU = Math.PI * 2;

export function createCreatureDemoSystem(deps: { creatures: CreatureFrame; count: number; collision: CollisionField }): System {
  const { creatures: frame, count: n, collision } = deps;
  frame.grow(n);
  const centreA = new Float32Array(n), centreD = new Float32Array(n), phase = new Float32Array(n), radius = new Float32Array(n);
  const ground = new Float32Array(n * SAMPLES).fill(NaN);
  const anchor = { x: 0, y: 0, z: 0, fx: 0, fz: -1, ground: 0, set: false };
  let time = 0, fillCursor = 0;
  layout();

  /** Cells in rows across the view: rocklings first (nearest), then grazers, then predators; skyrays on their own grid. */
  function layout(): void {
    const walkers = n - countOf(SKYRAY);
    const cols = Math.max(1, Math.ceil(Math.sqrt(walkers * 1.6)));
    let cell = 0;
    for (const type of WALKER_ORDER) {
      for (let i = type; i < n; i += 4) {
        const col = cell % cols, row = Math.floor(cell / cols);
        centreA[i] = (col - (cols - 1) / 2) * SPACING;
        centreD[i] = 8 + row * SPACING;
        phase[i] = hash(i) * 0.3;
        radius[i] = type === GRAZER && (i >> 2) % 5 === 4 ? 0 : RADIUS[type];
        cell++;
      }
    }
    const rows = Math.ceil(walkers / cols), flyers = countOf(SKYRAY);
    const fcols = Math.max(1, Math.ceil(Math.sqrt(flyers * 1.6)));
    for (let i = SKYRAY, k = 0; i < n; i += 4, k++) {
      centreA[i] = ((k % fcols) - (fcols - 1) / 2) * 5;
      centreD[i] = 10 + (rows * SPACING) / 3 + Math.floor(k / fcols) * 5;
      phase[i] = hash(i) * 0.4;
      radius[i] = RADIUS[SKYRAY];
    }
  }

  function countOf(type: number): number {
    return type < n ? Math.floor((n - 1 - type) / 4) + 1 : 0;
  }

  const worldX = (a: number, d: number) => anchor.x + a * -anchor.fz + d * anchor.fx;
  const worldZ = (a: number, d: number) => anchor.z + a * anchor.fx + d * anchor.fz;

  /** Ground under sample k of creature i's circle, searched from its neighbour sample (terrain is continuous). */
  function fillGround(budget: number): void {
    const total = n * SAMPLES;
    for (let tries = 0; tries < total && budget > 0; tries++, fillCursor = (fillCursor + 1) % total) {
      if (!Number.isNaN(ground[fillCursor])) continue;
      budget--;
      const i = Math.floor(fillCursor / SAMPLES), k = fillCursor % SAMPLES;
      const angle = (k / SAMPLES) * TAU;
      const a = centreA[i] + radius[i] * Math.cos(angle), d = centreD[i] + radius[i] * Math.sin(angle);
      const near = k > 0 && !Number.isNaN(ground[fillCursor - 1]) ? ground[fillCursor - 1] : anchor.ground;
      const h = groundBelow(collision, worldX(a, d), worldZ(a, d), near + 24, 60);
      if (h !== null) ground[fillCursor] = h;
    }
  }

  function groundAt(i: number, angle: number): number {
    const u = ((angle / TAU) % 1 + 1) % 1 * SAMPLES, k0 = Math.floor(u) % SAMPLES, k1 = (k0 + 1) % SAMPLES, f = u - Math.floor(u);
    const g0 = ground[i * SAMPLES + k0], g1 = ground[i * SAMPLES + k1];
    if (Number.isNaN(g0) || Number.isNaN(g1)) return Number.isNaN(g0) ? (Number.isNaN(g1) ? anchor.ground : g1) : g0;
    return g0 + (g1 - g0) * f;
  }

  return {
    name: 'creature-demo',
    update(ctx: FrameContext) {
      if (!ctx.playing) return;
      const cam = ctx.camera.matrixWorld.elements;
      if (!anchor.set) {
        // Forward is the camera's −z, flattened onto the ground.
        const fx = -cam[8], fz = -cam[10], len = Math.hypot(fx, fz) || 1;
        Object.assign(anchor, { x: cam[12], y: cam[13], z: cam[14], fx: fx / len, fz: fz / len, set: true });
        anchor.ground = groundBelow(collision, anchor.x, anchor.z, anchor.y, 200) ?? anchor.y - 1.7;
      }
      fillGround(FILLS_PER_FRAME);
      if (!ctx.held) time += ctx.dt;
      const reversed = Math.floor(time / 4) % 2 === 1;
      const camX = cam[12], camY = cam[13], camZ = cam[14];
      for (let i = 0; i < n; i++) {
        const slot = reversed ? n - 1 - i : i, type = i % 4, g = i >> 2;
        const flyer = type === SKYRAY;
        // Skyrays speed up and slow down together: angle is the integral of omega.
        let omega = flyer ? 0.55 + 0.3 * Math.sin(time * 0.2) : OMEGA;
        let angle = (flyer ? 0.55 * time - 1.5 * Math.cos(time * 0.2) : OMEGA * time) + phase[i];
        let health = 1, flags = 0;
        if (type === PREDATOR && g % 4 === 0) {
          const t = (time + g * 1.3) % 12;
          health = t < 9 ? 1 - 0.2 * Math.floor(t / 2) : 0;
          if (t >= 9) {
            // Dead where it fell: the circle stops at the moment of death.
            flags |= CreatureFlag.Dying;
            angle -= OMEGA * (t - 9);
            omega = 0;
          }
        }
        const r = radius[i], ca = Math.cos(angle), sa = Math.sin(angle);
        const a = centreA[i] + r * ca, d = centreD[i] + r * sa;
        // Tangent of the circle (counter-clockwise in the anchor's across/ahead plane), in the world.
        const ta = -sa, td = ca;
        const hx = ta * -anchor.fz + td * anchor.fx, hz = ta * anchor.fx + td * anchor.fz;
        const speed = r * omega;
        const x = worldX(a, d), z = worldZ(a, d);
        let y = groundAt(i, angle), vy = 0;
        if (flyer) {
          const w = 0.45, amp = 2, base = 4.5 + hash(i + 99) * 4;
          y += base + amp * Math.sin(time * w + g);
          vy = amp * w * Math.cos(time * w + g);
        }
        if (type === ROCKLING) flags |= CreatureFlag.Tamed | CreatureFlag.Mine;
        if (type === GRAZER && g % 3 === 1) flags |= CreatureFlag.Tamed;
        if (i === SKYRAY) flags |= CreatureFlag.Selected | CreatureFlag.Tamed | CreatureFlag.Mine;
        const grazing = radius[i] === 0;
        frame.number[slot] = i + 1;
        frame.type[slot] = type;
        frame.x[slot] = x; frame.y[slot] = y; frame.z[slot] = z;
        frame.vx[slot] = hx * speed; frame.vy[slot] = vy; frame.vz[slot] = hz * speed;
        frame.headX[slot] = grazing ? -anchor.fz : hx; frame.headZ[slot] = grazing ? anchor.fx : hz;
        frame.lookX[slot] = grazing ? NaN : camX; frame.lookY[slot] = camY; frame.lookZ[slot] = camZ;
        frame.state[slot] = type === PREDATOR ? 3 : 0;
        frame.health01[slot] = health;
        frame.level[slot] = 1 + ((i * 37) % 150);
        frame.flags[slot] = flags;
      }
      frame.count = n;
    },
  };
}

function hash(i: number): number {
  const h = Math.imul(i + 1, 0x9e3779b1);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}
