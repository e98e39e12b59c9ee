import { describe, expect, it } from 'vitest';
import {
  type BoundarySettings,
  clockToMinutes,
  DEFAULT_BOUNDARY_SETTINGS,
  defaultBoundarySettings,
  type FeedFreeWindow,
  BOUNDARY_MESSAGES as M,
  minutesToClock,
  normalizeWindows,
  SUGGESTED_DAILY_LIMIT_MINUTES,
  validateBoundarySettings,
  windowLengthMinutes,
} from '@/utils/limits/boundarySettings';

const SUN = 0;
const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;
const SAT = 6;
const WEEKDAYS = [MON, TUE, WED, THU, FRI];
const EVERY_DAY = [SUN, MON, TUE, WED, THU, FRI, SAT];

const win = (id: string, start: string, end: string, days: number[], label = ''): FeedFreeWindow => ({
  id,
  start,
  end,
  days,
  label,
});

const withSettings = (patch: Record<string, unknown>) => ({ ...DEFAULT_BOUNDARY_SETTINGS, ...patch });
const withWindow = (patch: Record<string, unknown>) =>
  withSettings({ feedFreeWindows: [{ ...win('w1', '19:00', '20:00', [MON]), ...patch }] });

function messagesFor(candidate: unknown): string[] {
  const result = validateBoundarySettings(candidate);
  return result.ok ? [] : result.messages;
}

describe('defaults', () => {
  it('start with no limit (she chooses one; 30 min is only suggested) and gentle extra-time rules', () => {
    expect(DEFAULT_BOUNDARY_SETTINGS).toEqual({
      dailyLimitMinutes: null,
      siteLimits: {},
      feedFreeWindows: [],
      warningPercent: 80,
      extraMinutes: 5,
      extensionsPerDay: 2,
      pauseSeconds: 10,
    });
    expect(SUGGESTED_DAILY_LIMIT_MINUTES).toBe(30);
  });

  it('are themselves valid', () => {
    expect(validateBoundarySettings(DEFAULT_BOUNDARY_SETTINGS)).toEqual({
      ok: true,
      settings: DEFAULT_BOUNDARY_SETTINGS,
    });
  });

  it('are handed out as a copy', () => {
    const copy = defaultBoundarySettings();
    copy.feedFreeWindows.push(win('x', '19:00', '20:00', [MON]));
    expect(DEFAULT_BOUNDARY_SETTINGS.feedFreeWindows).toEqual([]);
  });
});

describe('validateBoundarySettings: absurd inputs get a specific, friendly message', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a negative daily limit', { dailyLimitMinutes: -5 }, [M.limitRange]],
    ['a daily limit of 0', { dailyLimitMinutes: 0 }, [M.limitRange]],
    ['a daily limit of 100000', { dailyLimitMinutes: 100_000 }, [M.limitRange]],
    ['a daily limit of NaN', { dailyLimitMinutes: Number.NaN }, [M.limitRange]],
    ['an infinite daily limit', { dailyLimitMinutes: Number.POSITIVE_INFINITY }, [M.limitRange]],
    ['a daily limit as a string', { dailyLimitMinutes: '30' }, [M.limitRange]],
    ['a fractional daily limit', { dailyLimitMinutes: 12.5 }, [M.limitWhole]],
    ['a site limit of 0', { siteLimits: { instagram: 0 } }, [M.limitRange]],
    ['a site limit of 100000', { siteLimits: { tiktok: 100_000 } }, [M.limitRange]],
    ['a site limit as a string', { siteLimits: { x: 'ten' } }, [M.limitRange]],
    ['a limit for an unknown site', { siteLimits: { myspace: 10 } }, [M.unknownSite]],
    ['a warning at 40%', { warningPercent: 40 }, [M.warningPercent]],
    ['a warning at 100%', { warningPercent: 100 }, [M.warningPercent]],
    ['0 extra minutes', { extraMinutes: 0 }, [M.extraMinutes]],
    ['45 extra minutes', { extraMinutes: 45 }, [M.extraMinutes]],
    ['-1 extensions a day', { extensionsPerDay: -1 }, [M.extensionsPerDay]],
    ['11 extensions a day', { extensionsPerDay: 11 }, [M.extensionsPerDay]],
    ['a 5-second pause', { pauseSeconds: 5 }, [M.pauseSeconds]],
    ['a 2-minute pause', { pauseSeconds: 120 }, [M.pauseSeconds]],
    ['a pause of NaN', { pauseSeconds: Number.NaN }, [M.pauseSeconds]],
    ['feed-free times that are not a list', { feedFreeWindows: 'evenings' }, [M.windows]],
  ])('%s', (_label, patch, messages) => {
    expect(messagesFor(withSettings(patch))).toEqual(messages);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a start of 25:00', { start: '25:00' }, [M.time]],
    ['an end of 19:60', { end: '19:60' }, [M.time]],
    ['a time without a leading zero', { start: '7:00' }, [M.time]],
    ['a time as a number', { start: 1900 }, [M.time]],
    ['the same start and end', { start: '19:00', end: '19:00' }, [M.sameStartEnd]],
    ['missing days', { days: undefined }, [M.noDays]],
    ['no days', { days: [] }, [M.noDays]],
    ['day 7', { days: [7] }, [M.dayNumber]],
    ['day -1', { days: [-1] }, [M.dayNumber]],
    ['a day as a string', { days: ['monday'] }, [M.dayNumber]],
    ['a label of 61 characters', { label: 'a'.repeat(61) }, [M.label]],
    ['an empty id', { id: '' }, [M.windowId]],
  ])('a feed-free time with %s', (_label, patch, messages) => {
    expect(messagesFor(withWindow(patch))).toEqual(messages);
  });

  it('says where each problem is, so the form can show it next to the field', () => {
    const result = validateBoundarySettings(
      withSettings({
        dailyLimitMinutes: 0,
        feedFreeWindows: [win('a', '19:00', '20:00', [MON]), win('b', '21:00', '21:00', [])],
      }),
    );
    expect(result).toEqual({
      ok: false,
      messages: [M.limitRange, M.noDays, M.sameStartEnd],
      fields: [
        { path: 'dailyLimitMinutes', message: M.limitRange },
        { path: 'feedFreeWindows.1.days', message: M.noDays },
        { path: 'feedFreeWindows.1.end', message: M.sameStartEnd },
      ],
    });
  });

  it('allows 12 feed-free times but not 13', () => {
    const windows = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        win(`w${index}`, `${String(index).padStart(2, '0')}:00`, '23:30', [MON]),
      );
    expect(validateBoundarySettings(withSettings({ feedFreeWindows: windows(12) })).ok).toBe(true);
    expect(messagesFor(withSettings({ feedFreeWindows: windows(13) }))).toEqual([M.tooManyWindows]);
  });

  it('refuses two feed-free times with the same id', () => {
    const windows = [win('same', '19:00', '20:00', [MON]), win('same', '07:00', '08:00', [TUE])];
    expect(messagesFor(withSettings({ feedFreeWindows: windows }))).toEqual([M.duplicateId]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['the smallest limits', { dailyLimitMinutes: 1, siteLimits: { instagram: 1 } }],
    ['the largest limits', { dailyLimitMinutes: 1440, siteLimits: { bluesky: 1440 } }],
    ['the lowest other settings', { warningPercent: 50, extraMinutes: 1, extensionsPerDay: 0, pauseSeconds: 10 }],
    ['the highest other settings', { warningPercent: 95, extraMinutes: 30, extensionsPerDay: 10, pauseSeconds: 60 }],
    ['a window across midnight', { feedFreeWindows: [win('n', '22:00', '06:30', [FRI, SAT])] }],
    ['a window of one minute', { feedFreeWindows: [win('n', '23:59', '00:00', [SUN])] }],
    ['a label of 60 emoji', { feedFreeWindows: [win('n', '19:00', '20:00', [SUN], '🌙'.repeat(60))] }],
  ])('accepts %s', (_label, patch) => {
    expect(validateBoundarySettings(withSettings(patch)).ok).toBe(true);
  });

  it('tidies days (sorted, no repeats) and trims the label', () => {
    const result = validateBoundarySettings(
      withSettings({ feedFreeWindows: [win('n', '19:00', '20:00', [SAT, MON, MON, SUN], '  Bedtime routine ')] }),
    );
    expect(result.ok && result.settings.feedFreeWindows[0]).toEqual(
      win('n', '19:00', '20:00', [SUN, MON, SAT], 'Bedtime routine'),
    );
  });

  it('drops unknown keys instead of storing them', () => {
    const result = validateBoundarySettings(withSettings({ surprise: true }));
    expect(result).toEqual({ ok: true, settings: DEFAULT_BOUNDARY_SETTINGS });
  });

  it('types site limits as a partial record of built-in sites', () => {
    const settings: BoundarySettings = { ...DEFAULT_BOUNDARY_SETTINGS, siteLimits: { instagram: 10 } };
    expect(settings.siteLimits.facebook).toBeUndefined();
  });
});

describe('clock helpers', () => {
  it.each([
    ['00:00', 0],
    ['07:05', 425],
    ['23:59', 1439],
  ])('%s is %i minutes after midnight, and back', (clock, minutes) => {
    expect(clockToMinutes(clock)).toBe(minutes);
    expect(minutesToClock(minutes)).toBe(clock);
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => clockToMinutes('24:00')).toThrow(RangeError);
  });

  it.each([
    ['19:00', '20:00', 60],
    ['22:00', '06:00', 480],
    ['23:59', '00:00', 1],
    ['00:01', '00:00', 1439],
    ['12:00', '12:00', 0],
  ])('a window %s–%s lasts %i minutes', (start, end, minutes) => {
    expect(windowLengthMinutes({ start, end })).toBe(minutes);
  });
});

describe('normalizeWindows', () => {
  it.each<[string, FeedFreeWindow[], FeedFreeWindow[], { into: string; from: string[] }[]]>([
    [
      'windows that do not touch are unchanged',
      [win('a', '07:00', '08:00', WEEKDAYS), win('b', '19:00', '20:00', WEEKDAYS), win('c', '19:00', '20:00', [SAT])],
      [win('a', '07:00', '08:00', WEEKDAYS), win('b', '19:00', '20:00', WEEKDAYS), win('c', '19:00', '20:00', [SAT])],
      [],
    ],
    [
      'overlapping windows on the same days become one',
      [win('a', '19:00', '20:00', WEEKDAYS, 'Dinner'), win('b', '19:30', '21:00', WEEKDAYS, 'Bedtime')],
      [win('a', '19:00', '21:00', WEEKDAYS, 'Dinner')],
      [{ into: 'a', from: ['b'] }],
    ],
    [
      'windows that touch end to start become one',
      [win('a', '19:00', '20:00', [MON]), win('b', '20:00', '21:00', [MON])],
      [win('a', '19:00', '21:00', [MON])],
      [{ into: 'a', from: ['b'] }],
    ],
    [
      'a window inside another is absorbed by it',
      [win('a', '18:00', '22:00', [MON, TUE]), win('b', '19:00', '20:00', [TUE])],
      [win('a', '18:00', '22:00', [MON, TUE])],
      [{ into: 'a', from: ['b'] }],
    ],
    [
      'duplicates become one',
      [win('a', '19:00', '20:00', [MON]), win('b', '19:00', '20:00', [MON])],
      [win('a', '19:00', '20:00', [MON])],
      [{ into: 'a', from: ['b'] }],
    ],
    [
      'a day shared by two windows is split off; the other days stay as they were',
      [win('a', '19:00', '20:00', WEEKDAYS), win('b', '19:30', '21:00', [MON, SAT])],
      [
        win('a', '19:00', '20:00', [TUE, WED, THU, FRI]),
        win('a+b', '19:00', '21:00', [MON]),
        win('b', '19:30', '21:00', [SAT]),
      ],
      [{ into: 'a+b', from: ['a', 'b'] }],
    ],
    [
      'a window used up entirely gives its id to the merged time',
      [win('a', '19:00', '20:00', WEEKDAYS), win('b', '19:30', '21:00', [MON])],
      [win('a', '19:00', '20:00', [TUE, WED, THU, FRI]), win('b', '19:00', '21:00', [MON])],
      [{ into: 'b', from: ['a'] }],
    ],
    [
      'windows on different days never merge',
      [win('a', '19:00', '21:00', [MON]), win('b', '19:30', '20:00', [TUE])],
      [win('a', '19:00', '21:00', [MON]), win('b', '19:30', '20:00', [TUE])],
      [],
    ],
    [
      'an across-midnight window merges with the next day’s early window',
      [win('late', '23:00', '01:00', [SAT], 'Late'), win('early', '00:30', '02:00', [SUN], 'Early')],
      [win('late', '23:00', '02:00', [SAT], 'Late')],
      [{ into: 'late', from: ['early'] }],
    ],
    [
      'an across-midnight window does not merge with the same day’s early window',
      [win('late', '23:00', '01:00', [SAT]), win('early', '00:30', '02:00', [SAT])],
      [win('late', '23:00', '01:00', [SAT]), win('early', '00:30', '02:00', [SAT])],
      [],
    ],
    [
      'Saturday night wraps to Sunday of the same week',
      [win('a', '22:00', '00:30', [SAT]), win('b', '00:00', '07:00', [SUN])],
      [win('a', '22:00', '07:00', [SAT])],
      [{ into: 'a', from: ['b'] }],
    ],
    [
      'two across-midnight windows that overlap',
      [win('a', '22:00', '06:00', EVERY_DAY), win('b', '23:00', '07:00', EVERY_DAY)],
      [win('a', '22:00', '07:00', EVERY_DAY)],
      [{ into: 'a', from: ['b'] }],
    ],
    [
      'a chain of three on one day, with the first name that is not empty',
      [
        win('a', '18:00', '19:00', [WED]),
        win('b', '18:30', '20:00', [WED], 'Dinner'),
        win('c', '20:00', '21:00', [WED]),
      ],
      [win('a', '18:00', '21:00', [WED], 'Dinner')],
      [{ into: 'a', from: ['b', 'c'] }],
    ],
    [
      'a stretch of 24 hours or more cannot be one window, so it is left alone',
      [win('night', '20:00', '08:00', [MON]), win('day', '07:00', '21:00', [TUE])],
      [win('night', '20:00', '08:00', [MON]), win('day', '07:00', '21:00', [TUE])],
      [],
    ],
  ])('%s', (_label, input, windows, merged) => {
    expect(normalizeWindows(input)).toEqual({ windows, merged });
  });

  it.each<[string, FeedFreeWindow[]]>([
    ['a split day', [win('a', '19:00', '20:00', WEEKDAYS), win('b', '19:30', '21:00', [MON, SAT])]],
    ['midnight', [win('a', '22:00', '00:30', [SAT]), win('b', '00:00', '07:00', [SUN, MON])]],
    ['a long stretch', [win('night', '20:00', '08:00', [MON]), win('day', '07:00', '21:00', [TUE])]],
  ])('is idempotent (%s)', (_label, input) => {
    const once = normalizeWindows(input);
    expect(normalizeWindows(once.windows)).toEqual({ windows: once.windows, merged: [] });
  });

  it('returns windows that pass validation', () => {
    const { windows } = normalizeWindows([
      win('a', '19:00', '20:00', WEEKDAYS),
      win('b', '19:30', '21:00', [MON, SAT]),
      win('c', '22:00', '06:00', EVERY_DAY),
      win('d', '05:00', '07:00', [SUN]),
    ]);
    expect(validateBoundarySettings(withSettings({ feedFreeWindows: windows })).ok).toBe(true);
  });
});
