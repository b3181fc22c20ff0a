/**
 * The four creatures' models (issue 13), each one merged geometry of tagged parts (creature-parts.ts)
 * so a type is one instanced draw call and the vertex shader animates legs, heads, jaws, wings and
 * tails. Models face −z with y up; walkers stand on y = 0, the flyer is centred on its body.
 * Sizes follow the engine's body radii (engine/creatures/creature-types.ts): a grazer about 2.6 m
 * long and 2 m to the top of its head, a 3.5 m predator, a 2.9 m-span skyray, a 0.8 m rockling.
 */
import { BoxGeometry, ConeGeometry, CylinderGeometry, IcosahedronGeometry, OctahedronGeometry, SphereGeometry, TorusGeometry, type BufferGeometry } from 'three';
import type { CreatureTypeName } from '../protocol/creatures.ts';
import { PartKind as K, alongRotation, distance, mergeParts, midpoint, mirrorX, paintUnderside, roughen, tagged, type PartTag, type Triple } from './creature-parts.ts';

const HALF_PI = Math.PI / 2;

/** A tapered cylinder from a to b (limbs, necks, tails). */
function limb(a: Triple, b: Triple, r0: number, r1: number, color: string, tag: PartTag, radial = 8): BufferGeometry {
  return tagged(new CylinderGeometry(r1, r0, distance(a, b), radial, 1), color, tag, midpoint(a, b), alongRotation(a, b));
}

/** Collar and beacon: hidden by the shader unless the creature is tamed (collar) or yours or selected (beacon). */
function markers(collarAt: Triple, collarRot: Triple, collarRadius: number, beaconAt: Triple): BufferGeometry[] {
  return [
    tagged(new TorusGeometry(collarRadius, 0.035, 4, 12), '#ffffff', { kind: K.Collar, pivot: collarAt }, collarAt, collarRot),
    tagged(new OctahedronGeometry(0.11), '#ffffff', { kind: K.Beacon, pivot: beaconAt }, beaconAt, [0, 0, 0], [1, 1.5, 1]),
  ];
}

function grazer(): BufferGeometry {
  const HIDE = '#b48a58', DARK = '#3a2e26', PLATE = '#4f7d6c';
  const neck: Triple = [0, 1.35, -0.55];
  const head: PartTag = { kind: K.Head, pivot: neck };
  const parts = [
    paintUnderside(tagged(new SphereGeometry(0.5, 14, 9), HIDE, { kind: K.Body }, [0, 1.22, 0.05], [0, 0, 0], [0.95, 0.88, 1.55]), '#e6d4aa'),
    limb(neck, [0, 1.88, -1.05], 0.24, 0.14, HIDE, head),
    tagged(new SphereGeometry(0.2, 10, 7), HIDE, head, [0, 1.96, -1.17], [0, 0, 0], [1, 0.95, 1.45]),
    tagged(new SphereGeometry(0.13, 8, 6), '#8a6a4a', head, [0, 1.88, -1.38], [0, 0, 0], [1, 0.85, 1.25]),
    tagged(new BoxGeometry(0.15, 0.06, 0.26), '#6a4e36', { kind: K.Jaw, pivot: neck, knee: [0, 1.84, -1.2] }, [0, 1.8, -1.34]),
    // A short tail with a dark tuft, held out and down (a long thin one read as a fifth leg).
    limb([0, 1.38, 0.8], [0, 1.08, 1.12], 0.07, 0.04, HIDE, { kind: K.Tail, pivot: [0, 1.38, 0.8], side: 0 }, 6),
    tagged(new SphereGeometry(0.08, 6, 4), DARK, { kind: K.Tail, pivot: [0, 1.38, 0.8], side: 0 }, [0, 1.02, 1.17], [0.6, 0, 0], [1, 1.7, 1]),
  ];
  for (let i = 0; i < 4; i++) {
    parts.push(tagged(new ConeGeometry(0.13, 0.3, 5), PLATE, { kind: K.Body }, [0, 1.66 - Math.abs(i - 1.5) * 0.03, -0.45 + i * 0.3], [0.35, 0, 0], [0.5, 1, 1.3]));
  }
  for (const side of [-1, 1]) {
    parts.push(tagged(new SphereGeometry(0.04, 6, 4), '#141010', head, mirrorX([0.17, 2.03, -1.15], side)));
    parts.push(tagged(new ConeGeometry(0.05, 0.28, 6), '#e0d2ac', head, mirrorX([0.12, 2.16, -1.02], side), [0.65, 0, -0.45 * side]));
    for (const [z, phase, hind] of [[-0.45, side < 0 ? 0.25 : 0.75, false], [0.5, side < 0 ? 0 : 0.5, true]] as const) {
      const hip: Triple = [0.3 * side, 1.08, z], knee: Triple = [0.3 * side, 0.58, z + (hind ? 0.08 : -0.02)];
      const leg: PartTag = { kind: K.Leg, side, phase, pivot: hip, knee, bend: -1 };
      const lower: PartTag = { ...leg, lower: 1 };
      parts.push(limb([hip[0], 1.15, z], knee, hind ? 0.16 : 0.13, 0.1, HIDE, leg));
      parts.push(tagged(new SphereGeometry(0.1, 6, 4), HIDE, leg, knee));
      parts.push(limb(knee, [knee[0], 0.1, z], 0.085, 0.07, HIDE, lower));
      parts.push(tagged(new CylinderGeometry(0.09, 0.11, 0.12, 6), DARK, lower, [knee[0], 0.06, z]));
    }
  }
  return mergeParts([...parts, ...markers([0, 1.5, -0.72], [Math.PI / 4, 0, 0], 0.2, [0, 2.55, -0.1])]);
}

function alienPredator(): BufferGeometry {
  const SHELL = '#3b2d4f', BELLY = '#8a6f7a', SPIKE = '#d8562c', EYE = '#ff4a1c';
  const neck: Triple = [0, 1.5, -0.6];
  const head: PartTag = { kind: K.Head, pivot: neck };
  const jaw: PartTag = { kind: K.Jaw, pivot: neck, knee: [0, 1.58, -0.98] };
  const tail: PartTag = { kind: K.Tail, pivot: [0, 1.42, 0.65], side: 0 };
  const parts = [
    paintUnderside(tagged(new SphereGeometry(0.5, 14, 9), SHELL, { kind: K.Body }, [0, 1.35, 0], [-0.1, 0, 0], [0.75, 0.8, 1.5]), BELLY),
    limb([0, 1.45, -0.5], [0, 1.62, -0.95], 0.2, 0.15, SHELL, head),
    tagged(new SphereGeometry(0.22, 10, 7), SHELL, head, [0, 1.68, -1.17], [0, 0, 0], [1.05, 0.8, 1.7]),
    tagged(new BoxGeometry(0.2, 0.05, 0.4), '#8a1a2a', head, [0, 1.57, -1.22]),
    tagged(new BoxGeometry(0.24, 0.07, 0.46), '#5a3a48', jaw, [0, 1.53, -1.22]),
    limb([0, 1.42, 0.6], [0, 1.12, 2.1], 0.22, 0.04, SHELL, tail, 10),
    tagged(new ConeGeometry(0.06, 0.3, 5), SPIKE, tail, [0, 1.08, 2.22], [1.77, 0, 0]),
  ];
  for (let i = 0; i < 6; i++) {
    parts.push(tagged(new ConeGeometry(0.07, 0.34 - Math.abs(i - 2) * 0.04, 4), SPIKE, { kind: K.Body }, [0, 1.72 - i * 0.015, -0.6 + i * 0.26], [0.55, 0, 0]));
  }
  for (let i = 0; i < 3; i++) parts.push(tagged(new ConeGeometry(0.05, 0.2, 4), SPIKE, tail, [0, 1.5 - i * 0.09, 0.95 + i * 0.35], [0.7, 0, 0]));
  for (const side of [-1, 1]) {
    parts.push(tagged(new SphereGeometry(0.036, 6, 4), EYE, { ...head, glow: 1 }, mirrorX([0.18, 1.74, -1.27], side)));
    parts.push(tagged(new SphereGeometry(0.03, 6, 4), EYE, { ...head, glow: 1 }, mirrorX([0.19, 1.72, -1.13], side)));
    parts.push(tagged(new ConeGeometry(0.05, 0.35, 5), SPIKE, head, mirrorX([0.12, 1.85, -0.98], side), [1.25, 0, -0.25 * side]));
    for (let t = 0; t < 2; t++) {
      parts.push(tagged(new ConeGeometry(0.02, 0.08, 3), '#f2ecd8', jaw, mirrorX([0.09, 1.59, -1.38 + t * 0.1], side)));
      parts.push(tagged(new ConeGeometry(0.018, 0.07, 4), '#f2ecd8', head, mirrorX([0.09, 1.57, -1.33 + t * 0.1], side), [Math.PI, 0, 0]));
    }
    // Digitigrade legs: thigh down and forward, shin back to a raised ankle, a long foot to the toes.
    const hip: Triple = [0.3 * side, 1.32, 0.15], knee: Triple = [0.36 * side, 0.75, -0.12];
    const ankle: Triple = [0.36 * side, 0.3, 0.2], toe: Triple = [0.36 * side, 0.05, -0.12];
    const leg: PartTag = { kind: K.Leg, side, phase: side < 0 ? 0 : 0.5, pivot: hip, knee, bend: -1 };
    const lower: PartTag = { ...leg, lower: 1 };
    parts.push(limb([hip[0], 1.4, hip[2]], knee, 0.19, 0.11, SHELL, leg, 10));
    parts.push(tagged(new SphereGeometry(0.12, 6, 4), SHELL, leg, knee));
    parts.push(limb(knee, ankle, 0.1, 0.07, SHELL, lower));
    parts.push(limb(ankle, toe, 0.07, 0.05, BELLY, lower));
    for (const dx of [-0.06, 0, 0.06]) parts.push(tagged(new ConeGeometry(0.025, 0.14, 4), '#e8e0d0', lower, [toe[0] + dx, 0.04, toe[2] - 0.08], [-HALF_PI, 0, 0]));
    const shoulder: Triple = [0.24 * side, 1.3, -0.62];
    const arm: PartTag = { kind: K.Leg, side, phase: side < 0 ? 0.5 : 0, pivot: shoulder, amp: 0.35 };
    parts.push(limb(shoulder, [0.3 * side, 1.02, -0.82], 0.06, 0.04, SHELL, arm, 6));
    parts.push(tagged(new ConeGeometry(0.025, 0.12, 4), '#e8e0d0', arm, [0.3 * side, 0.97, -0.86], [Math.PI + 0.5, 0, 0]));
  }
  return mergeParts([...parts, ...markers([0, 1.55, -0.74], [0.4, 0, 0], 0.2, [0, 2.35, -0.1])]);
}

/** A swept, tapering wing from the root (x = ±0.3) out to ±1.45, reshaped from a segmented slab. */
function wing(side: number, color: string, tag: PartTag): BufferGeometry {
  const SPAN = 1.15, ROOT = 0.3;
  const g = new BoxGeometry(SPAN, 0.06, 1.0, 8, 1, 1).toNonIndexed();
  const pos = g.getAttribute('position');
  for (let i = 0; i < pos.count; i++) {
    const t = pos.getX(i) / SPAN + 0.5; // 0 at the root, 1 at the tip
    const chord = 1.0 - 0.85 * Math.pow(t, 0.8);
    pos.setXYZ(i, side * (ROOT + t * SPAN), pos.getY(i) * (1 - 0.7 * t) + 0.06 * t, pos.getZ(i) * chord + 0.42 * t - 0.05);
  }
  g.computeVertexNormals();
  return tagged(g, color, tag);
}

function skyray(): BufferGeometry {
  const TOP = '#24607e', UNDER = '#d8ecf0', SPOT = '#7ff0ff';
  const head: PartTag = { kind: K.Head, pivot: [0, 0, -0.45] };
  const tail: PartTag = { kind: K.Tail, pivot: [0, 0, 0.55], side: 2 };
  const parts = [
    paintUnderside(tagged(new SphereGeometry(0.4, 14, 8), TOP, { kind: K.Body }, [0, 0, 0], [0, 0, 0], [0.9, 0.32, 1.5]), UNDER),
    limb([0, 0, 0.5], [0, 0, 2.0], 0.04, 0.008, TOP, tail, 5),
    tagged(new ConeGeometry(0.12, 0.2, 3), TOP, tail, [0, 0.04, 0.85], [HALF_PI, 0, 0], [0.2, 1, 1]),
  ];
  for (const side of [-1, 1]) {
    const w: PartTag = { kind: K.Wing, side, pivot: [0.3 * side, 0, 0] };
    parts.push(paintUnderside(wing(side, TOP, w), UNDER));
    for (const [t, z] of [[0.35, 0.12], [0.6, 0.26], [0.8, 0.35]]) {
      parts.push(tagged(new SphereGeometry(0.05, 6, 3), SPOT, { ...w, glow: 0.9 }, [side * (0.3 + t * 1.15), 0.05 + 0.02 * t, z], [0, 0, 0], [1, 0.35, 1]));
    }
    parts.push(tagged(new ConeGeometry(0.07, 0.32, 6), TOP, head, mirrorX([0.17, 0, -0.66], side), [-HALF_PI, 0, 0], [1, 1, 0.45]));
    parts.push(tagged(new SphereGeometry(0.04, 6, 4), '#c8fbff', { ...head, glow: 0.8 }, mirrorX([0.24, 0.05, -0.5], side)));
  }
  return mergeParts([...parts, ...markers([0, 0.12, 0.15], [HALF_PI, 0, 0], 0.12, [0, 0.75, 0])]);
}

function rockling(): BufferGeometry {
  const ROCK = '#857a6c', FOOT = '#5e554b', CRYSTAL = '#5ff0c8';
  const head: PartTag = { kind: K.Head, pivot: [0, 0.62, -0.05] };
  const parts = [
    tagged(roughen(new IcosahedronGeometry(0.33, 1), 0.16, 7), ROCK, { kind: K.Body }, [0, 0.45, 0.02], [0, 0, 0], [1.05, 0.9, 0.95]),
    tagged(roughen(new IcosahedronGeometry(0.17, 1), 0.18, 3), '#94897a', head, [0, 0.7, -0.17], [0, 0, 0], [1.1, 0.85, 1]),
    tagged(new ConeGeometry(0.06, 0.3, 5), CRYSTAL, { kind: K.Body, glow: 0.9 }, [0.06, 0.78, 0.14], [0.45, 0, -0.3]),
    tagged(new ConeGeometry(0.045, 0.22, 5), CRYSTAL, { kind: K.Body, glow: 0.9 }, [-0.1, 0.74, 0.2], [0.7, 0, 0.5]),
    tagged(new ConeGeometry(0.04, 0.18, 5), CRYSTAL, { kind: K.Body, glow: 0.9 }, [0.02, 0.68, 0.32], [1.1, 0, 0.1]),
  ];
  for (const side of [-1, 1]) {
    parts.push(tagged(new SphereGeometry(0.034, 6, 4), '#ffe27a', { ...head, glow: 1 }, mirrorX([0.07, 0.73, -0.33], side)));
    const hip: Triple = [0.14 * side, 0.3, 0];
    const leg: PartTag = { kind: K.Leg, side, phase: side < 0 ? 0 : 0.5, pivot: hip };
    parts.push(tagged(new CylinderGeometry(0.08, 0.1, 0.24, 7), FOOT, leg, [0.14 * side, 0.16, 0]));
    parts.push(tagged(new BoxGeometry(0.15, 0.07, 0.22), FOOT, leg, [0.14 * side, 0.035, -0.03]));
    const shoulder: Triple = [0.3 * side, 0.52, 0];
    const arm: PartTag = { kind: K.Leg, side, phase: side < 0 ? 0.5 : 0, pivot: shoulder, amp: 1.2 };
    parts.push(limb(shoulder, [0.37 * side, 0.36, -0.02], 0.06, 0.05, ROCK, arm, 6));
    parts.push(tagged(roughen(new IcosahedronGeometry(0.085, 0), 0.2, 11 + side), '#766b5e', arm, [0.38 * side, 0.31, -0.03]));
  }
  return mergeParts([...parts, ...markers([0, 0.42, 0.02], [HALF_PI, 0, 0], 0.33, [0, 1.12, 0])]);
}

export const CREATURE_GEOMETRY: Readonly<Record<CreatureTypeName, () => BufferGeometry>> = {
  grazer, alien_predator: alienPredator, skyray, rockling,
};
