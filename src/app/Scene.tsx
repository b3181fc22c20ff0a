import { useEffect, useMemo } from 'react';
import { Canvas, useThree, type RootState } from '@react-three/fiber';
import { XR } from '@react-three/xr';
import { useStore } from 'zustand';
import type { Scene as ThreeScene } from 'three';
import type { Game } from './game.ts';
import { createGameXrStore } from '../xr/xr-store.ts';
import { TerrainBatch } from '../scene/terrain-batch.ts';
import { createTerrainMaterial } from '../scene/terrain-material.ts';
import { SkyAndPlanet } from '../scene/SkyAndPlanet.tsx';
import { TerrainView } from '../scene/TerrainView.tsx';
import { DesktopBrush, DesktopControls } from '../scene/DesktopControls.tsx';
import { PlayerView } from '../scene/PlayerView.tsx';
import { BrushPreview } from '../scene/BrushPreview.tsx';
import { XrRig } from '../xr/XrRig.tsx';
import { XrControllers } from '../xr/XrControllers.tsx';
import { XrInputReader } from '../xr/XrInputReader.tsx';
import { XrLocomotion } from '../xr/XrLocomotion.tsx';
import { WristPanel } from '../xr/WristPanel.tsx';
import { XrSettingsSync } from '../xr/XrSettingsSync.tsx';

/**
 * The 3D half of the game (three.js, R3F, WebXR), loaded lazily so the loading screen and the
 * terrain workers start before these libraries have downloaded.
 */
export default function Scene({ game, softwareRenderer: software }: { game: Game; softwareRenderer: boolean }) {
  const ready = useStore(game.store, (s) => s.ready);
  const paused = useStore(game.store, (s) => s.renderPaused);
  const viewDistance = useStore(game.store, (s) => s.viewDistance);
  const xrStore = useMemo(() => createGameXrStore(software, game.settings.getState()), [software, game]);
  const batch = useMemo(() => new TerrainBatch(createTerrainMaterial()), []);
  const graph = useMemo<{ scene: ThreeScene | null; root: RootState | null }>(() => ({ scene: null, root: null }), []);

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
      nodeCount: () => {
        let n = 0;
        graph.scene?.traverse(() => void n++);
        return n;
      },
      capturePng: () => {
        const root = graph.root;
        if (!root) throw new Error('the renderer has not started');
        // The drawing buffer is only readable in the task that drew it, so draw and read together.
        root.gl.render(root.scene, root.camera);
        const canvas = root.gl.domElement;
        return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
      },
    });
  }, [game, batch, xrStore, graph]);

  return (
    <Canvas
      camera={{ fov: 70, near: 0.1, far: 6000, position: [0, 60, 0] }}
      gl={{ antialias: !software, powerPreference: 'high-performance' }}
      dpr={software ? 0.5 : [1, 1.5]}
      // The loading screen covers the view: draw nothing until the spawn area is in, and leave the CPU to the workers.
      frameloop={ready && !paused ? 'always' : 'never'}
      onCreated={(s) => {
        graph.scene = s.scene;
        graph.root = s;
        // three calls these around each render of the scene: the main-thread cost of drawing (telemetry render_time_ms).
        let renderStart = 0;
        s.scene.onBeforeRender = () => void (renderStart = performance.now());
        s.scene.onAfterRender = () => void (game.counters.renderMs = performance.now() - renderStart);
      }}
    >
      {!ready && <CompileWhileLoading />}
      <XR store={xrStore}>
        <SkyAndPlanet viewDistance={viewDistance} />
        {/* Frame order matters: input, then the player step, then what reads the new pose. */}
        <XrInputReader game={game} />
        <DesktopControls game={game} />
        <XrLocomotion game={game} batch={batch} />
        <PlayerView game={game} batch={batch} />
        <TerrainView game={game} batch={batch} />
        <XrRig game={game} />
        <XrControllers game={game} batch={batch} />
        <DesktopBrush game={game} />
        <WristPanel game={game} />
        <BrushPreview game={game} />
        <XrSettingsSync game={game} />
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
