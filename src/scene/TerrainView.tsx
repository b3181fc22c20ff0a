import { useFrame } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { Game } from '../app/game.ts';

const position = new Vector3();
const direction = new Vector3();
const STORE_SYNC_MS = 250;

/** Draws the terrain batch and drives chunk streaming from wherever the camera (or headset) is. */
export function TerrainView({ game }: { game: Game }) {
  let lastSync = 0;
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
    const now = performance.now();
    game.streamer.update(now, v);
    if (now - lastSync > STORE_SYNC_MS) {
      lastSync = now;
      const near = game.streamer.nearProgress();
      const { loading } = game.store.getState();
      if (loading.wanted !== near.wanted || loading.meshed !== near.meshed) {
        game.store.setState({ loading: { wanted: near.wanted, meshed: near.meshed } });
      }
      if (!game.store.getState().ready && near.wanted > 0 && near.meshed === near.wanted) {
        game.store.setState({ ready: true });
        game.markReady();
      }
    }
  });
  return <primitive object={game.batch.mesh} />;
}
