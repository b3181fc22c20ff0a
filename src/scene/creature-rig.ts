/**
 * How each creature type moves, as plain numbers next to its model (creature-geometry.ts): the
 * shader's per-type constants (`look`) and what the main thread needs to turn speed into gait and
 * wing phases and a look target into a head turn. Indexed like CREATURE_TYPE_NAMES.
 */
import { CREATURE_TYPE_NAMES, type CreatureTypeName } from '../protocol/creatures.ts';
import type { CreatureRigLook } from './creature-material.ts';

export interface CreatureRig {
  look: CreatureRigLook;
  flyer: boolean;
  /** Hip height, m: with the swing it sets the stride, so feet keep pace with the ground. */
  hipHeight: number;
  /** Leg swing at a run, radians. */
  maxSwing: number;
  /** The speed the legs reach full swing, m/s. */
  runSpeed: number;
  /** Where the head is (height and distance ahead of the origin, m), for aiming its look. */
  headY: number;
  headForward: number;
  /** How far the head turns from straight ahead, radians. */
  yawLimit: number;
  pitchMin: number;
  pitchMax: number;
  /** Lowers its head to graze (and chews) when standing with nothing to look at. */
  grazes: boolean;
  /** Opens its jaws at a target when aggressive. */
  bites: boolean;
  /** How far the body sinks once dead, m. */
  sink: number;
}

const RIGS: Readonly<Record<CreatureTypeName, CreatureRig>> = {
  grazer: {
    look: { bob: 0.07, roll: 0.03, knee: 1.5, tail: 0.4, roughness: 0.85, metalness: 0.0 },
    flyer: false, hipHeight: 1.08, maxSwing: 0.5, runSpeed: 5, headY: 1.95, headForward: 1.2,
    yawLimit: 1.2, pitchMin: -1.15, pitchMax: 0.6, grazes: true, bites: false, sink: 0.45,
  },
  alien_predator: {
    look: { bob: 0.1, roll: 0.04, knee: 1.7, tail: 0.3, roughness: 0.42, metalness: 0.2 },
    flyer: false, hipHeight: 1.32, maxSwing: 0.62, runSpeed: 6.5, headY: 1.68, headForward: 1.2,
    yawLimit: 1.0, pitchMin: -0.7, pitchMax: 0.6, grazes: false, bites: true, sink: 0.5,
  },
  skyray: {
    look: { bob: 0, roll: 0, knee: 0, tail: 0, roughness: 0.5, metalness: 0.1 },
    flyer: true, hipHeight: 1, maxSwing: 0, runSpeed: 9, headY: 0, headForward: 0.6,
    yawLimit: 0.45, pitchMin: -0.35, pitchMax: 0.35, grazes: false, bites: false, sink: 0,
  },
  rockling: {
    look: { bob: 0.04, roll: 0.28, knee: 0, tail: 0, roughness: 0.95, metalness: 0.0 },
    flyer: false, hipHeight: 0.3, maxSwing: 0.75, runSpeed: 4.5, headY: 0.7, headForward: 0.2,
    yawLimit: 1.3, pitchMin: -0.6, pitchMax: 0.7, grazes: false, bites: false, sink: 0.15,
  },
};

export const CREATURE_RIGS: readonly CreatureRig[] = CREATURE_TYPE_NAMES.map((name) => RIGS[name]);

/** Level 1..150 grows a creature by up to a fifth. */
export const levelScale = (level: number): number => 1 + (0.2 * (Math.min(150, Math.max(1, level)) - 1)) / 149;
