import { Color, InstancedMesh, Matrix4, MeshBasicMaterial, SphereGeometry, Vector3, type Mesh, type Object3D, type ShaderMaterial } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { TeleportReading } from '../app/frame-state.ts';
import type { Recenter } from '../app/recenter.ts';
import type { PlayerInput, PlayerState } from '../engine/player/player-state.ts';
import { DEG } from '../engine/player/angles.ts';
import { WALK_SPEED } from '../protocol/player.ts';
import type { SettingsStore } from '../state/settings.ts';
import type { TerrainBatch } from '../scene/terrain-batch.ts';
import { emptyHit } from '../scene/terrain-raycast.ts';
import { StickGestures } from './stick-gestures.ts';
import { ARC_MAX_POINTS, createTeleportArc, traceTeleportArc, type SegmentCast } from './teleport-arc.ts';
import type { XrFrameInput } from './xr-frame-input.ts';
import type { WristMenuSystem } from './wrist-menu-system.ts';
import { headBodyOffset } from './head-pivot.ts';

const DEADZONE = 0.15;
/** Arc steps are about 0.45 m long; four beads each keep the gaps small. */
const BEADS_PER_STEP = 4;
const VALID = new Color('#6cf08a');
const INVALID = new Color('#ff6b5a');
const pose = new Matrix4();
const dot = new Matrix4();
const from = new Vector3();
const dir = new Vector3();
const dz = (v: number) => (Math.abs(v) < DEADZONE ? 0 : v);
/** World yaw of a pose's −z axis (0 looks toward −z, positive turns left, like the player's yaw). */
const yawOf = (m: Matrix4) => Math.atan2(m.elements[8], m.elements[10]);

export interface LocomotionSystem extends System {
  /** The teleport arc, drawn as a row of small beads (WebGL lines are one pixel wide, too thin in a headset). */
  readonly beads: InstancedMesh;
  /** Comfort vignette strength, 0..1, eased in and out while moving smoothly. */
  readonly vignette: number;
  /** The landing ring and the vignette quad (set by the components' refs). */
  attachMarker(mesh: Mesh | null): void;
  attachVignette(mesh: Mesh | null): void;
}

export interface LocomotionDeps {
  xr: Readonly<XrFrameInput>;
  menu: Pick<WristMenuSystem, 'pageOpen'>;
  origin(): Object3D | null;
  batch: TerrainBatch;
  settings: SettingsStore;
  player: { readonly state: Readonly<PlayerState> };
  recenter: Readonly<Recenter>;
  /** Written here while presenting: sticks, snap turns and teleport requests for the player step. */
  input: PlayerInput;
  /** Written here: the arc's target. */
  teleport: TeleportReading;
  toggleBoarding(): void;
}

/**
 * VR locomotion and flight from the controllers, as player input:
 *  - walking: right stick forward aims a teleport arc, release asks the player step to jump there;
 *    right stick sideways asks for a snap turn; the left stick moves smoothly when that setting is
 *    on (head- or controller-relative), with the comfort vignette closing in while moving;
 *  - flying: left stick thrusts and strafes, right stick turns, and climbs (snap vertical) or
 *    pitches; left grip boosts;
 *  - A boards or leaves the spacecraft.
 * Turns and teleports pivot on the head: the input carries the head's offset from the feet.
 */
export function createLocomotionSystem(deps: LocomotionDeps): LocomotionSystem {
  const gestures = new StickGestures();
  const arc = createTeleportArc(emptyHit());
  const cast: SegmentCast = (x, y, z, dx, dy, dzz, len, out) => deps.batch.raycaster.cast(x, y, z, dx, dy, dzz, len, out);
  const beads = new InstancedMesh(new SphereGeometry(0.025, 8, 6), new MeshBasicMaterial({ color: VALID, transparent: true, opacity: 0.9, depthTest: false }), ARC_MAX_POINTS * BEADS_PER_STEP);
  beads.frustumCulled = false;
  beads.renderOrder = 20;
  beads.visible = false;
  let marker: Mesh | null = null;
  let vignetteMesh: Mesh | null = null;
  let vignette = 0;
  let primaryHeld = false;
  const { input, teleport } = deps;

  function drawArc() {
    const p = arc.points;
    let n = 0;
    for (let i = 0; i + 1 < arc.count; i++) {
      for (let k = 0; k < BEADS_PER_STEP; k++) {
        const t = k / BEADS_PER_STEP, a = i * 3, b = a + 3;
        beads.setMatrixAt(n++, dot.makeTranslation(p[a] + (p[b] - p[a]) * t, p[a + 1] + (p[b + 1] - p[a + 1]) * t, p[a + 2] + (p[b + 2] - p[a + 2]) * t));
      }
    }
    beads.count = n;
    beads.instanceMatrix.needsUpdate = true;
    (beads.material as MeshBasicMaterial).color.copy(arc.valid ? VALID : INVALID);
    beads.visible = true;
    if (marker && arc.hit.hit) {
      marker.visible = true;
      marker.position.set(arc.hit.x, arc.hit.y + 0.03, arc.hit.z);
    }
  }

  return {
    name: 'locomotion',
    beads,
    get vignette() { return vignette; },
    attachMarker: (m) => void (marker = m),
    attachVignette: (m) => void (vignetteMesh = m),
    update(frame: FrameContext) {
      steer(frame);
      if (vignetteMesh) {
        vignetteMesh.visible = vignette > 0.01;
        (vignetteMesh.material as ShaderMaterial).uniforms.strength.value = vignette;
      }
    },
  };

  function steer(frame: FrameContext) {
    const origin = deps.origin();
    // Held by the debugger or a replay: no turning, teleporting or boarding either.
    const active = frame.presenting && !!origin && frame.playing && !frame.held;
    beads.visible = false;
    if (marker) marker.visible = false;
    if (!active) {
      gestures.cancel();
      teleport.aiming = false;
      vignette = Math.max(0, vignette - frame.dt * 4);
      return;
    }
    const xr = deps.xr;
    const settings = deps.settings.getState();
    const s = deps.player.state;
    const left = xr.left, right = xr.right;
    if (right.primary && !primaryHeld) deps.toggleBoarding();
    primaryHeld = right.primary;
    const menuOpen = deps.menu.pageOpen;
    const leftX = menuOpen ? 0 : dz(left.stickX), leftY = menuOpen ? 0 : dz(left.stickY);
    const rightX = dz(right.stickX), rightY = dz(right.stickY);
    input.moveX = 0; input.moveY = 0; input.moveZ = 0; input.turnYaw = 0; input.turnPitch = 0; input.roll = 0;
    input.boost = left.grip > 0.5;
    input.snapTurn = 0;
    input.teleport = false;
    headBodyOffset(xr.head.elements[12], xr.head.elements[14], deps.recenter, input);
    let moving = 0;
    if (s.mode === 'spacecraft') {
      gestures.cancel();
      teleport.aiming = false;
      input.moveX = leftX;
      input.moveZ = -leftY;
      input.turnYaw = -rightX;
      if (settings.snapVertical) input.moveY = -rightY;
      else input.turnPitch = -rightY;
      input.headYaw = NaN;
      const ship = s.ship;
      moving = Math.min(1, Math.sqrt(ship.vx * ship.vx + ship.vy * ship.vy + ship.vz * ship.vz) / 30 + Math.abs(rightX) * 0.5);
    } else {
      const gesture = gestures.update(right.present ? right.stickX : 0, right.present ? right.stickY : 0, settings.teleport, settings.snapTurn);
      if (gesture === 'turn-left' || gesture === 'turn-right') {
        input.snapTurn = (gesture === 'turn-left' ? 1 : -1) * settings.snapTurnDegrees * DEG;
      }
      teleport.aiming = gestures.aiming || gesture === 'aim-release';
      if (right.present && teleport.aiming) {
        pose.copy(right.ray).premultiply(origin!.matrixWorld);
        from.setFromMatrixPosition(pose);
        dir.set(-pose.elements[8], -pose.elements[9], -pose.elements[10]).normalize();
        traceTeleportArc(from.x, from.y, from.z, dir.x, dir.y, dir.z, cast, arc);
        teleport.valid = arc.valid;
        teleport.x = arc.hit.x; teleport.y = arc.hit.y; teleport.z = arc.hit.z;
        if (gesture === 'aim-release') {
          if (arc.valid) {
            input.teleport = true;
            input.teleportX = arc.hit.x; input.teleportY = arc.hit.y; input.teleportZ = arc.hit.z;
          }
        } else drawArc();
      }
      if (settings.smoothMotion && (leftX !== 0 || leftY !== 0)) {
        const ref = settings.smoothMotionRelativeTo === 'controller' && left.present ? left.ray : xr.head;
        pose.copy(ref).premultiply(origin!.matrixWorld);
        input.headYaw = yawOf(pose);
        input.moveX = leftX * (settings.smoothSpeed / WALK_SPEED);
        input.moveZ = -leftY * (settings.smoothSpeed / WALK_SPEED);
        moving = Math.min(1, Math.sqrt(leftX * leftX + leftY * leftY));
      } else input.headYaw = NaN;
    }
    const target = settings.vignette ? moving * settings.vignetteStrength : 0;
    // Eases in and out so the edge never pops.
    vignette += (target - vignette) * Math.min(1, frame.dt * 8);
  }
}
