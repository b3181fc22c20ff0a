/**
 * The creatures' material: three's MeshStandardMaterial (so the sun, the sky light and the haze
 * light and fog them like everything else) with the animation in its vertex stage. Each vertex says
 * which part it is (creature-parts.ts); each instance says where its gait and wings are in their
 * cycles, where its head looks and how it is doing (creatures-system.ts). The vertex stage bends
 * legs at hip and knee, turns the head and opens the jaw, beats the wings with a lag toward the tip,
 * sways the tail, bobs and rolls the body, and shows the tame markers; the fragment stage adds the
 * glow of eyes and crystals, a red flash when hit, a rim light when selected and greys the dying.
 *
 * Per instance (InstancedBufferAttribute):
 *   iGait  (gait phase in cycles, leg swing in radians, wing phase in cycles, wing beat in radians)
 *   iHead  (head yaw, head pitch relative to the body in radians, jaw open 0..1, a 0..1 seed)
 *   iState (hit flash 0..1, dying 0..1, CreatureFlag bits, health 0..1)
 */
import { MeshStandardMaterial, Vector4 } from 'three';

/**
 * Per type: how much the body bobs (m per radian of leg swing) and rolls (radians per radian: the
 * rockling's waddle), how far knees bend (per radian of swing) and how much the tail sways.
 */
export interface CreatureRigLook { bob: number; roll: number; knee: number; tail: number; roughness: number; metalness: number }

const VERTEX_PARS = /* glsl */ `
attribute vec4 aPart;
attribute vec4 aPivot;
attribute vec4 aKnee;
attribute float aGlow;
attribute vec4 iGait;
attribute vec4 iHead;
attribute vec4 iState;
uniform vec4 uRig;
uniform float uTime;
varying vec3 vCrTint;
varying float vCrGlow;
varying float vCrHit;
varying float vCrSelect;
mat3 crRotX(float a) { float c = cos(a), s = sin(a); return mat3(1.0, 0.0, 0.0, 0.0, c, s, 0.0, -s, c); }
mat3 crRotY(float a) { float c = cos(a), s = sin(a); return mat3(c, 0.0, -s, 0.0, 1.0, 0.0, s, 0.0, c); }
mat3 crRotZ(float a) { float c = cos(a), s = sin(a); return mat3(c, s, 0.0, -s, c, 0.0, 0.0, 0.0, 1.0); }
`;

/** Replaces beginnormal_vertex: moves the vertex (crPos) and its normal by part; begin_vertex then takes crPos. */
const VERTEX_ANIMATE = /* glsl */ `
vec3 objectNormal = vec3(normal);
vec3 crPos = position;
{
  const float TAU = 6.2831853;
  int kind = int(aPart.x + 0.5);
  float side = aPart.y;
  int flags = int(iState.z + 0.5);
  bool tamed = (flags & 1) != 0;
  bool mine = (flags & 2) != 0;
  bool selected = (flags & 8) != 0;
  float dying = iState.y;
  float seed = iHead.w * TAU;
  float gait = TAU * iGait.x;
  float swing = iGait.y * (1.0 - dying);
  vec3 pv = aPivot.xyz;
  mat3 r = mat3(1.0);
  vCrTint = vec3(1.0);
  vCrGlow = aGlow;
  if (kind == 3) {
    // Leg: the lower segment bends at the knee while the leg swings forward (lifting the foot),
    // then the whole leg swings at the hip. Dying folds them.
    float ph = gait + TAU * aPart.z;
    float a = swing * aPivot.w;
    if (aPart.w > 0.5) {
      mat3 rk = crRotX(aKnee.w * (uRig.z * a * max(0.0, cos(ph)) + 1.4 * dying));
      crPos = rk * (crPos - aKnee.xyz) + aKnee.xyz;
      objectNormal = rk * objectNormal;
    }
    r = crRotX(a * sin(ph) + 0.7 * dying);
  } else if (kind == 1 || kind == 2) {
    if (kind == 2) {
      mat3 rj = crRotX(-0.6 * iHead.z);
      crPos = rj * (crPos - aKnee.xyz) + aKnee.xyz;
      objectNormal = rj * objectNormal;
    }
    float nod = 0.035 * sin(uTime * 1.7 + seed);
    r = crRotY(iHead.x * (1.0 - dying)) * crRotX(iHead.y + nod - 0.5 * dying);
  } else if (kind == 4) {
    // Wing: a beat that reaches the tip a little later, and bends more toward it.
    float d = abs(crPos.x - pv.x);
    float flap = iGait.w * sin(TAU * iGait.z - 1.2 * d) * (0.6 + 0.5 * d) + 0.06 * d;
    r = crRotZ(side * mix(flap, -0.8, dying));
  } else if (kind == 5) {
    float d = length(crPos - pv);
    if (side > 1.5) r = crRotX(0.3 * sin(TAU * iGait.z - 2.0 * d) * d * (0.25 + iGait.w));
    else r = crRotY((uRig.w * (0.2 + swing) * sin(gait - 1.4 * d) + 0.12 * sin(uTime * 1.3 + seed)) * d * (1.0 - dying));
  } else if (kind == 6 || kind == 7) {
    bool show = kind == 6 ? tamed : (mine || selected);
    if (!show) {
      crPos = pv; // collapsed to a point: nothing drawn
    } else if (kind == 7) {
      float pulse = selected ? 1.0 + 0.3 * sin(uTime * 6.0) : 1.0;
      r = crRotY(uTime * 1.8);
      crPos = pv + (crPos - pv) * pulse + vec3(0.0, 0.07 * sin(uTime * 2.5 + seed), 0.0);
    }
    vCrTint = selected ? vec3(1.0, 0.95, 0.7) : mine ? vec3(0.25, 0.95, 1.0) : vec3(1.0, 0.6, 0.12);
    vCrGlow = mine || selected ? 0.45 : 0.2;
  }
  crPos = r * (crPos - pv) + pv;
  objectNormal = r * objectNormal;
  // The body rises at mid-stance (feet stay put: legs stretch) and rolls with the steps.
  float lift = kind == 3 ? clamp(crPos.y / max(pv.y, 0.01), 0.0, 1.0) : 1.0;
  crPos.y += uRig.x * swing * cos(2.0 * gait) * lift;
  mat3 rr = crRotZ(uRig.y * swing * sin(gait));
  crPos = rr * crPos;
  objectNormal = rr * objectNormal;
  vCrTint *= mix(vec3(1.0), vec3(0.42, 0.4, 0.4), dying);
  vCrGlow *= 1.0 - dying;
  vCrHit = iState.x;
  vCrSelect = selected ? 0.55 + 0.45 * sin(uTime * 5.0) : 0.0;
}
`;

const FRAGMENT_PARS = /* glsl */ `
varying vec3 vCrTint;
varying float vCrGlow;
varying float vCrHit;
varying float vCrSelect;
`;

const FRAGMENT_EMISSIVE = /* glsl */ `
float crRim = pow(1.0 - abs(dot(normal, normalize(vViewPosition))), 2.0);
totalEmissiveRadiance += diffuseColor.rgb * vCrGlow * 1.8
  + vec3(1.0, 0.12, 0.05) * vCrHit * (0.3 + 0.7 * crRim)
  + vec3(0.85, 0.95, 1.0) * vCrSelect * crRim;
`;

/** One type's material; `time` is shared by all types (the system sets time.value each frame). */
export function createCreatureMaterial(look: CreatureRigLook, time: { value: number }): MeshStandardMaterial {
  const material = new MeshStandardMaterial({ vertexColors: true, roughness: look.roughness, metalness: look.metalness });
  const rig = { value: new Vector4(look.bob, look.roll, look.knee, look.tail) };
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uRig = rig;
    shader.uniforms.uTime = time;
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${VERTEX_PARS}`)
      .replace('#include <beginnormal_vertex>', VERTEX_ANIMATE)
      .replace('#include <begin_vertex>', 'vec3 transformed = crPos;');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${FRAGMENT_PARS}`)
      .replace('#include <color_fragment>', '#include <color_fragment>\ndiffuseColor.rgb *= vCrTint;')
      .replace('#include <emissivemap_fragment>', `#include <emissivemap_fragment>\n${FRAGMENT_EMISSIVE}`);
  };
  // Every type shares one program; only the uniforms differ.
  material.customProgramCacheKey = () => 'spacetime-creature-v1';
  return material;
}
