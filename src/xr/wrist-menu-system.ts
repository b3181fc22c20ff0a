import type { FrameContext, System } from '../app/frame-loop.ts';
import type { SettingsStore } from '../state/settings.ts';
import { SETTING_FIELDS, stepSettingValue } from '../state/settings.ts';
import { STRUCTURE_TYPE_IDS } from '../engine/base/structure-types.ts';
import type { GameStore } from '../state/game-store.ts';
import type { XrFrameInput } from './xr-frame-input.ts';
import { CREATURE_ROWS } from './wrist-creature-page.ts';

const PUSH = 0.7;
const RELEASE = 0.3;

/** The wrist panel's pages after the status page, in the order Y steps through them. */
export type WristPage = 'settings' | 'inventory' | 'build' | 'creature';
const PAGES: ReadonlyArray<WristPage | null> = [null, 'settings', 'inventory', 'build', 'creature'];

export interface WristMenuSystem extends System {
  /** The page shown (null: the status page). */
  readonly page: WristPage | null;
  /** The settings page's selected row; null while that page is closed. */
  readonly row: number | null;
  /** The build page's selected structure (index into STRUCTURE_TYPE_IDS). */
  readonly buildRow: number;
  /** The creature page's selected row (CREATURE_ROWS). */
  readonly creatureRow: number;
  /** While a page is open, the left stick drives it, not motion. */
  readonly pageOpen: boolean;
  /** Bumped on every change the panel must show at once. */
  readonly revision: number;
}

/**
 * The wrist panel's pages as input: Y steps from the status page through settings, inventory and
 * build and creature and back. On the settings page the left stick picks a row (up/down) and changes it
 * (left/right); on the build page it picks a structure (up/down), starts placing it (right: the
 * page closes so the stick walks again) or stops placing (left). Runs before locomotion, which
 * leaves the left stick alone while a page is open, in the same frame.
 */
export function createWristMenuSystem(deps: {
  xr: Readonly<XrFrameInput>; settings: SettingsStore; store?: GameStore;
  /** The creature page's right push: feed (row 0) or a command (rows 1..5) to the creature looked at. */
  creatureAct?: (row: number) => void;
}): WristMenuSystem {
  let page = 0;
  let row = 0;
  let buildRow = 0;
  let creatureRow = 0;
  let revision = 0;
  let menuHeld = false;
  let stickArmed = true;

  function stick(x: number, y: number): void {
    const vertical = Math.abs(y) > Math.abs(x), step = (v: number) => (v > 0 ? 1 : -1);
    const name = PAGES[page];
    if (name === 'settings') {
      if (vertical) row = (row + step(y) + SETTING_FIELDS.length) % SETTING_FIELDS.length;
      else {
        const field = SETTING_FIELDS[row];
        const settings = deps.settings.getState();
        settings.update({ [field.key]: stepSettingValue(field, settings[field.key], step(x)) });
      }
    } else if (name === 'build' && deps.store) {
      if (vertical) buildRow = (buildRow + step(y) + STRUCTURE_TYPE_IDS.length) % STRUCTURE_TYPE_IDS.length;
      else if (x > 0) {
        deps.store.getState().setBuildType(STRUCTURE_TYPE_IDS[buildRow]);
        page = 0;
      } else deps.store.getState().setBuildType(null);
    } else if (name === 'creature') {
      if (vertical) creatureRow = (creatureRow + step(y) + CREATURE_ROWS.length) % CREATURE_ROWS.length;
      else if (x > 0) deps.creatureAct?.(creatureRow);
    }
  }

  return {
    name: 'wrist-menu',
    get page() { return PAGES[page]; },
    get row() { return PAGES[page] === 'settings' ? row : null; },
    get buildRow() { return buildRow; },
    get creatureRow() { return creatureRow; },
    get pageOpen() { return page !== 0; },
    get revision() { return revision; },
    update(frame: FrameContext) {
      const left = deps.xr.left;
      if (!frame.presenting || !left.present) return;
      // Y steps to the next page (on press, not while held); settings opens on its first row.
      if (left.menu && !menuHeld) {
        page = (page + 1) % PAGES.length;
        if (PAGES[page] === 'settings') row = 0;
        revision++;
      }
      menuHeld = left.menu;
      if (page === 0) return;
      const x = left.stickX, y = left.stickY;
      if (stickArmed && (Math.abs(x) > PUSH || Math.abs(y) > PUSH)) {
        stickArmed = false;
        revision++;
        stick(x, y);
      } else if (Math.abs(x) < RELEASE && Math.abs(y) < RELEASE) stickArmed = true;
    },
  };
}
