import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type BoundarySettings,
  clockToMinutes,
  DEFAULT_BOUNDARY_SETTINGS,
  defaultBoundarySettings,
  type FeedFreeWindow,
  minutesToClock,
  normalizeWindows,
  type SettingsProblemCode,
  SUGGESTED_DAILY_LIMIT_MINUTES,
  SUGGESTED_SITE_LIMIT_MINUTES,
  validateBoundarySettings,
  windowLengthMinutes,
} from '@/utils/limits/boundarySettings';
import { decideBoundary, grantExtension } from '@/utils/limits/decide';
import { freshDayState } from '@/utils/limits/stateRecords';
import type { BuiltInSiteId } from '@/utils/sites/types';

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

function codesFor(candidate: unknown): SettingsProblemCode[] {
  const result = validateBoundarySettings(candidate);
  return result.ok ? [] : result.codes;
}

describe('defaults', () => {
  const saturday = (h: number, mi = 0, sec = 0) => new Date(2026, 10, 21, h, mi, sec).getTime();
  const decideWithDefaults = (usedMinutes: number, patch: Partial<BoundarySettings> = {}) =>
    decideBoundary({
      now: saturday(15),
      site: 'instagram',
      settings: { ...DEFAULT_BOUNDARY_SETTINGS, ...patch },
      usage: { todayMsBySite: { instagram: usedMinutes * 60_000 } },
      dayState: null,
      dayStartHour: 4,
    });

  it('set no limit and no feed-free time: she chooses them, nothing holds her on day one', () => {
    expect(decideWithDefaults(24 * 60)).toEqual({ kind: 'ok' });
  });

  it('warn at 80% of a limit she sets', () => {
    expect(decideWithDefaults(23.9, { dailyLimitMinutes: 30 })).toMatchObject({ kind: 'ok' });
    expect(decideWithDefaults(24, { dailyLimitMinutes: 30 })).toMatchObject({ kind: 'warning' });
  });

  it('give 5 more minutes, twice a day, after a 10-second pause', () => {
    const today = freshDayState('2026-11-21');
    const pauseStartedAt = saturday(15);
    expect(grantExtension(today, DEFAULT_BOUNDARY_SETTINGS, saturday(15, 0, 9), { pauseStartedAt })).toMatchObject({
      ok: false,
      reason: { code: 'pause-not-over' },
    });
    const first = grantExtension(today, DEFAULT_BOUNDARY_SETTINGS, saturday(15, 0, 10), { pauseStartedAt });
    expect(first).toMatchObject({ ok: true, state: { extraMsGranted: 5 * 60_000 } });
    if (!first.ok) throw new Error('expected a grant');
    const second = grantExtension(first.state, DEFAULT_BOUNDARY_SETTINGS, saturday(15, 1));
    expect(second).toMatchObject({ ok: true, state: { extraMsGranted: 10 * 60_000 } });
    if (!second.ok) throw new Error('expected a grant');
    expect(grantExtension(second.state, DEFAULT_BOUNDARY_SETTINGS, saturday(15, 2))).toMatchObject({ ok: false });
  });

  it('suggest limits she can accept as they are', () => {
    expect(
      validateBoundarySettings({
        ...DEFAULT_BOUNDARY_SETTINGS,
        dailyLimitMinutes: SUGGESTED_DAILY_LIMIT_MINUTES,
        siteLimits: { instagram: SUGGESTED_SITE_LIMIT_MINUTES },
      }).ok,
    ).toBe(true);
    expect(SUGGESTED_SITE_LIMIT_MINUTES).toBeLessThan(SUGGESTED_DAILY_LIMIT_MINUTES);
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

describe('validateBoundarySettings: absurd inputs get a specific problem code', () => {
  it.each<[string, Record<string, unknown>, SettingsProblemCode[]]>([
    ['a negative daily limit', { dailyLimitMinutes: -5 }, ['limitRange']],
    ['a daily limit of 0', { dailyLimitMinutes: 0 }, ['limitRange']],
    ['a daily limit of 100000', { dailyLimitMinutes: 100_000 }, ['limitRange']],
    ['a daily limit of NaN', { dailyLimitMinutes: Number.NaN }, ['limitRange']],
    ['an infinite daily limit', { dailyLimitMinutes: Number.POSITIVE_INFINITY }, ['limitRange']],
    ['a daily limit as a string', { dailyLimitMinutes: '30' }, ['limitRange']],
    ['a fractional daily limit', { dailyLimitMinutes: 12.5 }, ['limitWhole']],
    ['a site limit of 0', { siteLimits: { instagram: 0 } }, ['limitRange']],
    ['a site limit of 100000', { siteLimits: { tiktok: 100_000 } }, ['limitRange']],
    ['a site limit as a string', { siteLimits: { x: 'ten' } }, ['limitRange']],
    ['a limit for an unknown site', { siteLimits: { myspace: 10 } }, ['unknownSite']],
    ['a warning at 40%', { warningPercent: 40 }, ['warningPercent']],
    ['a warning at 100%', { warningPercent: 100 }, ['warningPercent']],
    ['0 extra minutes', { extraMinutes: 0 }, ['extraMinutes']],
    ['45 extra minutes', { extraMinutes: 45 }, ['extraMinutes']],
    ['-1 extensions a day', { extensionsPerDay: -1 }, ['extensionsPerDay']],
    ['11 extensions a day', { extensionsPerDay: 11 }, ['extensionsPerDay']],
    ['a 5-second pause', { pauseSeconds: 5 }, ['pauseSeconds']],
    ['a 2-minute pause', { pauseSeconds: 120 }, ['pauseSeconds']],
    ['a pause of NaN', { pauseSeconds: Number.NaN }, ['pauseSeconds']],
    ['feed-free times that are not a list', { feedFreeWindows: 'evenings' }, ['windows']],
  ])('%s', (_label, patch, codes) => {
    expect(codesFor(withSettings(patch))).toEqual(codes);
  });

  it.each<[string, Record<string, unknown>, SettingsProblemCode[]]>([
    ['a start of 25:00', { start: '25:00' }, ['time']],
    ['an end of 19:60', { end: '19:60' }, ['time']],
    ['a time without a leading zero', { start: '7:00' }, ['time']],
    ['a time as a number', { start: 1900 }, ['time']],
    ['the same start and end', { start: '19:00', end: '19:00' }, ['sameStartEnd']],
    ['missing days', { days: undefined }, ['noDays']],
    ['no days', { days: [] }, ['noDays']],
    ['day 7', { days: [7] }, ['dayNumber']],
    ['day -1', { days: [-1] }, ['dayNumber']],
    ['a day as a string', { days: ['monday'] }, ['dayNumber']],
    ['a label of 61 characters', { label: 'a'.repeat(61) }, ['label']],
    ['an empty id', { id: '' }, ['windowId']],
  ])('a feed-free time with %s', (_label, patch, codes) => {
    expect(codesFor(withWindow(patch))).toEqual(codes);
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
      codes: ['limitRange', 'noDays', 'sameStartEnd'],
      fields: [
        { path: 'dailyLimitMinutes', code: 'limitRange' },
        { path: 'feedFreeWindows.1.days', code: 'noDays' },
        { path: 'feedFreeWindows.1.end', code: 'sameStartEnd' },
      ],
    });
  });

  it('allows 12 feed-free times but not 13', () => {
    const windows = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        win(`w${index}`, `${String(index).padStart(2, '0')}:00`, '23:30', [MON]),
      );
    expect(validateBoundarySettings(withSettings({ feedFreeWindows: windows(12) })).ok).toBe(true);
    expect(codesFor(withSettings({ feedFreeWindows: windows(13) }))).toEqual(['tooManyWindows']);
  });

  it('refuses two feed-free times with the same id', () => {
    const windows = [win('same', '19:00', '20:00', [MON]), win('same', '07:00', '08:00', [TUE])];
    expect(codesFor(withSettings({ feedFreeWindows: windows }))).toEqual(['duplicateId']);
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
    expectTypeOf<BoundarySettings['siteLimits']>().toEqualTypeOf<Partial<Record<BuiltInSiteId, number>>>();
  });

  it.each<[string, unknown]>([
    ['a string', 'no limits'],
    ['null', null],
    ['a list', [DEFAULT_BOUNDARY_SETTINGS]],
  ])('calls a wrong form at the top (%s) a shape problem', (_label, candidate) => {
    expect(codesFor(candidate)).toEqual(['shape']);
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
