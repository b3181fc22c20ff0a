import { useFrame } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { Game } from '../app/game.ts';
import type { TerrainBatch } from './terrain-batch.ts';
import { emptyHit } from './terrain-raycast.ts';

const position = new Vector3();
const direction = new Vector3();
const up = emptyHit();
const UNDERGROUND_PROBE_M = 200;

/** Draws the terrain batch and keeps the streaming viewer where the camera (or headset) is. */
export function TerrainView({ game, batch }: { game: Game; batch: TerrainBatch }) {
  useFrame((state, _delta, frame) => {
    const c = game.counters;
    c.frame++;
    if (frame) c.xrFrames++;
    game.frameTick();
    // Counts of the previous render (three resets them at the start of each render).
    c.drawCalls = state.gl.info.render.calls;
    c.triangles = state.gl.info.render.triangles;
    state.camera.getWorldPosition(position);
    state.camera.getWorldDirection(direction);
    const v = game.viewer;
    v.x = position.x; v.y = position.y; v.z = position.z;
    v.dx = direction.x; v.dy = direction.y; v.dz = direction.z;
    if (game.streaming()) game.streamer.update(performance.now(), v);
    // Under a ceiling (in a cave or a deep pit roofed over) cave walls can be seen; otherwise not.
    batch.raycaster.cast(v.x, v.y, v.z, 0, 1, 0, UNDERGROUND_PROBE_M, up);
    batch.setViewerUnderground(up.hit);
    game.control?.endFrame(performance.now());
  });
  return <primitive object={batch.mesh} />;
}
