import type { FrameContext, System } from '../app/frame-loop.ts';
import type { FrameCounters } from '../app/frame-state.ts';
import type { SimControl } from '../app/sim-control.ts';
import type { PlayerSim } from '../engine/player/player-sim.ts';
import type { CameraPose, PlayerInput } from '../engine/player/player-state.ts';
import type { TickClock } from '../engine/tick-clock.ts';
import type { SettingsStore } from '../state/settings.ts';

export interface PlayerStepDeps {
  player: PlayerSim;
  clock: TickClock;
  input: PlayerInput;
  settings: SettingsStore;
  /** Written here: the eyes, interpolated between ticks by the clock's alpha. */
  camera: CameraPose;
  counters: FrameCounters;
  control(): SimControl | null;
}

/**
 * Steps the player (controls → movement → collision) on the shared fixed-tick clock, then puts the
 * desktop camera at the eyes (in VR the XR rig places the headset's origin instead). The step runs
 * only while a world scene is playing and the control API does not hold it; menus and loading
 * screens hold the player still. The control API may record the input and fix the seconds.
 */
export function createPlayerStepSystem(deps: PlayerStepDeps): System {
  const { player, clock, input, counters } = deps;
  return {
    name: 'player',
    update(frame: FrameContext) {
      if (frame.playing && !frame.held) {
        player.state.levelFlight = frame.presenting && deps.settings.getState().snapVertical;
        const control = deps.control();
        const seconds = control ? control.frameSeconds(input, frame.dt) : frame.dt;
        const started = performance.now();
        player.run(clock.advance(seconds), input);
        counters.physicsMs = performance.now() - started;
      } else if (frame.held) {
        // Mouse look gathered while held would all land on the first frame after.
        input.lookYaw = 0;
        input.lookPitch = 0;
        counters.physicsMs = 0;
      }
      const pose = player.cameraPose(deps.camera);
      if (frame.presenting) return;
      const camera = frame.camera;
      camera.position.set(pose.x, pose.y, pose.z);
      camera.quaternion.set(pose.qx, pose.qy, pose.qz, pose.qw);
      camera.updateMatrixWorld();
    },
  };
}
