/**
 * Building the creatures' models from tagged parts: like geometry-parts.ts, each part is a three.js
 * primitive moved into place and painted, but every vertex also says what it is, so the vertex
 * shader (creature-material.ts) can move it: which kind of part, which side, the gait phase offset,
 * the joint it turns about, and how much it glows. A whole creature merges into one geometry, so a
 * type is one instanced draw call.
 *
 * Per-vertex attributes:
 *   aPart  (kind, side, phase offset in cycles, lower segment 0/1)
 *   aPivot (joint xyz, amplitude scale): the hip, neck, wing root or tail root it turns about
 *   aKnee  (knee xyz, bend direction): where a lower leg segment bends, and which way
 *   aGlow  0..1: self-lit share (eyes, crystals)
 */
import { BufferAttribute, Color, Euler, Matrix4, Quaternion, Vector3, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/** What a vertex belongs to; the shader branches on these numbers. */
export const PartKind = { Body: 0, Head: 1, Jaw: 2, Leg: 3, Wing: 4, Tail: 5, Collar: 6, Beacon: 7 } as const;
export type PartKindId = (typeof PartKind)[keyof typeof PartKind];

export type Triple = [number, number, number];

export interface PartTag {
  kind: PartKindId;
  /** −1 left (−x), +1 right, 0 middle; tails: 0 sway sideways, 2 wave up and down. */
  side?: number;
  /** Gait phase offset in cycles (legs), or wave lag (wings, tails). */
  phase?: number;
  /** 1 for a lower leg segment, which bends at `knee` before the whole leg swings at `pivot`. */
  lower?: 0 | 1;
  pivot?: Triple;
  /** Scales the instance's swing or wing amplitude for this part (arms swing less than legs). */
  amp?: number;
  knee?: Triple;
  /** +1 the foot swings forward when the knee bends, −1 backward. */
  bend?: number;
  glow?: number;
}

const m = new Matrix4();
const q = new Quaternion();
const e = new Euler();
const c = new Color();
const t = new Vector3();
const s = new Vector3();

/** One tagged part: geometry moved into place (rotation in radians, XYZ), painted one colour. */
export function tagged(g: BufferGeometry, color: string, tag: PartTag, pos: Triple = [0, 0, 0], rot: Triple = [0, 0, 0], scale: Triple = [1, 1, 1]): BufferGeometry {
  const geo = g.index ? g.toNonIndexed() : g;
  if (geo !== g) g.dispose();
  geo.deleteAttribute('uv');
  geo.applyMatrix4(m.compose(t.set(...pos), q.setFromEuler(e.set(...rot)), s.set(...scale)));
  const n = geo.getAttribute('position').count;
  c.set(color);
  const colors = new Float32Array(3 * n), part = new Float32Array(4 * n), pivot = new Float32Array(4 * n);
  const knee = new Float32Array(4 * n), glow = new Float32Array(n);
  const p = tag.pivot ?? [0, 0, 0], k = tag.knee ?? p;
  for (let i = 0; i < n; i++) {
    c.toArray(colors, 3 * i);
    part.set([tag.kind, tag.side ?? 0, tag.phase ?? 0, tag.lower ?? 0], 4 * i);
    pivot.set([p[0], p[1], p[2], tag.amp ?? 1], 4 * i);
    knee.set([k[0], k[1], k[2], tag.bend ?? -1], 4 * i);
    glow[i] = tag.glow ?? 0;
  }
  geo.setAttribute('color', new BufferAttribute(colors, 3));
  geo.setAttribute('aPart', new BufferAttribute(part, 4));
  geo.setAttribute('aPivot', new BufferAttribute(pivot, 4));
  geo.setAttribute('aKnee', new BufferAttribute(knee, 4));
  geo.setAttribute('aGlow', new BufferAttribute(glow, 1));
  return geo;
}

/** Rotation (XYZ Euler) that turns a +y-axis primitive (cylinder, cone, capsule) to point from a to b. */
export function alongRotation(a: Triple, b: Triple): Triple {
  const d = new Vector3(b[0] - a[0], b[1] - a[1], b[2] - a[2]).normalize();
  const rot = new Euler().setFromQuaternion(new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), d));
  return [rot.x, rot.y, rot.z];
}

export const midpoint = (a: Triple, b: Triple): Triple => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
export const distance = (a: Triple, b: Triple): number => Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
export const mirrorX = (p: Triple, side: number): Triple => [p[0] * side, p[1], p[2]];

/**
 * Pushes each vertex out or in by a hash of its rest position (lumpy rock, knobbly hide); vertices
 * at the same place move the same way, so a non-indexed mesh stays closed. Normals are recomputed
 * flat, which reads as chiselled facets.
 */
export function roughen(g: BufferGeometry, amount: number, seed: number): BufferGeometry {
  const pos = g.getAttribute('position');
  for (let i = 0; i < pos.count; i++) {
    const x = pos.getX(i), y = pos.getY(i), z = pos.getZ(i);
    const h = hash3(Math.round(x * 1000), Math.round(y * 1000), Math.round(z * 1000), seed);
    const f = 1 + (h - 0.5) * 2 * amount;
    pos.setXYZ(i, x * f, y * f, z * f);
  }
  g.computeVertexNormals();
  return g;
}

/** Paints vertices whose normal faces down (y < −0.2) another colour: pale bellies and wing undersides. */
export function paintUnderside(g: BufferGeometry, color: string): BufferGeometry {
  const normal = g.getAttribute('normal'), colors = g.getAttribute('color');
  c.set(color);
  for (let i = 0; i < normal.count; i++) if (normal.getY(i) < -0.2) colors.setXYZ(i, c.r, c.g, c.b);
  return g;
}

/** A deterministic 0..1 hash of integer coordinates. */
export function hash3(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263) ^ Math.imul(z, 2147483647) ^ Math.imul(seed + 1, 1274126177);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967295;
}

/** The parts as one geometry (parts disposed), with bounds computed. */
export function mergeParts(parts: BufferGeometry[]): BufferGeometry {
  const g = mergeGeometries(parts);
  if (!g) throw new Error('creature parts have mismatched attributes');
  for (const p of parts) p.dispose();
  g.computeBoundingBox();
  g.computeBoundingSphere();
  return g;
}
