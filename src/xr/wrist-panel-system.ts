import { CanvasTexture, Matrix4, SRGBColorSpace, type Mesh, type Object3D } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { Readout } from '../app/readout.ts';
import type { SettingsStore } from '../state/settings.ts';
import { SETTING_FIELDS, formatSettingValue } from '../state/settings.ts';
import { drawWristPanel, PANEL_H, PANEL_W, type WristData } from './wrist-panel-draw.ts';
import type { WristMenuSystem } from './wrist-menu-system.ts';
import type { XrFrameInput } from './xr-frame-input.ts';
import type { BaseStore } from '../net/base-replica.ts';
import type { GameStore } from '../state/game-store.ts';
import { STRUCTURE_TYPE_LIST, STRUCTURE_TYPES } from '../engine/base/structure-types.ts';
import { countItem, inventoryWeight } from '../engine/inventory/inventory.ts';
import { ITEMS, MAX_WEIGHT_KG, isItemId, type ItemId } from '../engine/items.ts';
import type { WristBuild, WristInventory } from './wrist-pages-draw.ts';
import type { WristCreature } from './wrist-creature-page.ts';

const REDRAW_MS = 200;
/** The panel floats just above the back of the left wrist, tilted toward the eyes. */
const OFFSET = new Matrix4().makeRotationX(-0.9).setPosition(0, 0.06, 0.12);
const pose = new Matrix4();

export interface WristPanelSystem extends System {
  readonly texture: CanvasTexture;
  /** The panel mesh (set by the WristPanel component's ref). */
  attach(mesh: Mesh | null): void;
  dispose(): void;
}

export interface WristPanelDeps {
  xr: Readonly<XrFrameInput>;
  menu: WristMenuSystem;
  origin(): Object3D | null;
  settings: SettingsStore;
  readout(): Readout;
  /** The shared world's inventory and the build mode, for the inventory and build pages. */
  base?: BaseStore;
  store?: GameStore;
  /** The creature page's contents, given its selected row. */
  creature?: (selected: number) => WristCreature;
}

/** The inventory page's lines (slow: only drawn while that page is open, five times a second). */
function inventoryPage(base: BaseStore | undefined): WristInventory {
  const inv = base?.getState().inventory ?? null;
  if (!inv) return { slots: null, weightKg: 0, maxKg: MAX_WEIGHT_KG };
  const slots = inv.slots.flatMap((s) => (s && isItemId(s.item_id) ? [{ name: ITEMS[s.item_id].name, quantity: s.quantity }] : []));
  return { slots, weightKg: inventoryWeight(inv), maxKg: MAX_WEIGHT_KG };
}

function buildPage(base: BaseStore | undefined, store: GameStore | undefined, selected: number): WristBuild {
  const inv = base?.getState().inventory ?? null;
  const rows = STRUCTURE_TYPE_LIST.map((t) => {
    const lines = (Object.entries(t.cost) as Array<[ItemId, number]>).map(([item, need]) => ({ item, need, have: inv ? countItem(inv, item) : 0 }));
    return {
      name: t.name,
      cost: lines.map((l) => `${ITEMS[l.item].name.toLowerCase()} ${l.have}/${l.need}`).join(', '),
      affordable: !!inv && lines.every((l) => l.have >= l.need),
    };
  });
  const placing = store?.getState().build.type ?? null;
  return { rows, selected, placing: placing ? STRUCTURE_TYPES[placing].name : null };
}

/**
 * The VR wrist panel on the left controller: health, oxygen, mode, speed and altitude, or the
 * settings page. A canvas texture redrawn five times a second (and at once on a menu change), not
 * every frame. Runs after the XR rig, so it sits on this frame's wrist.
 */
export function createWristPanelSystem(deps: WristPanelDeps): WristPanelSystem {
  const canvas = document.createElement('canvas');
  canvas.width = PANEL_W;
  canvas.height = PANEL_H;
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  const data: WristData = {
    health: 100, oxygen: 100, mode: 'walking', speed: 0, altitude: null, page: null, settingsRow: null, settings: [],
    inventory: { slots: null, weightKg: 0, maxKg: MAX_WEIGHT_KG }, build: { rows: [], selected: 0, placing: null },
    creature: { title: null, detail: '', selected: 0, note: null },
  };
  let mesh: Mesh | null = null;
  let lastDraw = -Infinity;
  let drawnRevision = -1;
  return {
    name: 'wrist-panel',
    texture,
    attach: (m) => void (mesh = m),
    dispose: () => texture.dispose(),
    update(frame: FrameContext) {
      const m = mesh;
      const left = deps.xr.left;
      const origin = deps.origin();
      if (!m) return;
      m.visible = frame.presenting && left.present && !!origin;
      if (!m.visible) return;
      pose.copy(left.ray).premultiply(origin!.matrixWorld).multiply(OFFSET);
      pose.decompose(m.position, m.quaternion, m.scale);
      const menu = deps.menu;
      if (menu.revision === drawnRevision && frame.nowMs - lastDraw < REDRAW_MS) return;
      lastDraw = frame.nowMs;
      drawnRevision = menu.revision;
      const r = deps.readout();
      data.health = r.health; data.oxygen = r.oxygen; data.mode = r.mode; data.speed = r.speed; data.altitude = r.altitude;
      data.page = menu.page;
      data.settingsRow = menu.row;
      if (menu.page === 'inventory') data.inventory = inventoryPage(deps.base);
      if (menu.page === 'build') data.build = buildPage(deps.base, deps.store, menu.buildRow);
      if (menu.page === 'creature' && deps.creature) data.creature = deps.creature(menu.creatureRow);
      if (menu.row !== null) {
        const settings = deps.settings.getState();
        data.settings = SETTING_FIELDS.map((f) => ({ label: f.label, value: formatSettingValue(f, settings[f.key]) }));
      }
      drawWristPanel(canvas.getContext('2d')!, data);
      texture.needsUpdate = true;
    },
  };
}
