import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createGame } from './app/game.ts';
import { spawnPlayer } from './app/spawn.ts';
import { readUrlFlags } from './app/url-flags.ts';
import { isSoftwareRenderer } from './app/gpu-tier.ts';
import { createGameXrStore } from './xr/xr-store.ts';
import { detectXrSupport } from './xr/xr-support.ts';

async function start() {
  const flags = readUrlFlags(location.search);
  // The emulator must replace navigator.xr before anything asks it about support.
  const emulator = flags.emulateXr ? (await import('./xr/emulator.ts')).installEmulator() : undefined;
  const game = createGame(flags);
  const software = isSoftwareRenderer();
  const xrStore = createGameXrStore(software);
  // The bridge is on in dev and test builds; a production build turns it on only with ?bridge.
  if (import.meta.env.DEV || import.meta.env.MODE === 'test' || flags.bridge) {
    const { installBridge } = await import('./control/bridge.ts');
    installBridge(game, xrStore, emulator);
  }
  void detectXrSupport().then((xr) => game.store.setState({ xr }));
  xrStore.subscribe((s) => game.store.setState({ inXr: !!s.session }));
  void spawnPlayer(game);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App game={game} xrStore={xrStore} softwareRenderer={software} />
    </StrictMode>,
  );
}

void start();
