/**
 * The readable game state (/debug/evaluate, breakpoint conditions, LSP completion, waitFor), declared
 * once: the tree's nodes (type, doc, owner module) are written here with literal types, and
 * `GameStateView`, the plain object the game builds on demand, is derived from the same declaration.
 * control/state-paths.ts builds its lookup tree from STATE_SPEC; control/state-view.ts must return a
 * GameStateView, so a field added on one side only does not compile.
 */
export type LeafType = 'int' | 'float' | 'string' | 'bool';

export interface LeafSpec<T extends LeafType = LeafType, N extends boolean = boolean> {
  type: T;
  doc: string;
  /** Repo-relative path of the module that owns the value; inherited from the parent when absent. */
  owner?: string;
  /** The value may also be null (scene.current while nothing is loaded). */
  nullable?: N;
}

export interface ObjectSpec<C extends Record<string, NodeSpec> = Record<string, NodeSpec>> {
  type: 'object';
  doc: string;
  owner?: string;
  children: C;
}

export type NodeSpec = LeafSpec | ObjectSpec;

interface LeafValues { int: number; float: number; string: string; bool: boolean }

/** The value a spec describes: objects field by field, leaves by type (nullable adds null). */
export type ViewOf<S> = S extends ObjectSpec<infer C>
  ? { [K in keyof C]: ViewOf<C[K]> }
  : S extends LeafSpec<infer T, infer N> ? LeafValues[T] | (N extends true ? null : never) : never;

const leaf = <T extends LeafType>(type: T) => (doc: string, owner?: string): LeafSpec<T, false> => ({ type, doc, owner });
const [int, float, str, bool] = [leaf('int'), leaf('float'), leaf('string'), leaf('bool')];
const nullableStr = (doc: string): LeafSpec<'string', true> => ({ type: 'string', doc, nullable: true });
const obj = <C extends Record<string, NodeSpec>>(doc: string, children: C, owner?: string): ObjectSpec<C> => ({ type: 'object', doc, owner, children });
const vec = (doc: string, unit: string) => obj(doc, { x: float(`${doc}: x (${unit})`), y: float(`${doc}: y (${unit})`), z: float(`${doc}: z (${unit})`) });

export const STATE_SPEC = obj('Readable game state', {
  player: obj('The local player', {
    id: str('Player id'), mode: str('walking or spacecraft'), health: float('Health, 0-100'), oxygen: float('Oxygen, 0-100'),
    position: vec('Feet position', 'm'), velocity: vec('Velocity', 'm/s'), rotation: vec('Rotation', 'degrees'),
    grounded: bool('Standing on terrain'), speed: float('Speed (m/s)'), deaths: int('Deaths this session'),
  }, 'src/engine/player/player-sim.ts'),
  scene: obj('Scene manager', {
    current: nullableStr('Loaded scene path, null before the first load'), ready: bool('The player can play'),
    loading: nullableStr('Scene path being loaded, or null'),
  }, 'src/app/scenes/scene-manager.ts'),
  terrain: obj('Terrain world', {
    seed: int('World seed'), edit_count: int('Edits applied since the world was made'),
    chunks_wanted: int('Chunks the streamer wants around the player', 'src/threads/chunk-streamer.ts'),
    chunks_meshed: int('Chunks meshed and shown', 'src/threads/chunk-streamer.ts'),
  }, 'src/threads/terrain-pool.ts'),
  render: obj('Renderer counters', {
    fps: float('Frames per second'), frame: int('Rendered frame number'), draw_calls: int('Draw calls last frame'), triangles: int('Triangles last frame'),
  }, 'src/app/frame-state.ts'),
  vr: obj('WebXR session', {
    presenting: bool('An immersive session is running'),
    headset: obj('Headset pose', { position: vec('Headset position', 'm'), tracking_valid: bool('The pose is tracked') }),
  }, 'src/xr/xr-input-system.ts'),
  settings: obj('Comfort and display settings', {
    snapTurn: bool('Snap turn'), snapTurnDegrees: int('Snap turn angle (degrees)'), smoothMotion: bool('Smooth motion'),
    vignette: bool('Comfort vignette'), viewDistance: int('View distance (m)'), targetFrameRate: int('Target frame rate (Hz)'),
    foveation: float('Foveation, 0-1'), seated: bool('Seated mode'), seatedHeightOffset: float('Seated height offset (m)'),
  }, 'src/state/settings.ts'),
  debug: obj('Debug session', {
    paused: bool('The simulation is paused'), frame: int('Frame the session last saw'), session_id: nullableStr('Debug session id, or null'),
  }, 'src/control/debug-session.ts'),
});

/** The plain object evaluatePath walks, derived from STATE_SPEC. */
export type GameStateView = ViewOf<typeof STATE_SPEC>;
