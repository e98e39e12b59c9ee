import { describe, expect, it } from 'vitest';
import { freshDayState, readBoundaryDayState } from '@/utils/limits/stateRecords';
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

  it('drops repeated warned sites and unknown keys', () => {
    const messy = { ...valid, warnedSites: ['x', 'x', 'reddit'], surprise: 1 };
    expect(readBoundaryDayState(messy, saturdayAfternoon(), DAY_START).state).toEqual({
      ...valid,
      warnedSites: ['x', 'reddit'],
    });
  });

  it.each<[string, unknown, string]>([
    ['a string', 'nonsense', 'could not be read'],
    ['an array', [1, 2], 'could not be read'],
    ['no schema version', { ...valid, schemaVersion: undefined }, 'schemaVersion'],
    ['a newer version', { ...valid, schemaVersion: 3 }, 'saved by a newer version (3)'],
    ['a day that is not a day', { ...valid, day: '2026-02-30' }, 'day'],
    ['negative extensions', { ...valid, extensionsUsed: -1 }, 'extensionsUsed'],
    ['fractional extensions', { ...valid, extensionsUsed: 1.5 }, 'extensionsUsed'],
    ['NaN extra time', { ...valid, extraMsGranted: Number.NaN }, 'extraMsGranted'],
    ['extra time as a string', { ...valid, extraUntil: 'soon' }, 'extraUntil'],
    ['a paused flag as a string', { ...valid, pausedForToday: 'yes' }, 'pausedForToday'],
    ['warned sites not a list', { ...valid, warnedSites: 'instagram' }, 'warnedSites'],
  ])('starts fresh and says why for %s', (_label, stored, fragment) => {
    const result = readBoundaryDayState(stored, saturdayAfternoon(), DAY_START);
    expect(result.state).toEqual(freshDayState('2026-11-21'));
    expect(result.problem).toContain(fragment);
    expect(result.problem).toContain('starts fresh');
  });
});
