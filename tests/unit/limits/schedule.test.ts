import { describe, expect, it } from 'vitest';
import type { FeedFreeWindow } from '@/utils/limits/boundarySettings';
import { activeFeedFreeWindow, upcomingFeedFreeWindows } from '@/utils/limits/schedule';
import { useTimeZone } from '../../helpers/timeZone';

useTimeZone('Europe/Berlin');

const SUN = 0;
const MON = 1;
const FRI = 5;
const SAT = 6;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Local time; months 1-based. 2026-11-21 is a Saturday, 2026-11-22 a Sunday. */
const local = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();
/**
 * `'2026-11-21 19:45'` in the zone set for the test. Tables hold these strings, not numbers:
 * `it.each` tables are built before `beforeEach` sets the zone.
 */
const at = (text: string | null): number | null => {
  if (text === null) return null;
  const [y, mo, d, h, mi] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return local(y, mo, d, h, mi);
};

const win = (id: string, start: string, end: string, days: number[], label = ''): FeedFreeWindow => ({
  id,
  start,
  end,
  days,
  label,
});

const bedtime = win('bedtime', '19:00', '20:00', EVERY_DAY, 'Bedtime routine');
const saturdayNight = win('sat-night', '22:00', '02:00', [SAT]);
const weekdayNights = win('nights', '23:00', '06:00', [MON, 2, 3, 4, FRI]);

describe('activeFeedFreeWindow', () => {
  it.each<[string, FeedFreeWindow[], string, string | null, string | null]>([
    ['before a window', [bedtime], '2026-11-21 18:59', null, null],
    ['at its start', [bedtime], '2026-11-21 19:00', 'bedtime', '2026-11-21 20:00'],
    ['inside it', [bedtime], '2026-11-21 19:45', 'bedtime', '2026-11-21 20:00'],
    ['at its end (feeds are back)', [bedtime], '2026-11-21 20:00', null, null],
    ['Saturday night before midnight', [saturdayNight], '2026-11-21 23:30', 'sat-night', '2026-11-22 02:00'],
    [
      'a Saturday-only window on Sunday after midnight: it started Saturday',
      [saturdayNight],
      '2026-11-22 01:30',
      'sat-night',
      '2026-11-22 02:00',
    ],
    [
      'a Saturday-only window early on Saturday: a Friday start would be needed',
      [saturdayNight],
      '2026-11-21 01:30',
      null,
      null,
    ],
    ['a Saturday-only window on Sunday night', [saturdayNight], '2026-11-22 23:00', null, null],
    ['weekday nights: Friday night into Saturday', [weekdayNights], '2026-11-21 05:00', 'nights', '2026-11-21 06:00'],
    ['weekday nights: Saturday night is free', [weekdayNights], '2026-11-22 05:00', null, null],
    ['weekday nights: Sunday night into Monday is free', [weekdayNights], '2026-11-23 05:00', null, null],
    ['weekday nights: Monday night into Tuesday', [weekdayNights], '2026-11-24 05:00', 'nights', '2026-11-24 06:00'],
    ['no windows at all', [], '2026-11-21 19:30', null, null],
  ])('%s', (_label, windows, now, id, liftsAt) => {
    const active = activeFeedFreeWindow(at(now) as number, windows);
    expect(active?.window.id ?? null).toBe(id);
    expect(active?.liftsAt ?? null).toBe(at(liftsAt));
  });

  it('reports when this occasion started and ends', () => {
    expect(activeFeedFreeWindow(local(2026, 11, 22, 1, 0), [saturdayNight])).toEqual({
      window: saturdayNight,
      startsAt: local(2026, 11, 21, 22),
      endsAt: local(2026, 11, 22, 2),
      liftsAt: local(2026, 11, 22, 2),
    });
  });

  it.each<[string, FeedFreeWindow[], string, string, string]>([
    [
      'back-to-back windows lift at the end of the last',
      [win('dinner', '18:00', '19:00', EVERY_DAY), bedtime],
      '2026-11-21 18:30',
      'dinner',
      '2026-11-21 20:00',
    ],
    [
      'overlapping windows lift at the later end; the first started is named',
      [bedtime, win('dinner', '18:00', '19:30', EVERY_DAY)],
      '2026-11-21 19:15',
      'dinner',
      '2026-11-21 20:00',
    ],
    [
      'a night window followed by a morning one on the next day',
      [saturdayNight, win('sunday-morning', '02:00', '09:00', [SUN])],
      '2026-11-21 23:00',
      'sat-night',
      '2026-11-22 09:00',
    ],
    [
      'a gap of a minute is a gap',
      [win('dinner', '18:00', '18:59', EVERY_DAY), bedtime],
      '2026-11-21 18:30',
      'dinner',
      '2026-11-21 18:59',
    ],
  ])('%s', (_label, windows, now, id, liftsAt) => {
    const active = activeFeedFreeWindow(at(now) as number, windows);
    expect(active?.window.id).toBe(id);
    expect(active?.liftsAt).toBe(at(liftsAt));
  });

  it('stops following windows that cover the whole week', () => {
    const always = [win('a', '00:00', '12:00', EVERY_DAY), win('b', '12:00', '00:00', EVERY_DAY)];
    const active = activeFeedFreeWindow(local(2026, 11, 21, 10), always);
    expect(active?.window.id).toBe('a');
    expect(active?.liftsAt).toBeGreaterThan(local(2026, 11, 28, 0));
  });

  it('windows follow the calendar, not the usage day start: a Sunday 00:00 window is in effect at 00:30', () => {
    // With a 04:00 day start, 00:30 on Sunday still counts as Saturday for time; the window is Sunday's.
    const sundayEarly = win('sun-early', '00:00', '03:00', [SUN]);
    expect(activeFeedFreeWindow(local(2026, 11, 22, 0, 30), [sundayEarly])?.window.id).toBe('sun-early');
  });
});

describe('DST (America/New_York)', () => {
  useTimeZone('America/New_York');

  it.each<[string, FeedFreeWindow, string, string | null, number | null]>([
    // Spring forward: 2026-03-08 02:00 EST → 03:00 EDT; the 7th is a Saturday.
    [
      'a night window across the spring-forward change lasts one hour less',
      win('night', '22:00', '06:00', [SAT]),
      '2026-03-08 01:30',
      '2026-03-08 06:00',
      7 * HOUR,
    ],
    [
      'a window ending in the skipped hour ends when the clock shows 03:30 (moved forward by the gap)',
      win('night', '01:00', '02:30', [SUN]),
      '2026-03-08 01:30',
      '2026-03-08 03:30',
      90 * MINUTE,
    ],
    [
      'a window wholly in the skipped hour moves forward by the gap',
      win('shifted', '02:10', '02:50', [SUN]),
      '2026-03-08 03:20',
      '2026-03-08 03:50',
      40 * MINUTE,
    ],
    [
      'a window from the skipped hour to 03:00 is empty that day',
      win('gone', '02:30', '03:00', [SUN]),
      '2026-03-08 02:45', // the clock shows 03:45
      null,
      null,
    ],
    // Fall back: 2026-11-01 02:00 EDT → 01:00 EST; Oct 31 is a Saturday.
    [
      'a night window across the fall-back change lasts one hour more',
      win('night', '21:00', '07:00', [SAT]),
      '2026-11-01 06:30',
      '2026-11-01 07:00',
      11 * HOUR,
    ],
  ])('%s', (_label, window, now, liftsAt, length) => {
    const active = activeFeedFreeWindow(at(now) as number, [window]);
    expect(active?.liftsAt ?? null).toBe(at(liftsAt));
    expect(active ? active.endsAt - active.startsAt : null).toBe(length);
  });

  it('a window during the repeated hour runs from the first 01:00 to 02:00 (two real hours)', () => {
    const active = activeFeedFreeWindow(local(2026, 11, 1, 1, 30) + HOUR, [win('repeat', '01:00', '02:00', [SUN])]);
    // 01:30 the second time round (EST) is inside.
    expect(active?.startsAt).toBe(Date.UTC(2026, 10, 1, 5, 0)); // 01:00 EDT
    expect(active?.liftsAt).toBe(Date.UTC(2026, 10, 1, 7, 0)); // 02:00 EST
  });

  it('lifts at 06:00 local on the new offset after spring forward', () => {
    const active = activeFeedFreeWindow(local(2026, 3, 7, 23), [win('night', '22:00', '06:00', [SAT])]);
    expect(new Date(active?.liftsAt ?? 0).getHours()).toBe(6);
    expect(new Date(active?.liftsAt ?? 0).toISOString()).toBe('2026-03-08T10:00:00.000Z');
  });

  it('an evening window on the fall-back Sunday is in effect at its local time', () => {
    const active = activeFeedFreeWindow(local(2026, 11, 1, 19, 30), [bedtime]);
    expect(active?.startsAt).toBe(Date.UTC(2026, 10, 2, 0, 0)); // 19:00 EST = 00:00 UTC next day
    expect(active?.liftsAt).toBe(Date.UTC(2026, 10, 2, 1, 0));
  });
});

describe('upcomingFeedFreeWindows', () => {
  it('lists the times ahead in order, with the one in effect first', () => {
    const windows = [bedtime, saturdayNight];
    const now = local(2026, 11, 21, 19, 30); // Saturday evening, during bedtime
    const upcoming = upcomingFeedFreeWindows(now, windows, 24 * HOUR);
    expect(upcoming.map(({ window, startsAt, endsAt, inEffect }) => [window.id, startsAt, endsAt, inEffect])).toEqual([
      ['bedtime', local(2026, 11, 21, 19), local(2026, 11, 21, 20), true],
      ['sat-night', local(2026, 11, 21, 22), local(2026, 11, 22, 2), false],
      ['bedtime', local(2026, 11, 22, 19), local(2026, 11, 22, 20), false],
    ]);
  });

  it.each<[string, number, number]>([
    ['within 2 hours', 2 * HOUR, 1],
    ['within a week', 7 * 24 * HOUR, 8],
    ['a horizon of 0 shows only what is in effect', 0, 0],
    ['a negative horizon is treated as 0', -HOUR, 0],
    ['an absurd horizon is capped at 14 days', 1000 * 24 * HOUR, 16],
    ['a horizon of NaN is treated as 0', Number.NaN, 0],
  ])('%s', (_label, horizon, count) => {
    // Sunday 2026-11-22 18:00: bedtime every day, Saturday nights.
    expect(upcomingFeedFreeWindows(local(2026, 11, 22, 18), [bedtime, saturdayNight], horizon)).toHaveLength(count);
  });

  it('includes an across-midnight window that started yesterday and has not ended', () => {
    const upcoming = upcomingFeedFreeWindows(local(2026, 11, 22, 1), [saturdayNight], HOUR);
    expect(upcoming).toEqual([
      { window: saturdayNight, startsAt: local(2026, 11, 21, 22), endsAt: local(2026, 11, 22, 2), inEffect: true },
    ]);
  });
});
