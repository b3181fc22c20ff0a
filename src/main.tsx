import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Shell } from './app/Shell.tsx';
import { createGame } from './app/game.ts';
import { startSceneName } from './app/scene-host.ts';
import { readUrlFlags } from './app/url-flags.ts';
import { isSoftwareRenderer } from './app/gpu-tier.ts';
import { detectXrSupport } from './xr/xr-support.ts';

async function start() {
  const flags = readUrlFlags(location.search);
  // The emulator must replace navigator.xr before anything asks it about support.
  const emulator = flags.emulateXr ? (await import('./xr/emulator.ts')).installEmulator() : undefined;
  // Workers start now, while the 3D scene's libraries are still downloading.
  const game = createGame(flags);
  // The bridge is on in dev and test builds; a production build turns it on only with ?bridge.
  if (import.meta.env.DEV || import.meta.env.MODE === 'test' || flags.bridge) {
    const { installBridge } = await import('./control/bridge.ts');
    installBridge(game, emulator);
  }
  void detectXrSupport().then((xr) => game.store.setState({ xr }));
  void game.scenes.load({ scene_path: startSceneName(flags.scene) }).then((r) => {
    if (!r.ok) console.error(`the first scene did not load: ${r.error.message}`);
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Shell game={game} softwareRenderer={isSoftwareRenderer()} />
    </StrictMode>,
  );
}

void start();
