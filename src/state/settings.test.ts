import { describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import {
  DEFAULT_SETTINGS, SETTING_FIELDS, SETTING_SECTIONS, SETTINGS_STORAGE_KEY, SETTINGS_VERSION,
  createSettingsStore, formatSettingValue, sanitizeSettings, type SettingsStore,
} from './settings.ts';
import { SettingsSchema, type Settings } from '../protocol/settings.ts';

/** An in-memory StateStorage the test can read and seed directly. */
function memory(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const storage: StateStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
  return { storage, items };
}

const stored = (items: Map<string, string>) => JSON.parse(items.get(SETTINGS_STORAGE_KEY) ?? 'null');
const data = (store: SettingsStore): Settings => sanitizeSettings(store.getState());
const seed = (state: unknown, version = SETTINGS_VERSION) =>
  memory({ [SETTINGS_STORAGE_KEY]: JSON.stringify({ state, version }) });

describe('settings store', () => {
  it('starts with the defaults, which satisfy the schema', () => {
    const { storage, items } = memory();
    const store = createSettingsStore(storage);
    expect(data(store)).toEqual(DEFAULT_SETTINGS);
    expect(SettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(DEFAULT_SETTINGS).toMatchObject({ snapTurnDegrees: 30, viewDistance: 160, targetFrameRate: 72, smoothMotionRelativeTo: 'head' });
    expect(items.size).toBe(0); // nothing is written until something changes
  });

  it('persists an update as JSON under its key, with the version and without the actions', () => {
    const { storage, items } = memory();
    const store = createSettingsStore(storage);
    const result = store.getState().update({ snapTurnDegrees: 45, smoothMotion: true, viewDistance: 256 });
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, snapTurnDegrees: 45, smoothMotion: true, viewDistance: 256 } });
    const json = stored(items);
    expect(json.version).toBe(SETTINGS_VERSION);
    expect(json.state).toEqual({ ...DEFAULT_SETTINGS, snapTurnDegrees: 45, smoothMotion: true, viewDistance: 256 });
    expect(Object.keys(json.state).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('a new store reading the same storage gets the saved values', () => {
    const { storage } = memory();
    createSettingsStore(storage).getState().update({ invertY: true, mouseSensitivity: 2.5, smoothMotionRelativeTo: 'controller' });
    const again = createSettingsStore(storage);
    expect(data(again)).toEqual({ ...DEFAULT_SETTINGS, invertY: true, mouseSensitivity: 2.5, smoothMotionRelativeTo: 'controller' });
    expect(again.persist.hasHydrated()).toBe(true);
  });

  it.each([
    ['an unknown key', { snapTurnDegree: 45 }],
    ['snapTurnDegrees 31', { snapTurnDegrees: 31 }],
    ["viewDistance 'far'", { viewDistance: 'far' }],
    ['NaN', { smoothSpeed: Number.NaN }],
    ['out of range', { vignetteStrength: 1.5 }],
    ['an explicit undefined', { teleport: undefined }],
    ['a good field next to a bad one', { invertY: true, targetFrameRate: 60 }],
    ['not an object', 'fast'],
    ['null', null],
    ['an array', [true]],
  ])('rejects %s with INVALID_PARAMETER and changes nothing', (_name, patch) => {
    const { storage, items } = memory();
    const store = createSettingsStore(storage);
    store.getState().update({ seated: true });
    const before = items.get(SETTINGS_STORAGE_KEY);
    const listener = vi.fn();
    store.subscribe(listener);
    const result = store.getState().update(patch);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_PARAMETER');
      expect(result.error.message.length).toBeGreaterThan(0);
    }
    expect(data(store)).toEqual({ ...DEFAULT_SETTINGS, seated: true });
    expect(items.get(SETTINGS_STORAGE_KEY)).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  it('names the offending field in the message', () => {
    const store = createSettingsStore(memory().storage);
    const bad = store.getState().update({ snapTurnDegrees: 31 });
    expect(!bad.ok && bad.error.message).toMatch(/^snapTurnDegrees:/);
    const unknown = store.getState().update({ fov: 90 });
    expect(!unknown.ok && unknown.error.message).toMatch(/fov/);
  });

  it('corrupt stored JSON falls back to the defaults and does not throw', () => {
    const { storage } = memory({ [SETTINGS_STORAGE_KEY]: '{"state": {"teleport": fal' });
    const store = createSettingsStore(storage);
    expect(data(store)).toEqual(DEFAULT_SETTINGS);
    expect(store.getState().update({ teleport: false }).ok).toBe(true);
  });

  it('a stored object with bad fields loses only those fields', () => {
    const good = { ...DEFAULT_SETTINGS, teleport: false, viewDistance: 96, foveation: 0.5 };
    const { storage } = seed({ ...good, snapTurnDegrees: 31, smoothSpeed: 'fast', vignetteStrength: null, extra: 1 });
    const store = createSettingsStore(storage);
    expect(data(store)).toEqual({ ...good, snapTurnDegrees: 30, smoothSpeed: 3, vignetteStrength: 0.6 });
    expect(store.getState()).not.toHaveProperty('extra');
    expect(typeof store.getState().update).toBe('function');
  });

  it('stored state that is not an object, or missing fields, gives defaults', () => {
    expect(data(createSettingsStore(seed('garbage').storage))).toEqual(DEFAULT_SETTINGS);
    expect(data(createSettingsStore(seed([1, 2]).storage))).toEqual(DEFAULT_SETTINGS);
    expect(data(createSettingsStore(seed({ invertY: true }).storage))).toEqual({ ...DEFAULT_SETTINGS, invertY: true });
    // Even an action name stored under a field cannot replace the store's own action.
    const sneaky = createSettingsStore(seed({ update: 'x', reset: 1 }).storage);
    expect(typeof sneaky.getState().update).toBe('function');
  });

  it('an older version keeps its valid fields and is rewritten at the current version', () => {
    const { storage, items } = seed({ viewDistance: 192, snapTurnDegrees: 22.5, seated: true }, 0);
    const store = createSettingsStore(storage);
    expect(data(store)).toEqual({ ...DEFAULT_SETTINGS, viewDistance: 192, seated: true });
    expect(stored(items)).toEqual({ version: SETTINGS_VERSION, state: data(store) });
  });

  it('reset restores and persists the defaults', () => {
    const { storage, items } = memory();
    const store = createSettingsStore(storage);
    store.getState().update({ teleport: false, viewDistance: 96, mouseSensitivity: 0.2 });
    store.getState().reset();
    expect(data(store)).toEqual(DEFAULT_SETTINGS);
    expect(stored(items).state).toEqual(DEFAULT_SETTINGS);
    expect(data(createSettingsStore(storage))).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps working when storage throws on read and write', () => {
    const broken: StateStorage = {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => { throw new Error('SecurityError'); },
    };
    const store = createSettingsStore(broken);
    expect(data(store)).toEqual(DEFAULT_SETTINGS);
    expect(store.getState().update({ vignette: false }).ok).toBe(true);
    expect(store.getState().vignette).toBe(false);
  });
});

describe('SETTING_FIELDS', () => {
  it('lists every setting exactly once, in a known section', () => {
    const keys = SETTING_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const f of SETTING_FIELDS) expect(SETTING_SECTIONS).toContain(f.section);
  });

  it('describes exactly what the schema accepts', () => {
    for (const f of SETTING_FIELDS) {
      const accepts = (value: unknown) => SettingsSchema.shape[f.key].safeParse(value).success;
      expect(accepts(DEFAULT_SETTINGS[f.key])).toBe(true);
      if (f.kind === 'toggle') expect(typeof DEFAULT_SETTINGS[f.key]).toBe('boolean');
      if (f.kind === 'choice') {
        expect(f.choices).toContain(DEFAULT_SETTINGS[f.key]);
        for (const c of f.choices) expect(accepts(c)).toBe(true);
      }
      if (f.kind === 'range') {
        expect(accepts(f.min) && accepts(f.max)).toBe(true);
        expect(accepts(f.min - f.step) || accepts(f.max + f.step)).toBe(false);
        expect(f.step).toBeGreaterThan(0);
      }
    }
  });

  it('formats values for display', () => {
    const field = (key: string) => SETTING_FIELDS.find((f) => f.key === key)!;
    expect(formatSettingValue(field('snapTurnDegrees'), 30)).toBe('30°');
    expect(formatSettingValue(field('viewDistance'), 160)).toBe('160 m');
    expect(formatSettingValue(field('vignetteStrength'), 0.6)).toBe('0.60');
    expect(formatSettingValue(field('smoothSpeed'), 3)).toBe('3.0 m/s');
    expect(formatSettingValue(field('teleport'), true)).toBe('On');
    expect(formatSettingValue(field('smoothMotionRelativeTo'), 'head')).toBe('head');
  });
});
