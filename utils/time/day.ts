/**
 * Day boundaries in the user's local time. A "day" starts at her chosen hour
 * (default 04:00), so a late-night scroll at 01:30 belongs to the evening before.
 * Local calendar arithmetic (not fixed 24-hour steps) keeps DST days 23 or 25 hours long.
 */

export const DEFAULT_DAY_START_HOUR = 4;

/** `YYYY-MM-DD`, the key of a day in the ledger. */
export type DayKey = string;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function formatDay(date: Date): DayKey {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local instant a given calendar day starts at `dayStartHour` (DST-aware). */
function startOfCalendarDay(year: number, month: number, day: number, dayStartHour: number): number {
  return new Date(year, month, day, dayStartHour, 0, 0, 0).getTime();
}

/** The day a moment belongs to. */
export function dayKeyOf(timeMs: number, dayStartHour = DEFAULT_DAY_START_HOUR): DayKey {
  const local = new Date(timeMs);
  const start = startOfCalendarDay(local.getFullYear(), local.getMonth(), local.getDate(), dayStartHour);
  if (timeMs >= start) return formatDay(local);
  return formatDay(new Date(local.getFullYear(), local.getMonth(), local.getDate() - 1, 12));
}

/** The moment the day containing `timeMs` began. */
export function dayStartOf(timeMs: number, dayStartHour = DEFAULT_DAY_START_HOUR): number {
  const [year, month, day] = parseDayKey(dayKeyOf(timeMs, dayStartHour));
  return startOfCalendarDay(year, month - 1, day, dayStartHour);
}

/** The moment the day after the one containing `timeMs` begins. */
export function nextDayStartAfter(timeMs: number, dayStartHour = DEFAULT_DAY_START_HOUR): number {
  const [year, month, day] = parseDayKey(dayKeyOf(timeMs, dayStartHour));
  return startOfCalendarDay(year, month - 1, day + 1, dayStartHour);
}

export function parseDayKey(key: DayKey): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) throw new RangeError(`Not a day key: ${key}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isDayKey(value: unknown): value is DayKey {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = parseDayKey(value);
  const date = new Date(year, month - 1, day, 12);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** Split [start, end) at every day boundary it crosses. */
export function splitByDay(
  start: number,
  end: number,
  dayStartHour = DEFAULT_DAY_START_HOUR,
): { day: DayKey; start: number; end: number }[] {
  const pieces: { day: DayKey; start: number; end: number }[] = [];
  let cursor = start;
  while (cursor < end) {
    const boundary = nextDayStartAfter(cursor, dayStartHour);
    const pieceEnd = Math.min(end, boundary);
    pieces.push({ day: dayKeyOf(cursor, dayStartHour), start: cursor, end: pieceEnd });
    cursor = pieceEnd;
  }
  return pieces;
}

/** The `count` day keys ending with the day containing `timeMs`, oldest first. */
export function recentDayKeys(timeMs: number, count: number, dayStartHour = DEFAULT_DAY_START_HOUR): DayKey[] {
  const [year, month, day] = parseDayKey(dayKeyOf(timeMs, dayStartHour));
  const keys: DayKey[] = [];
  for (let offset = count - 1; offset >= 0; offset--) {
    keys.push(formatDay(new Date(year, month - 1, day - offset, 12)));
  }
  return keys;
}
