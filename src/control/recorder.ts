/**
 * Records a session for replay: the player input and simulated seconds of every frame, and the
 * write calls (brush strokes, boarding, player routes) with the frame they were answered before.
 * Per-frame capture appends numbers to plain arrays, only while recording.
 */
import { INPUT_FIELDS, type Recording } from '../protocol/automation.ts';
import type { PlayerInput } from '../engine/player/player-state.ts';
import { fail, type Result } from '../protocol/errors.ts';
import type { RouteSpec } from '../protocol/route-spec.ts';

/** Router writes a replay repeats; terrain edits and boarding are recorded where the game does them. */
const RECORDED_ROUTES = new Set(['/player/spawn', '/player/teleport', '/player/mode', '/camera/place']);
/** Every call a recording may hold: the recorded routes and the game's own actions. */
export const REPLAYABLE_PATHS: ReadonlySet<string> = new Set([...RECORDED_ROUTES, '/terrain/deform']);
/** Writes that would start another world under a recording (it could not be replayed). */
const WORLD_SWITCHES = new Set(['/scene/load', '/scene/reload', '/scene', '/debug/launch', '/record/start', '/replay']);

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
      input.snapTurn, input.headX, input.headZ, input.teleport ? 1 : 0, input.teleportX, input.teleportY, input.teleportZ,
    );
  }

  /** A request from outside while the recorder works: writes wait for a replay; a recording keeps its world. */
  admits(route: RouteSpec): Result<never> | null {
    if (route.kind !== 'write') return null;
    if (this.holdsSimulation) return fail('CONFLICT', 'a recording is starting or a replay is running; try again when it answers');
    if (this.mode === 'recording' && WORLD_SWITCHES.has(route.path)) return fail('CONFLICT', `${route.path} would leave the recorded scene; POST /record/stop first`);
    return null;
  }

  call(method: string, path: string, body: unknown, from: 'router' | 'game'): void {
    if (this.mode !== 'recording' || (from === 'router' && !RECORDED_ROUTES.has(path))) return;
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
  input.snapTurn = v[i + 12]; input.headX = v[i + 13]; input.headZ = v[i + 14];
  input.teleport = v[i + 15] === 1; input.teleportX = v[i + 16]; input.teleportY = v[i + 17]; input.teleportZ = v[i + 18];
  return v[i + 11] === 1;
}
