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
  const devBuild = import.meta.env.DEV || import.meta.env.MODE === 'test';
  if (devBuild || flags.bridge) {
    const { installBridge } = await import('./control/bridge.ts');
    // In a production build the control API is opt-in and asks for a token (seed: printed at startup).
    const token = devBuild ? null : Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');
    if (token) console.info(`SpaceTime control API token (Authorization: Bearer <token>): ${token}`);
    installBridge(game, emulator, token);
  }
  void detectXrSupport().then((xr) => game.store.setState({ xr }));
  // Joins the relay's world when one answers (npm start); otherwise plays single-player at once.
  void game.start(startSceneName(flags.scene)).then((r) => {
    if (!r.ok) console.error(`the first scene did not load: ${r.error.message}`);
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Shell game={game} softwareRenderer={isSoftwareRenderer()} />
    </StrictMode>,
  );
}

void start();
