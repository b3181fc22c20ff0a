/**
 * Record and replay on a fresh scene. Recording reloads the scene, resets the player's tick clock
 * and captures every simulated frame. Replay reloads the same scene, holds the render loop's
 * simulation, and steps the player itself with the recorded input and seconds, answering each
 * recorded write call before the frame it preceded. Same start + same steps = same snapshot.
 */
import type { Game } from '../app/game.ts';
import { fail, ok, type Result } from '../protocol/errors.ts';
import type { GameSnapshot, Recording } from '../protocol/automation.ts';
import { INPUT_FIELDS } from '../protocol/automation.ts';
import { ROUTES } from '../protocol/routes/index.ts';
import { applyRecordedInput, REPLAYABLE_PATHS, type Recorder } from './recorder.ts';
import { gameSnapshot } from './snapshot.ts';
import { snapshotDifferences } from './snapshot-diff.ts';
import type { ControlContext } from './control-context.ts';

/** Frames replayed between yields to the page, so a long replay does not freeze it. */
const FRAMES_PER_SLICE = 240;
/** A macrotask, not a frame: frames stop while rendering is paused or the tab is hidden. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Per input field: [min, max] (see recorder.ts for the order; look is radians per frame, head yaw NaN-coded as 1e9; then the VR turn and teleport fields). */
const INPUT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [-1, 1], [-1, 1], [-1, 1], [0, 1], [0, 1], [-10, 10], [-10, 10], [-1, 1], [-1, 1], [-1, 1], [-1e9, 1e9], [0, 1],
  // VR: snap turn (rad), head offset (m), teleport flag and target (m, the world's bounds with margin).
  [-4, 4], [-10, 10], [-10, 10], [0, 1], [-5000, 5000], [-5000, 5000], [-5000, 5000],
];

/** Everything a replay will do is checked before the scene is touched, so a refused replay changes nothing. */
export function checkRecording(recording: Recording): Result<true> {
  const frames = recording.dt.length;
  for (const [i, call] of recording.calls.entries()) {
    const route = ROUTES.find((r) => r.method === call.method && r.path === call.path);
    if (!route || !REPLAYABLE_PATHS.has(call.path)) return fail('INVALID_PARAMETER', `recording.calls.${i}: ${call.method} ${call.path} is not a replayable call`);
    if (call.frame > frames) return fail('INVALID_PARAMETER', `recording.calls.${i}.frame: ${call.frame} is after the last frame (${frames})`);
    const body = route.body?.safeParse(call.body);
    if (body && !body.success) return fail('INVALID_PARAMETER', `recording.calls.${i}.body: ${body.error.issues[0]?.message}`);
  }
  for (let i = 0; i < recording.inputs.length; i++) {
    const [lo, hi] = INPUT_RANGES[i % INPUT_FIELDS];
    const v = recording.inputs[i];
    if (!(v >= lo && v <= hi)) return fail('INVALID_PARAMETER', `recording.inputs.${i}: ${v} is outside ${lo}..${hi}`);
  }
  return ok(true);
}

export async function startRecording(game: Game, recorder: Recorder, scenePath: string): Promise<Result<{ scene_path: string }>> {
  if (recorder.mode !== 'idle') return fail('CONFLICT', `the recorder is busy (${recorder.mode})`);
  recorder.arm(scenePath);
  const loaded = await game.scenes.load({ scene_path: scenePath });
  if (!loaded.ok) {
    recorder.stop(null);
    return loaded;
  }
  game.player.resetClock();
  recorder.begin();
  return ok({ scene_path: loaded.value.scene_path });
}

export function stopRecording(game: Game, recorder: Recorder): Result<{ recording: Recording; snapshot: GameSnapshot }> {
  if (recorder.mode !== 'recording') return fail('CONFLICT', 'nothing is being recorded; POST /record/start first');
  const snapshot = gameSnapshot(game);
  return ok({ recording: recorder.stop(snapshot), snapshot });
}

export async function replay(ctx: ControlContext, recording: Recording): Promise<Result<{ frames: number; snapshot: GameSnapshot; differences: string[] }>> {
  const { game, recorder } = ctx;
  if (recorder.mode !== 'idle') return fail('CONFLICT', `the recorder is busy (${recorder.mode})`);
  const checked = checkRecording(recording);
  if (!checked.ok) return checked;
  recorder.mode = 'replaying';
  try {
    const loaded = await game.scenes.load({ scene_path: recording.scene_path });
    if (!loaded.ok) return loaded;
    game.player.resetClock();
    const frames = recording.dt.length;
    let next = 0;
    for (let f = 0; f <= frames; f++) {
      while (next < recording.calls.length && recording.calls[next].frame <= f) {
        const call = recording.calls[next++];
        const answer = await ctx.dispatch(call.method, call.path, call.body);
        if (answer.status !== 200) return fail('INTERNAL_ERROR', `recorded call ${call.method} ${call.path} before frame ${f} answered ${answer.status} on replay`);
      }
      if (f === frames) break;
      game.player.state.levelFlight = applyRecordedInput(recording, f, game.frame.input);
      game.player.step(recording.dt[f], game.frame.input);
      if (f % FRAMES_PER_SLICE === FRAMES_PER_SLICE - 1) await yieldToPage();
    }
    const snapshot = gameSnapshot(game);
    return ok({ frames, snapshot, differences: snapshotDifferences(recording.snapshot, snapshot) });
  } finally {
    recorder.mode = 'idle';
  }
}
