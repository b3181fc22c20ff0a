import { useEffect } from 'react';
import type { RemoteAvatarSystem } from './remote-avatar-system.ts';

/**
 * The remote players' avatars and name tags. The remote-avatar system owns the instanced meshes
 * and moves them every frame; this only puts them in the scene (and frees them on unmount).
 */
export function RemoteAvatars({ system }: { system: RemoteAvatarSystem }) {
  useEffect(() => () => system.dispose(), [system]);
  return <primitive object={system.root} />;
}
