import { useId, useState } from 'react';
import { useStore } from 'zustand';
import {
  SETTING_FIELDS, SETTING_SECTIONS, formatSettingValue, type SettingField, type SettingsStore,
} from '../state/settings.ts';
import './settings.css';

type Change = (field: SettingField, value: unknown) => void;

/** Desktop settings: one control per SETTING_FIELDS entry, grouped by section. The parent opens and closes it. */
export function SettingsPanel({ settings, onClose }: { settings: SettingsStore; onClose(): void }) {
  const [error, setError] = useState<string | null>(null);
  const change: Change = (field, value) => {
    const result = settings.getState().update({ [field.key]: value });
    setError(result.ok ? null : result.error.message);
  };
  const reset = () => {
    settings.getState().reset();
    setError(null);
  };

  return (
    <div className="settings" data-testid="settings" role="dialog" aria-label="Settings">
      <h2>Settings</h2>
      {SETTING_SECTIONS.map((section) => (
        <fieldset key={section}>
          <legend>{section}</legend>
          {SETTING_FIELDS.filter((f) => f.section === section).map((field) => (
            <SettingControl key={field.key} settings={settings} field={field} onChange={change} />
          ))}
        </fieldset>
      ))}
      {error && <p className="settings-error" role="alert">{error}</p>}
      <div className="settings-buttons">
        <button data-testid="settings-reset" onClick={reset}>Reset to defaults</button>
        <button data-testid="settings-close" onClick={onClose}>Close</button>
      </div>
    </div>
  );
}

// One subscription per field, so moving a slider re-renders that row only.
function SettingControl({ settings, field, onChange }: { settings: SettingsStore; field: SettingField; onChange: Change }) {
  const value = useStore(settings, (s) => s[field.key]);
  const id = useId();
  const testId = `setting-${field.key}`;

  if (field.kind === 'toggle') {
    return (
      <div className="settings-row">
        <label htmlFor={id}>{field.label}</label>
        <input id={id} type="checkbox" data-testid={testId} checked={value === true}
          onChange={(e) => onChange(field, e.target.checked)} />
      </div>
    );
  }
  if (field.kind === 'choice') {
    return (
      <div className="settings-row">
        <label htmlFor={id}>{field.label}</label>
        <select id={id} data-testid={testId} value={String(value)}
          // Option values are strings; map back to the choice itself so numbers stay numbers.
          onChange={(e) => onChange(field, field.choices.find((c) => String(c) === e.target.value))}>
          {field.choices.map((c) => (
            <option key={String(c)} value={String(c)}>{formatSettingValue(field, c)}</option>
          ))}
        </select>
      </div>
    );
  }
  // Round to the step's decimals: 0.2 + 0.1 steps must not store 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(field.step)));
  return (
    <div className="settings-row">
      <label htmlFor={id}>{field.label}</label>
      <span className="settings-range">
        <input id={id} type="range" data-testid={testId} min={field.min} max={field.max} step={field.step}
          value={Number(value)} onChange={(e) => onChange(field, Number(Number(e.target.value).toFixed(decimals)))} />
        <output htmlFor={id}>{formatSettingValue(field, value)}</output>
      </span>
    </div>
  );
}
