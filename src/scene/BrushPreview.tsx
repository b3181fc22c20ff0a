import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, type Mesh, type MeshBasicMaterial } from 'three';
import type { Game } from '../app/game.ts';

const TOOL_COLOURS = { remove: new Color('#ff5a4a'), add: new Color('#5adc6a'), smooth: new Color('#5ab4ff') } as const;

/** A translucent sphere where the brush would act, sized and coloured by the current tool. */
export function BrushPreview({ game }: { game: Game }) {
  const mesh = useRef<Mesh>(null);
  const material = useRef<MeshBasicMaterial>(null);
  useFrame(() => {
    const m = mesh.current;
    if (!m || !material.current) return;
    const { aim } = game;
    m.visible = aim.hit;
    if (!aim.hit) return;
    const { tool, brushRadius } = game.store.getState();
    m.position.set(aim.point.x, aim.point.y, aim.point.z);
    m.scale.setScalar(brushRadius);
    material.current.color.copy(TOOL_COLOURS[tool]);
  });
  return (
    <mesh ref={mesh} visible={false} renderOrder={10}>
      <sphereGeometry args={[1, 24, 16]} />
      <meshBasicMaterial ref={material} transparent opacity={0.28} depthWrite={false} fog={false} />
    </mesh>
  );
}
