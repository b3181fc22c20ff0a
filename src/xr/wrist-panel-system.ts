import { CanvasTexture, Matrix4, SRGBColorSpace, type Mesh, type Object3D } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { Readout } from '../app/readout.ts';
import type { SettingsStore } from '../state/settings.ts';
import { SETTING_FIELDS, formatSettingValue } from '../state/settings.ts';
import { drawWristPanel, PANEL_H, PANEL_W, type WristData } from './wrist-panel-draw.ts';
import type { WristMenuSystem } from './wrist-menu-system.ts';
import type { XrFrameInput } from './xr-frame-input.ts';

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
  const data: WristData = { health: 100, oxygen: 100, mode: 'walking', speed: 0, altitude: null, settingsRow: null, settings: [] };
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
      data.settingsRow = menu.row;
      if (menu.row !== null) {
        const settings = deps.settings.getState();
        data.settings = SETTING_FIELDS.map((f) => ({ label: f.label, value: formatSettingValue(f, settings[f.key]) }));
      }
      drawWristPanel(canvas.getContext('2d')!, data);
      texture.needsUpdate = true;
    },
  };
}
