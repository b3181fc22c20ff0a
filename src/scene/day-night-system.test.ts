import { describe, expect, it } from 'vitest';
import { Color, DirectionalLight, Fog, HemisphereLight, Vector3, type WebGLRenderer } from 'three';
import { Sky } from 'three/examples/jsm/objects/Sky.js';
import { createStore } from 'zustand/vanilla';
import type { BaseReplica, BaseState } from '../net/base-replica.ts';
import type { FrameContext } from '../app/frame-loop.ts';
import { createDayNightSystem, type SkyParts } from './day-night-system.ts';

const HZ = 10, DAY_S = 1200;

function setup() {
  const store = createStore<BaseState>(() => ({ inventory: null, structures: {}, states: {}, grid: {}, clock: null, dropped: null, structuresVersion: 0 }));
  let tick: number | null = null;
  const base = { store, tickNow: () => tick } as unknown as BaseReplica;
  const parts: SkyParts = {
    sky: new Sky(), sun: new DirectionalLight(), ambient: new HemisphereLight(), fog: new Fog(new Color('#b9c9d9'), 1, 2),
    background: new Color(), gl: { toneMappingExposure: 0 } as WebGLRenderer,
    fixedSun: new Vector3(0.45, 0.55, -0.7).normalize(), sunIntensity: 5.5, ambientIntensity: 3.2, exposure: 0.9,
  };
  const system = createDayNightSystem({ base });
  system.attach(parts);
  let now = 0;
  const step = () => system.update({ nowMs: (now += 1000) } as FrameContext);
  const at = (timeOfDay: number) => {
    store.setState({ clock: { info: { tick: 0, tick_hz: HZ, day_length_s: DAY_S, start_time_of_day: 0 }, heardAt: 0 } });
    tick = Math.round(timeOfDay * DAY_S * HZ);
    step();
  };
  return { system, parts, at, step, clear: () => { tick = null; store.setState({ clock: null }); step(); } };
}

describe('day-night system', () => {
  it('follows the world clock: a high bright sun at noon, dark haze and no sun at midnight, dawn in between', () => {
    const { system, parts, at, clear } = setup();
    at(0.5);
    expect(system.timeOfDay()).toBeCloseTo(0.5);
    expect(parts.sun.position.y).toBeGreaterThan(80);
    expect(parts.sun.intensity).toBeCloseTo(5.5);
    const noonHaze = parts.fog.color.getHSL({ h: 0, s: 0, l: 0 }).l;
    at(0);
    expect(parts.sun.position.y).toBeLessThan(0);
    expect(parts.sun.intensity).toBe(0);
    expect(parts.fog.color.getHSL({ h: 0, s: 0, l: 0 }).l).toBeLessThan(noonHaze / 2);
    expect(parts.ambient.intensity).toBeGreaterThan(0.5); // moonlight: never black
    at(0.27);
    expect(parts.sun.intensity).toBeGreaterThan(0);
    expect(parts.sun.intensity).toBeLessThan(5.5);
    // Leaving the shared world: back to the fixed afternoon sun.
    clear();
    expect(system.timeOfDay()).toBeNull();
    expect(parts.sun.intensity).toBeCloseTo(5.5);
    expect(parts.sun.position.clone().normalize().distanceTo(parts.fixedSun)).toBeLessThan(1e-6);
  });
});
