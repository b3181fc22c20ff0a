import { Color, type Mesh, type MeshBasicMaterial } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { AimState } from '../protocol/bridge.ts';
import type { GameStore } from '../state/game-store.ts';

const TOOL_COLOURS = { remove: new Color('#ff5a4a'), add: new Color('#5adc6a'), smooth: new Color('#5ab4ff') } as const;

export interface BrushPreviewSystem extends System {
  attach(mesh: Mesh | null): void;
}

/** A translucent sphere where the brush would act, sized and coloured by the current tool. */
export function createBrushPreviewSystem(deps: { aim: Readonly<AimState>; store: GameStore }): BrushPreviewSystem {
  let mesh: Mesh | null = null;
  return {
    name: 'brush-preview',
    attach: (m) => void (mesh = m),
    update(_frame: FrameContext) {
      const m = mesh;
      if (!m) return;
      const { aim } = deps;
      m.visible = aim.hit;
      if (!aim.hit) return;
      const { tool, brushRadius } = deps.store.getState();
      m.position.set(aim.point.x, aim.point.y, aim.point.z);
      m.scale.setScalar(brushRadius);
      (m.material as MeshBasicMaterial).color.copy(TOOL_COLOURS[tool]);
    },
  };
}
