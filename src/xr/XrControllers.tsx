import type { Group } from 'three';
import type { XrControllersSystem } from './xr-controllers-system.ts';

/** The two controller bodies with their rays; the xr-controllers system places them. */
export function XrControllers({ system }: { system: XrControllersSystem }) {
  return (
    <>
      <ControllerBody ref={(g) => system.attach('left', g)} color="#3a7bd5" />
      <ControllerBody ref={(g) => system.attach('right', g)} color="#e0813a" />
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
