/**
 * Building merged, vertex-coloured shapes from three's primitive geometries: each part is moved into
 * place and painted one colour, and the parts merge into one geometry, so a whole model is one
 * instanced draw call whose instance colour multiplies the painted colours (avatars, structures).
 */
import { BufferAttribute, Color, Euler, Matrix4, Quaternion, Vector3, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

const m = new Matrix4();
const q = new Quaternion();
const e = new Euler();
const c = new Color();

export type Triple = [number, number, number];

/** One part: moved into place, painted with one vertex colour. */
export function part(g: BufferGeometry, color: string, pos: Triple, rot: Triple = [0, 0, 0], scale: Triple = [1, 1, 1]): BufferGeometry {
  g.applyMatrix4(m.compose(new Vector3(...pos), q.setFromEuler(e.set(...rot)), new Vector3(...scale)));
  c.set(color); // Color converts the sRGB hex to the linear working space vertex colours use
  const n = g.getAttribute('position').count;
  const colors = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) c.toArray(colors, 3 * i);
  g.setAttribute('color', new BufferAttribute(colors, 3));
  return g;
}

/** The parts as one geometry (they are disposed), with its bounding sphere computed. */
export function merge(parts: BufferGeometry[]): BufferGeometry {
  const g = mergeGeometries(parts.map((p) => (p.index ? p.toNonIndexed() : p)));
  if (!g) throw new Error('geometry parts have mismatched attributes');
  for (const p of parts) p.dispose();
  g.computeBoundingSphere();
  return g;
}
