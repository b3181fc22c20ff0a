/**
 * Draws the creatures (issue 13): one instanced mesh per type, so any number costs four draw calls.
 * Each frame it reads the creature frame (scene/creature-frame.ts, written by the interpolator or the
 * demo), advances each creature's animation state (creature-motion.ts, keyed by creature number so
 * reordered slots keep their phases), and writes in place: the instance matrix (position, heading,
 * a flyer's pitch and bank, a dying creature's topple, level scale) and three vec4 instance
 * attributes the vertex shader animates from (creature-material.ts). Per-mesh bounds are refitted
 * to the instances every frame, so frustum culling stays right while they move.
 */
import { DynamicDrawUsage, Group, InstancedBufferAttribute, InstancedMesh, Sphere, Vector3, type BufferGeometry, type MeshStandardMaterial } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import { CREATURE_TYPE_NAMES } from '../protocol/creatures.ts';
import type { CreatureFrame } from './creature-frame.ts';
import { CREATURE_GEOMETRY } from './creature-geometry.ts';
import { createCreatureMaterial } from './creature-material.ts';
import { CreatureMotion, M, STRIDE } from './creature-motion.ts';
import { CREATURE_RIGS, levelScale } from './creature-rig.ts';

const FIRST_CAPACITY = 64;
/** Reach of a creature beyond its origin (a level-150 predator's tail, a skyray's wing), m. */
const MODEL_REACH = 4.5;

export interface CreaturesSystem extends System {
  readonly root: Group;
  /** Instances drawn per type this frame, in CREATURE_TYPE_NAMES order. */
  counts(): number[];
  /** The type's instanced mesh (tests and benches read its buffers). */
  mesh(type: number): InstancedMesh;
  dispose(): void;
}

interface TypeMesh {
  mesh: InstancedMesh;
  capacity: number;
  matrices: Float32Array;
  gait: InstancedBufferAttribute;
  head: InstancedBufferAttribute;
  state: InstancedBufferAttribute;
}

/** Sends the first k instances' values to the GPU this frame. */
function upload(a: InstancedBufferAttribute, k: number): void {
  a.clearUpdateRanges();
  a.addUpdateRange(0, k * a.itemSize);
  a.needsUpdate = true;
}

export function createCreaturesSystem(deps: { creatures: CreatureFrame }): CreaturesSystem {
  const frame = deps.creatures;
  const motion = new CreatureMotion();
  const time = { value: 0 };
  const geometries: BufferGeometry[] = CREATURE_TYPE_NAMES.map((name) => CREATURE_GEOMETRY[name]());
  const materials: MeshStandardMaterial[] = CREATURE_RIGS.map((rig) => createCreatureMaterial(rig.look, time));
  const root = new Group();
  root.name = 'Creatures';
  const types: TypeMesh[] = CREATURE_TYPE_NAMES.map((_, t) => makeMesh(t, FIRST_CAPACITY));
  for (const t of types) root.add(t.mesh);
  const fill = new Int32Array(types.length);
  /** Per type: min x, y, z, max x, y, z of this frame's instances. */
  const bounds = new Float64Array(types.length * 6);

  function makeMesh(t: number, capacity: number): TypeMesh {
    const matrices = new Float32Array(capacity * 16);
    const mesh = new InstancedMesh(geometries[t], materials[t], capacity);
    mesh.name = `Creatures:${CREATURE_TYPE_NAMES[t]}`;
    mesh.instanceMatrix = new InstancedBufferAttribute(matrices, 16).setUsage(DynamicDrawUsage);
    const attr = (name: string) => {
      const a = new InstancedBufferAttribute(new Float32Array(capacity * 4), 4).setUsage(DynamicDrawUsage);
      geometries[t].setAttribute(name, a);
      return a;
    };
    mesh.count = 0;
    mesh.visible = false;
    mesh.boundingSphere = new Sphere(new Vector3(), 0);
    return { mesh, capacity, matrices, gait: attr('iGait'), head: attr('iHead'), state: attr('iState') };
  }

  /** Room for n instances of type t: a mesh twice as large replaces a full one. */
  function reserve(t: number, n: number): TypeMesh {
    const cur = types[t];
    if (cur.capacity >= n) return cur;
    let cap = cur.capacity;
    while (cap < n) cap *= 2;
    root.remove(cur.mesh);
    cur.mesh.dispose();
    // Frees the old instance buffers on the GPU; the model's own buffers upload again once.
    geometries[t].dispose();
    const next = makeMesh(t, cap);
    root.add(next.mesh);
    types[t] = next;
    return next;
  }

  function write(i: number, tm: TypeMesh, k: number): void {
    const s = motion.state, o = i * STRIDE;
    const rig = CREATURE_RIGS[frame.type[i]];
    const scale = levelScale(frame.level[i]);
    const dying = s[o + M.Dying], fall = 1 - (1 - dying) * (1 - dying);
    let c = -frame.headZ[i], sn = -frame.headX[i];
    const len = Math.sqrt(c * c + sn * sn);
    if (len > 1e-6) { c /= len; sn /= len; } else { c = 1; sn = 0; }
    const pitch = s[o + M.BodyPitch];
    const roll = s[o + M.Bank] + fall * 1.45 * (s[o + M.Seed] < 0.5 ? -1 : 1);
    const cp = Math.cos(pitch), sp = Math.sin(pitch), cr = Math.cos(roll), sr = Math.sin(roll);
    // R = Ry(heading) · Rx(pitch) · Rz(roll), scaled; column-major as three stores it.
    const m = tm.matrices, b = k * 16;
    m[b] = (c * cr + sn * sp * sr) * scale; m[b + 1] = cp * sr * scale; m[b + 2] = (-sn * cr + c * sp * sr) * scale; m[b + 3] = 0;
    m[b + 4] = (-c * sr + sn * sp * cr) * scale; m[b + 5] = cp * cr * scale; m[b + 6] = (sn * sr + c * sp * cr) * scale; m[b + 7] = 0;
    m[b + 8] = sn * cp * scale; m[b + 9] = -sp * scale; m[b + 10] = c * cp * scale; m[b + 11] = 0;
    m[b + 12] = frame.x[i]; m[b + 13] = frame.y[i] - fall * rig.sink * scale; m[b + 14] = frame.z[i]; m[b + 15] = 1;
    const q = k * 4;
    const g = tm.gait.array as Float32Array, h = tm.head.array as Float32Array, st = tm.state.array as Float32Array;
    g[q] = s[o + M.Gait]; g[q + 1] = s[o + M.Swing]; g[q + 2] = s[o + M.Wing]; g[q + 3] = s[o + M.WingAmp];
    h[q] = s[o + M.Yaw]; h[q + 1] = s[o + M.Pitch]; h[q + 2] = s[o + M.Jaw]; h[q + 3] = s[o + M.Seed];
    st[q] = s[o + M.Hit]; st[q + 1] = dying; st[q + 2] = frame.flags[i]; st[q + 3] = frame.health01[i];
  }

  return {
    name: 'creatures',
    root,
    counts: () => types.map((t) => t.mesh.count),
    mesh: (t) => types[t].mesh,
    update(ctx: FrameContext) {
      // The debugger's hold freezes the creatures' animation with the rest of the simulation.
      motion.step(frame, ctx.held ? 0 : ctx.dt);
      time.value = motion.time;
      const n = frame.count;
      fill.fill(0);
      for (let i = 0; i < n; i++) if (frame.type[i] < types.length) fill[frame.type[i]]++;
      for (let t = 0; t < types.length; t++) reserve(t, fill[t]);
      fill.fill(0);
      bounds.fill(Infinity);
      for (let t = 0; t < types.length; t++) for (let a = 3; a < 6; a++) bounds[t * 6 + a] = -Infinity;
      for (let i = 0; i < n; i++) {
        const t = frame.type[i];
        if (t >= types.length) continue;
        write(i, types[t], fill[t]++);
        const x = frame.x[i], y = frame.y[i], z = frame.z[i], o = t * 6;
        if (x < bounds[o]) bounds[o] = x;
        if (y < bounds[o + 1]) bounds[o + 1] = y;
        if (z < bounds[o + 2]) bounds[o + 2] = z;
        if (x > bounds[o + 3]) bounds[o + 3] = x;
        if (y > bounds[o + 4]) bounds[o + 4] = y;
        if (z > bounds[o + 5]) bounds[o + 5] = z;
      }
      for (let t = 0; t < types.length; t++) {
        const tm = types[t], k = fill[t], o = t * 6;
        tm.mesh.count = k;
        tm.mesh.visible = k > 0;
        if (k === 0) continue;
        upload(tm.mesh.instanceMatrix, k);
        upload(tm.gait, k);
        upload(tm.head, k);
        upload(tm.state, k);
        const dx = bounds[o + 3] - bounds[o], dy = bounds[o + 4] - bounds[o + 1], dz = bounds[o + 5] - bounds[o + 2];
        const sphere = tm.mesh.boundingSphere!;
        sphere.center.set(bounds[o] + dx / 2, bounds[o + 1] + dy / 2, bounds[o + 2] + dz / 2);
        sphere.radius = Math.sqrt(dx * dx + dy * dy + dz * dz) / 2 + MODEL_REACH;
      }
    },
    dispose() {
      for (const t of types) t.mesh.dispose();
      for (const g of geometries) g.dispose();
      for (const m of materials) m.dispose();
    },
  };
}
