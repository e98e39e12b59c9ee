/**
 * When a reminder card may slide in, as a pure decision over what the content script reports
 * and a small stored state. Aimed at long passive scrolling (passive use is where comparison
 * lowers mood), never at every visit: a nudge needs a build-up of active feed time and scroll
 * distance, keeps a minimum gap (across all tabs and sites), a daily cap, and stays away
 * while she types, while the page is hidden or a boundary screen is up, and while snoozed.
 *
 * No clock and no randomness inside: `now` and `rng` are passed in.
 */
import * as v from 'valibot';
import { plainRecord, type RecordKind, type RecordProblem, readRecord } from '../storage/recordKind';
import { type DayKey, dayKeyOf, isDayKey, nextDayStartAfter, parseDayKey } from '../time/day';
import {
  adjustTagWeight,
  classifyOutcome,
  decayTagWeights,
  emptyRotation,
  markShown,
  type NudgeOutcome,
  type NudgeReminderRef,
  nextReminder,
  type RotationState,
  TAG_WEIGHT_MAX,
  TAG_WEIGHT_MIN,
  type TagWeights,
} from './rotation';
import { type TimeOfDay, timeOfDay } from './timeOfDay';

export type { NudgeOutcome, NudgeReminderRef, RotationState, TagWeights } from './rotation';

export type NudgeFrequency = 'gentle' | 'balanced' | 'frequent' | 'off' | 'test';

/** The choices shown to users, in order. `test` is for automated browser tests only. */
export const USER_NUDGE_FREQUENCIES: readonly NudgeFrequency[] = ['gentle', 'balanced', 'frequent', 'off'];
export const DEFAULT_NUDGE_FREQUENCY: NudgeFrequency = 'gentle';

export interface NudgePreset {
  /** No nudge within this long of the last one shown anywhere. */
  minGapMs: number;
  /** At most this many per day (the day starts at her day-start hour). */
  dailyCap: number;
  /** Active feed time on this page before the first nudge of a visit can come. */
  minPageActiveMs: number;
  /** Active feed time that must build up since the last nudge (or the page visit's start). */
  minActiveMs: number;
  /** Scroll distance that must build up over the same stretch. */
  minScrollPx: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Every frequency but `off`, which never shows a nudge. */
export const NUDGE_PRESETS: Readonly<Record<Exclude<NudgeFrequency, 'off'>, NudgePreset>> = {
  gentle: { minGapMs: 20 * MINUTE, dailyCap: 4, minPageActiveMs: MINUTE, minActiveMs: 6 * MINUTE, minScrollPx: 6_000 },
  balanced: {
    minGapMs: 12 * MINUTE,
    dailyCap: 8,
    minPageActiveMs: MINUTE,
    minActiveMs: 4 * MINUTE,
    minScrollPx: 4_000,
  },
  frequent: {
    minGapMs: 6 * MINUTE,
    dailyCap: 15,
    minPageActiveMs: MINUTE,
    minActiveMs: 2 * MINUTE,
    minScrollPx: 2_000,
  },
  /**
   * Automated browser tests only; never offered in settings. Its first-minute wait is 5 s too,
   * so a scripted session needn't idle for a minute.
   */
  test: {
    minGapMs: 20 * SECOND,
    dailyCap: 100,
    minPageActiveMs: 5 * SECOND,
    minActiveMs: 5 * SECOND,
    minScrollPx: 300,
  },
};

/** Keystrokes in an editable field this recent mean she is writing: don't interrupt. */
export const TYPING_QUIET_MS = 5 * SECOND;
export const SNOOZE_HOUR_MS = HOUR;
/**
 * A snooze never legitimately lasts longer than a day (25 hours on a DST day). One reaching
 * further ahead means the clock was moved back; it is ignored rather than silencing nudges
 * for days.
 */
const MAX_SNOOZE_MS = 26 * HOUR;
/** A full comparison signal (every recent post a comparison trap) halves the build-up. */
export const COMPARISON_SIGNAL_MAX_REDUCTION = 0.5;

export const NUDGE_SCHEMA_VERSION = 1;

export interface NudgeState {
  schemaVersion: typeof NUDGE_SCHEMA_VERSION;
  /** The day `shownToday` counts. */
  day: DayKey;
  shownToday: number;
  /** When the last nudge was shown, in any tab on any site. */
  lastShownAt?: number;
  snoozedUntil?: number;
  tagWeights: TagWeights;
  rotation: RotationState;
}

export interface NudgeContext {
  now: number;
  dayStartHour: number;
  frequency: NudgeFrequency;
  /** A feed page of the site (not messages or settings). */
  isFeedPage: boolean;
  pageVisible: boolean;
  /** A limit warning or boundary screen is on the page. */
  boundaryShown: boolean;
  /** Last keypress in an editable field, if any. */
  typingAt?: number;
  /** Active time on this feed page since the visit began. */
  activeMsOnPage: number;
  /** Active time on this feed page since the later of the visit's start and the last nudge shown on it. */
  activeMsSinceLastNudge: number;
  /** Scroll distance over the same stretch, in CSS pixels. */
  scrollPxSinceLastNudge: number;
  /**
   * Optional, 0..1: how much of what she has scrolled past lately looks like comparison traps
   * (e.g. the share of recent posts a classifier flagged). It shortens the build-up — active
   * time and scroll distance — linearly down to half at 1, so a run of trap posts is met
   * sooner. It never relaxes the gap, the daily cap, the first minute, typing, hidden page,
   * boundary screen or snooze. Missing, NaN or out-of-range values are treated as 0 / clamped.
   */
  comparisonSignal?: number;
}

/** Why no nudge now: one reason per rule, checked in this order. */
export type NudgeBlockReason =
  | 'off'
  | 'not-feed-page'
  | 'page-hidden'
  | 'boundary-shown'
  | 'snoozed'
  | 'daily-cap'
  | 'too-soon'
  | 'first-minute'
  | 'typing'
  | 'not-enough-active-time'
  | 'not-enough-scroll';

export type NudgeDecision = { show: true } | { show: false; reason: NudgeBlockReason };

export function presetFor(frequency: NudgeFrequency): NudgePreset | undefined {
  if (frequency === 'off' || !Object.hasOwn(NUDGE_PRESETS, frequency)) return undefined;
  return NUDGE_PRESETS[frequency];
}

/** The build-up a nudge needs at this frequency, shortened by the comparison signal. */
export function requiredBuildUp(
  frequency: NudgeFrequency,
  comparisonSignal?: number,
): { activeMs: number; scrollPx: number } | undefined {
  const preset = presetFor(frequency);
  return preset ? buildUp(preset, comparisonSignal) : undefined;
}

function buildUp(preset: NudgePreset, comparisonSignal?: number): { activeMs: number; scrollPx: number } {
  const signal =
    comparisonSignal !== undefined && Number.isFinite(comparisonSignal)
      ? Math.min(1, Math.max(0, comparisonSignal))
      : 0;
  const factor = 1 - COMPARISON_SIGNAL_MAX_REDUCTION * signal;
  return { activeMs: Math.ceil(preset.minActiveMs * factor), scrollPx: Math.ceil(preset.minScrollPx * factor) };
}

/** Nudges shown so far on the day containing `now` (a stored count from another day is 0). */
export function shownOnDay(state: NudgeState, now: number, dayStartHour: number): number {
  return state.day === dayKeyOf(now, dayStartHour) ? state.shownToday : 0;
}

export function isSnoozed(state: NudgeState, now: number): boolean {
  const until = state.snoozedUntil;
  return until !== undefined && now < until && until - now <= MAX_SNOOZE_MS;
}

/** Whether a nudge may be shown now, or the first rule that says no. */
export function decideNudge(state: NudgeState, context: NudgeContext): NudgeDecision {
  const { now } = context;
  const preset = presetFor(context.frequency);
  if (!preset) return { show: false, reason: 'off' };
  if (!context.isFeedPage) return { show: false, reason: 'not-feed-page' };
  if (!context.pageVisible) return { show: false, reason: 'page-hidden' };
  if (context.boundaryShown) return { show: false, reason: 'boundary-shown' };
  if (isSnoozed(state, now)) return { show: false, reason: 'snoozed' };
  if (shownOnDay(state, now, context.dayStartHour) >= preset.dailyCap) return { show: false, reason: 'daily-cap' };
  // Both directions: a last nudge "in the future" by less than the gap means the clock moved
  // back a little (block); by more, the stored time is not to be trusted (ignore it).
  const last = state.lastShownAt;
  if (last !== undefined && Math.abs(now - last) < preset.minGapMs) return { show: false, reason: 'too-soon' };
  // Written so NaN from a confused caller blocks rather than shows.
  if (!(context.activeMsOnPage >= preset.minPageActiveMs)) return { show: false, reason: 'first-minute' };
  if (context.typingAt !== undefined && now - context.typingAt < TYPING_QUIET_MS) {
    return { show: false, reason: 'typing' };
  }
  const needed = buildUp(preset, context.comparisonSignal);
  if (!(context.activeMsSinceLastNudge >= needed.activeMs)) return { show: false, reason: 'not-enough-active-time' };
  if (!(context.scrollPxSinceLastNudge >= needed.scrollPx)) return { show: false, reason: 'not-enough-scroll' };
  return { show: true };
}

/**
 * The page's own check before it asks the background (asking wakes the service worker): the
 * same rules over the state as last stored. A yes is likely, not certain: another tab may have
 * just shown one, and the background decides with the state as it is then.
 */
export function worthAsking(state: NudgeState | null | undefined, context: NudgeContext): boolean {
  return decideNudge(state ?? initialNudgeState(context.now, context.dayStartHour), context).show;
}

export function initialNudgeState(now: number, dayStartHour: number): NudgeState {
  return {
    schemaVersion: NUDGE_SCHEMA_VERSION,
    day: dayKeyOf(now, dayStartHour),
    shownToday: 0,
    tagWeights: {},
    rotation: emptyRotation(),
  };
}

function daysBetween(from: DayKey, to: DayKey): number {
  const [fy, fm, fd] = parseDayKey(from);
  const [ty, tm, td] = parseDayKey(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / (24 * HOUR));
}

/**
 * The state moved to the day containing `now`: a new day starts the count at 0, and tag
 * weights drift back towards 1 for each day passed. A day key earlier than the stored one
 * (the clock went back) resets the count without decay.
 */
export function rollToDay(state: NudgeState, now: number, dayStartHour: number): NudgeState {
  const today = dayKeyOf(now, dayStartHour);
  if (today === state.day) return state;
  return {
    ...state,
    day: today,
    shownToday: 0,
    tagWeights: decayTagWeights(state.tagWeights, daysBetween(state.day, today)),
  };
}

/**
 * The reminder to show next, with the rotation brought in line with the library (ids added
 * or removed). It is used up only by `recordShown`, so asking twice gives the same one.
 * `undefined` when the library is empty.
 */
export function pickReminder<R extends NudgeReminderRef & { times?: readonly TimeOfDay[] }>(
  state: NudgeState,
  library: readonly R[],
  rng: () => number,
  /** Local time now: only reminders whose words fit this part of the day. */
  now?: number,
): { reminder: R; state: NudgeState } | undefined {
  const part = now === undefined ? undefined : timeOfDay(new Date(now).getHours());
  const fits = (reminder: R) => part === undefined || !reminder.times || reminder.times.includes(part);
  const picked = nextReminder(state.rotation, library, state.tagWeights, rng, fits);
  if (!picked) return undefined;
  return { reminder: picked.reminder, state: { ...state, rotation: picked.rotation } };
}

/** A nudge was shown at `now`: it counts for the gap and the cap, and leaves its round. */
export function recordShown(state: NudgeState, reminderId: string, now: number, dayStartHour: number): NudgeState {
  const current = rollToDay(state, now, dayStartHour);
  return {
    ...current,
    shownToday: current.shownToday + 1,
    lastShownAt: now,
    rotation: markShown(current.rotation, reminderId),
  };
}

export interface NudgeOutcomeReport {
  reminderId: string;
  tag: string;
  outcome: NudgeOutcome;
  /** When the card appeared. */
  shownAt: number;
  /** When she acted (or the card left by itself). */
  at: number;
}

/**
 * Her response to a shown nudge. The theme's weight moves a gentle step (a "not now" within
 * 3 s counts as a fast dismissal); the snooze outcomes also snooze, so the caller need not.
 */
export function recordOutcome(state: NudgeState, report: NudgeOutcomeReport, dayStartHour: number): NudgeState {
  const outcome = classifyOutcome(report.outcome, report.shownAt, report.at);
  const current = rollToDay(state, report.at, dayStartHour);
  const weighted = { ...current, tagWeights: adjustTagWeight(current.tagWeights, report.tag, outcome) };
  if (outcome === 'snoozed-hour') return snooze(weighted, 'hour', report.at, dayStartHour);
  if (outcome === 'snoozed-today') return snooze(weighted, 'today', report.at, dayStartHour);
  return weighted;
}

/**
 * No nudges for an hour, or until her next day starts. The latest choice wins, so "an hour"
 * after "today" shortens the snooze: it is what she asked for last.
 */
export function snooze(state: NudgeState, length: 'hour' | 'today', now: number, dayStartHour: number): NudgeState {
  const current = rollToDay(state, now, dayStartHour);
  const until = length === 'hour' ? now + SNOOZE_HOUR_MS : nextDayStartAfter(now, dayStartHour);
  return { ...current, snoozedUntil: until };
}

export function clearSnooze(state: NudgeState): NudgeState {
  const { snoozedUntil: _cleared, ...rest } = state;
  return rest;
}

const Id = v.pipe(v.string(), v.maxLength(200));
const Moment = v.pipe(v.number(), v.finite());

export const NudgeStateKind: RecordKind<NudgeState> = {
  name: 'nudge-state',
  version: NUDGE_SCHEMA_VERSION,
  schema: v.pipe(
    v.object({
      schemaVersion: v.literal(NUDGE_SCHEMA_VERSION),
      day: v.pipe(
        v.string(),
        v.check((day) => isDayKey(day)),
      ),
      shownToday: v.pipe(v.number(), v.integer(), v.minValue(0)),
      lastShownAt: v.optional(Moment),
      snoozedUntil: v.optional(Moment),
      tagWeights: plainRecord(Id, v.pipe(v.number(), v.minValue(TAG_WEIGHT_MIN), v.maxValue(TAG_WEIGHT_MAX))),
      rotation: v.object({ queue: v.array(Id), known: v.array(Id), recent: v.array(Id) }),
    }),
    // Optional fields are left out rather than stored as `undefined`.
    v.transform(
      ({ lastShownAt, snoozedUntil, ...rest }): NudgeState => ({
        ...rest,
        ...(lastShownAt !== undefined && { lastShownAt }),
        ...(snoozedUntil !== undefined && { snoozedUntil }),
      }),
    ),
  ),
  migrations: {},
};

export interface NudgeStateReadResult {
  state: NudgeState;
  /** Set when the stored value could not be used (a fresh state is returned): why. */
  problem?: RecordProblem;
}

/**
 * Read a stored value: absent → a fresh state; valid → it, moved to today; anything else → a
 * fresh state and what was wrong (the background keeps the old value aside).
 */
export function readNudgeState(value: unknown, now: number, dayStartHour: number): NudgeStateReadResult {
  if (value === undefined || value === null) return { state: initialNudgeState(now, dayStartHour) };
  const read = readRecord(NudgeStateKind, value);
  if (!read.ok) return { state: initialNudgeState(now, dayStartHour), problem: read.problem };
  return { state: rollToDay(read.value, now, dayStartHour) };
}
