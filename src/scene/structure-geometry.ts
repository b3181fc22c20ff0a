/**
 * The base structures' models (issue 12), one merged vertex-coloured geometry per type so each type
 * is one instanced draw call. Each model stands on y = 0 at its base centre, fills its catalogue box
 * (engine/base/structure-types.ts `size`: x wide, y tall, z deep) and faces −z, so a structure's
 * matrix is just its anchor and yaw. The instance colour multiplies these colours to show its state.
 */
import { BoxGeometry, ConeGeometry, CylinderGeometry, SphereGeometry, type BufferGeometry } from 'three';
import type { StructureTypeId } from '../engine/base/structure-types.ts';
import { merge, part } from './geometry-parts.ts';

const HALF_PI = Math.PI / 2;
const METAL = '#9aa3ad';
const DARK = '#3c4148';
const TRIM = '#e0a030';

function solarPanel(): BufferGeometry {
  return merge([
    part(new CylinderGeometry(0.07, 0.09, 0.9, 8), METAL, [0, 0.45, 0]),
    part(new BoxGeometry(0.5, 0.08, 0.5), DARK, [0, 0.04, 0]),
    // The panel leans toward the sun's side (+z) by 25°.
    part(new BoxGeometry(1.95, 0.05, 1.7), '#1d3f8f', [0, 0.95, 0], [-0.44, 0, 0]),
    part(new BoxGeometry(2.0, 0.04, 1.75), METAL, [0, 0.92, 0], [-0.44, 0, 0]),
  ]);
}

function windTurbine(): BufferGeometry {
  const blade = (angle: number) =>
    part(new BoxGeometry(0.1, 0.72, 0.03), '#f2f2f2', [Math.sin(angle) * 0.38, 5.55 + Math.cos(angle) * 0.38, -0.32], [0, 0, -angle]);
  return merge([
    part(new CylinderGeometry(0.09, 0.18, 5.4, 10), '#e8e8e8', [0, 2.7, 0]),
    part(new BoxGeometry(0.3, 0.3, 0.6), METAL, [0, 5.55, 0]),
    part(new ConeGeometry(0.1, 0.2, 8), TRIM, [0, 5.55, -0.38], [-HALF_PI, 0, 0]),
    blade(0), blade((2 * Math.PI) / 3), blade((4 * Math.PI) / 3),
    part(new CylinderGeometry(0.5, 0.6, 0.15, 12), DARK, [0, 0.075, 0]),
  ]);
}

function battery(): BufferGeometry {
  return merge([
    part(new BoxGeometry(0.85, 1.0, 0.85), DARK, [0, 0.5, 0]),
    part(new BoxGeometry(0.87, 0.12, 0.87), '#38d060', [0, 0.72, 0]),
    part(new CylinderGeometry(0.07, 0.07, 0.15, 8), TRIM, [-0.2, 1.07, 0]),
    part(new CylinderGeometry(0.07, 0.07, 0.15, 8), '#c03030', [0.2, 1.07, 0]),
  ]);
}

function powerPole(): BufferGeometry {
  return merge([
    part(new CylinderGeometry(0.07, 0.1, 3.9, 8), '#7a6a58', [0, 1.95, 0]),
    part(new BoxGeometry(0.38, 0.06, 0.08), METAL, [0, 3.7, 0]),
    part(new SphereGeometry(0.07, 8, 6), '#60c0ff', [-0.17, 3.78, 0]),
    part(new SphereGeometry(0.07, 8, 6), '#60c0ff', [0.17, 3.78, 0]),
  ]);
}

function fabricator(): BufferGeometry {
  return merge([
    part(new BoxGeometry(1.95, 0.9, 1.45), METAL, [0, 0.45, 0]),
    part(new BoxGeometry(1.3, 0.6, 1.1), DARK, [0, 1.2, 0.1]),
    part(new BoxGeometry(0.9, 0.35, 0.05), '#40e0ff', [0, 1.2, -0.46]),
    part(new BoxGeometry(1.97, 0.08, 1.47), TRIM, [0, 0.88, 0]),
  ]);
}

function oxygenator(): BufferGeometry {
  return merge([
    part(new CylinderGeometry(0.6, 0.65, 1.5, 16), '#d8dde3', [0, 0.75, 0]),
    part(new SphereGeometry(0.6, 16, 8, 0, Math.PI * 2, 0, HALF_PI), '#d8dde3', [0, 1.5, 0]),
    part(new CylinderGeometry(0.62, 0.62, 0.16, 16), '#3ab4ff', [0, 1.1, 0]),
    part(new CylinderGeometry(0.08, 0.08, 0.6, 8), METAL, [0.55, 0.5, 0], [0, 0, HALF_PI]),
  ]);
}

function habitat(): BufferGeometry {
  return merge([
    part(new CylinderGeometry(1.95, 1.95, 1.8, 24), '#eef0f2', [0, 0.9, 0]),
    part(new SphereGeometry(1.95, 24, 10, 0, Math.PI * 2, 0, HALF_PI), '#eef0f2', [0, 1.8, 0], [0, 0, 0], [1, 0.6, 1]),
    part(new CylinderGeometry(1.97, 1.97, 0.2, 24), TRIM, [0, 1.3, 0]),
    part(new BoxGeometry(0.9, 1.6, 0.3), DARK, [0, 0.8, -1.9]),
    part(new BoxGeometry(1.2, 0.35, 0.1), '#3ab4ff', [1.0, 1.6, -1.7], [0, -0.5, 0]),
  ]);
}

function light(): BufferGeometry {
  return merge([
    part(new CylinderGeometry(0.05, 0.07, 1.7, 8), METAL, [0, 0.85, 0]),
    part(new SphereGeometry(0.17, 12, 8), '#fff2b0', [0, 1.82, 0]),
    part(new CylinderGeometry(0.15, 0.15, 0.06, 8), DARK, [0, 0.03, 0]),
  ]);
}

function storage(): BufferGeometry {
  return merge([
    part(new BoxGeometry(1.45, 0.95, 1.45), '#8a6d3b', [0, 0.475, 0]),
    part(new BoxGeometry(1.48, 0.1, 1.48), DARK, [0, 0.8, 0]),
    part(new BoxGeometry(1.48, 0.1, 1.48), DARK, [0, 0.2, 0]),
  ]);
}

export const STRUCTURE_GEOMETRY: Readonly<Record<StructureTypeId, () => BufferGeometry>> = {
  solar_panel: solarPanel, wind_turbine: windTurbine, battery, power_pole: powerPole, fabricator,
  oxygenator, habitat, light, storage,
};
