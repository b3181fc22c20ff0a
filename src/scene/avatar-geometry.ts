/**
 * The remote avatars' shapes, each merged into one geometry with vertex colours so a part is one
 * instanced draw call: a walker's body, a helmet (walkers' and VR heads'), a glove, a ship. The
 * per-player instance colour multiplies the vertex colours: body and gloves are shades of it, the
 * helmet stays white with a gold visor (readable at a distance), the ship is a lightly tinted copy
 * of the player's own (Spaceship.tsx).
 */
import { BoxGeometry, CapsuleGeometry, CircleGeometry, CylinderGeometry, SphereGeometry, type BufferGeometry } from 'three';
import { merge, part } from './geometry-parts.ts';

/** A suited astronaut from the feet up (1.8 m), facing −z, without the head; white = the player's colour. */
export function walkerBodyGeometry(): BufferGeometry {
  const HALF_PI = Math.PI / 2;
  return merge([
    part(new CapsuleGeometry(0.28, 0.42, 4, 12), '#ffffff', [0, 1.08, 0]),
    part(new CapsuleGeometry(0.11, 0.5, 4, 8), '#c4c4c4', [-0.14, 0.4, 0]),
    part(new CapsuleGeometry(0.11, 0.5, 4, 8), '#c4c4c4', [0.14, 0.4, 0]),
    part(new CapsuleGeometry(0.085, 0.46, 4, 8), '#ffffff', [-0.38, 1.08, 0], [0, 0, -0.18]),
    part(new CapsuleGeometry(0.085, 0.46, 4, 8), '#ffffff', [0.38, 1.08, 0], [0, 0, 0.18]),
    // Boots and a life-support pack in darker shades, so the silhouette reads front from back.
    part(new BoxGeometry(0.18, 0.1, 0.3), '#5a5a5a', [-0.14, 0.05, -0.05]),
    part(new BoxGeometry(0.18, 0.1, 0.3), '#5a5a5a', [0.14, 0.05, -0.05]),
    part(new BoxGeometry(0.44, 0.56, 0.2), '#8a8a8a', [0, 1.12, 0.3]),
    part(new CylinderGeometry(0.12, 0.12, 0.04, 12), '#ffffff', [0, 1.2, -0.27], [HALF_PI, 0, 0]),
  ]);
}

/** A helmet centred on the head, visor toward −z. Not tinted (no instance colour). */
export function helmetGeometry(): BufferGeometry {
  return merge([
    part(new SphereGeometry(0.24, 20, 14), '#f2f4f7', [0, 0, 0]),
    // A front cap of a slightly larger sphere: the visor (phi 3π/2 is −z in three's sphere).
    part(new SphereGeometry(0.248, 16, 8, 1.5 * Math.PI - 0.95, 1.9, 1.05, 0.95), '#c08a2a', [0, 0, 0]),
    part(new CylinderGeometry(0.2, 0.22, 0.08, 16), '#9aa3ad', [0, -0.22, 0]),
  ]);
}

/** A glove at the controller's grip, fingers toward −z; symmetric, so one geometry serves both hands. */
export function gloveGeometry(): BufferGeometry {
  return merge([
    part(new SphereGeometry(0.05, 12, 8), '#ffffff', [0, 0, -0.02], [0, 0, 0], [1, 0.62, 1.5]),
    part(new CylinderGeometry(0.045, 0.05, 0.06, 12), '#9a9a9a', [0, 0, 0.06], [Math.PI / 2, 0, 0]),
  ]);
}

/** Spaceship.tsx's hull in one geometry (about 6 m long, nose toward −z). */
export function shipGeometry(): BufferGeometry {
  const HULL = '#c9d2dc', TRIM = '#e0813a', METAL = '#5a6570', HALF_PI = Math.PI / 2;
  const parts = [
    part(new CapsuleGeometry(0.9, 3.2, 6, 12), HULL, [0, 0, 0], [HALF_PI, 0, 0]),
    part(new SphereGeometry(0.8, 16, 12), '#1d3b5a', [0, 0.55, -1.1], [0, 0, 0], [0.75, 0.55, 1.3]),
    part(new BoxGeometry(5.2, 0.12, 1.6), HULL, [0, -0.1, 0.6]),
    part(new BoxGeometry(0.12, 1.0, 1.0), TRIM, [0, 0.6, 1.7]),
  ];
  for (const x of [-1.2, 1.2]) {
    parts.push(part(new CylinderGeometry(0.35, 0.45, 1.2, 12), METAL, [x, -0.2, 2.1], [HALF_PI, 0, 0]));
    parts.push(part(new CircleGeometry(0.3, 16), '#7fd4ff', [x, -0.2, 2.72]));
    parts.push(part(new CylinderGeometry(0.06, 0.06, 1.1, 6), METAL, [x * 0.93, -1.45, 0.4]));
  }
  return merge(parts);
}
