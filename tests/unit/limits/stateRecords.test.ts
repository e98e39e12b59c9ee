import { describe, expect, it } from 'vitest';
import { freshDayState, readBoundaryDayState } from '@/utils/limits/stateRecords';
import type { RecordProblem } from '@/utils/storage/recordKind';
import { useTimeZone } from '../../helpers/timeZone';

useTimeZone('Europe/Berlin');

const DAY_START = 4;
const saturdayAfternoon = () => new Date(2026, 10, 21, 15).getTime();
const valid = {
  schemaVersion: 1,
  day: '2026-11-21',
  extensionsUsed: 1,
  extraMsGranted: 300_000,
  pausedForToday: false,
  warnedSites: ['instagram'],
};

describe('readBoundaryDayState', () => {
  it('starts fresh, without a problem, when nothing is stored', () => {
    expect(readBoundaryDayState(undefined, saturdayAfternoon(), DAY_START)).toEqual({
      state: freshDayState('2026-11-21'),
    });
    expect(readBoundaryDayState(null, saturdayAfternoon(), DAY_START)).toEqual({ state: freshDayState('2026-11-21') });
  });

  it('returns today’s valid state', () => {
    expect(readBoundaryDayState(valid, saturdayAfternoon(), DAY_START)).toEqual({ state: valid });
    const withExtra = { ...valid, extraUntil: saturdayAfternoon() + 60_000 };
    expect(readBoundaryDayState(withExtra, saturdayAfternoon(), DAY_START)).toEqual({ state: withExtra });
  });

  it('starts fresh, without a problem, on a new day', () => {
    const nextDay = new Date(2026, 10, 22, 9).getTime();
    expect(readBoundaryDayState(valid, nextDay, DAY_START)).toEqual({ state: freshDayState('2026-11-22') });
  });

  it('keeps yesterday’s extra time that runs past the day start', () => {
    const justAfterDayStart = new Date(2026, 10, 22, 4, 1).getTime();
    const stored = { ...valid, extraUntil: justAfterDayStart + 60_000 };
    expect(readBoundaryDayState(stored, justAfterDayStart, DAY_START)).toEqual({
      state: { ...freshDayState('2026-11-22'), extraUntil: justAfterDayStart + 60_000 },
    });
  });

  it('drops repeated warned sites and unknown keys', () => {
    const messy = { ...valid, warnedSites: ['x', 'x', 'reddit'], surprise: 1 };
    expect(readBoundaryDayState(messy, saturdayAfternoon(), DAY_START).state).toEqual({
      ...valid,
      warnedSites: ['x', 'reddit'],
    });
  });

  it('leaves out extra time that is not there, rather than storing it as undefined', () => {
    const { state } = readBoundaryDayState({ ...valid, extraUntil: undefined }, saturdayAfternoon(), DAY_START);
    expect(Object.keys(state)).not.toContain('extraUntil');
  });

  it.each<[string, unknown, RecordProblem]>([
    ['a string', 'nonsense', { code: 'not-a-record' }],
    ['an array', [1, 2], { code: 'not-a-record' }],
    ['no schema version', { ...valid, schemaVersion: undefined }, { code: 'no-version' }],
    ['a newer version', { ...valid, schemaVersion: 3 }, { code: 'newer-version', version: 3 }],
    ['a day that is not a day', { ...valid, day: '2026-02-30' }, { code: 'invalid', path: 'day' }],
    ['negative extensions', { ...valid, extensionsUsed: -1 }, { code: 'invalid', path: 'extensionsUsed' }],
    ['fractional extensions', { ...valid, extensionsUsed: 1.5 }, { code: 'invalid', path: 'extensionsUsed' }],
    ['NaN extra time', { ...valid, extraMsGranted: Number.NaN }, { code: 'invalid', path: 'extraMsGranted' }],
    ['extra time as a string', { ...valid, extraUntil: 'soon' }, { code: 'invalid', path: 'extraUntil' }],
    ['a paused flag as a string', { ...valid, pausedForToday: 'yes' }, { code: 'invalid', path: 'pausedForToday' }],
    ['warned sites not a list', { ...valid, warnedSites: 'instagram' }, { code: 'invalid', path: 'warnedSites' }],
    ['a huge warned site', { ...valid, warnedSites: ['x'.repeat(201)] }, { code: 'invalid', path: 'warnedSites.0' }],
  ])('starts fresh and says why for %s', (_label, stored, problem) => {
    expect(readBoundaryDayState(stored, saturdayAfternoon(), DAY_START)).toEqual({
      state: freshDayState('2026-11-21'),
      problem,
    });
  });
});
