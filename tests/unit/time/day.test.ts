import { describe, expect, it } from 'vitest';
import { dayKeyOf, dayStartOf, isDayKey, nextDayStartAfter, recentDayKeys, splitByDay } from '@/utils/time/day';
import { switchTimeZone, useTimeZone } from '../../helpers/timeZone';

useTimeZone();
const inZone = switchTimeZone;

const local = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();
const HOUR = 3_600_000;

describe('dayKeyOf', () => {
  it.each([
    ['before the start hour belongs to the day before', 2026, 11, 22, 3, 59, 4, '2026-11-21'],
    ['at the start hour belongs to the day', 2026, 11, 22, 4, 0, 4, '2026-11-22'],
    ['late evening', 2026, 11, 22, 23, 30, 4, '2026-11-22'],
    ['midnight start hour', 2026, 11, 22, 0, 0, 0, '2026-11-22'],
    ['new year before start', 2027, 1, 1, 1, 0, 4, '2026-12-31'],
    ['leap day', 2028, 2, 29, 12, 0, 4, '2028-02-29'],
    ['start hour 23', 2026, 3, 1, 22, 59, 23, '2026-02-28'],
  ])('%s', (_label, y, mo, d, h, mi, startHour, expected) => {
    inZone('Europe/Berlin');
    expect(dayKeyOf(local(y, mo, d, h, mi), startHour)).toBe(expected);
  });
});

describe('DST days', () => {
  it('an ordinary day is 24 hours long', () => {
    inZone('America/New_York');
    const start = dayStartOf(local(2026, 3, 8, 12), 4);
    expect(nextDayStartAfter(start, 4) - start).toBe(24 * HOUR);
  });

  it('the day holding the spring-forward change is 23 hours long (New York, 2026-03-08 02:00)', () => {
    inZone('America/New_York');
    // With a 04:00 start, the day of 2026-03-07 runs until 04:00 on the 8th and holds the change.
    const start = dayStartOf(local(2026, 3, 7, 12), 4);
    expect(nextDayStartAfter(start, 4) - start).toBe(23 * HOUR);
  });

  it('the day holding the fall-back change is 25 hours long (New York, 2026-11-01 02:00)', () => {
    inZone('America/New_York');
    const start = dayStartOf(local(2026, 10, 31, 12), 4);
    expect(nextDayStartAfter(start, 4) - start).toBe(25 * HOUR);
  });

  it('a day that starts at 02:00 on the spring-forward date starts at 03:00 (the hour does not exist)', () => {
    inZone('America/New_York');
    const start = dayStartOf(local(2026, 3, 8, 12), 2);
    expect(new Date(start).getHours()).toBe(3);
    expect(dayKeyOf(start, 2)).toBe('2026-03-08');
  });

  it('splits a span across the fall-back boundary into the right days with no time lost', () => {
    inZone('Europe/London');
    // 2026-10-25: clocks go back at 02:00 BST → 01:00 GMT. Day start 04:00.
    const start = local(2026, 10, 25, 3, 30);
    const end = local(2026, 10, 25, 4, 30);
    const pieces = splitByDay(start, end, 4);
    expect(pieces.map((p) => p.day)).toEqual(['2026-10-24', '2026-10-25']);
    expect(pieces.reduce((sum, p) => sum + (p.end - p.start), 0)).toBe(end - start);
    expect(pieces[0]?.end).toBe(local(2026, 10, 25, 4));
  });
});

describe('splitByDay', () => {
  it.each([
    ['inside one day', [2026, 11, 22, 10], [2026, 11, 22, 11], 4, ['2026-11-22']],
    ['across the 04:00 boundary', [2026, 11, 22, 3, 50], [2026, 11, 22, 4, 10], 4, ['2026-11-21', '2026-11-22']],
    [
      'across midnight with a 04:00 start stays one day',
      [2026, 11, 21, 23, 50],
      [2026, 11, 22, 0, 10],
      4,
      ['2026-11-21'],
    ],
    [
      'across midnight with a 00:00 start',
      [2026, 11, 21, 23, 50],
      [2026, 11, 22, 0, 10],
      0,
      ['2026-11-21', '2026-11-22'],
    ],
    [
      'over two boundaries',
      [2026, 11, 20, 3],
      [2026, 11, 22, 5],
      4,
      ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'],
    ],
  ])('%s', (_label, from, to, startHour, days) => {
    inZone('Asia/Kolkata');
    const [fy, fm, fd, fh, fmi] = from as number[];
    const [ty, tm, td, th, tmi] = to as number[];
    const start = local(fy as number, fm as number, fd as number, fh as number, fmi ?? 0);
    const end = local(ty as number, tm as number, td as number, th as number, tmi ?? 0);
    const pieces = splitByDay(start, end, startHour as number);
    expect(pieces.map((p) => p.day)).toEqual(days);
    expect(pieces[0]?.start).toBe(start);
    expect(pieces[pieces.length - 1]?.end).toBe(end);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]?.start).toBe(pieces[i - 1]?.end);
  });

  it('returns nothing for an empty span', () => {
    expect(splitByDay(1000, 1000)).toEqual([]);
  });
});

describe('time-zone change', () => {
  it('the same instant belongs to the local day where the user is now', () => {
    const instant = Date.UTC(2026, 10, 22, 2, 0); // 02:00 UTC
    inZone('Asia/Tokyo'); // 11:00 local
    expect(dayKeyOf(instant, 4)).toBe('2026-11-22');
    inZone('America/Los_Angeles'); // 18:00 the day before
    expect(dayKeyOf(instant, 4)).toBe('2026-11-21');
    inZone('UTC'); // 02:00, before the 04:00 start
    expect(dayKeyOf(instant, 4)).toBe('2026-11-21');
  });
});

describe('day keys', () => {
  it.each([
    ['2026-11-22', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['26-11-22', false],
    ['2026-11-22T00:00', false],
    [20261122, false],
  ])('isDayKey(%s) is %s', (value, expected) => {
    expect(isDayKey(value)).toBe(expected);
  });

  it('recentDayKeys lists the last days oldest first, across a month end', () => {
    inZone('UTC');
    expect(recentDayKeys(Date.UTC(2026, 11, 2, 12), 4, 4)).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });
});
