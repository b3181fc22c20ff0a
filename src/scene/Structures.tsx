import { useEffect } from 'react';
import type { StructuresSystem } from './structures-system.ts';

/** The base structures; the structures system owns the instanced meshes and refills them on change. */
export function Structures({ system }: { system: StructuresSystem }) {
  useEffect(() => () => system.dispose(), [system]);
  return <primitive object={system.root} />;
}
