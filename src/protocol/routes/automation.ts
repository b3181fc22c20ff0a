/** Our test-automation routes (not in seed 000): input injection, screenshots, snapshot, record and replay. */
import { z } from 'zod';
import { defineRoute, NoBody, NoQuery, routeTable } from '../route-spec.ts';
import { InputSequenceSchema, RecordingSchema } from '../automation.ts';
import { ScenePathSchema } from '../scenes.ts';
import { SettingsPatchSchema, SettingsSchema } from '../settings.ts';
import { PositionSchema } from '../terrain.ts';
import { EmptyBody, Success, Timestamp, Vec3Out } from './common.ts';

const group = 'Test Automation';
const Snapshot = z.object({
  scene: z.string().nullable(), ready: z.boolean(),
  player: z.object({
    player_id: z.string(), mode: z.string(), position: Vec3Out, rotation: Vec3Out, velocity: Vec3Out,
    health: z.number(), oxygen: z.number(), grounded: z.boolean(), deaths: z.number(),
    ship: z.object({ position: Vec3Out, rotation: Vec3Out }),
  }),
  terrain: z.object({ seed: z.number(), edit_count: z.number(), edit_log_sha256: z.string() }),
  settings_sha256: z.string(),
});

const degrees = (name: string) => z.number(`${name} must be a number`).finite(`${name} must be finite degrees`);

export const AUTOMATION_ROUTES = routeTable({
  'GET /snapshot': defineRoute({
    method: 'GET', path: '/snapshot', group, kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'The deterministic game state (no clocks): equal before and after a rejected request, equal after a replay',
    response: Snapshot, example: {},
  }),
  'POST /input/sequence': defineRoute({
    method: 'POST', path: '/input/sequence', group, kind: 'write', statuses: [400, 503],
    query: NoQuery,
    summary: 'Play keyboard, mouse and XR input as a sequence with frame delays; answers after the last step',
    description: 'XR steps need the page opened with ?xr=emulate (503 otherwise). Keys and buttons still held at the end stay held until a later `up`.',
    body: InputSequenceSchema,
    response: z.object({ status: Success, steps: z.number(), frames: z.number(), timestamp: Timestamp }),
    example: { body: { steps: [{ type: 'key', code: 'KeyW', action: 'down' }, { type: 'wait', frames: 30 }, { type: 'key', code: 'KeyW', action: 'up' }] } },
  }),
  'GET /screenshot': defineRoute({
    method: 'GET', path: '/screenshot', group, kind: 'read', statuses: [503],
    query: NoQuery, body: NoBody,
    summary: 'The next rendered frame as a PNG (base64 in `data`)',
    response: z.object({ format: z.literal('png'), width: z.number(), height: z.number(), data: z.string(), timestamp: Timestamp }),
    example: {},
  }),
  'POST /record/start': defineRoute({
    method: 'POST', path: '/record/start', group, kind: 'write', statuses: [400, 404, 409],
    query: NoQuery,
    summary: 'Load a scene fresh (default test_arena) and record player input and write calls from its first frame',
    body: z.object({ scene_path: ScenePathSchema.optional() }).strict().optional(),
    response: z.object({ status: z.literal('recording'), scene_path: z.string(), timestamp: Timestamp }),
    example: { body: { scene_path: 'res://scenes/test_arena.tscn' } },
  }),
  'POST /record/stop': defineRoute({
    method: 'POST', path: '/record/stop', group, kind: 'write', statuses: [409],
    query: NoQuery,
    summary: 'Stop recording; answers the recording and the final snapshot',
    body: EmptyBody,
    response: z.object({ status: z.literal('stopped'), frames: z.number(), recording: z.unknown(), snapshot: Snapshot, timestamp: Timestamp }),
    example: { body: {} },
  }),
  'POST /replay': defineRoute({
    method: 'POST', path: '/replay', group, kind: 'write', statuses: [400, 404, 409],
    query: NoQuery,
    summary: 'Reload the recording\'s scene fresh and replay it frame by frame with the simulation stepped',
    description: '`matches` is true when the final snapshot equals the recorded one; `differences` lists the fields that differ.',
    body: z.object({ recording: RecordingSchema }).strict(),
    response: z.object({ status: z.literal('replayed'), frames: z.number(), matches: z.boolean(), differences: z.array(z.string()), snapshot: Snapshot, timestamp: Timestamp }),
    example: { body: { recording: { version: 1, scene_path: 'res://scenes/test_arena.tscn', dt: [0.016], inputs: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], calls: [], snapshot: {} } } },
  }),
  'POST /camera/place': defineRoute({
    method: 'POST', path: '/camera/place', group, kind: 'write', statuses: [400, 503],
    query: NoQuery,
    summary: 'Put the player in the spacecraft, hovering still at a pose (yaw 0 looks toward -z; pitch is clamped to ±89°)',
    description: 'A fixture for framing a view (`window.spacetime.camera.set`); recorded and replayed like the player routes.',
    body: z.object({ position: PositionSchema, yaw: degrees('yaw'), pitch: degrees('pitch') }).strict(),
    response: z.object({ status: Success, position: Vec3Out, timestamp: Timestamp }),
    example: { body: { position: { x: 0, y: 60, z: 0 }, yaw: 0, pitch: -20 } },
  }),
  'GET /settings': defineRoute({
    method: 'GET', path: '/settings', group: 'Settings', kind: 'read', statuses: [],
    query: NoQuery, body: NoBody,
    summary: 'The comfort, display and control settings',
    response: SettingsSchema, example: {},
  }),
  'POST /settings': defineRoute({
    method: 'POST', path: '/settings', group: 'Settings', kind: 'write', statuses: [400],
    query: NoQuery,
    summary: 'Change some settings; the whole patch is checked first, so a bad field changes nothing',
    description: 'Answers the settings after the change. The settings panel (desktop and VR wrist) writes through the same check.',
    body: SettingsPatchSchema,
    response: SettingsSchema,
    example: { body: { snapTurnDegrees: 45, vignette: false } },
  }),
});
