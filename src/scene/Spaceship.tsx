import { forwardRef } from 'react';
import type { Group } from 'three';

const HULL = '#c9d2dc';
const TRIM = '#e0813a';

/**
 * The player's spacecraft, built from primitives (about 6 m long, nose toward −z like a camera).
 * Its pose is written every frame by the player view; it hides while the player sits inside.
 */
export const Spaceship = forwardRef<Group>(function Spaceship(_props, ref) {
  return (
    <group ref={ref} name="Spacecraft">
      <mesh rotation={[Math.PI / 2, 0, 0]} castShadow>
        <capsuleGeometry args={[0.9, 3.2, 6, 12]} />
        <meshStandardMaterial color={HULL} metalness={0.6} roughness={0.35} />
      </mesh>
      <mesh position={[0, 0.55, -1.1]} scale={[0.75, 0.55, 1.3]}>
        <sphereGeometry args={[0.8, 16, 12]} />
        <meshStandardMaterial color="#1d3b5a" metalness={0.2} roughness={0.05} transparent opacity={0.85} />
      </mesh>
      <mesh position={[0, -0.1, 0.6]}>
        <boxGeometry args={[5.2, 0.12, 1.6]} />
        <meshStandardMaterial color={HULL} metalness={0.6} roughness={0.4} />
      </mesh>
      <mesh position={[0, 0.6, 1.7]}>
        <boxGeometry args={[0.12, 1.0, 1.0]} />
        <meshStandardMaterial color={TRIM} roughness={0.5} />
      </mesh>
      {[-1.2, 1.2].map((x) => (
        <group key={x} position={[x, -0.2, 2.1]}>
          <mesh rotation={[Math.PI / 2, 0, 0]}>
            <cylinderGeometry args={[0.35, 0.45, 1.2, 12]} />
            <meshStandardMaterial color="#5a6570" metalness={0.7} roughness={0.3} />
          </mesh>
          <mesh position={[0, 0, 0.62]} rotation={[Math.PI / 2, 0, 0]}>
            <circleGeometry args={[0.3, 16]} />
            <meshBasicMaterial color="#7fd4ff" />
          </mesh>
        </group>
      ))}
      {[-1.4, 1.4].map((x) => (
        // Landing legs reach the bottom of the 2 m collision sphere, so a landed ship stands on them.
        <mesh key={`leg${x}`} position={[x * 0.8, -1.45, 0.4]}>
          <cylinderGeometry args={[0.06, 0.06, 1.1, 6]} />
          <meshStandardMaterial color="#5a6570" />
        </mesh>
      ))}
    </group>
  );
});
