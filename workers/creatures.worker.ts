// Thin entry: the creature simulation, exposed to the main thread through Comlink.
import * as Comlink from 'comlink';
import { createCreatureApi } from '../src/engine/creatures/creature-worker-api.ts';

// Its crash() (a test hook) throws from a later task, uncaught: the client sees the worker's `error` event.
Comlink.expose(createCreatureApi({ transfer: Comlink.transfer, now: () => performance.now() }));
