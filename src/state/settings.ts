import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type PersistStorage, type StateStorage } from 'zustand/middleware';
import { fail, ok, type Result } from '../protocol/errors.ts';
import {
  FRAME_RATES, RELATIVE_TO, SETTING_RANGES, SNAP_TURN_DEGREES, SettingsPatchSchema as PatchSchema, SettingsSchema, VIEW_DISTANCES, type SettingKey, type Settings,
} from '../protocol/settings.ts';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  teleport: true, snapTurn: true, snapTurnDegrees: 30, smoothMotion: false, smoothMotionRelativeTo: 'head',
  smoothSpeed: 3, vignette: true, vignetteStrength: 0.6, seated: false, seatedHeightOffset: 0.45,
  snapVertical: true, viewDistance: 160, targetFrameRate: 72, foveation: 1, mouseSensitivity: 1, invertY: false,
});
const KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

export type SettingSection = 'Comfort' | 'Display' | 'Controls';
interface FieldBase { key: SettingKey; label: string; section: SettingSection; unit?: string }
export type SettingField =
  | (FieldBase & { kind: 'toggle' })
  | (FieldBase & { kind: 'choice'; choices: readonly (number | string)[] })
  | (FieldBase & { kind: 'range'; min: number; max: number; step: number });

const toggle = (key: SettingKey, label: string, section: SettingSection): SettingField =>
  ({ key, label, section, kind: 'toggle' });
const choice = (key: SettingKey, label: string, section: SettingSection, choices: readonly (number | string)[], unit?: string): SettingField =>
  ({ key, label, section, kind: 'choice', choices, unit });
const slider = (key: keyof typeof SETTING_RANGES, label: string, section: SettingSection): SettingField =>
  ({ key, label, section, kind: 'range', ...SETTING_RANGES[key] });

/** Every setting once, in display order: the DOM panel and the in-VR panel both render from this. */
export const SETTING_FIELDS: readonly SettingField[] = [
  toggle('teleport', 'Teleport', 'Comfort'),
  toggle('snapTurn', 'Snap turn', 'Comfort'),
  choice('snapTurnDegrees', 'Snap turn angle', 'Comfort', SNAP_TURN_DEGREES, '°'),
  toggle('smoothMotion', 'Smooth motion', 'Comfort'),
  choice('smoothMotionRelativeTo', 'Move relative to', 'Comfort', RELATIVE_TO),
  slider('smoothSpeed', 'Smooth speed', 'Comfort'),
  toggle('vignette', 'Comfort vignette', 'Comfort'),
  slider('vignetteStrength', 'Vignette strength', 'Comfort'),
  toggle('seated', 'Seated mode', 'Comfort'),
  slider('seatedHeightOffset', 'Seated height offset', 'Comfort'),
  toggle('snapVertical', 'Snap vertical motion', 'Comfort'),
  choice('viewDistance', 'View distance', 'Display', VIEW_DISTANCES, 'm'),
  choice('targetFrameRate', 'Target frame rate (VR)', 'Display', FRAME_RATES, 'Hz'),
  slider('foveation', 'Foveation (VR)', 'Display'),
  slider('mouseSensitivity', 'Mouse sensitivity', 'Controls'),
  toggle('invertY', 'Invert mouse Y', 'Controls'),
];
export const SETTING_SECTIONS: readonly SettingSection[] = ['Comfort', 'Display', 'Controls'];

/** A value as a panel shows it: "30°", "160 m", "0.60", "On". */
export function formatSettingValue(field: SettingField, value: boolean | number | string): string {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  const text = typeof value === 'number' && field.kind === 'range' && field.step < 1
    ? value.toFixed(field.step < 0.1 ? 2 : 1) : String(value);
  return field.unit ? `${text}${field.unit === '°' ? '' : ' '}${field.unit}` : text;
}

/** The next value one step along (dir ±1): toggles flip, choices cycle, ranges move by their step. */
export function stepSettingValue(field: SettingField, value: boolean | number | string, dir: 1 | -1): boolean | number | string {
  if (field.kind === 'toggle') return !value;
  if (field.kind === 'choice') {
    const i = field.choices.indexOf(value as number | string);
    return field.choices[(i + dir + field.choices.length) % field.choices.length];
  }
  const next = Math.round(((value as number) + dir * field.step) / field.step) * field.step;
  return Math.min(field.max, Math.max(field.min, Number(next.toFixed(4))));
}

/** Whatever came from storage, field by field: a bad or missing field takes its default, the rest survive. */
export function sanitizeSettings(stored: unknown): Settings {
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const parsed = SettingsSchema.shape[key].safeParse(source[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}

export interface SettingsActions {
  /** Validates the whole patch first; on any error nothing changes. */
  update(patch: unknown): Result<Settings>;
  reset(): void;
}
export type SettingsState = Settings & SettingsActions;

/**
 * The data fields of the store's state, without its actions, in the defaults' key order. The store
 * only ever holds checked values (update validates, loading sanitises), so they are copied as they are.
 */
export function settingsValues(state: SettingsState): Settings {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) out[key] = state[key];
  return out as Settings;
}

const memoryStorage = (): StateStorage => {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
};

/**
 * localStorage can be missing (Node, some sandboxed iframes), hold corrupt JSON, or refuse writes
 * (quota, private mode). None of that may break the game: reads that throw count as "nothing stored"
 * and failed writes keep the settings for this session only.
 */
function guardedStorage(storage: StateStorage | undefined): PersistStorage<Settings> {
  const json = createJSONStorage<Settings>(() => storage ?? localStorage) ?? createJSONStorage<Settings>(memoryStorage)!;
  return {
    getItem: (name) => {
      try {
        const value = json.getItem(name);
        return value && 'then' in value ? Promise.resolve(value).catch(() => null) : value;
      } catch {
        return null;
      }
    },
    setItem: (name, value) => {
      try { json.setItem(name, value); } catch { /* keep the in-memory value */ }
    },
    removeItem: (name) => {
      try { json.removeItem(name); } catch { /* nothing to undo */ }
    },
  };
}

export const SETTINGS_STORAGE_KEY = 'spacetime.settings';
export const SETTINGS_VERSION = 1;

export const createSettingsStore = (storage?: StateStorage) =>
  createStore<SettingsState>()(
    persist(
      (set, get) => ({
        ...DEFAULT_SETTINGS,
        update: (patch) => {
          const parsed = PatchSchema.safeParse(patch);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return fail('INVALID_PARAMETER', `${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
          }
          set(parsed.data);
          return ok(settingsValues(get()));
        },
        reset: () => set({ ...DEFAULT_SETTINGS }),
      }),
      {
        name: SETTINGS_STORAGE_KEY,
        version: SETTINGS_VERSION,
        storage: guardedStorage(storage),
        partialize: settingsValues,
        // Older versions keep every field that is still valid; merge then checks the current version's too.
        migrate: (stored) => sanitizeSettings(stored),
        merge: (stored, current) => ({ ...current, ...sanitizeSettings(stored) }),
      },
    ),
  );

export type SettingsStore = ReturnType<typeof createSettingsStore>;
