import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Vector3, type Group } from 'three';
import type { Game } from '../app/game.ts';
import type { TerrainBatch } from './terrain-batch.ts';
import { emptyHit } from './terrain-raycast.ts';
import { Spaceship } from './Spaceship.tsx';

const AIM_RANGE = 64;
const direction = new Vector3();
const hit = emptyHit();

/**
 * Steps the player (controls → movement → collision) once per frame, puts the desktop camera at the
 * eyes, aims the desktop brush through the crosshair and poses the spacecraft model. The step runs
 * only while a world scene is playing; menus and loading screens hold the player still.
 */
export function PlayerView({ game, batch }: { game: Game; batch: TerrainBatch }) {
  const ship = useRef<Group>(null);
  useFrame((state, delta) => {
    const player = game.player;
    if (game.playing()) {
      const { snapVertical } = game.settings.getState();
      player.state.levelFlight = state.gl.xr.isPresenting && snapVertical;
      game.stepSimulation(delta);
    }
    // TerrainView places the streaming viewer from the rendered camera, so only the pose is needed here.
    const pose = player.cameraPose(game.camera);
    const s = player.state;
    const m = ship.current;
    if (m) {
      // Drawn only from outside: from the pilot's seat (desktop or VR) the hull would fill the view.
      m.visible = s.mode === 'walking' && game.playing();
      m.position.set(s.ship.x, s.ship.y, s.ship.z);
      m.quaternion.set(s.ship.qx, s.ship.qy, s.ship.qz, s.ship.qw);
    }
    if (state.gl.xr.isPresenting) return;
    const camera = state.camera;
    camera.position.set(pose.x, pose.y, pose.z);
    camera.quaternion.set(pose.qx, pose.qy, pose.qz, pose.qw);
    camera.updateMatrixWorld();
    camera.getWorldDirection(direction);
    batch.raycaster.cast(pose.x, pose.y, pose.z, direction.x, direction.y, direction.z, AIM_RANGE, hit);
    const aim = game.aim;
    aim.source = 'desktop';
    aim.hit = hit.hit;
    aim.distance = hit.distance;
    aim.point.x = hit.x; aim.point.y = hit.y; aim.point.z = hit.z;
    aim.normal.x = hit.nx; aim.normal.y = hit.ny; aim.normal.z = hit.nz;
  });
  return <Spaceship ref={ship} />;
}
