import { describe, expect, it } from 'vitest';
import {
  applyToSettings,
  boundaryOptions,
  FIRST_DAILY_LIMIT,
  fewerMinutes,
  firstSiteLimit,
  isEvening,
  type ReflectionContext,
  readyReflections,
  undoInSettings,
} from '@/utils/journal/reflection';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';

const boundaries = (patch: Partial<Settings['boundaries']> = {}) => ({
  ...structuredClone(DEFAULT_SETTINGS.boundaries),
  ...patch,
});

const context = (patch: Partial<ReflectionContext> = {}): ReflectionContext => ({
  site: { id: 'instagram', name: 'Instagram' },
  siteMinutesToday: 22,
  hour: 21,
  dayStartHour: 4,
  boundaries: boundaries(),
  topAccounts: [],
  ...patch,
});

const settingsWith = (patch: Partial<Settings['boundaries']>): Settings => ({
  ...structuredClone(DEFAULT_SETTINGS),
  boundaries: boundaries(patch),
});

describe('the sums behind "a few minutes less"', () => {
  it.each([
    [30, 25],
    [8, 5],
    [6, 5],
    [5, undefined],
    [3, undefined],
  ])('fewerMinutes(%i) is %s', (limit, expected) => {
    expect(fewerMinutes(limit)).toBe(expected);
  });

  it.each([
    [0, 15],
    [5, 15],
    [9, 5],
    [22, 15],
    [47, 40],
    [300, 60],
  ])('a first limit after %i minutes today is %i', (minutes, expected) => {
    expect(firstSiteLimit(minutes)).toBe(expected);
  });

  it.each([
    [16, false],
    [17, true],
    [23, true],
    [2, true],
    [4, false],
    [9, false],
  ])('%i:00 is evening (day starts at 4): %s', (hour, expected) => {
    expect(isEvening(hour, 4)).toBe(expected);
  });
});

describe('boundaryOptions', () => {
  it('offers hiding the top accounts, the site, all feeds, the rest of today and each preset not set yet', () => {
    const options = boundaryOptions(
      context({
        topAccounts: [
          { handle: 'a', trapPosts: 3 },
          { handle: 'b', trapPosts: 2 },
          { handle: 'c', trapPosts: 1 },
          { handle: 'd', trapPosts: 1 },
        ],
        boundaries: boundaries({
          siteLimits: { instagram: 15 },
          feedFreeWindows: [{ id: 'x', start: '17:30', end: '19:30', days: [0, 1, 2, 3, 4, 5, 6], label: '' }],
        }),
      }),
    );
    expect(options).toEqual([
      { kind: 'hide-accounts', site: 'instagram', handles: ['a', 'b', 'c'] },
      { kind: 'site-limit', site: 'instagram', minutes: 10 },
      { kind: 'daily-limit', minutes: FIRST_DAILY_LIMIT },
      { kind: 'feed-free-tonight' },
      { kind: 'feed-free-time', preset: 'evenings' },
      { kind: 'feed-free-time', preset: 'mornings' },
    ]);
  });

  it('off the feeds, offers no site or accounts; a limit already at its lowest is not lowered', () => {
    const options = boundaryOptions(context({ site: undefined, boundaries: boundaries({ dailyLimitMinutes: 5 }) }));
    expect(options.map((option) => option.kind)).toEqual([
      'feed-free-tonight',
      'feed-free-time',
      'feed-free-time',
      'feed-free-time',
    ]);
  });
});

describe('readyReflections', () => {
  it('in the evening with accounts seen: hide them, the rest of today, a few minutes less here', () => {
    const ready = readyReflections(context({ topAccounts: [{ handle: 'a', trapPosts: 3 }] }));
    expect(ready.map((reflection) => [reflection.id, reflection.choice.kind])).toEqual([
      ['comparing', 'hide-accounts'],
      ['running_on_empty', 'feed-free-tonight'],
      ['more_time', 'site-limit'],
    ]);
    expect(ready[0]?.feelings).toEqual(['compared']);
  });

  it('in the morning: a feed-free evening ahead instead of the rest of today', () => {
    const ready = readyReflections(context({ hour: 10 }));
    expect(ready.map((reflection) => reflection.choice)).toEqual([
      { kind: 'feed-free-time', preset: 'evenings' },
      { kind: 'site-limit', site: 'instagram', minutes: 15 },
    ]);
  });

  it('off the feeds: the overall limit, a few minutes lower', () => {
    const ready = readyReflections(context({ site: undefined, boundaries: boundaries({ dailyLimitMinutes: 40 }) }));
    expect(ready.at(-1)?.choice).toEqual({ kind: 'daily-limit', minutes: 35 });
  });

  it('never offers more than three', () => {
    expect(readyReflections(context({ topAccounts: [{ handle: 'a', trapPosts: 1 }] })).length).toBeLessThanOrEqual(3);
  });
});

describe('applying and undoing in settings', () => {
  it('a site limit: applied with what it replaced, undone back to it (or to none)', () => {
    const before = settingsWith({ siteLimits: { instagram: 15 } });
    const result = applyToSettings(before, { kind: 'site-limit', site: 'instagram', minutes: 10 }, 'id', '');
    if ('refused' in result) throw new Error('refused');
    expect(result.applied).toEqual({ kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 });
    expect(result.settings.boundaries.siteLimits).toEqual({ instagram: 10 });
    expect(before.boundaries.siteLimits).toEqual({ instagram: 15 });
    expect(undoInSettings(result.settings, result.applied)?.boundaries.siteLimits).toEqual({ instagram: 15 });
    const first = applyToSettings(settingsWith({}), { kind: 'site-limit', site: 'x', minutes: 15 }, 'id', '');
    if ('refused' in first) throw new Error('refused');
    expect(undoInSettings(first.settings, first.applied)?.boundaries.siteLimits).toEqual({});
  });

  it('does not undo a limit she changed since', () => {
    const applied = { kind: 'daily-limit', minutes: 30, before: null } as const;
    expect(undoInSettings(settingsWith({ dailyLimitMinutes: 20 }), applied)).toBeUndefined();
    expect(undoInSettings(settingsWith({ dailyLimitMinutes: 30 }), applied)?.boundaries.dailyLimitMinutes).toBeNull();
  });

  it('a feed-free time: added with its id and name, removed by its id, refused past twelve', () => {
    const result = applyToSettings(settingsWith({}), { kind: 'feed-free-time', preset: 'mornings' }, 'r1', 'Mornings');
    if ('refused' in result) throw new Error('refused');
    expect(result.settings.boundaries.feedFreeWindows).toEqual([
      { id: 'r1', start: '07:00', end: '09:00', days: [1, 2, 3, 4, 5], label: 'Mornings' },
    ]);
    expect(undoInSettings(result.settings, result.applied)?.boundaries.feedFreeWindows).toEqual([]);
    expect(undoInSettings(settingsWith({}), result.applied)).toBeUndefined();
    const full = settingsWith({
      feedFreeWindows: Array.from({ length: 12 }, (_, i) => ({
        id: `w${i}`,
        start: '01:00',
        end: '02:00',
        days: [i % 7],
        label: '',
      })),
    });
    expect(applyToSettings(full, { kind: 'feed-free-time', preset: 'dinner' }, 'r2', '')).toEqual({
      refused: 'too-many-windows',
    });
  });
});
