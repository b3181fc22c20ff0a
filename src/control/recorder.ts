/**
 * Records a session for replay: the player input and simulated seconds of every frame, and the
 * write calls (brush strokes, boarding, player routes) with the frame they were answered before.
 * Per-frame capture appends numbers to plain arrays, only while recording.
 */
import { INPUT_FIELDS, type Recording } from '../protocol/automation.ts';
import type { PlayerInput } from '../engine/player/player-state.ts';

/** Router writes a replay repeats; terrain edits and boarding are recorded where the game does them. */
const REPLAYED_ROUTES = new Set(['/player/spawn', '/player/teleport', '/player/mode']);

export type RecorderMode = 'idle' | 'arming' | 'recording' | 'replaying';

export class Recorder {
  mode: RecorderMode = 'idle';
  private scenePath = '';
  private dt: number[] = [];
  private inputs: number[] = [];
  private calls: Recording['calls'] = [];

  /** The simulation waits while a recording is being set up and while a replay drives it itself. */
  get holdsSimulation(): boolean {
    return this.mode === 'arming' || this.mode === 'replaying';
  }

  get frames(): number {
    return this.dt.length;
  }

  arm(scenePath: string): void {
    this.mode = 'arming';
    this.scenePath = scenePath;
    this.dt = [];
    this.inputs = [];
    this.calls = [];
  }

  begin(): void {
    if (this.mode === 'arming') this.mode = 'recording';
  }

  capture(input: PlayerInput, seconds: number, levelFlight: boolean): void {
    if (this.mode !== 'recording') return;
    this.dt.push(seconds);
    this.inputs.push(
      input.moveX, input.moveY, input.moveZ, input.jump ? 1 : 0, input.boost ? 1 : 0, input.lookYaw, input.lookPitch,
      input.turnYaw, input.turnPitch, input.roll, Number.isNaN(input.headYaw) ? 1e9 : input.headYaw, levelFlight ? 1 : 0,
    );
  }

  call(method: string, path: string, body: unknown, fromRouter: boolean): void {
    if (this.mode !== 'recording' || (fromRouter && !REPLAYED_ROUTES.has(path))) return;
    this.calls.push({ frame: this.frames, method, path, body: structuredClone(body) });
  }

  stop(snapshot: unknown): Recording {
    const recording: Recording = { version: 1, scene_path: this.scenePath, dt: this.dt, inputs: this.inputs, calls: this.calls, snapshot };
    this.mode = 'idle';
    this.dt = [];
    this.inputs = [];
    this.calls = [];
    return recording;
  }
}

/** Writes recorded frame `f` back into the input the player step reads; returns its levelFlight. */
export function applyRecordedInput(recording: Recording, f: number, input: PlayerInput): boolean {
  const v = recording.inputs, i = f * INPUT_FIELDS;
  input.moveX = v[i]; input.moveY = v[i + 1]; input.moveZ = v[i + 2];
  input.jump = v[i + 3] === 1; input.boost = v[i + 4] === 1;
  input.lookYaw = v[i + 5]; input.lookPitch = v[i + 6];
  input.turnYaw = v[i + 7]; input.turnPitch = v[i + 8]; input.roll = v[i + 9];
  // NaN ("use the view yaw") does not survive JSON, so it is stored as an out-of-range number.
  input.headYaw = v[i + 10] === 1e9 ? NaN : v[i + 10];
  return v[i + 11] === 1;
}
