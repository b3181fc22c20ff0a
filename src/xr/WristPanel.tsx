import { useEffect } from 'react';
import type { WristPanelSystem } from './wrist-panel-system.ts';

/** The wrist panel's mesh; the wrist-panel system poses it and draws its texture. */
export function WristPanel({ system }: { system: WristPanelSystem }) {
  useEffect(() => () => system.dispose(), [system]);
  return (
    <mesh ref={system.attach} visible={false} name="WristPanel" renderOrder={10}>
      <planeGeometry args={[0.16, 0.1]} />
      <meshBasicMaterial map={system.texture} transparent depthTest={false} toneMapped={false} />
    </mesh>
  );
}
