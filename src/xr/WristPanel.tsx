import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { CanvasTexture, Matrix4, SRGBColorSpace, type Mesh } from 'three';
import type { Game } from '../app/game.ts';
import { SETTING_FIELDS, formatSettingValue, stepSettingValue } from '../state/settings.ts';
import { drawWristPanel, PANEL_H, PANEL_W, type WristData } from './wrist-panel-draw.ts';

const REDRAW_MS = 200;
const PUSH = 0.7;
const RELEASE = 0.3;
/** The panel floats just above the back of the left wrist, tilted toward the eyes. */
const OFFSET = new Matrix4().makeRotationX(-0.9).setPosition(0, 0.06, 0.12);
const pose = new Matrix4();

/**
 * The VR wrist panel on the left controller: health, oxygen, mode, speed and altitude; Y opens the
 * settings page, where the left stick picks a row (up/down) and changes it (left/right). It is a
 * canvas texture redrawn five times a second, not every frame.
 */
export function WristPanel({ game }: { game: Game }) {
  const mesh = useRef<Mesh>(null);
  const { canvas, texture } = useMemo(() => {
    const c = document.createElement('canvas');
    c.width = PANEL_W;
    c.height = PANEL_H;
    const t = new CanvasTexture(c);
    t.colorSpace = SRGBColorSpace;
    return { canvas: c, texture: t };
  }, []);
  const ui = useRef({ lastDraw: -Infinity, menuHeld: false, stickArmed: true, row: null as number | null });
  const data = useMemo<WristData>(() => ({ health: 100, oxygen: 100, mode: 'walking', speed: 0, altitude: null, settingsRow: null, settings: [] }), []);
  useEffect(() => () => texture.dispose(), [texture]);

  useFrame((state) => {
    const m = mesh.current;
    const left = game.xrInput!.left;
    if (!m) return;
    m.visible = state.gl.xr.isPresenting && left.present && !!game.xrOrigin;
    if (!m.visible) return;
    pose.copy(left.ray).premultiply(game.xrOrigin!.matrixWorld).multiply(OFFSET);
    pose.decompose(m.position, m.quaternion, m.scale);
    const u = ui.current;
    // Y toggles the settings page (on press, not while held).
    if (left.menu && !u.menuHeld) u.row = u.row === null ? 0 : null;
    u.menuHeld = left.menu;
    game.wristSettingsOpen = u.row !== null;
    let changed = false;
    if (u.row !== null) {
      const x = left.stickX, y = left.stickY;
      if (u.stickArmed && (Math.abs(x) > PUSH || Math.abs(y) > PUSH)) {
        u.stickArmed = false;
        changed = true;
        if (Math.abs(y) > Math.abs(x)) u.row = (u.row + (y > 0 ? 1 : -1) + SETTING_FIELDS.length) % SETTING_FIELDS.length;
        else {
          const field = SETTING_FIELDS[u.row];
          const settings = game.settings.getState();
          settings.update({ [field.key]: stepSettingValue(field, settings[field.key], x > 0 ? 1 : -1) });
        }
      } else if (Math.abs(x) < RELEASE && Math.abs(y) < RELEASE) u.stickArmed = true;
    }
    const now = performance.now();
    if (!changed && now - u.lastDraw < REDRAW_MS) return;
    u.lastDraw = now;
    const r = game.readout();
    data.health = r.health; data.oxygen = r.oxygen; data.mode = r.mode; data.speed = r.speed; data.altitude = r.altitude;
    data.settingsRow = u.row;
    if (u.row !== null) {
      const settings = game.settings.getState();
      data.settings = SETTING_FIELDS.map((f) => ({ label: f.label, value: formatSettingValue(f, settings[f.key]) }));
    }
    drawWristPanel(canvas.getContext('2d')!, data);
    texture.needsUpdate = true;
  });

  return (
    <mesh ref={mesh} visible={false} name="WristPanel" renderOrder={10}>
      <planeGeometry args={[0.16, 0.1]} />
      <meshBasicMaterial map={texture} transparent depthTest={false} toneMapped={false} />
    </mesh>
  );
}
