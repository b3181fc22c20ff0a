/**
 * Worker entry: moves messages between the TerrainHost and the engine. Deflated chunk buffers go
 * back transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { createTerrainEngine } from './terrain-engine.ts';

const engine = createTerrainEngine();
const port = parentPort;
if (!port) throw new Error('terrain.worker.ts must run in a worker thread');

port.on('message', (message: unknown) => {
  const res = engine.handle(message);
  // A Set: two views of one buffer listed twice would make postMessage throw.
  const transfer = new Set<ArrayBuffer>();
  if (res.ok && 'data' in res.value) transfer.add(res.value.data.buffer as ArrayBuffer);
  if (res.ok && 'chunks' in res.value && Array.isArray(res.value.chunks)) {
    for (const c of res.value.chunks) transfer.add(c.data.buffer as ArrayBuffer);
  }
  port.postMessage(res, [...transfer]);
});
