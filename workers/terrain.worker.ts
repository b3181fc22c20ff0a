// Thin entry: the terrain engine, exposed to the main thread through Comlink.
import * as Comlink from 'comlink';
import { createTerrainApi } from '../src/engine/terrain-service.ts';

// Its crash() (a test hook) throws from a later task, uncaught: the pool sees the worker's `error` event.
Comlink.expose(createTerrainApi({ transfer: Comlink.transfer }));
