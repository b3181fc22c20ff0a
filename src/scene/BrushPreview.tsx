import type { BrushPreviewSystem } from './brush-preview-system.ts';

/** The brush preview sphere; the brush-preview system places, sizes and colours it. */
export function BrushPreview({ system }: { system: BrushPreviewSystem }) {
  return (
    <mesh ref={system.attach} visible={false} renderOrder={10}>
      <sphereGeometry args={[1, 24, 16]} />
      <meshBasicMaterial transparent opacity={0.28} depthWrite={false} fog={false} />
    </mesh>
  );
}
