import { describe, expect, it } from 'vitest';
import type { CheckIn } from '@/utils/checkins/checkIns';
import { type InsightInput, insightsFor } from '@/utils/insights/insights';
import type { DayExposureRecord } from '@/utils/mute/exposure';
import { recentDayKeys } from '@/utils/time/day';
import { useTimeZone } from '../../helpers/timeZone';

useTimeZone('Europe/Berlin');

const MIN = 60_000;
/** Friday 4 December 2026, 21:00 in Berlin. */
const NOW = Date.UTC(2026, 11, 4, 20);

const checkIn = (minutes: number, feeling: CheckIn['feeling'], i = 0): CheckIn => ({
  sessionId: `s-${minutes}-${feeling}-${i}`,
  site: 'instagram',
  start: NOW - (i + 1) * 86_400_000,
  activeMs: minutes * MIN,
  ...(feeling ? { feeling } : {}),
});
const many = (count: number, minutes: number, feeling: CheckIn['feeling'], from = 0) =>
  Array.from({ length: count }, (_, i) => checkIn(minutes, feeling, from + i));

const input = (patch: Partial<InsightInput>): InsightInput => ({
  now: NOW,
  dayStartHour: 4,
  checkIns: [],
  exposure: [],
  totals: new Map(),
  ...patch,
});

describe('how she felt after long sessions', () => {
  it.each([
    ['no check-ins', [], undefined],
    ['four long sessions, all worse: too few', many(4, 25, 'much-worse'), undefined],
    [
      'five long sessions, three worse',
      [...many(3, 25, 'bit-worse'), ...many(2, 30, 'same', 3)],
      { worse: 3, long: 5 },
    ],
    [
      'five long sessions, two worse: no pattern',
      [...many(2, 25, 'bit-worse'), ...many(3, 30, 'better', 2)],
      undefined,
    ],
    ['unanswered ones don’t count', [...many(4, 25, 'bit-worse'), ...many(3, 25, undefined, 4)], undefined],
    ['exactly 20 minutes is long', many(5, 20, 'much-worse'), { worse: 5, long: 5 }],
  ])('%s', (_name, checkIns, expected) => {
    const found = insightsFor(input({ checkIns })).find((insight) => insight.id === 'long-sessions-worse');
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(expected);
  });

  it('adds how shorter sessions mostly went, with enough of them and no tie', () => {
    const long = many(6, 25, 'bit-worse');
    const withShort = insightsFor(
      input({ checkIns: [...long, ...many(3, 10, 'same', 6), ...many(1, 5, 'better', 9)] }),
    );
    expect(withShort[0]).toEqual({
      id: 'long-sessions-worse',
      worse: 6,
      long: 6,
      shorter: { count: 4, mostly: 'same' },
    });
    const tie = insightsFor(input({ checkIns: [...long, ...many(2, 10, 'same', 6), ...many(2, 5, 'better', 8)] }));
    expect(tie[0]).not.toHaveProperty('shorter');
    const tooFew = insightsFor(input({ checkIns: [...long, ...many(2, 10, 'same', 6)] }));
    expect(tooFew[0]).not.toHaveProperty('shorter');
  });
});

describe('where comparison-trap posts came from', () => {
  const day = (date: string, accounts: [string, number][]): DayExposureRecord => ({
    schemaVersion: 1,
    day: date,
    accounts: accounts.map(([handle, trapPosts]) => ({
      site: 'instagram',
      handle,
      trapPosts,
      seconds: 1,
      lastSeen: NOW,
      themes: {},
    })),
  });

  it.each([
    ['nothing seen', [], undefined],
    ['nine posts: too few', [day('2026-12-01', [['a', 5]]), day('2026-12-02', [['b', 4]])], undefined],
    [
      'ten posts on one day: not enough days',
      [
        day('2026-12-01', [
          ['a', 8],
          ['b', 2],
        ]),
      ],
      undefined,
    ],
    [
      'most from one account',
      [
        day('2026-12-01', [
          ['a', 6],
          ['b', 1],
        ]),
        day('2026-12-02', [
          ['c', 2],
          ['d', 1],
        ]),
      ],
      { accounts: 1, posts: 10, days: 2 },
    ],
    [
      'most from two accounts',
      [
        day('2026-12-01', [
          ['a', 4],
          ['b', 3],
        ]),
        day('2026-12-02', [
          ['c', 2],
          ['d', 2],
          ['e', 1],
        ]),
      ],
      { accounts: 2, posts: 12 },
    ],
    [
      'spread over many: no claim',
      [
        day('2026-12-01', [
          ['a', 2],
          ['b', 2],
          ['c', 2],
        ]),
        day('2026-12-02', [
          ['d', 2],
          ['e', 2],
          ['f', 2],
        ]),
      ],
      undefined,
    ],
    [
      'all from two accounts that are all there are: no "most from a few"',
      [day('2026-12-01', [['a', 6]]), day('2026-12-02', [['b', 6]])],
      undefined,
    ],
  ])('%s', (_name, exposure, expected) => {
    const found = insightsFor(input({ exposure })).find((insight) => insight.id === 'few-accounts');
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(expected);
  });

  it('breaks a tie in posts by handle, so the same accounts are named every time', () => {
    const exposure = [
      day('2026-12-01', [
        ['zeta', 5],
        ['alpha', 5],
      ]),
      day('2026-12-02', [['m', 1]]),
    ];
    const found = insightsFor(input({ exposure })).find((insight) => insight.id === 'few-accounts');
    expect(found).toMatchObject({ accounts: 2, handles: [{ handle: 'alpha' }, { handle: 'zeta' }] });
    const reversed = [exposure[0] && { ...exposure[0], accounts: [...exposure[0].accounts].reverse() }, exposure[1]];
    expect(insightsFor(input({ exposure: reversed as DayExposureRecord[] }))).toEqual(insightsFor(input({ exposure })));
  });
});

describe('this week next to the week before', () => {
  const totals = (perDay: (index: number) => number | undefined, now = NOW, hour = 4) =>
    new Map(
      recentDayKeys(now, 14, hour).flatMap((day, index) => {
        const minutes = perDay(index);
        return minutes === undefined ? [] : [[day, { instagram: minutes * MIN }] as const];
      }),
    );

  it.each([
    [
      '30 → 20 minutes a day',
      (i: number) => (i < 7 ? 30 : 20),
      { minutesWeekBefore: 30, minutesThisWeek: 20, days: 14 },
    ],
    ['a change under 5 minutes', (i: number) => (i < 7 ? 30 : 27), undefined],
    [
      'days with no data are left out, not counted as zero',
      (i: number) => (i % 7 === 3 ? undefined : i < 7 ? 40 : 25),
      { minutesWeekBefore: 40, minutesThisWeek: 25, days: 12 },
    ],
    ['too few days in one week', (i: number) => (i < 7 ? 30 : i < 11 ? 10 : undefined), undefined],
  ])('%s', (_name, perDay, expected) => {
    const found = insightsFor(input({ totals: totals(perDay) })).find((insight) => insight.id === 'week-change');
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(expected);
  });

  it('counts weeks by her day start: 01:30 belongs to the day before', () => {
    // At 01:30 on Saturday with days starting at 04:00, "today" is still Friday.
    const lateNight = Date.UTC(2026, 11, 5, 0, 30);
    const map = totals((i) => (i < 7 ? 30 : 10), lateNight, 4);
    expect(insightsFor(input({ now: lateNight, totals: map })).map((insight) => insight.id)).toEqual(['week-change']);
    // Read with midnight as the day start, the same days shift by one and a week falls short.
    const shifted = insightsFor(input({ now: lateNight, dayStartHour: 0, totals: map }));
    expect(shifted.find((insight) => insight.id === 'week-change')).toMatchObject({ days: 13 });
  });
});

describe('hiding', () => {
  it('leaves out the insights she hid', () => {
    const checkIns = many(5, 25, 'much-worse');
    expect(insightsFor(input({ checkIns }), new Set(['long-sessions-worse']))).toEqual([]);
  });
});
