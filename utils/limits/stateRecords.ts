/**
 * Today's boundary state: extra minutes taken, the warnings already shown, "pause for today".
 * It belongs to one usage day (her "day start" hour applies) and starts fresh the next.
 * Pure: `now` is passed in.
 */
import * as v from 'valibot';
import { type RecordKind, type RecordProblem, readRecord } from '../storage/recordKind';
import { type DayKey, dayKeyOf, isDayKey } from '../time/day';

export const BOUNDARY_DAY_STATE_SCHEMA_VERSION = 1;

export interface BoundaryDayState {
  schemaVersion: 1;
  day: DayKey;
  /** How many times she took "a few more minutes" today. */
  extensionsUsed: number;
  /** Extra minutes taken during a feed-free time run until this moment (epoch ms). */
  extraUntil?: number;
  /** Extra active time added to today's limits, in ms. */
  extraMsGranted: number;
  /** Limits and feed-free times are off until the next day start. */
  pausedForToday: boolean;
  /** Sites where today's 80% notice was already shown. */
  warnedSites: string[];
  /** She made the rest of today (until her next day start) feed-free. */
  feedFreeRestOfDay?: true;
}

const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));

const BoundaryDayStateSchema = v.object({
  schemaVersion: v.literal(BOUNDARY_DAY_STATE_SCHEMA_VERSION),
  day: v.pipe(
    v.string(),
    v.check((day: string) => isDayKey(day)),
  ),
  extensionsUsed: v.pipe(nonNegative, v.integer()),
  extraUntil: v.optional(nonNegative),
  extraMsGranted: nonNegative,
  pausedForToday: v.boolean(),
  warnedSites: v.array(v.pipe(v.string(), v.maxLength(200))),
  feedFreeRestOfDay: v.optional(v.literal(true)),
});

export function freshDayState(day: DayKey): BoundaryDayState {
  return { schemaVersion: 1, day, extensionsUsed: 0, extraMsGranted: 0, pausedForToday: false, warnedSites: [] };
}

/**
 * The state for the day containing `now`: `stored` when it is today's, else a fresh one.
 * Extra time still running across the day start (taken at 03:58 until 04:03) carries over,
 * without counting against the new day's extensions.
 */
export function dayStateFor(now: number, dayStartHour: number, stored?: BoundaryDayState | null): BoundaryDayState {
  const today = dayKeyOf(now, dayStartHour);
  if (stored && stored.day === today) return stored;
  const fresh = freshDayState(today);
  if (stored?.extraUntil !== undefined && stored.extraUntil > now) fresh.extraUntil = stored.extraUntil;
  return fresh;
}

export const BoundaryDayKind: RecordKind<BoundaryDayState> = {
  name: 'boundary-day',
  version: BOUNDARY_DAY_STATE_SCHEMA_VERSION,
  schema: v.pipe(
    BoundaryDayStateSchema,
    v.transform(({ extraUntil, feedFreeRestOfDay, ...rest }): BoundaryDayState => {
      const state: BoundaryDayState = { ...rest, warnedSites: [...new Set(rest.warnedSites)] };
      if (extraUntil !== undefined) state.extraUntil = extraUntil;
      if (feedFreeRestOfDay) state.feedFreeRestOfDay = true;
      return state;
    }),
  ),
  migrations: {},
};

export interface BoundaryDayStateRead {
  state: BoundaryDayState;
  /** Set when the stored value could not be used: why, for the caller to keep it aside. */
  problem?: RecordProblem;
}

/** Read a stored value: absent → fresh; valid → today's state (fresh on a new day); unreadable → fresh and why. */
export function readBoundaryDayState(value: unknown, now: number, dayStartHour: number): BoundaryDayStateRead {
  if (value === undefined || value === null) return { state: dayStateFor(now, dayStartHour) };
  const read = readRecord(BoundaryDayKind, value);
  if (!read.ok) return { state: dayStateFor(now, dayStartHour), problem: read.problem };
  return { state: dayStateFor(now, dayStartHour, read.value) };
}
