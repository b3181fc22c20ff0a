import { describe, expect, test } from 'vitest';
import { Matrix4, PerspectiveCamera, Vector3 } from 'three';
import type { FrameContext } from '../app/frame-loop.ts';
import { CreatureFlag, CreatureFrame } from './creature-frame.ts';
import { createCreaturesSystem } from './creatures-system.ts';
import { levelScale } from './creature-rig.ts';

const ctx = (dt = 1 / 60, held = false) => ({ dt, held, nowMs: 0, frame: 0, presenting: false, xrFrame: undefined, playing: true, camera: new PerspectiveCamera(), gl: null } as unknown as FrameContext);

function fill(f: CreatureFrame, count: number, typeOf: (i: number) => number): void {
  f.grow(count);
  for (let i = 0; i < count; i++) {
    const a = i * 0.7;
    f.number[i] = i + 1; f.type[i] = typeOf(i);
    f.x[i] = 100 + i * 3; f.y[i] = 10 + (i % 3); f.z[i] = -50 - i;
    f.vx[i] = Math.cos(a) * 2; f.vy[i] = 0; f.vz[i] = Math.sin(a) * 2;
    f.headX[i] = Math.cos(a); f.headZ[i] = Math.sin(a);
    f.lookX[i] = NaN; f.lookY[i] = 0; f.lookZ[i] = 0;
    f.health01[i] = 1; f.level[i] = 1 + i * 10; f.flags[i] = i % 2 ? CreatureFlag.Tamed | CreatureFlag.Mine : 0; f.state[i] = 0;
  }
  f.count = count;
}

describe('creatures system', () => {
  test('writes one instance per creature into its type\'s mesh, and hides the rest', () => {
    const frame = new CreatureFrame();
    const sys = createCreaturesSystem({ creatures: frame });
    fill(frame, 10, (i) => i % 4);
    sys.update(ctx());
    expect(sys.counts()).toEqual([3, 3, 2, 2]);
    expect(sys.root.children.length).toBe(4);

    // Slot 5 is the second grazer-type 1 (alien_predator): instance 1 of mesh 1.
    const mesh = sys.mesh(1), m = new Matrix4().fromArray(mesh.instanceMatrix.array as Float32Array, 16);
    const pos = new Vector3().setFromMatrixPosition(m);
    expect(pos.x).toBeCloseTo(frame.x[5], 5);
    expect(pos.y).toBeCloseTo(frame.y[5], 5);
    expect(pos.z).toBeCloseTo(frame.z[5], 5);
    // The model's forward (−z) points along the creature's heading, scaled by its level.
    const forward = new Vector3(0, 0, -1).transformDirection(m);
    expect(forward.x).toBeCloseTo(frame.headX[5], 5);
    expect(forward.z).toBeCloseTo(frame.headZ[5], 5);
    expect(new Vector3().setFromMatrixScale(m).x).toBeCloseTo(levelScale(frame.level[5]), 5);
    const state = mesh.geometry.getAttribute('iState');
    expect(state.getZ(1)).toBe(CreatureFlag.Tamed | CreatureFlag.Mine);
    expect(state.getW(1)).toBe(1);
    const gait = mesh.geometry.getAttribute('iGait');
    expect(gait.getY(1)).toBeGreaterThan(0); // walking at 2 m/s: the legs swing

    // Bounds cover every instance of the type, so frustum culling never drops a visible one.
    for (let t = 0; t < 4; t++) {
      const sphere = sys.mesh(t).boundingSphere!;
      for (let i = t; i < 10; i += 4) expect(sphere.center.distanceTo(new Vector3(frame.x[i], frame.y[i], frame.z[i]))).toBeLessThan(sphere.radius - 3);
    }

    // Fewer creatures: the meshes draw only those; a type with none is not drawn at all.
    fill(frame, 3, () => 0);
    sys.update(ctx());
    expect(sys.counts()).toEqual([3, 0, 0, 0]);
    expect(sys.mesh(1).visible).toBe(false);
    expect(sys.mesh(0).visible).toBe(true);
    frame.count = 0;
    sys.update(ctx());
    expect(sys.counts()).toEqual([0, 0, 0, 0]);
    sys.dispose();
  });

  test('grows a type\'s mesh past its first capacity', () => {
    const frame = new CreatureFrame();
    const sys = createCreaturesSystem({ creatures: frame });
    fill(frame, 500, (i) => (i < 400 ? 3 : 2));
    sys.update(ctx());
    expect(sys.counts()).toEqual([0, 0, 100, 400]);
    const mesh = sys.mesh(3);
    expect(mesh.instanceMatrix.count).toBeGreaterThanOrEqual(400);
    expect(mesh.geometry.getAttribute('iGait').count).toBeGreaterThanOrEqual(400);
    const last = new Vector3().setFromMatrixPosition(new Matrix4().fromArray(mesh.instanceMatrix.array as Float32Array, 399 * 16));
    expect(last.x).toBeCloseTo(frame.x[399], 4);
    sys.dispose();
  });

  test('a held simulation freezes the animation', () => {
    const frame = new CreatureFrame();
    const sys = createCreaturesSystem({ creatures: frame });
    fill(frame, 1, () => 0);
    sys.update(ctx(0.1));
    const gait = () => sys.mesh(0).geometry.getAttribute('iGait').getX(0);
    const before = gait();
    sys.update(ctx(0.1, true));
    expect(gait()).toBe(before);
    sys.update(ctx(0.1));
    expect(gait()).not.toBe(before);
    sys.dispose();
  });
});
