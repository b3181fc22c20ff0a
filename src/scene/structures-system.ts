/**
 * Draws the shared world's base structures (issue 12): one instanced mesh per structure type, so any
 * number of structures costs at most nine draw calls. The instance matrices and colours are rebuilt
 * only when the base replica's structures or states change (placements, removals, grid changes),
 * never per frame; the instance colour shows the state (lit when powered, dim when idle or short of
 * power, grey when switched off).
 */
import { DynamicDrawUsage, Group, InstancedBufferAttribute, InstancedMesh, MeshStandardMaterial, type BufferGeometry } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import { STRUCTURE_TYPE_IDS, isStructureTypeId, structureTypeIndex } from '../engine/base/structure-types.ts';
import type { BaseState, BaseStore } from '../net/base-replica.ts';
import type { StructureStatus } from '../protocol/net/base-events.ts';
import { STRUCTURE_GEOMETRY } from './structure-geometry.ts';

const DEG = Math.PI / 180;
const FIRST_CAPACITY = 16;

/** Instance colour by status: multiplies the model's painted colours. */
const STATUS_TINT: Readonly<Record<StructureStatus, readonly [number, number, number]>> = {
  active: [1, 1, 1],
  idle: [0.72, 0.72, 0.75],
  unpowered: [1, 0.45, 0.4],
  disabled: [0.38, 0.38, 0.42],
};

export interface StructuresSystem extends System {
  readonly root: Group;
  /** The instances drawn per type, in STRUCTURE_TYPE_IDS order. */
  counts(): number[];
  dispose(): void;
}

interface TypeMeshes { mesh: InstancedMesh; matrices: Float32Array; colors: Float32Array }

export function createStructuresSystem(deps: { base: BaseStore }): StructuresSystem {
  const material = new MeshStandardMaterial({ vertexColors: true, roughness: 0.55, metalness: 0.25 });
  const geometries: BufferGeometry[] = STRUCTURE_TYPE_IDS.map((id) => STRUCTURE_GEOMETRY[id]());
  const root = new Group();
  root.name = 'Structures';
  const types: TypeMeshes[] = STRUCTURE_TYPE_IDS.map((id, t) => makeMeshes(id, geometries[t], FIRST_CAPACITY));
  for (const t of types) root.add(t.mesh);
  const fill = new Int32Array(STRUCTURE_TYPE_IDS.length);
  let dirty = true;

  function makeMeshes(id: string, geometry: BufferGeometry, capacity: number): TypeMeshes {
    const matrices = new Float32Array(capacity * 16), colors = new Float32Array(capacity * 3);
    const mesh = new InstancedMesh(geometry, material, capacity);
    mesh.name = `Structures:${id}`;
    mesh.instanceMatrix = new InstancedBufferAttribute(matrices, 16).setUsage(DynamicDrawUsage);
    mesh.instanceColor = new InstancedBufferAttribute(colors, 3).setUsage(DynamicDrawUsage);
    mesh.count = 0;
    return { mesh, matrices, colors };
  }

  /** Room for n instances of type t: a mesh twice as large replaces one that is full. */
  function reserve(t: number, n: number): TypeMeshes {
    const cur = types[t];
    if (cur.matrices.length >= n * 16) return cur;
    let cap = cur.matrices.length / 16;
    while (cap < n) cap *= 2;
    const next = makeMeshes(STRUCTURE_TYPE_IDS[t], geometries[t], cap);
    root.remove(cur.mesh);
    cur.mesh.dispose(); // frees the old instance buffers (the geometry and material are shared)
    root.add(next.mesh);
    types[t] = next;
    return next;
  }

  function rebuild(s: BaseState): void {
    fill.fill(0);
    for (const id in s.structures) {
      const type = s.structures[id].structure_type;
      if (isStructureTypeId(type)) fill[structureTypeIndex(type)]++;
    }
    for (let t = 0; t < fill.length; t++) reserve(t, fill[t]);
    fill.fill(0);
    for (const id in s.structures) {
      const info = s.structures[id];
      if (!isStructureTypeId(info.structure_type)) continue;
      const t = structureTypeIndex(info.structure_type), i = fill[t]++;
      const { matrices: m, colors } = types[t];
      // Rotation about +y by the yaw, then the anchor: column-major, as three stores matrices.
      const yaw = info.rotation.y * DEG, c = Math.cos(yaw), sn = Math.sin(yaw), o = i * 16;
      m[o] = c; m[o + 1] = 0; m[o + 2] = -sn; m[o + 3] = 0;
      m[o + 4] = 0; m[o + 5] = 1; m[o + 6] = 0; m[o + 7] = 0;
      m[o + 8] = sn; m[o + 9] = 0; m[o + 10] = c; m[o + 11] = 0;
      m[o + 12] = info.position.x; m[o + 13] = info.position.y; m[o + 14] = info.position.z; m[o + 15] = 1;
      const tint = STATUS_TINT[s.states[id]?.status ?? (info.enabled ? 'idle' : 'disabled')];
      colors[i * 3] = tint[0]; colors[i * 3 + 1] = tint[1]; colors[i * 3 + 2] = tint[2];
    }
    for (let t = 0; t < types.length; t++) {
      const { mesh } = types[t];
      mesh.count = fill[t];
      mesh.visible = fill[t] > 0;
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      // Bounds for frustum culling, recomputed only here (structures do not move between rebuilds).
      if (fill[t] > 0) mesh.computeBoundingSphere();
    }
  }

  const unsubscribe = deps.base.subscribe((s, prev) => {
    if (s.structures !== prev.structures || s.states !== prev.states) dirty = true;
  });

  return {
    name: 'structures',
    root,
    counts: () => types.map((t) => t.mesh.count),
    update(_frame: FrameContext) {
      if (!dirty) return;
      dirty = false;
      rebuild(deps.base.getState());
    },
    dispose() {
      unsubscribe();
      for (const t of types) t.mesh.dispose();
      for (const g of geometries) g.dispose();
      material.dispose();
    },
  };
}
