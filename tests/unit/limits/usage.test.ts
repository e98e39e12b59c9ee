import { describe, expect, it } from 'vitest';
import { type BoundarySettings, DEFAULT_BOUNDARY_SETTINGS, type FeedFreeWindow } from '@/utils/limits/boundarySettings';
import { boundaryClock } from '@/utils/limits/decide';
import { type BoundaryDayState, freshDayState } from '@/utils/limits/stateRecords';
import {
  type PageBoundaryPlan,
  type PublishedUsage,
  planPageBoundary,
  publishedForToday,
  unsentSince,
  usageSeenByPage,
} from '@/utils/limits/usage';
import { useTimeZone } from '../../helpers/timeZone';

useTimeZone('Europe/Berlin');

const S = 1000;
const MINUTE = 60 * S;
const DAY_START = 4;
const TODAY = '2026-11-21';
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
/** Saturday 2026-11-21 (or the next days) at local h:mi; built per test, once the zone is set. */
const local = (h: number, mi = 0, date = 21) => new Date(2026, 10, date, h, mi).getTime();

const settingsWith = (patch: Partial<BoundarySettings>): BoundarySettings => ({
  ...DEFAULT_BOUNDARY_SETTINGS,
  ...patch,
});
const state = (patch: Partial<BoundaryDayState> = {}): BoundaryDayState => ({ ...freshDayState(TODAY), ...patch });
const win = (id: string, start: string, end: string, label = ''): FeedFreeWindow => ({
  id,
  start,
  end,
  days: EVERY_DAY,
  label,
});
const published = (msBySite: Record<string, number>, at = local(15) - 10 * S): PublishedUsage => ({
  schemaVersion: 1,
  day: TODAY,
  todayMsBySite: msBySite,
  at,
});

describe('publishedForToday', () => {
  const now = () => local(15);

  it('takes today’s totals published up to now', () => {
    const today = published({ instagram: MINUTE });
    expect(publishedForToday(today, now(), TODAY)).toBe(today);
    const justNow = published({ instagram: MINUTE }, now());
    expect(publishedForToday(justNow, now(), TODAY)).toBe(justNow);
  });

  it.each<[string, () => PublishedUsage | null | undefined]>([
    ['nothing published', () => undefined],
    ['null', () => null],
    ['another day’s totals', () => ({ ...published({ instagram: MINUTE }), day: '2026-11-20' })],
    ['totals from the future (the clock went back)', () => published({ instagram: MINUTE }, local(15) + 1)],
  ])('counts nothing for %s', (_label, value) => {
    expect(publishedForToday(value(), now(), TODAY)).toBeUndefined();
  });
});

describe('usageSeenByPage', () => {
  it('adds the page’s unsent time to its own site only', () => {
    const totals = published({ instagram: 10 * MINUTE, x: 5 * MINUTE });
    expect(usageSeenByPage(totals, 'instagram', 40 * S)).toEqual({
      todayMsBySite: { instagram: 10 * MINUTE + 40 * S, x: 5 * MINUTE },
    });
    expect(totals.todayMsBySite).toEqual({ instagram: 10 * MINUTE, x: 5 * MINUTE });
  });

  it('starts a site not yet published', () => {
    expect(usageSeenByPage(published({ x: MINUTE }), 'reddit', 5 * S)).toEqual({
      todayMsBySite: { x: MINUTE, reddit: 5 * S },
    });
    expect(usageSeenByPage(undefined, 'reddit', 5 * S)).toEqual({ todayMsBySite: { reddit: 5 * S } });
  });

  it('never takes time away for a negative unsent time', () => {
    expect(usageSeenByPage(published({ instagram: MINUTE }), 'instagram', -30 * S)).toEqual({
      todayMsBySite: { instagram: MINUTE },
    });
  });
});

describe('unsentSince', () => {
  it('counts from when the totals were published, or from now without any', () => {
    expect(unsentSince(published({}, local(14)), local(15))).toBe(local(14));
    expect(unsentSince(undefined, local(15))).toBe(local(15));
  });
});

describe('planPageBoundary', () => {
  function plan(
    patch: Partial<BoundarySettings>,
    publishedMs: Record<string, number>,
    unsentMs: number,
    options: { dayState?: BoundaryDayState; now?: number; site?: string } = {},
  ): PageBoundaryPlan {
    const settings = settingsWith(patch);
    const now = options.now ?? local(15);
    return planPageBoundary({
      site: options.site ?? 'instagram',
      settings,
      clock: boundaryClock(now, settings, options.dayState ?? state(), DAY_START),
      published: published(publishedMs, now - 10 * S),
      unsentMs,
    });
  }

  it('counts the page’s unsent time: 30 s short of the limit with 40 s unsent is the limit', () => {
    const patch = { siteLimits: { instagram: 10 } };
    const shortOfLimit = { instagram: 10 * MINUTE - 30 * S };
    expect(plan(patch, shortOfLimit, 0).decision).toEqual({
      kind: 'warning',
      minutesLeft: 1,
      limitMinutes: 10,
      scope: 'site',
      showNotice: true,
    });
    expect(plan(patch, shortOfLimit, 40 * S).decision).toMatchObject({
      kind: 'limit',
      scope: 'site',
      limitMinutes: 10,
    });
  });

  it('counts the page’s unsent time against the overall limit too', () => {
    const patch = { dailyLimitMinutes: 30 };
    const used = { x: 20 * MINUTE, instagram: 9 * MINUTE + 40 * S };
    expect(plan(patch, used, 0).decision).toMatchObject({ kind: 'warning', scope: 'overall' });
    expect(plan(patch, used, 20 * S).decision).toMatchObject({ kind: 'limit', scope: 'overall' });
  });

  it.each<[string, Partial<BoundarySettings>, Record<string, number>, number, BoundaryDayState | undefined, number]>([
    // The site's warning point (80% of 10 min) is 2 min past the 6 min used.
    [
      'to the site’s warning point',
      { siteLimits: { instagram: 10 } },
      { instagram: 5 * MINUTE },
      MINUTE,
      undefined,
      2 * MINUTE,
    ],
    // At 9.5 min, the warning is passed; the limit is 30 s away.
    [
      'from the warning to the site’s limit',
      { siteLimits: { instagram: 10 } },
      { instagram: 9 * MINUTE },
      30 * S,
      undefined,
      30 * S,
    ],
    // Overall 30: 20 min used elsewhere, warning at 24; the site's own warning (8) is further.
    [
      'to the overall warning point, when it comes first',
      { dailyLimitMinutes: 30, siteLimits: { instagram: 10 } },
      { x: 20 * MINUTE },
      0,
      undefined,
      4 * MINUTE,
    ],
    [
      'to the site’s warning point, when it comes first',
      { dailyLimitMinutes: 30, siteLimits: { instagram: 10 } },
      { instagram: 7 * MINUTE },
      0,
      undefined,
      MINUTE,
    ],
    // 5 extra minutes taken: the limit is 15 min, 4 min past the 11 used.
    [
      'to the limit moved by extra minutes',
      { siteLimits: { instagram: 10 } },
      { instagram: 11 * MINUTE },
      0,
      { ...freshDayState(TODAY), extensionsUsed: 1, extraMsGranted: 5 * MINUTE },
      4 * MINUTE,
    ],
    [
      'to the overall limit moved by extra minutes',
      { dailyLimitMinutes: 30 },
      { x: 32 * MINUTE },
      10 * S,
      { ...freshDayState(TODAY), extensionsUsed: 1, extraMsGranted: 5 * MINUTE },
      3 * MINUTE - 10 * S,
    ],
  ])('decide again after the unsent time plus the time %s', (_label, patch, used, unsentMs, dayState, distance) => {
    expect(plan(patch, used, unsentMs, { dayState }).recheckAtUnsentMs).toBe(unsentMs + distance);
  });

  it('a warning point at another percentage follows the setting', () => {
    const patch = { dailyLimitMinutes: 30, warningPercent: 50 };
    expect(plan(patch, { instagram: 10 * MINUTE }, 0).recheckAtUnsentMs).toBe(5 * MINUTE);
  });

  it.each<
    [
      string,
      Partial<BoundarySettings>,
      Record<string, number>,
      BoundaryDayState | undefined,
      number | undefined,
      string,
    ]
  >([
    ['with no limit', {}, { instagram: 500 * MINUTE }, undefined, undefined, 'ok'],
    ['with only another site’s limit', { siteLimits: { x: 5 } }, { instagram: MINUTE }, undefined, undefined, 'ok'],
    ['at a limit', { dailyLimitMinutes: 30 }, { instagram: 30 * MINUTE }, undefined, undefined, 'limit'],
    ['past a limit', { siteLimits: { instagram: 10 } }, { instagram: 50 * MINUTE }, undefined, undefined, 'limit'],
    [
      'in a feed-free time',
      { dailyLimitMinutes: 30, feedFreeWindows: [win('bed', '19:00', '20:00')] },
      { instagram: MINUTE },
      undefined,
      19.5,
      'feed-free',
    ],
    [
      'when paused for today',
      { dailyLimitMinutes: 30 },
      { instagram: MINUTE },
      { ...freshDayState(TODAY), pausedForToday: true },
      undefined,
      'ok',
    ],
  ])('more time changes nothing %s (Infinity)', (_label, patch, used, dayState, hour, kind) => {
    const now = hour === undefined ? undefined : local(Math.floor(hour), (hour % 1) * 60);
    const result = plan(patch, used, 20 * S, { dayState, now });
    expect(result.decision.kind).toBe(kind);
    expect(result.recheckAtUnsentMs).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('boundaryClock', () => {
  const nextDayStart = () => local(DAY_START, 0, 22);

  it('holds until the next day start when nothing else is coming', () => {
    const clock = boundaryClock(local(15), settingsWith({ dailyLimitMinutes: 30 }), state(), DAY_START);
    expect(clock).toEqual({
      now: local(15),
      state: state(),
      feedFree: null,
      nextDayStart: nextDayStart(),
      validUntil: nextDayStart(),
    });
  });

  it('a stored state from another day counts as fresh', () => {
    const yesterday = { ...state({ extensionsUsed: 2 }), day: '2026-11-20' };
    expect(boundaryClock(local(15), settingsWith({}), yesterday, DAY_START).state).toEqual(state());
  });

  it.each<[string, BoundarySettings, () => BoundaryDayState, [number, number, number?], () => number]>([
    [
      'until a feed-free time starts',
      settingsWith({ feedFreeWindows: [win('bed', '19:00', '20:00')] }),
      state,
      [15, 0],
      () => local(19),
    ],
    [
      'until the feed-free time in effect ends',
      settingsWith({ feedFreeWindows: [win('bed', '19:00', '20:00')] }),
      state,
      [19, 30],
      () => local(20),
    ],
    [
      'until back-to-back feed-free times end',
      settingsWith({ feedFreeWindows: [win('a', '19:00', '20:00'), win('b', '20:00', '21:30')] }),
      state,
      [19, 30],
      () => local(21, 30),
    ],
    [
      'until a feed-free time after midnight, before the day start',
      settingsWith({ feedFreeWindows: [win('late', '00:30', '01:00')] }),
      state,
      [21, 0],
      () => local(0, 30, 22),
    ],
    [
      'until the day start, when it comes before the next feed-free time',
      settingsWith({ feedFreeWindows: [win('morning', '07:00', '08:00')] }),
      state,
      [21, 0],
      () => local(DAY_START, 0, 22),
    ],
    [
      'until extra minutes from a feed-free time run out',
      settingsWith({ feedFreeWindows: [win('bed', '19:00', '20:00')] }),
      () => state({ extensionsUsed: 1, extraUntil: local(19, 35) }),
      [19, 30],
      () => local(19, 35),
    ],
    [
      'until the feed-free time ends, when extra minutes outlast it',
      settingsWith({ feedFreeWindows: [win('bed', '19:00', '20:00')] }),
      () => state({ extensionsUsed: 1, extraUntil: local(20, 3) }),
      [19, 58],
      () => local(20),
    ],
    [
      'while paused: until the day start, whatever feed-free time comes',
      settingsWith({ feedFreeWindows: [win('bed', '19:00', '20:00')] }),
      () => state({ pausedForToday: true }),
      [15, 0],
      () => local(DAY_START, 0, 22),
    ],
  ])('holds %s', (_label, settings, dayState, at, validUntil) => {
    const clock = boundaryClock(local(...at), settings, dayState(), DAY_START);
    expect(clock.validUntil).toBe(validUntil());
    expect(clock.nextDayStart).toBe(nextDayStart());
  });

  it('says which feed-free time is in effect, and none while paused', () => {
    const bed = win('bed', '19:00', '20:00', 'Bedtime');
    const settings = settingsWith({ feedFreeWindows: [bed] });
    expect(boundaryClock(local(19, 30), settings, state(), DAY_START).feedFree).toMatchObject({
      window: bed,
      liftsAt: local(20),
    });
    expect(boundaryClock(local(19, 30), settings, state({ pausedForToday: true }), DAY_START).feedFree).toBeNull();
  });
});
