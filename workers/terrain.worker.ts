// Thin entry: the terrain engine, exposed to the main thread through Comlink.
import * as Comlink from 'comlink';
import { createTerrainApi } from '../src/engine/terrain-service.ts';

const api = createTerrainApi({ transfer: Comlink.transfer });

Comlink.expose({
  ...api,
  /** Kills this worker with an uncaught error, so tests can prove the pool replaces it. */
  crash(): void {
    setTimeout(() => {
      throw new Error('terrain worker crash requested');
    });
  },
});
