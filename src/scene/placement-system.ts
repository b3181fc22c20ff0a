/**
 * Placing structures on the desktop (issue 12's build mode): while a structure type is chosen in
 * the build menu, a ghost of it stands where the crosshair meets the ground, snapped the way the
 * relay will snap it, green where it may stand and red where not; the HUD shows why (no ground,
 * reach, slope, overlap, or what it costs that the player lacks). Left click places, R turns it,
 * right click leaves build mode. The relay decides; its refusal shows as a banner.
 *
 * The check (engine/base/placement.ts, the same rules as POST /base/place) runs only when the aim
 * point, the type, the yaw, the structures or the inventory changed, not every frame.
 */
import { Color, Mesh, MeshBasicMaterial, type BufferGeometry } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { FrameState } from '../app/frame-state.ts';
import { checkPlacement, DEFAULT_BUILD_REACH, type PlacementResult } from '../engine/base/placement.ts';
import { densityGroundProbe } from '../engine/base/ground-probe.ts';
import { STRUCTURE_TYPES, isStructureTypeId, type StructureTypeId } from '../engine/base/structure-types.ts';
import type { PlacedStructure } from '../engine/base/footprint.ts';
import { countItem } from '../engine/inventory/inventory.ts';
import { ITEMS, type ItemId } from '../engine/items.ts';
import type { CollisionField } from '../engine/player/collision-field.ts';
import type { BaseReplica, BaseState } from '../net/base-replica.ts';
import type { GameStore, PlacementVerdict } from '../state/game-store.ts';
import { STRUCTURE_GEOMETRY } from './structure-geometry.ts';
import type { XrFrameInput } from '../xr/xr-frame-input.ts';

const DEG = Math.PI / 180;
/** The aim must move this far (metres) before the spot is checked again. */
const RECHECK_DISTANCE = 0.05;
const OK_COLOUR = new Color('#5adc6a');
const BAD_COLOUR = new Color('#ff5a4a');
/** A VR trigger or grip past this counts as pressed. */
const PRESSED = 0.5;

export interface PlacementSystem extends System {
  readonly ghost: Mesh;
}

export interface PlacementDeps {
  frame: Pick<FrameState, 'aim' | 'held' | 'camera'>;
  store: GameStore;
  base: BaseReplica;
  field: CollisionField;
  /** The controllers, in VR: the aiming hand's trigger places, its grip stops. */
  xr?: Readonly<XrFrameInput>;
  refused(message: string): void;
}

/** What the type costs that the inventory lacks, as "glass 1/3, silicon 0/2", or null when it is affordable. */
export function shortfall(s: BaseState, type: StructureTypeId): string | null {
  const inv = s.inventory;
  const lines: string[] = [];
  for (const [item, need] of Object.entries(STRUCTURE_TYPES[type].cost) as Array<[ItemId, number]>) {
    const have = inv ? countItem(inv, item) : 0;
    if (have < need) lines.push(`${ITEMS[item].name.toLowerCase()} ${have}/${need}`);
  }
  return lines.length ? lines.join(', ') : null;
}

export function createPlacementSystem(deps: PlacementDeps): PlacementSystem {
  const { aim, held, camera } = deps.frame;
  const probe = densityGroundProbe((x, y, z) => deps.field.sample(x, y, z));
  const material = new MeshBasicMaterial({ color: OK_COLOUR, transparent: true, opacity: 0.45, depthWrite: false, fog: false });
  const geometries = new Map<StructureTypeId, BufferGeometry>();
  const ghost = new Mesh(undefined, material);
  ghost.name = 'PlacementGhost';
  ghost.visible = false;
  ghost.renderOrder = 10;
  let shownType: StructureTypeId | null = null;
  let existing: PlacedStructure[] = [];
  let baseChanged = true;
  let lastX = NaN, lastY = NaN, lastZ = NaN, lastYaw = NaN;
  let result: PlacementResult | null = null;
  let verdict: PlacementVerdict | null = null;
  let pending = false;
  let triggerHeld = false, gripHeld = false;

  /** This frame's presses, written by readPresses (fields, not a returned object: it runs every frame). */
  let click = false, cancel = false;

  /** Place and stop presses: mouse clicks on the desktop, the aiming hand's trigger and grip in VR. */
  function readPresses(presenting: boolean): void {
    // This system is the one reader of clicks: each is seen once, then forgotten.
    click = held.clicked.has(0);
    cancel = held.clicked.has(2);
    if (held.clicked.size) held.clicked.clear();
    if (!presenting || !deps.xr) return;
    const hand = aim.source === 'left' ? deps.xr.left : deps.xr.right;
    const trigger = hand.present && hand.trigger > PRESSED, grip = hand.present && !hand.isHand && hand.grip > PRESSED;
    click = trigger && !triggerHeld;
    cancel = grip && !gripHeld;
    triggerHeld = trigger; gripHeld = grip;
  }

  deps.base.store.subscribe((s, prev) => {
    if (s.structures !== prev.structures) {
      existing = Object.values(s.structures).filter((i) => isStructureTypeId(i.structure_type)).map((i) => ({
        type: i.structure_type as StructureTypeId, x: i.position.x, y: i.position.y, z: i.position.z, yaw: i.rotation.y,
      }));
    }
    if (s.structures !== prev.structures || s.inventory !== prev.inventory) baseChanged = true;
  });

  const show = (v: PlacementVerdict | null) => {
    if (v?.ok === verdict?.ok && v?.message === verdict?.message) return;
    verdict = v;
    deps.store.setState({ placement: v });
  };

  function check(type: StructureTypeId, yaw: number): void {
    lastX = aim.point.x; lastY = aim.point.y; lastZ = aim.point.z; lastYaw = yaw; baseChanged = false;
    result = checkPlacement({
      type, position: aim.point, yaw, reach: { from: { x: camera.x, y: camera.y, z: camera.z }, distance: DEFAULT_BUILD_REACH },
    }, probe, existing);
    const name = STRUCTURE_TYPES[type].name;
    if (!deps.base.store.getState().inventory) return show({ ok: false, message: 'Building needs a shared world: join one from the menu.' });
    if (!result.ok) return show({ ok: false, message: result.message });
    const lacking = shortfall(deps.base.store.getState(), type);
    show(lacking ? { ok: false, message: `Cannot afford a ${name.toLowerCase()}: ${lacking}.` } : { ok: true, message: `${name}: click to place (R turns it, right click stops; in VR trigger places, grip stops).` });
  }

  function place(type: StructureTypeId, yaw: number, at: { x: number; y: number; z: number }): void {
    pending = true;
    void deps.base.request('structure_place', { structure_type: type, position: { x: at.x, y: at.y, z: at.z }, rotation: { x: 0, y: yaw, z: 0 } })
      .then((ack) => { if (!ack.ok) deps.refused(ack.error.error); })
      .finally(() => { pending = false; baseChanged = true; });
  }

  return {
    name: 'placement',
    ghost,
    update(frame: FrameContext) {
      const { build } = deps.store.getState();
      const type = build.type;
      readPresses(frame.presenting);
      if (!type || !frame.playing) {
        ghost.visible = false;
        if (!type) show(null);
        return;
      }
      if (cancel) {
        deps.store.getState().setBuildType(null);
        ghost.visible = false;
        return;
      }
      if (!aim.hit) {
        ghost.visible = false;
        result = null;
        return show({ ok: false, message: 'Aim at the ground to place.' });
      }
      const dx = aim.point.x - lastX, dy = aim.point.y - lastY, dz = aim.point.z - lastZ;
      if (baseChanged || build.yaw !== lastYaw || type !== shownType || !(dx * dx + dy * dy + dz * dz < RECHECK_DISTANCE * RECHECK_DISTANCE)) check(type, build.yaw);
      if (type !== shownType) {
        let g = geometries.get(type);
        if (!g) geometries.set(type, (g = STRUCTURE_GEOMETRY[type]()));
        ghost.geometry = g;
        shownType = type;
      }
      const at = result?.position;
      ghost.visible = !!at;
      if (!at) return;
      ghost.position.set(at.x, at.y, at.z);
      ghost.rotation.set(0, build.yaw * DEG, 0);
      material.color.copy(verdict?.ok ? OK_COLOUR : BAD_COLOUR);
      if (click && verdict?.ok && !pending) place(type, build.yaw, at);
    },
  };
}
