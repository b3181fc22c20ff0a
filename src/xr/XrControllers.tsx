import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Matrix4, Vector3, type Group } from 'three';
import type { Game } from '../app/game.ts';
import type { TerrainBatch } from '../scene/terrain-batch.ts';
import { BrushAction } from '../scene/brush-action.ts';
import { emptyHit } from '../scene/terrain-raycast.ts';
import { HANDS } from './xr-frame-input.ts';

const AIM_RANGE = 64;
const PRESSED = 0.5;
const pose = new Matrix4();
const origin = new Vector3();
const direction = new Vector3();
const hits = { left: emptyHit(), right: emptyHit() };
const groups: { left: Group | null; right: Group | null } = { left: null, right: null };

/**
 * Controller (or tracked hand) bodies and rays, placed from game.xrInput each frame. The right hand
 * aims the brush (the left one when the right is missing): trigger or pinch uses the tool, grip
 * builds. While a teleport arc is being aimed the right hand's tool is idle.
 */
export function XrControllers({ game, batch }: { game: Game; batch: TerrainBatch }) {
  const left = useRef<Group>(null);
  const right = useRef<Group>(null);
  const brush = useRef(new BrushAction());

  useFrame((state) => {
    groups.left = left.current;
    groups.right = right.current;
    if (groups.left) groups.left.visible = false;
    if (groups.right) groups.right.visible = false;
    if (!state.gl.xr.isPresenting || !game.xrOrigin || !game.playing()) return;
    let aimed: 'left' | 'right' | null = null;
    let operation: 'add' | 'remove' | 'smooth' | null = null;
    for (const hand of HANDS) {
      const input = game.xrInput![hand];
      const group = groups[hand];
      if (!input.present || !group) continue;
      pose.copy(input.ray).premultiply(game.xrOrigin.matrixWorld);
      pose.decompose(group.position, group.quaternion, group.scale);
      group.visible = true;
      origin.setFromMatrixPosition(pose);
      direction.set(-pose.elements[8], -pose.elements[9], -pose.elements[10]).normalize();
      const hit = hits[hand];
      batch.raycaster.cast(origin.x, origin.y, origin.z, direction.x, direction.y, direction.z, AIM_RANGE, hit);
      if (hand === 'right' || aimed === null) {
        aimed = hand;
        const trigger = input.trigger > PRESSED;
        const grip = !input.isHand && input.grip > PRESSED;
        operation = game.teleportAiming ? null : trigger ? game.store.getState().tool : grip ? 'add' : null;
      }
    }
    if (!aimed) return;
    const hit = hits[aimed];
    const aim = game.aim;
    aim.source = aimed;
    aim.hit = hit.hit;
    aim.distance = hit.distance;
    aim.point.x = hit.x; aim.point.y = hit.y; aim.point.z = hit.z;
    aim.normal.x = hit.nx; aim.normal.y = hit.ny; aim.normal.z = hit.nz;
    for (const hand of HANDS) {
      const ray = groups[hand]?.children[1];
      if (!ray) continue;
      ray.scale.z = hits[hand].hit ? hits[hand].distance : AIM_RANGE;
      // While the teleport arc is out, the right hand's straight tool ray would only clutter it.
      ray.visible = !(hand === 'right' && game.teleportAiming);
    }
    if (!game.simHeld) brush.current.tick(game, operation, performance.now());
  });

  return (
    <>
      <ControllerBody ref={left} color="#3a7bd5" />
      <ControllerBody ref={right} color="#e0813a" />
    </>
  );
}

function ControllerBody({ ref, color }: { ref: React.Ref<Group>; color: string }) {
  return (
    <group ref={ref} visible={false}>
      <mesh position={[0, -0.01, 0.05]} rotation={[Math.PI / 2, 0, 0]}>
        <cylinderGeometry args={[0.018, 0.024, 0.12, 16]} />
        <meshStandardMaterial color={color} roughness={0.4} />
      </mesh>
      {/* A unit-long ray along −z, scaled to the hit distance each frame. */}
      <group>
        <mesh position={[0, 0, -0.5]}>
          <boxGeometry args={[0.003, 0.003, 1]} />
          <meshBasicMaterial color="#ffffff" transparent opacity={0.75} />
        </mesh>
      </group>
    </group>
  );
}
