import type { LocomotionSystem } from './locomotion-system.ts';
import { ComfortVignette } from './ComfortVignette.tsx';

/** What VR locomotion draws: the teleport arc's beads, the landing ring and the comfort vignette. */
export function XrLocomotion({ system }: { system: LocomotionSystem }) {
  return (
    <>
      <primitive object={system.beads} />
      <mesh ref={system.attachMarker} rotation={[-Math.PI / 2, 0, 0]} visible={false} renderOrder={21}>
        <ringGeometry args={[0.25, 0.35, 32]} />
        <meshBasicMaterial color="#6cf08a" transparent opacity={0.9} depthTest={false} />
      </mesh>
      <ComfortVignette attach={system.attachVignette} />
    </>
  );
}
