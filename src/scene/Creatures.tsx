import { useEffect } from 'react';
import type { CreaturesSystem } from './creatures-system.ts';

/** The creatures; the creatures system owns the four instanced meshes and refills them every frame. */
export function Creatures({ system }: { system: CreaturesSystem }) {
  useEffect(() => () => system.dispose(), [system]);
  return <primitive object={system.root} />;
}
