import { describe, expect, it } from 'vitest';
import { type BoundarySettings, DEFAULT_BOUNDARY_SETTINGS, type FeedFreeWindow } from '@/utils/limits/boundarySettings';
import {
  type BoundaryDecision,
  type BoundaryRefusal,
  type BoundaryUsage,
  decideBoundary,
  grantExtension,
  markWarned,
  pauseForToday,
  pauseRefusal,
  resumeToday,
} from '@/utils/limits/decide';
import { type BoundaryDayState, dayStateFor, freshDayState } from '@/utils/limits/stateRecords';
import { useTimeZone } from '../../helpers/timeZone';

useTimeZone('Europe/Berlin');

const MINUTE = 60_000;
const DAY_START = 4;
const SAT = 6;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

const local = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();
/** Saturday 2026-11-21, 15:00 local (built per test, after the zone is set). */
const saturdayAfternoon = () => local(2026, 11, 21, 15);
const TODAY = '2026-11-21';

const settingsWith = (patch: Partial<BoundarySettings>): BoundarySettings => ({
  ...DEFAULT_BOUNDARY_SETTINGS,
  ...patch,
});
const minutes = (bySite: Record<string, number>): BoundaryUsage => ({
  todayMsBySite: Object.fromEntries(Object.entries(bySite).map(([site, value]) => [site, value * MINUTE])),
});
const state = (patch: Partial<BoundaryDayState> = {}): BoundaryDayState => ({ ...freshDayState(TODAY), ...patch });
const win = (id: string, start: string, end: string, days: number[], label = ''): FeedFreeWindow => ({
  id,
  start,
  end,
  days,
  label,
});

function decide(
  settings: BoundarySettings,
  usage: BoundaryUsage,
  dayState: BoundaryDayState | null = state(),
  site = 'instagram',
  now = saturdayAfternoon(),
): BoundaryDecision {
  return decideBoundary({ now, site, settings, usage, dayState, dayStartHour: DAY_START });
}

describe('decideBoundary: limits', () => {
  const nextDayStart = () => local(2026, 11, 22, DAY_START);

  it.each<
    [string, Partial<BoundarySettings>, Record<string, number>, BoundaryDecision | 'limit-overall' | 'limit-site']
  >([
    ['no limits: always fine, no count-down', {}, { instagram: 500 }, { kind: 'ok' }],
    ['overall 30, 10 used', { dailyLimitMinutes: 30 }, { instagram: 10 }, { kind: 'ok', minutesLeft: 20 }],
    [
      'overall 30, 24 used across sites: the 80% warning',
      { dailyLimitMinutes: 30 },
      { instagram: 14, facebook: 10 },
      { kind: 'warning', minutesLeft: 6, limitMinutes: 30, scope: 'overall', showNotice: true },
    ],
    ['overall 30, 23.9 used: not yet', { dailyLimitMinutes: 30 }, { instagram: 23.9 }, { kind: 'ok', minutesLeft: 7 }],
    ['overall 30, 30 used: the limit', { dailyLimitMinutes: 30 }, { instagram: 20, tiktok: 10 }, 'limit-overall'],
    ['overall 30, 45 used: still the limit', { dailyLimitMinutes: 30 }, { instagram: 45 }, 'limit-overall'],
    [
      'site limit 10 is stricter than overall 30',
      { dailyLimitMinutes: 30, siteLimits: { instagram: 10 } },
      { instagram: 9 },
      { kind: 'warning', minutesLeft: 1, limitMinutes: 10, scope: 'site', showNotice: true },
    ],
    [
      'overall is stricter once other sites used most of it',
      { dailyLimitMinutes: 30, siteLimits: { instagram: 20 } },
      { instagram: 5, youtube: 22 },
      { kind: 'warning', minutesLeft: 3, limitMinutes: 30, scope: 'overall', showNotice: true },
    ],
    [
      'site limit reached, overall not',
      { dailyLimitMinutes: 30, siteLimits: { instagram: 10 } },
      { instagram: 10 },
      'limit-site',
    ],
    [
      'overall reached by other sites, site limit not',
      { dailyLimitMinutes: 30, siteLimits: { instagram: 20 } },
      { instagram: 1, reddit: 29 },
      'limit-overall',
    ],
    [
      'equal time left: the site’s own limit is named',
      { dailyLimitMinutes: 10, siteLimits: { instagram: 10 } },
      { instagram: 10 },
      'limit-site',
    ],
    [
      'another site’s limit does not apply here',
      { siteLimits: { tiktok: 5 } },
      { tiktok: 50, instagram: 50 },
      { kind: 'ok' },
    ],
    [
      'a site limit alone',
      { siteLimits: { instagram: 20 } },
      { instagram: 5, tiktok: 100 },
      { kind: 'ok', minutesLeft: 15 },
    ],
    [
      'the warning point follows the setting (50%)',
      { dailyLimitMinutes: 30, warningPercent: 50 },
      { instagram: 15 },
      { kind: 'warning', minutesLeft: 15, limitMinutes: 30, scope: 'overall', showNotice: true },
    ],
    [
      'seconds round up: 29.5 used of 60 leaves 31 min',
      { dailyLimitMinutes: 60 },
      { instagram: 29.5 },
      { kind: 'ok', minutesLeft: 31 },
    ],
    [
      'under a minute left is 1, not 0',
      { dailyLimitMinutes: 30 },
      { instagram: 29.99 },
      { kind: 'warning', minutesLeft: 1, limitMinutes: 30, scope: 'overall', showNotice: true },
    ],
    [
      'corrupt usage counts as nothing',
      { dailyLimitMinutes: 30 },
      { instagram: Number.NaN, x: -50 },
      { kind: 'ok', minutesLeft: 30 },
    ],
  ])('%s', (_label, patch, used, expected) => {
    const decision = decide(settingsWith(patch), minutes(used));
    if (expected === 'limit-overall' || expected === 'limit-site') {
      expect(decision).toEqual({
        kind: 'limit',
        scope: expected === 'limit-overall' ? 'overall' : 'site',
        limitMinutes: expected === 'limit-overall' ? (patch.dailyLimitMinutes as number) : patch.siteLimits?.instagram,
        liftsAt: nextDayStart(),
        extensionsLeft: 2,
      });
    } else {
      expect(decision).toEqual(expected);
    }
  });

  it('her own (custom) sites count towards the overall limit', () => {
    expect(
      decide(settingsWith({ dailyLimitMinutes: 30 }), minutes({ 'forum.example': 30 }), state(), 'instagram'),
    ).toMatchObject({
      kind: 'limit',
      scope: 'overall',
    });
    expect(
      decide(settingsWith({ dailyLimitMinutes: 30 }), minutes({ instagram: 10 }), state(), 'forum.example'),
    ).toEqual({
      kind: 'ok',
      minutesLeft: 20,
    });
  });

  it('a site id that looks like an object key does not find a limit', () => {
    expect(
      decide(settingsWith({ siteLimits: { instagram: 5 } }), minutes({ constructor: 50 }), state(), 'constructor'),
    ).toEqual({ kind: 'ok' });
  });
});

describe('decideBoundary: warning once per site per day', () => {
  const settings = settingsWith({ dailyLimitMinutes: 30 });
  const usage = minutes({ instagram: 25 });

  it.each<[string, string[], string, boolean]>([
    ['first time on this site today', [], 'instagram', true],
    ['already shown on this site today', ['instagram'], 'instagram', false],
    ['shown on another site only', ['facebook'], 'instagram', true],
  ])('%s', (_label, warnedSites, site, showNotice) => {
    expect(decide(settings, usage, state({ warnedSites }), site)).toMatchObject({ kind: 'warning', showNotice });
  });

  it('markWarned records the site once and leaves the input alone', () => {
    const before = state();
    const once = markWarned(before, 'instagram');
    expect(once.warnedSites).toEqual(['instagram']);
    expect(markWarned(once, 'instagram')).toBe(once);
    expect(before.warnedSites).toEqual([]);
    expect(decide(settings, usage, once)).toMatchObject({ kind: 'warning', showNotice: false });
  });

  it('shows again on the next day (the state of yesterday is not reused)', () => {
    const yesterday = { ...state({ warnedSites: ['instagram'] }), day: '2026-11-20' };
    expect(decide(settings, usage, yesterday)).toMatchObject({ kind: 'warning', showNotice: true });
  });
});

describe('extra minutes at a limit', () => {
  const settings = settingsWith({ dailyLimitMinutes: 30 });

  it('adds extraMinutes to today’s allowance, for both scopes', () => {
    const granted = grantExtension(state(), settings, saturdayAfternoon());
    expect(granted).toEqual({
      ok: true,
      state: { ...state(), extensionsUsed: 1, extraMsGranted: 5 * MINUTE },
      extra: 'allowance',
    });
    if (!granted.ok) throw new Error('expected a grant');
    expect(decide(settings, minutes({ instagram: 30 }), granted.state)).toEqual({
      kind: 'warning',
      minutesLeft: 5,
      limitMinutes: 30,
      scope: 'overall',
      showNotice: true,
    });
    expect(decide(settings, minutes({ instagram: 35 }), granted.state)).toMatchObject({
      kind: 'limit',
      extensionsLeft: 1,
    });
    const siteLimited = settingsWith({ siteLimits: { instagram: 10 } });
    expect(decide(siteLimited, minutes({ instagram: 12 }), granted.state)).toMatchObject({
      kind: 'warning',
      minutesLeft: 3,
    });
  });

  it.each<[string, number, number, boolean, BoundaryRefusal | null]>([
    ['the first of two', 2, 0, true, null],
    ['the second of two', 2, 1, true, null],
    ['none left of two', 2, 2, false, { code: 'no-extra-left', perDay: 2 }],
    ['none left of one', 1, 1, false, { code: 'no-extra-left', perDay: 1 }],
    ['she chose none', 0, 0, false, { code: 'no-extra-chosen' }],
    ['a corrupt count above the cap', 3, 9, false, { code: 'no-extra-left', perDay: 3 }],
  ])('%s', (_label, perDay, used, ok, reason) => {
    const result = grantExtension(
      state({ extensionsUsed: used }),
      settingsWith({ dailyLimitMinutes: 30, extensionsPerDay: perDay }),
      saturdayAfternoon(),
    );
    expect(result.ok).toBe(ok);
    expect(result.ok ? null : result.reason).toEqual(reason);
  });

  it('the limit screen says how many are left, and none once used up', () => {
    const used = minutes({ instagram: 40 });
    expect(decide(settings, used, state({ extensionsUsed: 1, extraMsGranted: 5 * MINUTE }))).toMatchObject({
      kind: 'limit',
      extensionsLeft: 1,
    });
    expect(decide(settings, used, state({ extensionsUsed: 2, extraMsGranted: 10 * MINUTE }))).toMatchObject({
      kind: 'limit',
      extensionsLeft: 0,
    });
  });

  it.each<[string, number | undefined, number, boolean]>([
    ['no pause was started (the page handles it)', undefined, 0, true],
    ['right after the pause began', 0, 0, false],
    ['one second short', 0, 9_000, false],
    ['the pause is over', 0, 10_000, true],
    ['a pause that "began" in the future', 60_000, 10_000, false],
  ])('holds to the pause when told when it began: %s', (_label, pauseOffset, elapsed, ok) => {
    const start = saturdayAfternoon();
    const result = grantExtension(state(), settings, start + elapsed, {
      pauseStartedAt: pauseOffset === undefined ? undefined : start + pauseOffset,
    });
    expect(result.ok).toBe(ok);
  });

  it('says how long the pause has left', () => {
    const start = saturdayAfternoon();
    expect(grantExtension(state(), settings, start + 9_000, { pauseStartedAt: start })).toEqual({
      ok: false,
      reason: { code: 'pause-not-over', secondsLeft: 1 },
    });
    expect(grantExtension(state(), settings, start, { pauseStartedAt: start })).toEqual({
      ok: false,
      reason: { code: 'pause-not-over', secondsLeft: 10 },
    });
  });

  it('says first that none are left, before the pause', () => {
    const start = saturdayAfternoon();
    expect(grantExtension(state({ extensionsUsed: 2 }), settings, start, { pauseStartedAt: start })).toEqual({
      ok: false,
      reason: { code: 'no-extra-left', perDay: 2 },
    });
  });
});

describe('pauseRefusal', () => {
  it.each<[string, number, number, BoundaryRefusal | undefined]>([
    ['right after it began', 0, 10, { code: 'pause-not-over', secondsLeft: 10 }],
    ['half a second in', 500, 10, { code: 'pause-not-over', secondsLeft: 10 }],
    ['with a millisecond left: at least 1 second', 9_999, 10, { code: 'pause-not-over', secondsLeft: 1 }],
    ['exactly over', 10_000, 10, undefined],
    ['long over', 60_000, 10, undefined],
    ['a longer pause she chose', 10_000, 30, { code: 'pause-not-over', secondsLeft: 20 }],
    ['a pause that "began" in the future', -60_000, 10, { code: 'pause-not-over', secondsLeft: 70 }],
  ])('%s', (_label, elapsed, pauseSeconds, expected) => {
    const began = saturdayAfternoon();
    expect(pauseRefusal(began, pauseSeconds, began + elapsed)).toEqual(expected);
  });
});

describe('feed-free times', () => {
  const bedtime = win('bedtime', '19:00', '20:00', EVERY_DAY, 'Bedtime routine');
  const settings = settingsWith({ feedFreeWindows: [bedtime], dailyLimitMinutes: 30 });
  const evening = () => local(2026, 11, 21, 19, 15);

  it('show the screen whatever minutes are left', () => {
    expect(decide(settings, minutes({}), state(), 'instagram', evening())).toEqual({
      kind: 'feed-free',
      window: bedtime,
      liftsAt: local(2026, 11, 21, 20),
      extensionsLeft: 2,
    });
  });

  it('come before the limit screen', () => {
    expect(decide(settings, minutes({ instagram: 90 }), state(), 'instagram', evening())).toMatchObject({
      kind: 'feed-free',
    });
  });

  it('"a few more minutes" there is a few minutes of the clock (extraUntil), then the screen again', () => {
    const granted = grantExtension(state(), settings, evening());
    expect(granted).toEqual({
      ok: true,
      state: { ...state(), extensionsUsed: 1, extraUntil: evening() + 5 * MINUTE },
      extra: 'until',
    });
    if (!granted.ok) throw new Error('expected a grant');
    expect(decide(settings, minutes({ instagram: 10 }), granted.state, 'instagram', evening() + 4 * MINUTE)).toEqual({
      kind: 'ok',
      minutesLeft: 20,
      extraUntil: evening() + 5 * MINUTE,
    });
    expect(
      decide(settings, minutes({ instagram: 10 }), granted.state, 'facebook', evening() + 5 * MINUTE),
    ).toMatchObject({
      kind: 'feed-free',
      extensionsLeft: 1,
    });
  });

  it('extra minutes there are not stopped halfway by the limit', () => {
    const running = state({ extensionsUsed: 1, extraUntil: evening() + 5 * MINUTE });
    expect(decide(settings, minutes({ instagram: 31 }), running, 'instagram', evening() + MINUTE)).toEqual({
      kind: 'ok',
      minutesLeft: 0,
      extraUntil: evening() + 5 * MINUTE,
    });
    expect(decide(settings, minutes({ instagram: 31 }), running, 'instagram', evening() + 5 * MINUTE)).toMatchObject({
      kind: 'feed-free',
    });
  });

  it('the screen can be told which kind of extra time to give', () => {
    const granted = grantExtension(state(), settings, evening(), { for: 'limit' });
    expect(granted).toMatchObject({ ok: true, extra: 'allowance', state: { extraMsGranted: 5 * MINUTE } });
  });

  it('a second extension during a feed-free time adds to the running extra time', () => {
    const running = state({ extensionsUsed: 1, extraUntil: evening() + 2 * MINUTE });
    expect(grantExtension(running, settings, evening())).toMatchObject({
      ok: true,
      state: { extensionsUsed: 2, extraUntil: evening() + 7 * MINUTE },
    });
  });

  it('an across-midnight window counts on the calendar, while limits count on the usage day', () => {
    // Day starts at 04:00: Sunday 01:00 is still Saturday's usage day; the Saturday-night window is on.
    const night = win('night', '23:00', '02:00', [SAT]);
    const withNight = settingsWith({ feedFreeWindows: [night], dailyLimitMinutes: 30 });
    const sundayOne = local(2026, 11, 22, 1);
    expect(decide(withNight, minutes({}), state(), 'instagram', sundayOne)).toMatchObject({
      kind: 'feed-free',
      liftsAt: local(2026, 11, 22, 2),
    });
    // After the window, Saturday's limit still holds until the 04:00 day start.
    expect(decide(withNight, minutes({ instagram: 30 }), state(), 'instagram', local(2026, 11, 22, 3))).toEqual({
      kind: 'limit',
      scope: 'overall',
      limitMinutes: 30,
      liftsAt: local(2026, 11, 22, DAY_START),
      extensionsLeft: 2,
    });
  });
});

describe('pause for today', () => {
  const settings = settingsWith({
    dailyLimitMinutes: 30,
    feedFreeWindows: [win('all-afternoon', '12:00', '18:00', EVERY_DAY)],
  });

  it.each<[string, number]>([
    ['at a limit', 50],
    ['in a feed-free time', 0],
  ])('turns everything off %s', (_label, used) => {
    expect(decide(settings, minutes({ instagram: used }), pauseForToday(state()))).toEqual({
      kind: 'ok',
      paused: true,
    });
  });

  it('lasts until the next day start, not until midnight', () => {
    const paused = pauseForToday(state());
    const beforeDayStart = local(2026, 11, 22, 3, 59);
    expect(decide(settings, minutes({ instagram: 50 }), paused, 'instagram', beforeDayStart)).toEqual({
      kind: 'ok',
      paused: true,
    });
    const atDayStart = local(2026, 11, 22, DAY_START);
    expect(decide(settings, minutes({}), paused, 'instagram', atDayStart)).toEqual({ kind: 'ok', minutesLeft: 30 });
  });

  it('can be undone', () => {
    const resumed = resumeToday(pauseForToday(state()));
    expect(resumed.pausedForToday).toBe(false);
    expect(decide(settings, minutes({ instagram: 50 }), resumed)).toMatchObject({ kind: 'feed-free' });
  });
});

describe('dayStateFor: a new day starts fresh', () => {
  it.each<[string, string, [number, number, number, number, number], string, boolean]>([
    ['the same day', TODAY, [2026, 11, 21, 23, 0], TODAY, true],
    ['after midnight but before the day start', TODAY, [2026, 11, 22, 3, 59], TODAY, true],
    ['at the day start', TODAY, [2026, 11, 22, 4, 0], '2026-11-22', false],
    ['a state from a later day (clock set back)', '2026-11-25', [2026, 11, 21, 23, 0], TODAY, false],
  ])('%s', (_label, day, time, expectedDay, kept) => {
    const stored = state({
      day,
      extensionsUsed: 2,
      extraMsGranted: 10 * MINUTE,
      pausedForToday: true,
      warnedSites: ['x'],
    });
    const result = dayStateFor(local(...time), DAY_START, stored);
    if (kept) expect(result).toBe(stored);
    else expect(result).toEqual(freshDayState(expectedDay));
  });

  it('extra time running across the day start carries over, without using an extension of the new day', () => {
    const dayStart = local(2026, 11, 22, DAY_START);
    const stored = state({ extensionsUsed: 2, extraUntil: dayStart + 3 * MINUTE });
    expect(dayStateFor(dayStart + MINUTE, DAY_START, stored)).toEqual({
      ...freshDayState('2026-11-22'),
      extraUntil: dayStart + 3 * MINUTE,
    });
    expect(dayStateFor(dayStart + 3 * MINUTE, DAY_START, stored)).toEqual(freshDayState('2026-11-22'));
  });

  it('decideBoundary applies it: yesterday’s used-up extensions and extra minutes do not count today', () => {
    const settings = settingsWith({ dailyLimitMinutes: 30 });
    const yesterday = { ...state({ extensionsUsed: 2, extraMsGranted: 10 * MINUTE }), day: '2026-11-20' };
    expect(decide(settings, minutes({ instagram: 32 }), yesterday)).toMatchObject({ kind: 'limit', extensionsLeft: 2 });
    expect(decide(settings, minutes({ instagram: 10 }), null)).toEqual({ kind: 'ok', minutesLeft: 20 });
  });
});

describe('the rest of today feed-free (from a reflection)', () => {
  const nextDayStart = () => local(2026, 11, 22, DAY_START);

  it('is a feed-free time until her next day start, on every site, with no limit set', () => {
    const decision = decide(settingsWith({}), minutes({}), state({ feedFreeRestOfDay: true }), 'reddit');
    expect(decision).toMatchObject({ kind: 'feed-free', liftsAt: nextDayStart(), window: { label: '' } });
  });

  it('ends with the day: tomorrow’s state starts without it', () => {
    const yesterday = { ...state({ feedFreeRestOfDay: true }), day: '2026-11-20' };
    expect(decide(settingsWith({}), minutes({}), yesterday).kind).toBe('ok');
  });

  it('gives way to extra minutes she took, and to pausing for today', () => {
    const now = saturdayAfternoon();
    const extra = state({ feedFreeRestOfDay: true, extraUntil: now + 3 * MINUTE });
    expect(decide(settingsWith({}), minutes({}), extra)).toEqual({ kind: 'ok', extraUntil: now + 3 * MINUTE });
    expect(decide(settingsWith({}), minutes({}), state({ feedFreeRestOfDay: true, pausedForToday: true }))).toEqual({
      kind: 'ok',
      paused: true,
    });
  });

  it('a set feed-free time in effect keeps its name and end', () => {
    const now = saturdayAfternoon();
    const named = settingsWith({ feedFreeWindows: [win('w', '14:00', '16:00', EVERY_DAY, 'Homework')] });
    expect(decide(named, minutes({}), state({ feedFreeRestOfDay: true }), 'instagram', now)).toMatchObject({
      kind: 'feed-free',
      window: { label: 'Homework' },
    });
  });
});
