/** Test-automation routes: snapshot, input sequences, screenshots, record and replay. */
import { fail, ok } from '../../protocol/errors.ts';
import { scenePath, sceneNameOf } from '../../protocol/scenes.ts';
import type { HandlerTable } from '../router.ts';
import type { AUTOMATION_ROUTES } from '../../protocol/routes/automation.ts';
import { isoNow, refuseWhileLoading, succeeded, type ControlContext } from '../control-context.ts';
import { settingsValues } from '../../state/settings.ts';
import { gameSnapshot } from '../snapshot.ts';
import { playInput } from '../input-player.ts';
import { replay, startRecording, stopRecording } from '../replay.ts';

export function automationHandlers(ctx: ControlContext): HandlerTable<typeof AUTOMATION_ROUTES> {
  const { game, recorder } = ctx;
  return {
    'GET /snapshot': () => ok(gameSnapshot(game)),
    'POST /input/sequence': async ({ body }) => {
      const r = await playInput(game, ctx.emulator, body.steps);
      return succeeded(r);
    },
    'GET /screenshot': async () => {
      const scene = game.scene;
      if (!scene) return fail('SERVICE_UNAVAILABLE', 'the 3D scene has not loaded yet');
      // In VR the frame goes to the headset's framebuffer, not the page canvas.
      if (scene.presenting()) return fail('SERVICE_UNAVAILABLE', 'screenshots are of the desktop view; exit VR first (the wrist panel and headset view are not captured)');
      // After a frame, so what was just changed (a teleport, an edit) is in the picture.
      if (!game.store.getState().renderPaused && game.store.getState().ready) await game.frames(1);
      const shot = scene.capturePng();
      return ok({ format: 'png', width: shot.width, height: shot.height, data: shot.dataUrl.slice(shot.dataUrl.indexOf(',') + 1), timestamp: isoNow() });
    },
    'POST /record/start': async ({ body }) => {
      const asked = body?.scene_path ?? 'test_arena';
      const r = await startRecording(game, recorder, scenePath(sceneNameOf(asked)));
      return r.ok ? ok({ status: 'recording', scene_path: r.value.scene_path, timestamp: isoNow() }) : r;
    },
    'POST /record/stop': () => {
      const r = stopRecording(game, recorder);
      return r.ok ? ok({ status: 'stopped', frames: r.value.recording.dt.length, recording: r.value.recording, snapshot: r.value.snapshot, timestamp: isoNow() }) : r;
    },
    'POST /replay': async ({ body }) => {
      const r = await replay(ctx, body.recording);
      if (!r.ok) return r;
      const { frames, snapshot, differences } = r.value;
      return ok({ status: 'replayed', frames, matches: differences.length === 0, differences, snapshot, timestamp: isoNow() });
    },
    'POST /camera/place': ({ body }) => {
      const refused = refuseWhileLoading(game);
      if (refused) return refused;
      const { position: p, yaw, pitch } = body;
      const r = game.placeCamera(p.x, p.y, p.z, yaw, pitch);
      return r.ok ? ok({ status: 'success', position: r.value, timestamp: isoNow() }) : r;
    },
    'GET /settings': () => ok(settingsValues(game.settings.getState())),
    'POST /settings': ({ body }) => game.settings.getState().update(body),
  };
}
