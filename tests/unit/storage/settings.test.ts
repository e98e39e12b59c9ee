import { describe, expect, it } from 'vitest';
import { localSettings, syncedSettings } from '@/utils/storage/items';
import type { RecordProblem } from '@/utils/storage/recordKind';
import {
  DEFAULT_SETTINGS,
  NUDGE_FREQUENCY_CHOICES,
  readSettings,
  SettingsKind,
  validateSettings,
} from '@/utils/storage/settings';
import { settingsFromRaw, settingsInForce } from '@/utils/storage/settingsStorage';

const withTracking = (tracking: Record<string, unknown>) => ({
  ...structuredClone(DEFAULT_SETTINGS),
  tracking: { ...DEFAULT_SETTINGS.tracking, ...tracking },
});

describe('readSettings', () => {
  it('uses the defaults (60 s idle, day starts 04:00) when nothing is stored', () => {
    for (const stored of [undefined, null]) {
      const { settings, problem } = readSettings(stored);
      expect(problem).toBeUndefined();
      expect(settings.tracking).toEqual({ idleThresholdSeconds: 60, dayStartHour: 4 });
      expect(settings.boundaries.dailyLimitMinutes).toBeNull();
      expect(settings.nudges.frequency).toBe('gentle');
    }
  });

  it('migrates version 1 (tracking only) and keeps what she chose', () => {
    const { settings, problem } = readSettings({
      schemaVersion: 1,
      tracking: { idleThresholdSeconds: 90, dayStartHour: 5 },
    });
    expect(problem).toBeUndefined();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, tracking: { idleThresholdSeconds: 90, dayStartHour: 5 } });
  });

  it('a version 1 record that was broken stays refused after the migration, with where', () => {
    expect(readSettings({ schemaVersion: 1, tracking: { idleThresholdSeconds: 2, dayStartHour: 5 } })).toEqual({
      settings: DEFAULT_SETTINGS,
      problem: { code: 'invalid', path: 'tracking.idleThresholdSeconds' },
    });
  });

  it('reads an absurd limit as a problem, and says it is the limit', () => {
    const stored = {
      ...structuredClone(DEFAULT_SETTINGS),
      boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 99999 },
    };
    expect(readSettings(stored).problem).toEqual({ code: 'invalid', path: 'boundaries.dailyLimitMinutes' });
  });

  it('returns stored settings that are valid', () => {
    const stored = withTracking({ idleThresholdSeconds: 120, dayStartHour: 0 });
    expect(readSettings(stored)).toEqual({ settings: stored });
  });

  it.each<[string, unknown, RecordProblem]>([
    ['a string', 'nonsense', { code: 'not-a-record' }],
    ['a list', [DEFAULT_SETTINGS], { code: 'not-a-record' }],
    ['no version', { tracking: DEFAULT_SETTINGS.tracking }, { code: 'no-version' }],
    [
      'an absurd idle time',
      withTracking({ idleThresholdSeconds: -5 }),
      { code: 'invalid', path: 'tracking.idleThresholdSeconds' },
    ],
    ['a day start of 25', withTracking({ dayStartHour: 25 }), { code: 'invalid', path: 'tracking.dayStartHour' }],
    ['a newer version', { schemaVersion: 7 }, { code: 'newer-version', version: 7 }],
    [
      'an unknown reminder frequency',
      { ...structuredClone(DEFAULT_SETTINGS), nudges: { frequency: 'test' } },
      { code: 'invalid', path: 'nudges.frequency' },
    ],
  ])('falls back to defaults and says why for %s', (_label, stored, problem) => {
    expect(readSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, problem });
  });

  it('never hands out the shared defaults object', () => {
    const result = readSettings(undefined);
    result.settings.tracking.dayStartHour = 9;
    expect(DEFAULT_SETTINGS.tracking.dayStartHour).toBe(4);
    const migrated = readSettings({ schemaVersion: 1, tracking: { idleThresholdSeconds: 90, dayStartHour: 5 } });
    migrated.settings.boundaries.feedFreeWindows.push({ id: 'a', start: '19:00', end: '20:00', days: [1], label: '' });
    expect(DEFAULT_SETTINGS.boundaries.feedFreeWindows).toEqual([]);
  });

  it('the defaults are a current, readable record', () => {
    expect(readSettings(structuredClone(DEFAULT_SETTINGS))).toEqual({ settings: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS.schemaVersion).toBe(SettingsKind.version);
  });
});

describe('validateSettings', () => {
  it.each([
    [withTracking({ idleThresholdSeconds: 9 }), ['idleRange']],
    [withTracking({ idleThresholdSeconds: 1801 }), ['idleRange']],
    [withTracking({ idleThresholdSeconds: 30.5 }), ['idleWhole']],
    [withTracking({ dayStartHour: 'four' }), ['dayStartRange']],
    [withTracking({ dayStartHour: 4.5 }), ['dayStartWhole']],
    [withTracking({ idleThresholdSeconds: 9, dayStartHour: 24 }), ['idleRange', 'dayStartRange']],
    [{ ...structuredClone(DEFAULT_SETTINGS), nudges: { frequency: 'test' } }, ['frequency']],
    [{ ...structuredClone(DEFAULT_SETTINGS), tracking: 'default' }, ['shape']],
    [
      { ...structuredClone(DEFAULT_SETTINGS), boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 0 } },
      ['limitRange'],
    ],
  ])('says what is wrong, as codes %#', (candidate, codes) => {
    expect(validateSettings(candidate)).toEqual({ ok: false, codes });
  });

  it('names each code once, however often it occurs', () => {
    const candidate = {
      ...structuredClone(DEFAULT_SETTINGS),
      boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 0, siteLimits: { instagram: 0 } },
    };
    expect(validateSettings(candidate)).toEqual({ ok: false, codes: ['limitRange'] });
  });

  it('accepts the edges of each range', () => {
    expect(validateSettings(withTracking({ idleThresholdSeconds: 10, dayStartHour: 23 })).ok).toBe(true);
    expect(validateSettings(withTracking({ idleThresholdSeconds: 1800, dayStartHour: 0 })).ok).toBe(true);
  });

  it.each(NUDGE_FREQUENCY_CHOICES)('accepts every frequency she can choose (%s)', (frequency) => {
    expect(validateSettings({ ...structuredClone(DEFAULT_SETTINGS), nudges: { frequency } }).ok).toBe(true);
  });
});

describe('which stored copy is in force', () => {
  const synced = withTracking({ dayStartHour: 1 });
  const local = withTracking({ dayStartHour: 2 });

  it.each<[string, unknown, unknown, unknown, 'sync' | 'local']>([
    ['the synced copy, normally', synced, local, undefined, 'sync'],
    ['the local copy after a save that could only go there', synced, local, true, 'local'],
    ['the synced copy once the local flag is cleared', synced, local, false, 'sync'],
    ['the local copy when sync has none', undefined, local, undefined, 'local'],
    ['the local copy when sync holds null', null, local, undefined, 'local'],
    ['the synced copy when the flag is unreadable', synced, local, 'yes', 'sync'],
  ])('%s', (_label, syncRaw, localRaw, localWins, expected) => {
    const inForce = settingsInForce(syncRaw, localRaw, localWins);
    expect(inForce).toEqual(
      expected === 'sync' ? { raw: syncRaw, from: syncedSettings } : { raw: localRaw, from: localSettings },
    );
  });

  it('reads the copy in force, and says why when it cannot', () => {
    expect(settingsFromRaw(synced, local, undefined)).toEqual({ raw: synced, from: syncedSettings, settings: synced });
    expect(settingsFromRaw('broken', local, undefined)).toEqual({
      raw: 'broken',
      from: syncedSettings,
      settings: DEFAULT_SETTINGS,
      problem: { code: 'not-a-record' },
    });
    expect(settingsFromRaw(undefined, undefined, undefined)).toEqual({
      raw: undefined,
      from: localSettings,
      settings: DEFAULT_SETTINGS,
    });
  });
});
