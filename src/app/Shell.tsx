import { Suspense, lazy } from 'react';
import type { Game } from './game.ts';
import { Hud } from '../ui/Hud.tsx';

// Requested as this module loads, not when React first renders, so the download overlaps start-up.
const scenePromise = import('./Scene.tsx');
const Scene = lazy(() => scenePromise);

/** What loads first: the DOM HUD (loading screen included); the 3D scene follows when downloaded. */
export function Shell({ game, softwareRenderer }: { game: Game; softwareRenderer: boolean }) {
  return (
    <>
      <Suspense fallback={null}>
        <Scene game={game} softwareRenderer={softwareRenderer} />
      </Suspense>
      <Hud game={game} net={game.net} />
    </>
  );
}
