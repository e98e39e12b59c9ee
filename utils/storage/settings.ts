/**
 * The user's settings: shape, defaults, validation and migration, as the `settings` record
 * kind. Pure. Stored in `storage.sync` (see items.ts and settingsStorage.ts) so they follow her
 * to other browsers. Problems are codes (SettingsProblemCode); the UI says them in words.
 */
import * as v from 'valibot';
import {
  BoundarySettingsSchema,
  defaultBoundarySettings,
  problemFields,
  type SettingsProblemCode,
  wholeNumber,
} from '../limits/boundarySettings';
import { defaultSiteSettings, SiteSettingsSchema } from '../sites/userSites';
import { DEFAULT_DAY_START_HOUR } from '../time/day';
import { type RecordKind, type RecordProblem, readRecord } from './recordKind';

/** 1: tracking only. 2: adds boundaries (limits, feed-free hours) and nudge frequency. */
export const SETTINGS_SCHEMA_VERSION = 2;

export const TrackingSettingsSchema = v.object({
  idleThresholdSeconds: wholeNumber(10, 1800, 'idleRange', 'idleWhole'),
  dayStartHour: wholeNumber(0, 23, 'dayStartRange', 'dayStartWhole'),
});

/** Frequencies she can choose (the scheduler also knows a `test` preset used only by tests). */
export const NUDGE_FREQUENCY_CHOICES = ['gentle', 'balanced', 'frequent', 'off'] as const;

export const NudgeSettingsSchema = v.object({
  frequency: v.picklist(NUDGE_FREQUENCY_CHOICES, 'frequency'),
});

export const SettingsSchema = v.object({
  schemaVersion: v.literal(SETTINGS_SCHEMA_VERSION),
  tracking: TrackingSettingsSchema,
  boundaries: BoundarySettingsSchema,
  nudges: NudgeSettingsSchema,
  /** Sites switched off and sites she added; settings saved before sites could be chosen have none. */
  sites: v.optional(SiteSettingsSchema, defaultSiteSettings),
});

export type TrackingSettings = v.InferOutput<typeof TrackingSettingsSchema>;
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  tracking: { idleThresholdSeconds: 60, dayStartHour: DEFAULT_DAY_START_HOUR },
  boundaries: defaultBoundarySettings(),
  nudges: { frequency: 'gentle' },
  sites: defaultSiteSettings(),
};

export const defaultSettings = (): Settings => structuredClone(DEFAULT_SETTINGS);

export const SettingsKind: RecordKind<Settings> = {
  name: 'settings',
  version: SETTINGS_SCHEMA_VERSION,
  schema: SettingsSchema,
  migrations: {
    1: (value) => ({ ...value, boundaries: defaultBoundarySettings(), nudges: { frequency: 'gentle' } }),
  },
};

export interface SettingsReadResult {
  settings: Settings;
  /** Set when a stored value could not be used (defaults are in use): why, for a one-time notice. */
  problem?: RecordProblem;
}

/** Read a stored value: absent → defaults; readable → it (migrated); anything else → defaults and why. */
export function readSettings(stored: unknown): SettingsReadResult {
  if (stored === undefined || stored === null) return { settings: defaultSettings() };
  const read = readRecord(SettingsKind, stored);
  return read.ok ? { settings: read.value } : { settings: defaultSettings(), problem: read.problem };
}

/** Validate a change before saving: the new settings, or the problems to show. */
export function validateSettings(
  candidate: unknown,
): { ok: true; settings: Settings } | { ok: false; codes: SettingsProblemCode[] } {
  const result = v.safeParse(SettingsSchema, candidate);
  if (result.success) return { ok: true, settings: result.output };
  return { ok: false, codes: [...new Set(problemFields(result.issues).map((field) => field.code))] };
}
