/**
 * The boundary decision for one site at one moment, and the day-state changes behind the
 * boundary screen's buttons. Pure: `now`, settings, today's usage and today's state are passed in.
 *
 * Order of rules:
 * 1. "Pause for today" turns everything off until the next day start.
 * 2. Extra minutes taken during a feed-free time (`extraUntil`) let her scroll until then,
 *    whatever the window or the limits say: "a few more minutes" means a few more minutes.
 * 3. A feed-free time in effect shows the boundary screen, whatever minutes are left.
 * 4. Limits: the overall and the site's own both apply; the one with less time left wins
 *    (on a tie, the site's, the more specific). Extra minutes taken today add to both.
 *    At `warningPercent` of the winning limit comes a quiet warning, its notice once per
 *    site per day; at the limit, the boundary screen until the next day start.
 */
import { nextDayStartAfter } from '../time/day';
import type { BoundarySettings, FeedFreeWindow } from './boundarySettings';
import { type ActiveFeedFreeWindow, activeFeedFreeWindow, upcomingFeedFreeWindows } from './schedule';
import { type BoundaryDayState, dayStateFor } from './stateRecords';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface BoundaryUsage {
  /** Today's active ms per site id (built-in and her own sites). */
  todayMsBySite: Record<string, number>;
}

export type LimitScope = 'overall' | 'site';

export type BoundaryDecision =
  | {
      kind: 'ok';
      /** Minutes left under the tighter limit (rounded up), when a limit applies. */
      minutesLeft?: number;
      /** Set when she paused limits for today. */
      paused?: true;
      /** Set while extra minutes from a feed-free time run (epoch ms they end). */
      extraUntil?: number;
    }
  | { kind: 'warning'; minutesLeft: number; limitMinutes: number; scope: LimitScope; showNotice: boolean }
  | { kind: 'limit'; scope: LimitScope; limitMinutes: number; liftsAt: number; extensionsLeft: number }
  | { kind: 'feed-free'; window: FeedFreeWindow; liftsAt: number; extensionsLeft: number };

export interface BoundaryInput {
  now: number;
  site: string;
  settings: BoundarySettings;
  usage: BoundaryUsage;
  /** Stored state; one from another day counts as fresh. */
  dayState: BoundaryDayState | null | undefined;
  dayStartHour: number;
}

/** Where she stands against one limit today. */
export interface LimitStanding {
  scope: LimitScope;
  limitMinutes: number;
  usedMs: number;
  /** The limit plus extra minutes taken today. */
  allowanceMs: number;
  /** Allowance minus use; ≤ 0 at the limit. */
  leftMs: number;
  /** At or past the warning point of the limit itself (so it stays on during extra minutes). */
  warning: boolean;
}

const safeMs = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;

export function totalUsedMs(usage: BoundaryUsage): number {
  return Object.values(usage.todayMsBySite).reduce<number>((sum, ms) => sum + safeMs(ms), 0);
}

function siteLimitOf(settings: BoundarySettings, site: string): number | undefined {
  return Object.hasOwn(settings.siteLimits, site)
    ? (settings.siteLimits as Record<string, number | undefined>)[site]
    : undefined;
}

function standing(
  scope: LimitScope,
  limitMinutes: number,
  usedMs: number,
  settings: BoundarySettings,
  dayState: BoundaryDayState,
): LimitStanding {
  const limitMs = limitMinutes * MINUTE_MS;
  const allowanceMs = limitMs + safeMs(dayState.extraMsGranted);
  return {
    scope,
    limitMinutes,
    usedMs,
    allowanceMs,
    leftMs: allowanceMs - usedMs,
    warning: usedMs * 100 >= limitMs * settings.warningPercent,
  };
}

/**
 * The limit that binds: with a `site`, the tighter of the overall limit and that site's own;
 * without one, the overall limit only. Null when no limit applies. `dayState` must be today's.
 */
export function bindingLimit(
  settings: BoundarySettings,
  usage: BoundaryUsage,
  dayState: BoundaryDayState,
  site?: string,
): LimitStanding | null {
  const candidates: LimitStanding[] = [];
  if (site !== undefined) {
    const siteLimit = siteLimitOf(settings, site);
    if (siteLimit !== undefined) {
      candidates.push(standing('site', siteLimit, safeMs(usage.todayMsBySite[site]), settings, dayState));
    }
  }
  if (settings.dailyLimitMinutes !== null) {
    candidates.push(standing('overall', settings.dailyLimitMinutes, totalUsedMs(usage), settings, dayState));
  }
  // Site first, so on equal time left the site's own limit is the one named.
  return candidates.reduce<LimitStanding | null>(
    (best, candidate) => (best === null || candidate.leftMs < best.leftMs ? candidate : best),
    null,
  );
}

export const minutesLeftOf = (leftMs: number): number => Math.max(0, Math.ceil(leftMs / MINUTE_MS));

export function extensionsLeftOf(dayState: BoundaryDayState, settings: BoundarySettings): number {
  return Math.max(0, settings.extensionsPerDay - dayState.extensionsUsed);
}

/** Whether extra minutes taken during a feed-free time are running at `now`. */
export const extraTimeRunning = (dayState: BoundaryDayState, now: number): boolean =>
  dayState.extraUntil !== undefined && dayState.extraUntil > now;

/**
 * What the clock and the calendar contribute to a decision at `now`: today's state, the
 * feed-free time in effect, when limits lift. It holds until `validUntil` (the day starts, a
 * feed-free time starts or ends, extra time runs out) or until settings or the state change, so
 * a page works it out once and decides again cheaply as usage grows.
 */
export interface BoundaryClock {
  now: number;
  /** Today's state (a stored one from another day counts as fresh). */
  state: BoundaryDayState;
  feedFree: ActiveFeedFreeWindow | null;
  /** The next day start: when a reached limit lifts. */
  nextDayStart: number;
  /** Decide again from scratch at this moment. */
  validUntil: number;
}

/** The feed-free time she chose for the rest of today: unnamed, every day it is set. */
const REST_OF_DAY: FeedFreeWindow = { id: 'rest-of-day', start: '00:00', end: '00:00', days: [], label: '' };

/** The next moment a feed-free time starts (within a day), or Infinity. */
function nextFeedFreeStart(now: number, settings: BoundarySettings): number {
  const next = upcomingFeedFreeWindows(now, settings.feedFreeWindows, DAY_MS).find((window) => window.startsAt > now);
  return next?.startsAt ?? Number.POSITIVE_INFINITY;
}

export function boundaryClock(
  now: number,
  settings: BoundarySettings,
  dayState: BoundaryDayState | null | undefined,
  dayStartHour: number,
): BoundaryClock {
  const state = dayStateFor(now, dayStartHour, dayState);
  const nextDayStart = nextDayStartAfter(now, dayStartHour);
  if (state.pausedForToday) return { now, state, feedFree: null, nextDayStart, validUntil: nextDayStart };
  // The rest of today feed-free (from a reflection): a feed-free time until the day starts.
  const feedFree =
    activeFeedFreeWindow(now, settings.feedFreeWindows) ??
    (state.feedFreeRestOfDay
      ? { window: REST_OF_DAY, startsAt: now, endsAt: nextDayStart, liftsAt: nextDayStart }
      : null);
  const moments = [nextDayStart, feedFree ? feedFree.liftsAt : nextFeedFreeStart(now, settings)];
  if (extraTimeRunning(state, now)) moments.push(state.extraUntil as number);
  return { now, state, feedFree, nextDayStart, validUntil: Math.min(...moments) };
}

export function decideBoundary({
  now,
  site,
  settings,
  usage,
  dayState,
  dayStartHour,
}: BoundaryInput): BoundaryDecision {
  return decideWithClock(boundaryClock(now, settings, dayState, dayStartHour), site, settings, usage);
}

/** The decision for `site` with the clock's part already worked out (see `boundaryClock`). */
export function decideWithClock(
  clock: BoundaryClock,
  site: string,
  settings: BoundarySettings,
  usage: BoundaryUsage,
): BoundaryDecision {
  const { now, state } = clock;
  if (state.pausedForToday) return { kind: 'ok', paused: true };

  const extraUntil = extraTimeRunning(state, now) ? state.extraUntil : undefined;
  const binding = bindingLimit(settings, usage, state, site);
  if (extraUntil !== undefined) {
    return binding
      ? { kind: 'ok', minutesLeft: minutesLeftOf(binding.leftMs), extraUntil }
      : { kind: 'ok', extraUntil };
  }

  const extensionsLeft = extensionsLeftOf(state, settings);
  const { feedFree } = clock;
  if (feedFree) return { kind: 'feed-free', window: feedFree.window, liftsAt: feedFree.liftsAt, extensionsLeft };

  if (!binding) return { kind: 'ok' };
  if (binding.leftMs <= 0) {
    return {
      kind: 'limit',
      scope: binding.scope,
      limitMinutes: binding.limitMinutes,
      liftsAt: clock.nextDayStart,
      extensionsLeft,
    };
  }
  const minutesLeft = minutesLeftOf(binding.leftMs);
  if (binding.warning) {
    return {
      kind: 'warning',
      minutesLeft,
      limitMinutes: binding.limitMinutes,
      scope: binding.scope,
      showNotice: !state.warnedSites.includes(site),
    };
  }
  return { kind: 'ok', minutesLeft };
}

/** Why the boundary screen's request was refused, as a code (the screen says it in words). */
export type BoundaryRefusal =
  /** She chose no extra time at all (0 a day). */
  | { code: 'no-extra-chosen' }
  /** Today's extra times are used up. */
  | { code: 'no-extra-left'; perDay: number }
  | { code: 'pause-not-over'; secondsLeft: number }
  /** The request didn't come from the top page of a tracked site, or from no tab. */
  | { code: 'not-here' };

export type BoundaryActionReply = { ok: true } | { ok: false; reason: BoundaryRefusal };

export type ExtensionResult =
  | {
      ok: true;
      state: BoundaryDayState;
      /** `allowance`: extra active minutes added to today's limits; `until`: a few wall-clock
       * minutes off a feed-free time (`state.extraUntil`). */
      extra: 'allowance' | 'until';
    }
  | { ok: false; reason: BoundaryRefusal };

/** Refuses while the deliberate pause that began at `pauseStartedAt` is not over at `now`. */
export function pauseRefusal(pauseStartedAt: number, pauseSeconds: number, now: number): BoundaryRefusal | undefined {
  const waitMs = pauseStartedAt + pauseSeconds * 1000 - now;
  return waitMs > 0 ? { code: 'pause-not-over', secondsLeft: Math.max(1, Math.ceil(waitMs / 1000)) } : undefined;
}

export interface ExtensionOptions {
  /**
   * When the deliberate pause began (epoch ms). Given, the extension is refused until
   * `pauseSeconds` have passed, so the background can hold to the pause even if a page skips it.
   */
  pauseStartedAt?: number;
  /** Which screen she is on. Default: the feed-free one when a feed-free time is in effect at `now`. */
  for?: 'limit' | 'feed-free';
}

/**
 * "A few more minutes". `dayState` must be today's (from `dayStateFor`). At a limit, adds
 * `extraMinutes` of active time to today's allowance; during a feed-free time, sets
 * `extraUntil` to `extraMinutes` from now. Capped at `extensionsPerDay`.
 */
export function grantExtension(
  dayState: BoundaryDayState,
  settings: BoundarySettings,
  now: number,
  options: ExtensionOptions = {},
): ExtensionResult {
  if (dayState.extensionsUsed >= settings.extensionsPerDay) {
    return {
      ok: false,
      reason:
        settings.extensionsPerDay === 0
          ? { code: 'no-extra-chosen' }
          : { code: 'no-extra-left', perDay: settings.extensionsPerDay },
    };
  }
  if (options.pauseStartedAt !== undefined) {
    const refusal = pauseRefusal(options.pauseStartedAt, settings.pauseSeconds, now);
    if (refusal) return { ok: false, reason: refusal };
  }
  const extraMs = settings.extraMinutes * MINUTE_MS;
  const forFeedFree =
    options.for === undefined
      ? activeFeedFreeWindow(now, settings.feedFreeWindows) !== null
      : options.for === 'feed-free';
  const used = { ...dayState, warnedSites: [...dayState.warnedSites], extensionsUsed: dayState.extensionsUsed + 1 };
  if (forFeedFree) {
    const from = dayState.extraUntil !== undefined && dayState.extraUntil > now ? dayState.extraUntil : now;
    return { ok: true, state: { ...used, extraUntil: from + extraMs }, extra: 'until' };
  }
  return {
    ok: true,
    state: { ...used, extraMsGranted: safeMs(dayState.extraMsGranted) + extraMs },
    extra: 'allowance',
  };
}

/** "Pause for today": limits and feed-free times are off until the next day start. */
export function pauseForToday(dayState: BoundaryDayState): BoundaryDayState {
  return { ...dayState, warnedSites: [...dayState.warnedSites], pausedForToday: true };
}

/** Undo "pause for today". */
export function resumeToday(dayState: BoundaryDayState): BoundaryDayState {
  return { ...dayState, warnedSites: [...dayState.warnedSites], pausedForToday: false };
}

/** Note that today's warning notice was shown on `site` (so it isn't shown there again today). */
export function markWarned(dayState: BoundaryDayState, site: string): BoundaryDayState {
  if (dayState.warnedSites.includes(site)) return dayState;
  return { ...dayState, warnedSites: [...dayState.warnedSites, site] };
}
