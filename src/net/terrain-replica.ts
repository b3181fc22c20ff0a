/** What the relay client needs of the page's terrain: the streamer over the worker pool. */
import type { Result } from '../protocol/errors.ts';
import type { BrushEdit, EditOutcome } from '../protocol/terrain.ts';

/** An op handed to the replicas: its result, and when its new meshes are on screen. */
export interface Applied<T> { result: Result<T>; landed: Promise<void> }

export interface TerrainReplica {
  /** Both hand the op to the workers before returning, so call order is apply order. */
  install(cx: number, cy: number, cz: number, data: Uint8Array): Promise<Applied<unknown>>;
  edit(edit: BrushEdit): Promise<Applied<EditOutcome>>;
  hash(cx: number, cy: number, cz: number): Promise<Result<string>>;
}
