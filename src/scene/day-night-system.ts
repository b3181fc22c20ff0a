/**
 * The sky follows the shared world's clock (issue 12): the sun's path, the light it gives, the sky
 * and haze colours and the exposure come from the relay's world clock as the page counts it on
 * (BaseReplica.tickNow), so every player sees the same time of day the power grid runs on. The
 * clock moves slowly, so the lighting is refreshed a few times a second, not every frame.
 * Single-player has no world clock: the sky keeps its fixed afternoon sun.
 */
import { Color, Vector3, type DirectionalLight, type Fog, type HemisphereLight, type WebGLRenderer } from 'three';
import type { Sky } from 'three/examples/jsm/objects/Sky.js';
import type { FrameContext, System } from '../app/frame-loop.ts';
import { WorldClock } from '../engine/base/world-clock.ts';
import type { BaseReplica } from '../net/base-replica.ts';
import type { WorldClockInfo } from '../protocol/net/base-events.ts';

const REFRESH_MS = 250;
/** The sun's path leans this far south of the zenith (radians), so noon still casts shadows and shading. */
const ORBIT_TILT = 0.45;
const DAY_HAZE = new Color('#b9c9d9');
const NIGHT_HAZE = new Color('#1c2740');
const DUSK_HAZE = new Color('#d9a37f');

export interface SkyParts {
  sky: Sky;
  sun: DirectionalLight;
  ambient: HemisphereLight;
  fog: Fog;
  background: Color;
  gl: WebGLRenderer;
  /** The fixed look used without a world clock. */
  fixedSun: Vector3;
  sunIntensity: number;
  ambientIntensity: number;
  exposure: number;
}

export interface DayNightSystem extends System {
  attach(parts: SkyParts | null): void;
  /** 0..1 from midnight, or null without a world clock (tests and the HUD read it). */
  timeOfDay(): number | null;
}

const smooth = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

export function createDayNightSystem(deps: { base: BaseReplica }): DayNightSystem {
  let parts: SkyParts | null = null;
  let clock: WorldClock | null = null;
  let clockOf: WorldClockInfo | null = null;
  let last = -Infinity;
  let tod: number | null = null;
  const dir = new Vector3();

  function apply(p: SkyParts, sun: Vector3, day: number, dusk: number): void {
    p.sky.material.uniforms.sunPosition.value.copy(sun);
    p.sun.position.copy(sun).multiplyScalar(100);
    p.sun.intensity = p.sunIntensity * day;
    // Moonlight: the night stays playable, dimmer and bluer, never black.
    p.ambient.intensity = p.ambientIntensity * (0.32 + 0.68 * day);
    p.fog.color.copy(NIGHT_HAZE).lerp(DAY_HAZE, day).lerp(DUSK_HAZE, dusk * 0.45);
    p.background.copy(p.fog.color);
    p.gl.toneMappingExposure = p.exposure * (0.8 + 0.2 * day);
  }

  return {
    name: 'day-night',
    attach(next) {
      parts = next;
      last = -Infinity;
    },
    timeOfDay: () => tod,
    update(frame: FrameContext) {
      if (!parts || frame.nowMs - last < REFRESH_MS) return;
      last = frame.nowMs;
      const info = deps.base.store.getState().clock?.info ?? null;
      const tick = deps.base.tickNow();
      if (!info || tick === null) {
        if (tod !== null || clockOf) { tod = null; clockOf = null; apply(parts, parts.fixedSun, 1, 0); }
        return;
      }
      if (info !== clockOf) {
        clockOf = info;
        clock = new WorldClock({ dayLengthSeconds: info.day_length_s, tickHz: info.tick_hz, startTimeOfDay: info.start_time_of_day });
      }
      clock!.sunDirection(tick, dir);
      tod = clock!.timeOfDay(tick);
      // Lean the orbit: the engine's sun runs east-up-west in x-y; tilt it toward −z (where the view starts).
      const elevation = dir.y;
      dir.set(dir.x, elevation * Math.cos(ORBIT_TILT), -elevation * Math.sin(ORBIT_TILT) - 0.08).normalize();
      const day = smooth(-0.08, 0.2, elevation);
      const dusk = 1 - Math.min(1, Math.abs(elevation) / 0.25);
      apply(parts, dir, day, dusk);
    },
  };
}
