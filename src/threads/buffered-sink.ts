import type { ChunkMesh } from '../protocol/terrain.ts';
import type { ChunkSink } from './chunk-streamer.ts';
import { chunkKey } from '../engine/chunk-key.ts';

/**
 * Stands in for the renderer while three.js is still downloading: the workers start meshing at
 * once, their results wait here (latest per chunk), and attach() hands them over in one batch.
 */
export class BufferedSink implements ChunkSink {
  private target: ChunkSink | null = null;
  private readonly pending = new Map<number, ChunkMesh>();

  get attached(): boolean {
    return this.target !== null;
  }

  attach(target: ChunkSink): void {
    this.target = target;
    if (this.pending.size > 0) target.apply([...this.pending.values()]);
    this.pending.clear();
  }

  apply(meshes: readonly ChunkMesh[]): void {
    if (this.target) {
      this.target.apply(meshes);
      return;
    }
    for (const m of meshes) this.pending.set(chunkKey(m.cx, m.cy, m.cz), m);
  }

  remove(key: number): void {
    if (this.target) this.target.remove(key);
    else this.pending.delete(key);
  }
}
