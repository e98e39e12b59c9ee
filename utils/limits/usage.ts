/**
 * Today's usage as a page sees it, and what the page shows until something changes. The
 * background publishes today's totals after every write (the `boundaryUsage` item); a page adds
 * its own active time not yet stored, and decides with the same rules as everywhere
 * (decide.ts). So the page doesn't redo that work every second, the plan also says after how
 * much more active time on this page the decision could change (a warning point or a limit);
 * the clock's part (`boundaryClock`) says until when the calendar holds. Pure.
 */
import * as v from 'valibot';
import { plainRecord, type RecordKind } from '../storage/recordKind';
import type { DayKey } from '../time/day';
import type { BoundarySettings } from './boundarySettings';
import { type BoundaryClock, type BoundaryDecision, type BoundaryUsage, decideWithClock, totalUsedMs } from './decide';

const MINUTE_MS = 60_000;

/** What the background publishes after every write (storage.local `boundaryUsage`). */
export interface PublishedUsage {
  schemaVersion: 1;
  day: string;
  todayMsBySite: Record<string, number>;
  /** When this was computed (epoch ms); pages add their own unsent time since. */
  at: number;
}

const Milliseconds = v.pipe(v.number(), v.finite(), v.minValue(0));

export const PublishedUsageKind: RecordKind<PublishedUsage> = {
  name: 'published-usage',
  version: 1,
  schema: v.object({
    schemaVersion: v.literal(1),
    day: v.string(),
    todayMsBySite: plainRecord(v.pipe(v.string(), v.maxLength(200)), Milliseconds),
    at: Milliseconds,
  }),
  migrations: {},
  // Published before it had a version: the same fields.
  adoptUnversioned: (value) => value,
};

/**
 * The published totals when they are for `today` (the day containing `now`) and not from its
 * future (after a clock change); undefined otherwise, and then nothing published counts.
 */
export function publishedForToday(
  published: PublishedUsage | null | undefined,
  now: number,
  today: DayKey,
): PublishedUsage | undefined {
  return published && published.at <= now && published.day === today ? published : undefined;
}

/** Today's usage as this page sees it: the published totals plus `unsentMs` of its own on `site`. */
export function usageSeenByPage(published: PublishedUsage | undefined, site: string, unsentMs: number): BoundaryUsage {
  const todayMsBySite = { ...(published?.todayMsBySite ?? {}) };
  todayMsBySite[site] = (todayMsBySite[site] ?? 0) + Math.max(0, unsentMs);
  return { todayMsBySite };
}

export interface PageBoundaryInput {
  site: string;
  settings: BoundarySettings;
  /** The clock's part of the decision, worked out once (see `boundaryClock`); its `now` is the moment decided for. */
  clock: BoundaryClock;
  /** Published totals, already checked to be today's (`publishedForToday`). */
  published: PublishedUsage | undefined;
  /** This page's active ms since `unsentSince(...)` that the ledger may not have yet. */
  unsentMs: number;
}

export interface PageBoundaryPlan {
  decision: BoundaryDecision;
  /** Decide again once this page's unsent time (counted from `unsentSince`) reaches this; Infinity: never. */
  recheckAtUnsentMs: number;
}

/** The moment from which a page counts its own unsent time: when the totals it adds to were published. */
export function unsentSince(published: PublishedUsage | undefined, now: number): number {
  return published?.at ?? now;
}

/**
 * How much more used time (ms) brings the next warning point or limit, counting every limit
 * that applies on `site`; Infinity when no limit applies or all are passed.
 */
function timeToNextThreshold(input: PageBoundaryInput, usage: BoundaryUsage): number {
  const { settings, site } = input;
  const extra = input.clock.state.extraMsGranted;
  const extraMs = Number.isFinite(extra) ? Math.max(0, extra) : 0;
  const limits: { limitMinutes: number; usedMs: number }[] = [];
  const siteLimit = (settings.siteLimits as Record<string, number | undefined>)[site];
  if (Object.hasOwn(settings.siteLimits, site) && siteLimit !== undefined) {
    limits.push({ limitMinutes: siteLimit, usedMs: usage.todayMsBySite[site] ?? 0 });
  }
  if (settings.dailyLimitMinutes !== null) {
    limits.push({ limitMinutes: settings.dailyLimitMinutes, usedMs: totalUsedMs(usage) });
  }
  let next = Number.POSITIVE_INFINITY;
  for (const { limitMinutes, usedMs } of limits) {
    const limitMs = limitMinutes * MINUTE_MS;
    for (const threshold of [(limitMs * settings.warningPercent) / 100, limitMs + extraMs]) {
      if (threshold > usedMs) next = Math.min(next, threshold - usedMs);
    }
  }
  return next;
}

/** What the page shows now, and after how much more of its own active time to decide again. */
export function planPageBoundary(input: PageBoundaryInput): PageBoundaryPlan {
  const usage = usageSeenByPage(input.published, input.site, input.unsentMs);
  const decision = decideWithClock(input.clock, input.site, input.settings, usage);
  // At a limit or in a feed-free time, more scrolling changes nothing until the clock does.
  const moreTimeMatters = (decision.kind === 'ok' && !decision.paused) || decision.kind === 'warning';
  return {
    decision,
    recheckAtUnsentMs:
      input.unsentMs + (moreTimeMatters ? timeToNextThreshold(input, usage) : Number.POSITIVE_INFINITY),
  };
}
