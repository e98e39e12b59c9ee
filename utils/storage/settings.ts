/**
 * The user's settings: shape, defaults, validation and migration. Pure.
 * Stored in `storage.sync` (see settingsStorage.ts) so they follow her to other browsers.
 */
import * as v from 'valibot';
import { BoundarySettingsSchema, defaultBoundarySettings } from '../limits/boundarySettings';
import { DEFAULT_DAY_START_HOUR } from '../time/day';

/** 1: tracking only. 2: adds boundaries (limits, feed-free hours) and nudge frequency. */
export const SETTINGS_SCHEMA_VERSION = 2;

export const TrackingSettingsSchema = v.object({
  idleThresholdSeconds: v.pipe(
    v.number('The idle time is a number of seconds.'),
    v.integer('The idle time is a whole number of seconds.'),
    v.minValue(10, 'The idle time is between 10 seconds and 30 minutes.'),
    v.maxValue(1800, 'The idle time is between 10 seconds and 30 minutes.'),
  ),
  dayStartHour: v.pipe(
    v.number('The day starts at an hour from 0 to 23.'),
    v.integer('The day starts at a whole hour.'),
    v.minValue(0, 'The day starts at an hour from 0 to 23.'),
    v.maxValue(23, 'The day starts at an hour from 0 to 23.'),
  ),
});

/** Frequencies she can choose (the scheduler also knows a `test` preset used only by tests). */
export const NUDGE_FREQUENCY_CHOICES = ['gentle', 'balanced', 'frequent', 'off'] as const;

export const NudgeSettingsSchema = v.object({
  frequency: v.picklist(NUDGE_FREQUENCY_CHOICES, 'Reminders are gentle, balanced, frequent or off.'),
});

export const SettingsSchema = v.object({
  schemaVersion: v.literal(SETTINGS_SCHEMA_VERSION),
  tracking: TrackingSettingsSchema,
  boundaries: BoundarySettingsSchema,
  nudges: NudgeSettingsSchema,
});

export type TrackingSettings = v.InferOutput<typeof TrackingSettingsSchema>;
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  tracking: { idleThresholdSeconds: 60, dayStartHour: DEFAULT_DAY_START_HOUR },
  boundaries: defaultBoundarySettings(),
  nudges: { frequency: 'gentle' },
};

/** Upgrades from version N to N+1. */
const settingsMigrations: Record<number, (value: Record<string, unknown>) => Record<string, unknown>> = {
  1: (value) => ({
    ...value,
    schemaVersion: 2,
    boundaries: defaultBoundarySettings(),
    nudges: { frequency: 'gentle' },
  }),
};

function migrateSettings(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  let value = stored as Record<string, unknown>;
  while (typeof value.schemaVersion === 'number' && value.schemaVersion < SETTINGS_SCHEMA_VERSION) {
    const step = settingsMigrations[value.schemaVersion];
    if (!step) break;
    value = step(value);
  }
  return value;
}

export interface SettingsReadResult {
  settings: Settings;
  /** Set when the stored value could not be used: what was wrong, for a one-time notice. */
  problem?: string;
}

/** Read a stored value: absent → defaults; valid → it; anything else → defaults and why. */
export function readSettings(stored: unknown): SettingsReadResult {
  if (stored === undefined || stored === null) return { settings: structuredClone(DEFAULT_SETTINGS) };
  if (typeof stored === 'object' && 'schemaVersion' in stored) {
    const version = (stored as { schemaVersion: unknown }).schemaVersion;
    if (typeof version === 'number' && version > SETTINGS_SCHEMA_VERSION) {
      return {
        settings: structuredClone(DEFAULT_SETTINGS),
        problem: `Your settings were saved by a newer version (${version}); defaults are in use until it returns.`,
      };
    }
  }
  const result = v.safeParse(SettingsSchema, migrateSettings(stored));
  if (result.success) return { settings: result.output as Settings };
  const issue = result.issues[0];
  return {
    settings: structuredClone(DEFAULT_SETTINGS),
    problem: `Your saved settings could not be read (${issue?.message ?? 'unknown problem'}); defaults are in use.`,
  };
}

/** Validate a change before saving: the new settings, or the messages to show. */
export function validateSettings(
  candidate: unknown,
): { ok: true; settings: Settings } | { ok: false; messages: string[] } {
  const result = v.safeParse(SettingsSchema, candidate);
  if (result.success) return { ok: true, settings: result.output as Settings };
  return { ok: false, messages: [...new Set(result.issues.map((issue) => issue.message))] };
}
