import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, validateSettings } from '@/utils/storage/settings';

const withTracking = (tracking: Record<string, unknown>) => ({
  ...structuredClone(DEFAULT_SETTINGS),
  tracking: { ...DEFAULT_SETTINGS.tracking, ...tracking },
});

describe('readSettings', () => {
  it('uses the defaults (60 s idle, day starts 04:00) when nothing is stored', () => {
    const { settings, problem } = readSettings(undefined);
    expect(problem).toBeUndefined();
    expect(settings.tracking).toEqual({ idleThresholdSeconds: 60, dayStartHour: 4 });
    expect(settings.boundaries.dailyLimitMinutes).toBeNull();
    expect(settings.nudges.frequency).toBe('gentle');
  });

  it('migrates version 1 (tracking only) and keeps what she chose', () => {
    const { settings, problem } = readSettings({
      schemaVersion: 1,
      tracking: { idleThresholdSeconds: 90, dayStartHour: 5 },
    });
    expect(problem).toBeUndefined();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, tracking: { idleThresholdSeconds: 90, dayStartHour: 5 } });
  });

  it('reads an absurd limit as a problem, with the limit message', () => {
    const stored = {
      ...structuredClone(DEFAULT_SETTINGS),
      boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 99999 },
    };
    expect(readSettings(stored).problem).toContain('1,440 minutes');
  });

  it('returns stored settings that are valid', () => {
    const stored = withTracking({ idleThresholdSeconds: 120, dayStartHour: 0 });
    expect(readSettings(stored)).toEqual({ settings: stored });
  });

  it.each([
    ['a string', 'nonsense', 'could not be read'],
    ['an absurd idle time', withTracking({ idleThresholdSeconds: -5 }), 'between 10 seconds and 30 minutes'],
    ['a day start of 25', withTracking({ dayStartHour: 25 }), 'an hour from 0 to 23'],
    ['a newer version', { schemaVersion: 7 }, 'saved by a newer version (7)'],
    [
      'an unknown reminder frequency',
      { ...structuredClone(DEFAULT_SETTINGS), nudges: { frequency: 'test' } },
      'gentle, balanced',
    ],
  ])('falls back to defaults and says why for %s', (_label, stored, fragment) => {
    const result = readSettings(stored);
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problem).toContain(fragment);
  });

  it('never hands out the shared defaults object', () => {
    const result = readSettings(undefined);
    result.settings.tracking.dayStartHour = 9;
    expect(DEFAULT_SETTINGS.tracking.dayStartHour).toBe(4);
  });
});

describe('validateSettings', () => {
  it.each([
    [withTracking({ idleThresholdSeconds: 9 }), ['The idle time is between 10 seconds and 30 minutes.']],
    [withTracking({ idleThresholdSeconds: 30.5 }), ['The idle time is a whole number of seconds.']],
    [withTracking({ dayStartHour: 'four' }), ['The day starts at an hour from 0 to 23.']],
  ])('explains what is wrong %#', (candidate, messages) => {
    expect(validateSettings(candidate)).toEqual({ ok: false, messages });
  });

  it('accepts the edges of each range', () => {
    expect(validateSettings(withTracking({ idleThresholdSeconds: 10, dayStartHour: 23 })).ok).toBe(true);
    expect(validateSettings(withTracking({ idleThresholdSeconds: 1800, dayStartHour: 0 })).ok).toBe(true);
  });
});
