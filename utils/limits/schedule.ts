/**
 * Feed-free times on the calendar: which one is in effect now, when feeds open again, and
 * which come next. Pure: `now` is passed in; times are local, computed with local `Date`
 * arithmetic so DST days are 23 or 25 hours long and nothing drifts by an hour.
 *
 * Rules:
 * - A window belongs to the calendar day it starts on: "Sat 23:00–01:00" runs from Saturday
 *   23:00 to Sunday 01:00, and is not in effect early on Saturday morning (that stretch
 *   would belong to a Friday start).
 * - Windows follow the clock and the calendar, not her usage "day start" hour: with a day
 *   starting at 04:00, 00:30 on Sunday is still Saturday for time counting, but a Sunday
 *   window that starts at 00:00 is in effect.
 * - DST: a time in the skipped spring-forward hour moves forward by the gap (02:30 → 03:30,
 *   as `Date` and calendars do); an ambiguous fall-back time means its first occurrence.
 *   A window is the real stretch between its start and its end, so "21:00–07:00" on the
 *   fall-back night lasts 11 hours. A window that is empty that day (02:30–03:00 on the
 *   spring-forward date) is not in effect.
 */
import { clockToMinutes, type FeedFreeWindow } from './boundarySettings';

const DAY_MS = 86_400_000;
/** The furthest `upcomingFeedFreeWindows` looks ahead. */
export const MAX_HORIZON_MS = 14 * DAY_MS;

export interface WindowOccurrence {
  window: FeedFreeWindow;
  /** Epoch ms the window starts and ends on this occasion. */
  startsAt: number;
  endsAt: number;
}

export interface ActiveFeedFreeWindow extends WindowOccurrence {
  /**
   * When feeds open again: the end of this window, or later when other windows overlap or
   * follow on without a gap ("19:00–20:00" then "20:00–21:00" → 21:00).
   */
  liftsAt: number;
}

/** The occurrence of `window` that starts on the local calendar day (year, month, date), if any. */
function occurrenceOn(window: FeedFreeWindow, year: number, month: number, date: number): WindowOccurrence | null {
  const weekday = new Date(year, month, date, 12).getDay();
  if (!window.days.includes(weekday)) return null;
  const start = clockToMinutes(window.start);
  const end = clockToMinutes(window.end);
  if (start === end) return null;
  const startsAt = new Date(year, month, date, 0, start).getTime();
  const endsAt = new Date(year, month, date + (end < start ? 1 : 0), 0, end).getTime();
  if (endsAt <= startsAt) return null;
  return { window, startsAt, endsAt };
}

/** Occurrences that started on the calendar day of `time` plus `dayOffsets`. */
function occurrencesAround(time: number, windows: readonly FeedFreeWindow[], dayOffsets: readonly number[]) {
  const local = new Date(time);
  const found: WindowOccurrence[] = [];
  for (const offset of dayOffsets) {
    for (const window of windows) {
      const occurrence = occurrenceOn(window, local.getFullYear(), local.getMonth(), local.getDate() + offset);
      if (occurrence) found.push(occurrence);
    }
  }
  return found;
}

/** Occurrences in effect at `time` (start ≤ time < end). A window lasts under 25 hours, so
 * only ones starting yesterday or today can be. */
function occurrencesCovering(time: number, windows: readonly FeedFreeWindow[]): WindowOccurrence[] {
  return occurrencesAround(time, windows, [-1, 0]).filter(
    (occurrence) => occurrence.startsAt <= time && time < occurrence.endsAt,
  );
}

/**
 * The feed-free window in effect at `now`, or null. When several are, the one that started
 * first (then the first in her list); `liftsAt` follows overlapping and back-to-back windows.
 */
export function activeFeedFreeWindow(now: number, windows: readonly FeedFreeWindow[]): ActiveFeedFreeWindow | null {
  const covering = occurrencesCovering(now, windows);
  const first = covering.reduce<WindowOccurrence | null>(
    (best, occurrence) => (best === null || occurrence.startsAt < best.startsAt ? occurrence : best),
    null,
  );
  if (!first) return null;
  let liftsAt = Math.max(...covering.map((occurrence) => occurrence.endsAt));
  // Follow windows that pick up where the last one ends. Bounded: 12 windows × 7 days a week.
  for (let step = 0; step < 7 * 12 + 1; step++) {
    const next = occurrencesCovering(liftsAt, windows);
    if (next.length === 0) break;
    liftsAt = Math.max(...next.map((occurrence) => occurrence.endsAt));
  }
  return { ...first, liftsAt };
}

export interface UpcomingFeedFreeWindow extends WindowOccurrence {
  /** True for a window already in effect at `now` (it started earlier). */
  inEffect: boolean;
}

/**
 * Feed-free times ahead, for the popup: every occurrence that hasn't ended at `now` and
 * starts before `now + horizonMs` (at most 14 days), in time order. One in effect now comes
 * first, marked `inEffect`.
 */
export function upcomingFeedFreeWindows(
  now: number,
  windows: readonly FeedFreeWindow[],
  horizonMs: number,
): UpcomingFeedFreeWindow[] {
  const horizon = Number.isFinite(horizonMs) ? Math.min(Math.max(horizonMs, 0), MAX_HORIZON_MS) : 0;
  const until = now + horizon;
  const local = new Date(now);
  const midnightOf = (offset: number) =>
    new Date(local.getFullYear(), local.getMonth(), local.getDate() + offset).getTime();
  const offsets: number[] = [];
  for (let offset = -1; midnightOf(offset) < until; offset++) offsets.push(offset);
  const order = new Map(windows.map((window, index) => [window, index]));
  return occurrencesAround(now, windows, offsets)
    .filter((occurrence) => occurrence.endsAt > now && occurrence.startsAt < until)
    .sort((a, b) => a.startsAt - b.startsAt || (order.get(a.window) ?? 0) - (order.get(b.window) ?? 0))
    .map((occurrence) => ({ ...occurrence, inEffect: occurrence.startsAt <= now }));
}
