import type { ChunkMesh } from '../protocol/terrain.ts';
import type { ChunkSink } from '../threads/chunk-streamer.ts';
import type { CollisionField } from '../engine/player/collision-field.ts';
import { keyToCoord } from '../engine/chunk-key.ts';

/**
 * Hands every accepted chunk to the collision field and then to the renderer, in the same call: the
 * ground the player stands on is always the ground on screen, edits included.
 */
export class CollisionSink implements ChunkSink {
  constructor(private readonly field: CollisionField, private readonly next: ChunkSink) {}

  apply(meshes: readonly ChunkMesh[]): void {
    for (const m of meshes) this.field.set(m.cx, m.cy, m.cz, m.collision, m.collisionFill);
    this.next.apply(meshes);
  }

  remove(key: number): void {
    const [cx, cy, cz] = keyToCoord(key);
    this.field.delete(cx, cy, cz);
    this.next.remove(key);
  }
}
