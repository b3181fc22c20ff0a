import { Canvas } from '@react-three/fiber';
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

export function App({ game, xrStore }: { game: Game; xrStore: GameXrStore }) {
  return (
    <>
      <Canvas
        camera={{ fov: 70, near: 0.1, far: 6000, position: [0, 60, 0] }}
        gl={{ antialias: true, powerPreference: 'high-performance', preserveDrawingBuffer: false }}
        dpr={[1, 1.5]}
      >
        <XR store={xrStore}>
          <SkyAndPlanet viewDistance={game.flags.viewDistance} />
          <TerrainView game={game} />
          <DesktopControls game={game} />
          <XrRig game={game} />
          <XrControllers game={game} />
          <BrushPreview game={game} />
        </XR>
      </Canvas>
      <Hud game={game} xrStore={xrStore} />
    </>
  );
}
