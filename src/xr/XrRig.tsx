import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { XROrigin } from '@react-three/xr';
import type { Group } from 'three';
import type { Game } from '../app/game.ts';

/** Standing eye height: the origin sits this far below the desktop camera so the view stays put. */
const EYE_HEIGHT = 1.6;

/** The XR origin follows the game rig (position and yaw); the headset pose is added on top. */
export function XrRig({ game }: { game: Game }) {
  const origin = useRef<Group>(null);
  useEffect(() => {
    game.xrOrigin = origin.current;
    return () => {
      game.xrOrigin = null;
    };
  }, [game]);
  useFrame(() => {
    const o = origin.current;
    if (!o) return;
    o.position.set(game.rig.x, game.rig.y - EYE_HEIGHT, game.rig.z);
    o.rotation.set(0, game.rig.yaw, 0);
    o.updateMatrixWorld();
  });
  return <XROrigin ref={origin} />;
}
