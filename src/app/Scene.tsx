import { Canvas } from '@react-three/fiber';
import { useStore } from 'zustand';
import { XR } from '@react-three/xr';
import type { Game } from './game.ts';
import type { GameXrStore } from '../xr/xr-store.ts';
import { SkyAndPlanet } from '../scene/SkyAndPlanet.tsx';
import { TerrainView } from '../scene/TerrainView.tsx';
import { DesktopControls } from '../scene/DesktopControls.tsx';
import { BrushPreview } from '../scene/BrushPreview.tsx';
import { XrRig } from '../xr/XrRig.tsx';
import { XrControllers } from '../xr/XrControllers.tsx';
import { Hud } from '../ui/Hud.tsx';



export function App({ game, xrStore, softwareRenderer: software }: { game: Game; xrStore: GameXrStore; softwareRenderer: boolean }) {
  const ready = useStore(game.store, (s) => s.ready);
  return (
    <>
      <Canvas
        camera={{ fov: 70, near: 0.1, far: 6000, position: [0, 60, 0] }}
        gl={{ antialias: !software, powerPreference: 'high-performance' }}
        dpr={software ? 0.5 : [1, 1.5]}
        // The loading screen covers the view: draw nothing until the spawn area is in, and leave the CPU to the workers.
        frameloop={ready ? 'always' : 'never'}
      >
        <XR store={xrStore}>
          <SkyAndPlanet viewDistance={game.flags.viewDistance} />
          {/* Input first: the terrain view reads the camera this frame's controls have placed. */}
          <DesktopControls game={game} />
          <TerrainView game={game} />
          <XrRig game={game} />
          <XrControllers game={game} />
          <BrushPreview game={game} />
        </XR>
      </Canvas>
      <Hud game={game} xrStore={xrStore} />
    </>
  );
}

