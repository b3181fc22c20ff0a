import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { Game } from '../app/game.ts';
import type { TerrainBatch } from './terrain-batch.ts';
import { createDesktopInput, type DesktopInput } from './desktop-input.ts';
import { BrushAction } from './brush-action.ts';
import { emptyHit } from './terrain-raycast.ts';

const forward = new Vector3();
const right = new Vector3();
const move = new Vector3();
const direction = new Vector3();
const hit = emptyHit();
const BASE_SPEED = 14;
const AIM_RANGE = 64;

/** Free-fly camera with pointer-lock mouse look; left click uses the tool, right click builds. */
export function DesktopControls({ game, batch }: { game: Game; batch: TerrainBatch }) {
  const gl = useThree((s) => s.gl);
  const input = useRef<DesktopInput | null>(null);
  const brush = useRef(new BrushAction());

  useEffect(() => {
    const created = createDesktopInput(gl.domElement, game);
    input.current = created;
    return () => created.dispose();
  }, [gl, game]);

  useFrame((state, delta) => {
    if (state.gl.xr.isPresenting) return;
    const keys = input.current?.keys;
    const rig = game.rig;
    if (keys && keys.size > 0) {
      const dt = Math.min(delta, 0.1);
      const speed = BASE_SPEED * (keys.has('ControlLeft') || keys.has('ControlRight') ? 4 : 1);
      forward.set(-Math.sin(rig.yaw), 0, -Math.cos(rig.yaw));
      right.set(-forward.z, 0, forward.x);
      move.set(0, 0, 0);
      if (keys.has('KeyW')) move.add(forward);
      if (keys.has('KeyS')) move.sub(forward);
      if (keys.has('KeyD')) move.add(right);
      if (keys.has('KeyA')) move.sub(right);
      if (keys.has('Space')) move.y += 1;
      if (keys.has('ShiftLeft') || keys.has('ShiftRight')) move.y -= 1;
      if (move.lengthSq() > 0) {
        move.normalize().multiplyScalar(speed * dt);
        rig.x += move.x; rig.y += move.y; rig.z += move.z;
      }
    }
    const camera = state.camera;
    camera.position.set(rig.x, rig.y, rig.z);
    camera.rotation.set(rig.pitch, rig.yaw, 0, 'YXZ');
    camera.updateMatrixWorld();
    camera.getWorldDirection(direction);
    batch.raycaster.cast(rig.x, rig.y, rig.z, direction.x, direction.y, direction.z, AIM_RANGE, hit);
    const aim = game.aim;
    aim.source = 'desktop';
    aim.hit = hit.hit;
    aim.distance = hit.distance;
    aim.point.x = hit.x; aim.point.y = hit.y; aim.point.z = hit.z;
    aim.normal.x = hit.nx; aim.normal.y = hit.ny; aim.normal.z = hit.nz;
    const buttons = input.current?.buttons;
    const op = buttons?.has(0) ? game.store.getState().tool : buttons?.has(2) ? 'add' : null;
    brush.current.tick(game, op, performance.now());
  });
  return null;
}
