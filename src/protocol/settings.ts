/**
 * The player's settings as data: the zod schema every door checks them with, and the allowed
 * sets and ranges (each written once, used by the schema and by state/settings.ts's SETTING_FIELDS).
 * The store that holds and persists them is state/settings.ts.
 */
import { z } from 'zod';
import { WALK_SPEED } from './player.ts';

export const SNAP_TURN_DEGREES = [15, 30, 45, 60, 90] as const;
export const VIEW_DISTANCES = [96, 128, 160, 192, 256] as const;
export const FRAME_RATES = [72, 90, 120] as const;
export const RELATIVE_TO = ['head', 'controller'] as const;
export const SETTING_RANGES = {
  // Up to walking pace (the walker's 4.5 m/s); the left grip sprints beyond it.
  smoothSpeed: { min: 1, max: WALK_SPEED, step: 0.5, unit: 'm/s' },
  vignetteStrength: { min: 0, max: 1, step: 0.05 },
  seatedHeightOffset: { min: 0, max: 1, step: 0.05, unit: 'm' },
  foveation: { min: 0, max: 1, step: 0.1 },
  mouseSensitivity: { min: 0.2, max: 3, step: 0.1 },
} as const;
const range = (key: keyof typeof SETTING_RANGES) => z.number().min(SETTING_RANGES[key].min).max(SETTING_RANGES[key].max);

/** Flat on purpose: a patch names a field directly (`{ snapTurnDegrees: 45 }`), sections live in SETTING_FIELDS. */
export const SettingsSchema = z.strictObject({
  teleport: z.boolean(),
  snapTurn: z.boolean(),
  snapTurnDegrees: z.literal(SNAP_TURN_DEGREES),
  smoothMotion: z.boolean(),
  smoothMotionRelativeTo: z.enum(RELATIVE_TO),
  smoothSpeed: range('smoothSpeed'),
  vignette: z.boolean(),
  vignetteStrength: range('vignetteStrength'),
  seated: z.boolean(),
  seatedHeightOffset: range('seatedHeightOffset'),
  /** In the spacecraft the ship stays level, so vertical motion snaps too. */
  snapVertical: z.boolean(),
  viewDistance: z.literal(VIEW_DISTANCES),
  /** Applied only where XRSession.updateTargetFrameRate exists. */
  targetFrameRate: z.literal(FRAME_RATES),
  foveation: range('foveation'),
  mouseSensitivity: range('mouseSensitivity'),
  invertY: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

// Strict as well: a typo in a key must fail loudly rather than be dropped. `.partial()` would let
// `{ teleport: undefined }` through and blank the field, so an explicit undefined is refused too.
export const SettingsPatchSchema = SettingsSchema.partial().superRefine((patch, ctx) => {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'must not be undefined' });
  }
});
export type SettingsPatch = z.output<typeof SettingsPatchSchema>;
