import { Vector3, type Object3D } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';

const eye = new Vector3();

export interface BackdropSystem extends System {
  attach(group: Object3D | null): void;
}

/** The sky and the gas giant are at infinity: they travel with the viewer, so flying 4 km never reaches them. */
export function createBackdropSystem(): BackdropSystem {
  let group: Object3D | null = null;
  return {
    name: 'backdrop',
    attach: (g) => void (group = g),
    update(frame: FrameContext) {
      if (!group) return;
      frame.camera.getWorldPosition(eye);
      group.position.copy(eye);
    },
  };
}
