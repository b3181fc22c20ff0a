import { Matrix4, Vector3, type Group, type Object3D } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { FrameState } from '../app/frame-state.ts';
import type { GameStore } from '../state/game-store.ts';
import type { TerrainBatch } from '../scene/terrain-batch.ts';
import { emptyHit } from '../scene/terrain-raycast.ts';
import { AIM_RANGE, writeAim } from '../scene/desktop-aim-system.ts';
import { HANDS, type Hand, type XrFrameInput } from './xr-frame-input.ts';

const PRESSED = 0.5;
const pose = new Matrix4();
const from = new Vector3();
const direction = new Vector3();

export interface XrControllersSystem extends System {
  /** The controller bodies (set by the XrControllers component's refs). */
  attach(hand: Hand, group: Group | null): void;
}

export interface XrControllersDeps {
  xr: Readonly<XrFrameInput>;
  origin(): Object3D | null;
  batch: TerrainBatch;
  store: GameStore;
  frame: Pick<FrameState, 'aim' | 'tool' | 'teleport'>;
}

/**
 * In VR: places the controller (or tracked hand) bodies and rays, and aims the tool with the right
 * hand (the left one when the right is missing): trigger or pinch uses the tool, grip builds. While
 * a teleport arc is out, the right hand's tool rests and its ray hides.
 */
export function createXrControllersSystem(deps: XrControllersDeps): XrControllersSystem {
  const groups: Record<Hand, Group | null> = { left: null, right: null };
  const hits = { left: emptyHit(), right: emptyHit() };
  const { aim, tool, teleport } = deps.frame;
  return {
    name: 'xr-controllers',
    attach: (hand, group) => void (groups[hand] = group),
    update(frame: FrameContext) {
      for (const hand of HANDS) if (groups[hand]) groups[hand]!.visible = false;
      const origin = deps.origin();
      if (!frame.presenting) return;
      tool.operation = null;
      if (!origin || !frame.playing) return;
      let aimed: Hand | null = null;
      for (const hand of HANDS) {
        const input = deps.xr[hand];
        const group = groups[hand];
        if (!input.present || !group) continue;
        pose.copy(input.ray).premultiply(origin.matrixWorld);
        pose.decompose(group.position, group.quaternion, group.scale);
        group.visible = true;
        from.setFromMatrixPosition(pose);
        direction.set(-pose.elements[8], -pose.elements[9], -pose.elements[10]).normalize();
        const hit = hits[hand];
        deps.batch.raycaster.cast(from.x, from.y, from.z, direction.x, direction.y, direction.z, AIM_RANGE, hit);
        if (hand === 'right' || aimed === null) {
          aimed = hand;
          const trigger = input.trigger > PRESSED;
          const grip = !input.isHand && input.grip > PRESSED;
          // In build mode the trigger puts the structure down and the grip stops (placement-system.ts).
          const st = deps.store.getState();
          tool.operation = teleport.aiming || st.build.type ? null : trigger ? st.tool : grip ? 'add' : null;
        }
      }
      if (!aimed) return;
      writeAim(aim, aimed, hits[aimed]);
      for (const hand of HANDS) {
        const ray = groups[hand]?.children[1];
        if (!ray) continue;
        ray.scale.z = hits[hand].hit ? hits[hand].distance : AIM_RANGE;
        // While the teleport arc is out, the right hand's straight tool ray would only clutter it.
        ray.visible = !(hand === 'right' && teleport.aiming);
      }
    },
  };
}
