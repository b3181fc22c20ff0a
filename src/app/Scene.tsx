import { useEffect, useMemo } from 'react';
import { Canvas, useFrame, useThree, type RootState } from '@react-three/fiber';
import { XR } from '@react-three/xr';
import { useStore } from 'zustand';
import type { Scene as ThreeScene } from 'three';
import type { Game } from './game.ts';
import { createGameXrStore, type GameXrStore } from '../xr/xr-store.ts';
import { TerrainBatch } from '../scene/terrain-batch.ts';
import { createTerrainMaterial } from '../scene/terrain-material.ts';
import { SkyAndPlanet } from '../scene/SkyAndPlanet.tsx';
import { DesktopControls } from '../scene/DesktopControls.tsx';
import { BrushPreview } from '../scene/BrushPreview.tsx';
import { Spaceship } from '../scene/Spaceship.tsx';
import { XrRig } from '../xr/XrRig.tsx';
import { XrControllers } from '../xr/XrControllers.tsx';
import { XrLocomotion } from '../xr/XrLocomotion.tsx';
import { WristPanel } from '../xr/WristPanel.tsx';
import { XrSettingsSync } from '../xr/XrSettingsSync.tsx';
import { createSystems } from './systems.ts';
import { FrameLoop } from './frame-loop.ts';
import { RemoteAvatars } from '../scene/RemoteAvatars.tsx';
import { Structures } from '../scene/Structures.tsx';
import { Creatures } from '../scene/Creatures.tsx';
import { PlacementGhost } from '../scene/PlacementGhost.tsx';
import { ChatPanelXr } from '../xr/ChatPanelXr.tsx';

/** The live scene graph and renderer state, once the canvas has been created. */
interface SceneGraph { scene: ThreeScene | null; root: RootState | null }

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
  const graph = useMemo<SceneGraph>(() => ({ scene: null, root: null }), []);
  const systems = useMemo(() => createSystems(game, batch), [game, batch]);
  const views = systems.views;

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
        s.scene.onAfterRender = () => void (game.frame.counters.renderMs = performance.now() - renderStart);
      }}
    >
      {!ready && <CompileWhileLoading />}
      <XR store={xrStore}>
        {/* Inside <XR>: the store is connected to three.js once <XR> has rendered, so Enter VR can work from here on. */}
        <AttachScene game={game} batch={batch} xrStore={xrStore} graph={graph} />
        {/* The one frame callback: every system, in the order app/systems.ts declares. */}
        <FrameDriver game={game} systems={systems.order} />
        <SkyAndPlanet viewDistance={viewDistance} backdrop={views.backdrop} dayNight={views.dayNight} />
        <primitive object={batch.mesh} />
        <Spaceship ref={views.shipModel.attach} />
        <BrushPreview system={views.brushPreview} />
        <XrRig system={views.rig} />
        <XrControllers system={views.controllers} />
        <XrLocomotion system={views.locomotion} />
        <WristPanel system={views.wristPanel} />
        <ChatPanelXr system={views.chatPanel} />
        <RemoteAvatars system={views.avatars} />
        <Structures system={views.structures} />
        <Creatures system={views.creatures} />
        <PlacementGhost system={views.placement} />
        <DesktopControls game={game} />
        <XrSettingsSync game={game} />
      </XR>
    </Canvas>
  );
}

/** Hands the 3D scene to the game once the canvas tree (and the XR store's link to three.js) exists. */
function AttachScene({ game, batch, xrStore, graph }: { game: Game; batch: TerrainBatch; xrStore: GameXrStore; graph: SceneGraph }) {
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
  return null;
}

/** Runs the frame loop from R3F's frame callback (the only one in the game). */
function FrameDriver({ game, systems }: { game: Game; systems: ReturnType<typeof createSystems>['order'] }) {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const loop = useMemo(
    () => new FrameLoop(systems, { counters: game.frame.counters, control: () => game.control, playing: game.playing }, camera, gl),
    [systems, game, camera, gl],
  );
  useFrame((state, delta, xrFrame?: XRFrame) => loop.run(delta, state.camera, xrFrame));
  return null;
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
