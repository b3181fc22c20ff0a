import type { FrameContext, System } from '../app/frame-loop.ts';
import type { SettingsStore } from '../state/settings.ts';
import { SETTING_FIELDS, stepSettingValue } from '../state/settings.ts';
import type { XrFrameInput } from './xr-frame-input.ts';

const PUSH = 0.7;
const RELEASE = 0.3;

export interface WristMenuSystem extends System {
  /** The settings page's selected row; null while the page is closed. */
  readonly row: number | null;
  /** While open, the left stick drives the page, not motion. */
  readonly settingsOpen: boolean;
  /** Bumped on every change the panel must show at once. */
  readonly revision: number;
}

/**
 * The wrist panel's settings page as input: Y opens and closes it; while open the left stick picks
 * a row (up/down) and changes it (left/right). Runs before locomotion, which leaves the left stick
 * alone while the page is open, in the same frame.
 */
export function createWristMenuSystem(deps: { xr: Readonly<XrFrameInput>; settings: SettingsStore }): WristMenuSystem {
  let row: number | null = null;
  let revision = 0;
  let menuHeld = false;
  let stickArmed = true;
  return {
    name: 'wrist-menu',
    get row() { return row; },
    get settingsOpen() { return row !== null; },
    get revision() { return revision; },
    update(frame: FrameContext) {
      const left = deps.xr.left;
      if (!frame.presenting || !left.present) return;
      // Y toggles the settings page (on press, not while held).
      if (left.menu && !menuHeld) {
        row = row === null ? 0 : null;
        revision++;
      }
      menuHeld = left.menu;
      if (row === null) return;
      const x = left.stickX, y = left.stickY;
      if (stickArmed && (Math.abs(x) > PUSH || Math.abs(y) > PUSH)) {
        stickArmed = false;
        revision++;
        if (Math.abs(y) > Math.abs(x)) row = (row + (y > 0 ? 1 : -1) + SETTING_FIELDS.length) % SETTING_FIELDS.length;
        else {
          const field = SETTING_FIELDS[row];
          const settings = deps.settings.getState();
          settings.update({ [field.key]: stepSettingValue(field, settings[field.key], x > 0 ? 1 : -1) });
        }
      } else if (Math.abs(x) < RELEASE && Math.abs(y) < RELEASE) stickArmed = true;
    },
  };
}
