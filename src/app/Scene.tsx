import { useEffect, useMemo } from 'react';
import { Canvas, useThree } from '@react-three/fiber';
import { XR } from '@react-three/xr';
import { useStore } from 'zustand';
import type { Game } from './game.ts';
import { createGameXrStore } from '../xr/xr-store.ts';
import { TerrainBatch } from '../scene/terrain-batch.ts';
import { createTerrainMaterial } from '../scene/terrain-material.ts';
import { SkyAndPlanet } from '../scene/SkyAndPlanet.tsx';
import { TerrainView } from '../scene/TerrainView.tsx';
import { DesktopControls } from '../scene/DesktopControls.tsx';
import { BrushPreview } from '../scene/BrushPreview.tsx';
import { XrRig } from '../xr/XrRig.tsx';
import { XrControllers } from '../xr/XrControllers.tsx';

/**
 * The 3D half of the game (three.js, R3F, WebXR), loaded lazily so the loading screen and the
 * terrain workers start before these libraries have downloaded.
 */
export default function Scene({ game, softwareRenderer: software }: { game: Game; softwareRenderer: boolean }) {
  const ready = useStore(game.store, (s) => s.ready);
  const paused = useStore(game.store, (s) => s.renderPaused);
  const xrStore = useMemo(() => createGameXrStore(software), [software]);
  const batch = useMemo(() => new TerrainBatch(createTerrainMaterial()), []);

  useEffect(() => {
    if (game.scene?.batch === batch) return; // StrictMode runs effects twice in development
    game.attachScene({
      batch,
      enterVr: async () => {
        await xrStore.enterVR();
      },
      exitVr: async () => {
        await xrStore.getState().session?.end();
      },
      presenting: () => !!xrStore.getState().session,
    });
  }, [game, batch, xrStore]);

  return (
    <Canvas
      camera={{ fov: 70, near: 0.1, far: 6000, position: [0, 60, 0] }}
      gl={{ antialias: !software, powerPreference: 'high-performance' }}
      dpr={software ? 0.5 : [1, 1.5]}
      // The loading screen covers the view: draw nothing until the spawn area is in, and leave the CPU to the workers.
      frameloop={ready && !paused ? 'always' : 'never'}
    >
      {!ready && <CompileWhileLoading />}
      <XR store={xrStore}>
        <SkyAndPlanet viewDistance={game.flags.viewDistance} />
        {/* Input first: the terrain view reads the camera this frame's controls have placed. */}
        <DesktopControls game={game} batch={batch} />
        <TerrainView game={game} batch={batch} />
        <XrRig game={game} />
        <XrControllers game={game} batch={batch} />
        <BrushPreview game={game} />
      </XR>
    </Canvas>
  );
}

/**
 * Compiles every material's shader program behind the loading screen, so the first visible frame
 * does not stall on it (hundreds of milliseconds on a software rasteriser).
 */
function CompileWhileLoading() {
  const { gl, scene, camera } = useThree();
  useEffect(() => {
    void gl.compileAsync(scene, camera);
  }, [gl, scene, camera]);
  return null;
}
