import { Vector3 } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { ChunkStreamer, Viewer } from '../threads/chunk-streamer.ts';
import type { TerrainBatch } from './terrain-batch.ts';
import { emptyHit } from './terrain-raycast.ts';

const position = new Vector3();
const direction = new Vector3();
const up = emptyHit();
const UNDERGROUND_PROBE_M = 200;

/**
 * Keeps the streaming viewer where the rendered camera is (in VR the headset, which the player pose
 * alone does not know), ranks and requests chunks, and tells the batch whether the viewer is under
 * a ceiling (a cave or a roofed pit), where buried chunks' walls can be seen.
 */
export function createStreamingSystem(deps: { streamer: ChunkStreamer; batch: TerrainBatch; viewer: Viewer; streaming(): boolean }): System {
  const { viewer: v, batch } = deps;
  return {
    name: 'streaming',
    update(frame: FrameContext) {
      frame.camera.getWorldPosition(position);
      frame.camera.getWorldDirection(direction);
      v.x = position.x; v.y = position.y; v.z = position.z;
      v.dx = direction.x; v.dy = direction.y; v.dz = direction.z;
      if (deps.streaming()) deps.streamer.update(frame.nowMs, v);
      batch.raycaster.cast(v.x, v.y, v.z, 0, 1, 0, UNDERGROUND_PROBE_M, up);
      batch.setViewerUnderground(up.hit);
    },
  };
}
