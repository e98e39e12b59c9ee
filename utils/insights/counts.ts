/**
 * Counts the dashboard's charts and insights share: comparison-trap posts per account and per
 * theme (from the exposure records), and reminders shown and marked helpful per week (from the
 * reminder log). Pure.
 */
import type { DayExposureRecord } from '../mute/exposure';
import type { DayNudgesRecord } from '../storage/records';
import type { DayKey } from '../time/day';

export interface AccountPosts {
  site: string;
  handle: string;
  name?: string;
  posts: number;
}

/** Trap posts per account (one account per site and handle, any case), most first, ties by handle. */
export function trapPostsByAccount(exposure: readonly DayExposureRecord[]): AccountPosts[] {
  const byAccount = new Map<string, AccountPosts>();
  for (const record of exposure) {
    for (const account of record.accounts) {
      if (account.trapPosts <= 0) continue;
      const key = `${account.site}/${account.handle.toLowerCase()}`;
      const entry = byAccount.get(key) ?? { site: account.site, handle: account.handle, posts: 0 };
      entry.posts += account.trapPosts;
      if (account.name) entry.name = account.name;
      byAccount.set(key, entry);
    }
  }
  return [...byAccount.values()].sort((a, b) => b.posts - a.posts || a.handle.localeCompare(b.handle));
}

/** Trap posts per theme, most first, ties by theme. A post can show more than one theme. */
export function trapPostsByTheme(exposure: readonly DayExposureRecord[]): { theme: string; posts: number }[] {
  const byTheme = new Map<string, number>();
  for (const record of exposure) {
    for (const account of record.accounts) {
      for (const [theme, count] of Object.entries(account.themes)) {
        if (count > 0) byTheme.set(theme, (byTheme.get(theme) ?? 0) + count);
      }
    }
  }
  return [...byTheme]
    .map(([theme, posts]) => ({ theme, posts }))
    .sort((a, b) => b.posts - a.posts || a.theme.localeCompare(b.theme));
}

export interface WeekReminders {
  /** The week's first day. */
  from: DayKey;
  shown: number;
  helped: number;
}

/**
 * Reminders shown and marked "Helped" per week: `days` (oldest first) taken seven at a time,
 * the last week ending with the last day; a first, shorter group is dropped.
 */
export function remindersByWeek(
  days: readonly DayKey[],
  records: ReadonlyMap<string, DayNudgesRecord>,
): WeekReminders[] {
  const weeks: WeekReminders[] = [];
  for (let end = days.length; end - 7 >= 0; end -= 7) {
    const week = days.slice(end - 7, end);
    let shown = 0;
    let helped = 0;
    for (const day of week) {
      for (const nudge of records.get(day)?.nudges ?? []) {
        shown++;
        if (nudge.outcome === 'helped') helped++;
      }
    }
    weeks.unshift({ from: week[0] as DayKey, shown, helped });
  }
  return weeks;
}
