import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, InstancedMesh, Matrix4, MeshBasicMaterial, SphereGeometry, Vector3, type Mesh } from 'three';
import type { Game } from '../app/game.ts';
import type { TerrainBatch } from '../scene/terrain-batch.ts';
import { emptyHit } from '../scene/terrain-raycast.ts';
import { StickGestures } from './stick-gestures.ts';
import { ARC_MAX_POINTS, createTeleportArc, traceTeleportArc, type SegmentCast } from './teleport-arc.ts';
import { ComfortVignette } from './ComfortVignette.tsx';
import { headOffset } from './head-pivot.ts';
import { DEG } from '../engine/player/angles.ts';
import { WALK_SPEED } from '../protocol/player.ts';

const DEADZONE = 0.15;
const pose = new Matrix4();
const dot = new Matrix4();
const before = { x: 0, z: 0 };
const after = { x: 0, z: 0 };
const VALID = new Color('#6cf08a');
/** Arc steps are about 0.45 m long; four beads each keep the gaps small. */
const BEADS_PER_STEP = 4;
const INVALID = new Color('#ff6b5a');
const from = new Vector3();
const dir = new Vector3();
const dz = (v: number) => (Math.abs(v) < DEADZONE ? 0 : v);
/** World yaw of a pose's −z axis (0 looks toward −z, positive turns left, like the player's yaw). */
const yawOf = (m: Matrix4) => Math.atan2(m.elements[8], m.elements[10]);

/**
 * VR locomotion and flight, from the controllers every frame:
 *  - walking: right stick forward aims a teleport arc, release jumps there; right stick sideways
 *    snap-turns; the left stick moves smoothly when that setting is on (head- or controller-relative),
 *    with the comfort vignette closing in while moving;
 *  - flying: left stick thrusts and strafes, right stick turns, and climbs (snap vertical) or pitches;
 *    left grip boosts;
 *  - A boards or leaves the spacecraft.
 */
export function XrLocomotion({ game, batch }: { game: Game; batch: TerrainBatch }) {
  const gestures = useMemo(() => new StickGestures(), []);
  const arc = useMemo(() => createTeleportArc(emptyHit()), []);
  const cast = useMemo<SegmentCast>(() => (x, y, z, dx, dy, dzz, len, out) => batch.raycaster.cast(x, y, z, dx, dy, dzz, len, out), [batch]);
  const vignette = useRef(0);
  const primaryHeld = useRef(false);
  const marker = useRef<Mesh>(null);
  // The arc is a row of small beads: WebGL lines are one pixel wide, too thin to see in a headset.
  const beads = useMemo(() => {
    const m = new InstancedMesh(new SphereGeometry(0.025, 8, 6), new MeshBasicMaterial({ color: VALID, transparent: true, opacity: 0.9, depthTest: false }), ARC_MAX_POINTS * BEADS_PER_STEP);
    m.frustumCulled = false;
    m.renderOrder = 20;
    m.visible = false;
    return m;
  }, []);

  useFrame((state, delta) => {
    // Held by the debugger or a replay: no turning, teleporting or boarding either.
    const presenting = state.gl.xr.isPresenting && !!game.xrOrigin && game.playing() && !game.simHeld;
    beads.visible = false;
    if (marker.current) marker.current.visible = false;
    if (!presenting) {
      gestures.cancel();
      game.teleportAiming = false;
      vignette.current = Math.max(0, vignette.current - delta * 4);
      return;
    }
    const xr = game.xrInput!;
    const input = game.input;
    const settings = game.settings.getState();
    const s = game.player.state;
    const left = xr.left, right = xr.right;
    if (right.primary && !primaryHeld.current) game.toggleBoarding();
    primaryHeld.current = right.primary;
    const leftX = game.wristSettingsOpen ? 0 : dz(left.stickX), leftY = game.wristSettingsOpen ? 0 : dz(left.stickY);
    const rightX = dz(right.stickX), rightY = dz(right.stickY);
    input.moveX = 0; input.moveY = 0; input.moveZ = 0; input.turnYaw = 0; input.turnPitch = 0; input.roll = 0;
    input.boost = left.grip > 0.5;
    let moving = 0;
    if (s.mode === 'spacecraft') {
      gestures.cancel();
      game.teleportAiming = false;
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
        // Turn about the head: the body shifts by the change of the head's offset, so the view spins
        // in place even when the player has stepped away from the centre of the room.
        const rc = game.recenter;
        headOffset(s.yaw - rc.yawRad, xr.head.elements[12], xr.head.elements[14], rc, before);
        s.yaw += (gesture === 'turn-left' ? 1 : -1) * settings.snapTurnDegrees * DEG;
        headOffset(s.yaw - rc.yawRad, xr.head.elements[12], xr.head.elements[14], rc, after);
        s.x += before.x - after.x;
        s.z += before.z - after.z;
      }
      game.teleportAiming = gestures.aiming || gesture === 'aim-release';
      if (right.present && (gestures.aiming || gesture === 'aim-release')) {
        pose.copy(right.ray).premultiply(game.xrOrigin!.matrixWorld);
        from.setFromMatrixPosition(pose);
        dir.set(-pose.elements[8], -pose.elements[9], -pose.elements[10]).normalize();
        traceTeleportArc(from.x, from.y, from.z, dir.x, dir.y, dir.z, cast, arc);
        const target = game.teleportTarget;
        target.valid = arc.valid;
        target.x = arc.hit.x; target.y = arc.hit.y; target.z = arc.hit.z;
        if (gesture === 'aim-release') {
          if (arc.valid) {
            // The head, not the room's centre, lands on the marker.
            headOffset(s.yaw - game.recenter.yawRad, xr.head.elements[12], xr.head.elements[14], game.recenter, before);
            const landed = game.player.teleport({ x: arc.hit.x - before.x, y: arc.hit.y, z: arc.hit.z - before.z });
            if (!landed.ok) game.player.teleport({ x: arc.hit.x, y: arc.hit.y, z: arc.hit.z });
          }
        } else {
          // Beads along each arc segment, close enough to read as one line.
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
          const m = marker.current;
          if (m && arc.hit.hit) {
            m.visible = true;
            m.position.set(arc.hit.x, arc.hit.y + 0.03, arc.hit.z);
          }
        }
      }
      if (settings.smoothMotion && (leftX !== 0 || leftY !== 0)) {
        const ref = settings.smoothMotionRelativeTo === 'controller' && left.present ? left.ray : xr.head;
        pose.copy(ref).premultiply(game.xrOrigin!.matrixWorld);
        input.headYaw = yawOf(pose);
        input.moveX = leftX * (settings.smoothSpeed / WALK_SPEED);
        input.moveZ = -leftY * (settings.smoothSpeed / WALK_SPEED);
        moving = Math.min(1, Math.sqrt(leftX * leftX + leftY * leftY));
      } else input.headYaw = NaN;
    }
    const target = settings.vignette ? moving * settings.vignetteStrength : 0;
    // Eases in and out so the edge never pops.
    vignette.current += (target - vignette.current) * Math.min(1, delta * 8);
  });

  return (
    <>
      <primitive object={beads} />
      <mesh ref={marker} rotation={[-Math.PI / 2, 0, 0]} visible={false} renderOrder={21}>
        <ringGeometry args={[0.25, 0.35, 32]} />
        <meshBasicMaterial color="#6cf08a" transparent opacity={0.9} depthTest={false} />
      </mesh>
      <ComfortVignette strength={vignette} />
    </>
  );
}
