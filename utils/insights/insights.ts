/**
 * Insights in plain words: a few kind sentences about what the feeds have been doing to her
 * days, each only where the data supports it (a minimum number of days, sessions or posts before
 * any claim; never a claim from two data points), each saying what it is based on, and one small
 * next step where one fits. Pure: it returns codes and numbers; the dashboard puts them in words.
 */
import type { CheckIn } from '../checkins/checkIns';
import type { DayExposureRecord } from '../mute/exposure';
import { type DayKey, recentDayKeys } from '../time/day';
import { trapPostsByAccount } from './counts';

/** Sessions this long or longer count as long ones. */
export const LONG_SESSION_MS = 20 * 60_000;
/** Answered long sessions needed before saying how she felt after them. */
export const MIN_LONG_SESSIONS = 5;
/** Answered shorter sessions needed before comparing with them. */
export const MIN_SHORT_SESSIONS = 3;
/** Comparison-trap posts needed before saying where they came from. */
export const MIN_TRAP_POSTS = 10;
/** Days with any time, in each of two weeks, before comparing the weeks. */
export const MIN_DAYS_PER_WEEK = 5;
/** A weekly change smaller than this (minutes a day) is not worth a sentence. */
export const MIN_CHANGE_MINUTES = 5;

export type Insight =
  | {
      id: 'long-sessions-worse';
      worse: number;
      long: number;
      /** After shorter sessions: the most common answer, when there were enough of them. */
      shorter?: { count: number; mostly: CheckIn['feeling'] & string };
    }
  | {
      id: 'few-accounts';
      accounts: number;
      handles: { site: string; handle: string; name?: string }[];
      posts: number;
      days: number;
    }
  | { id: 'week-change'; minutesThisWeek: number; minutesWeekBefore: number; days: number };

export interface InsightInput {
  now: number;
  dayStartHour: number;
  /** The last 30 days' check-ins, exposure and daily totals (days without data absent). */
  checkIns: readonly CheckIn[];
  exposure: readonly DayExposureRecord[];
  totals: ReadonlyMap<DayKey, Record<string, number>>;
}

const WORSE = new Set(['bit-worse', 'much-worse']);

/** How she felt after long sessions, next to shorter ones. */
function longSessions({ checkIns }: InsightInput): Insight | undefined {
  const answered = checkIns.filter((checkIn) => checkIn.feeling !== undefined);
  const long = answered.filter((checkIn) => checkIn.activeMs >= LONG_SESSION_MS);
  if (long.length < MIN_LONG_SESSIONS) return undefined;
  const worse = long.filter((checkIn) => WORSE.has(checkIn.feeling as string)).length;
  // Only a pattern: at least half of them.
  if (worse * 2 < long.length) return undefined;
  const short = answered.filter((checkIn) => checkIn.activeMs < LONG_SESSION_MS);
  const insight: Insight = { id: 'long-sessions-worse', worse, long: long.length };
  if (short.length >= MIN_SHORT_SESSIONS) {
    const counts = new Map<string, number>();
    for (const checkIn of short)
      counts.set(checkIn.feeling as string, (counts.get(checkIn.feeling as string) ?? 0) + 1);
    const [top, second] = [...counts].sort((a, b) => b[1] - a[1]);
    // A tie has no "mostly".
    if (top && (!second || top[1] > second[1])) {
      insight.shorter = { count: short.length, mostly: top[0] as Exclude<CheckIn['feeling'], undefined> };
    }
  }
  return insight;
}

/** Most comparison-trap posts from a few accounts (three at most), this month. */
function fewAccounts({ exposure }: InsightInput): Insight | undefined {
  const ranked = trapPostsByAccount(exposure);
  const posts = ranked.reduce((sum, account) => sum + account.posts, 0);
  const days = new Set(
    exposure.filter((record) => record.accounts.some((account) => account.trapPosts > 0)).map((record) => record.day),
  );
  if (posts < MIN_TRAP_POSTS || days.size < 2) return undefined;
  let share = 0;
  const top: typeof ranked = [];
  for (const account of ranked.slice(0, 3)) {
    top.push(account);
    share += account.posts;
    if (share * 2 > posts) break;
  }
  // "Most" means more than half, from fewer accounts than there are.
  if (share * 2 <= posts || top.length >= ranked.length) return undefined;
  return {
    id: 'few-accounts',
    accounts: top.length,
    handles: top.map(({ site, handle, name }) => ({ site, handle, ...(name ? { name } : {}) })),
    posts,
    days: days.size,
  };
}

/** This week's minutes a day next to the week before's, when both weeks have enough days. */
function weekChange({ now, dayStartHour, totals }: InsightInput): Insight | undefined {
  const days = recentDayKeys(now, 14, dayStartHour);
  const minutes = (keys: DayKey[]) => {
    const withTime = keys.filter((day) => Object.values(totals.get(day) ?? {}).some((ms) => ms > 0));
    const total = withTime.reduce(
      (sum, day) => sum + Object.values(totals.get(day) ?? {}).reduce((a, b) => a + b, 0),
      0,
    );
    return { days: withTime.length, perDay: withTime.length > 0 ? total / withTime.length / 60_000 : 0 };
  };
  const before = minutes(days.slice(0, 7));
  const recent = minutes(days.slice(7));
  if (before.days < MIN_DAYS_PER_WEEK || recent.days < MIN_DAYS_PER_WEEK) return undefined;
  if (Math.abs(recent.perDay - before.perDay) < MIN_CHANGE_MINUTES) return undefined;
  return {
    id: 'week-change',
    minutesThisWeek: Math.round(recent.perDay),
    minutesWeekBefore: Math.round(before.perDay),
    days: before.days + recent.days,
  };
}

/** The insights the data supports now, minus the ones she hid. */
export function insightsFor(input: InsightInput, hidden: ReadonlySet<string> = new Set()): Insight[] {
  return [longSessions(input), fewAccounts(input), weekChange(input)].filter(
    (insight): insight is Insight => insight !== undefined && !hidden.has(insight.id),
  );
}
