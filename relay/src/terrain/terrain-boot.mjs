// Loads the TypeScript worker entry through tsx: Node 20 does not apply the parent's --import hooks
// to a worker's entry file, so the relay running from source starts its worker through this file.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
