import { describe, expect, it } from 'vitest';
import { remindersByWeek, trapPostsByAccount, trapPostsByTheme } from '@/utils/insights/counts';
import type { AccountDay, DayExposureRecord } from '@/utils/mute/exposure';
import type { DayNudgesRecord, NudgeRecord } from '@/utils/storage/records';
import type { DayKey } from '@/utils/time/day';

const account = (
  site: string,
  handle: string,
  trapPosts: number,
  themes: Record<string, number> = {},
  name?: string,
): AccountDay => ({
  site,
  handle,
  trapPosts,
  seconds: trapPosts * 3,
  lastSeen: 0,
  themes,
  ...(name ? { name } : {}),
});
const exposureDay = (day: string, accounts: AccountDay[]): DayExposureRecord => ({
  schemaVersion: 1,
  day: day as DayKey,
  accounts,
});

describe('comparison-trap posts by account', () => {
  it('adds an account’s days together, whatever the case of its handle, most first and ties by handle', () => {
    const ranked = trapPostsByAccount([
      exposureDay('2026-11-01', [account('instagram', 'Maple', 2), account('instagram', 'birch', 3)]),
      exposureDay('2026-11-02', [
        account('instagram', 'maple', 2, {}, 'Maple & Moss'),
        account('x', 'maple', 1),
        account('instagram', 'alder', 3),
        account('reddit', 'quiet', 0),
      ]),
    ]);
    expect(ranked).toEqual([
      { site: 'instagram', handle: 'Maple', name: 'Maple & Moss', posts: 4 },
      { site: 'instagram', handle: 'alder', posts: 3 },
      { site: 'instagram', handle: 'birch', posts: 3 },
      { site: 'x', handle: 'maple', posts: 1 },
    ]);
  });

  it('is empty with no exposure', () => {
    expect(trapPostsByAccount([])).toEqual([]);
  });
});

describe('comparison-trap posts by theme', () => {
  it('adds each theme over accounts and days, most first, ties by theme, leaving out zeroes', () => {
    expect(
      trapPostsByTheme([
        exposureDay('2026-11-01', [account('instagram', 'a', 3, { 'spotless-home': 2, 'perfect-routine': 1 })]),
        exposureDay('2026-11-02', [
          account('x', 'b', 4, { 'perfect-routine': 1, 'lavish-lifestyle': 2, 'do-it-all': 0 }),
          account('x', 'c', 2, { 'spotless-home': 1, 'body-bounce-back': 2 }),
        ]),
      ]),
    ).toEqual([
      { theme: 'spotless-home', posts: 3 },
      { theme: 'body-bounce-back', posts: 2 },
      { theme: 'lavish-lifestyle', posts: 2 },
      { theme: 'perfect-routine', posts: 2 },
    ]);
  });
});

describe('reminders by week', () => {
  const days = Array.from({ length: 16 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}` as DayKey);
  const nudge = (id: string, outcome?: string): NudgeRecord => ({
    id,
    reminderId: 'r',
    tag: 'tag',
    site: 'instagram',
    shownAt: 0,
    ...(outcome ? { outcome } : {}),
  });
  const records = new Map<string, DayNudgesRecord>([
    ['2026-11-01', { schemaVersion: 1, day: '2026-11-01', nudges: [nudge('dropped', 'helped')] }],
    ['2026-11-03', { schemaVersion: 1, day: '2026-11-03', nudges: [nudge('a', 'helped'), nudge('b', 'ignored')] }],
    ['2026-11-09', { schemaVersion: 1, day: '2026-11-09', nudges: [nudge('c', 'helped'), nudge('d', 'not-now')] }],
    ['2026-11-10', { schemaVersion: 1, day: '2026-11-10', nudges: [nudge('e'), nudge('f', 'helped')] }],
    ['2026-11-16', { schemaVersion: 1, day: '2026-11-16', nudges: [nudge('g', 'snoozed-hour')] }],
  ]);

  it('takes whole weeks ending with the last day, counts shown and "Helped", and drops a short first group', () => {
    expect(remindersByWeek(days, records)).toEqual([
      { from: '2026-11-03', shown: 4, helped: 2 },
      { from: '2026-11-10', shown: 3, helped: 1 },
    ]);
  });

  it('gives empty weeks as zeroes, and nothing for fewer than seven days', () => {
    expect(remindersByWeek(days.slice(0, 7), new Map())).toEqual([{ from: '2026-11-01', shown: 0, helped: 0 }]);
    expect(remindersByWeek(days.slice(0, 6), records)).toEqual([]);
  });
});
