/**
 * The one-click boundary reflection, as data: what happened (the context), the ready-made
 * reflections and the boundaries the flow offers for it, and how a chosen boundary changes her
 * settings and how that is undone. Pure: `now` and the context are passed in; the background
 * applies the result (and the journal entry with it) all or nothing.
 */
import * as v from 'valibot';
import { MAX_FEED_FREE_WINDOWS, MAX_LIMIT_MINUTES } from '../limits/boundarySettings';
import type { Settings } from '../storage/settings';
import type { AppliedBoundary, Feeling } from './entries';

/** Recurring feed-free times the flow offers: evening, family dinner, school-day mornings. */
export const FEED_FREE_PRESETS = {
  evenings: { start: '21:00', end: '07:00', days: [0, 1, 2, 3, 4, 5, 6] },
  dinner: { start: '17:30', end: '19:30', days: [0, 1, 2, 3, 4, 5, 6] },
  mornings: { start: '07:00', end: '09:00', days: [1, 2, 3, 4, 5] },
} as const satisfies Record<string, { start: string; end: string; days: readonly number[] }>;
export type FeedFreePreset = keyof typeof FEED_FREE_PRESETS;
export const FEED_FREE_PRESET_IDS = Object.keys(FEED_FREE_PRESETS) as FeedFreePreset[];

/** Minutes less, for "a few minutes less". */
export const LESS_MINUTES = 5;
/** The smallest limit the flow offers. */
export const LOWEST_LIMIT = 5;
/** A first overall limit, when she has none (the research's suggested default). */
export const FIRST_DAILY_LIMIT = 30;
/** Accounts hidden at most in one reflection. */
export const MAX_HIDE = 3;

const Short = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LIMIT_MINUTES));

/** A boundary she chose in the flow, before it is applied. */
export const BoundaryChoiceSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('hide-accounts'),
    site: Short,
    handles: v.pipe(v.array(Short), v.minLength(1), v.maxLength(MAX_HIDE)),
  }),
  v.strictObject({ kind: v.literal('site-limit'), site: Short, minutes: Minutes }),
  v.strictObject({ kind: v.literal('daily-limit'), minutes: Minutes }),
  v.strictObject({ kind: v.literal('feed-free-tonight') }),
  v.strictObject({ kind: v.literal('feed-free-time'), preset: v.picklist(FEED_FREE_PRESET_IDS) }),
]);
export type BoundaryChoice = v.InferOutput<typeof BoundaryChoiceSchema>;

/** What the flow knows of the moment it opens in. */
export interface ReflectionContext {
  /** The feed site she is on, if any. */
  site?: { id: string; name: string };
  /** Today's minutes on that site. */
  siteMinutesToday: number;
  /** Her local hour now (0–23) and the hour her day starts. */
  hour: number;
  dayStartHour: number;
  boundaries: Settings['boundaries'];
  /** Accounts on that site that showed her most comparison-trap posts today, not hidden yet. */
  topAccounts: { handle: string; name?: string; trapPosts: number }[];
}

/** From 17:00 until her day starts: "the rest of this evening" makes sense. */
export function isEvening(hour: number, dayStartHour: number): boolean {
  return hour >= 17 || hour < dayStartHour;
}

/** A few minutes less than `limit`, never below the lowest the flow offers; undefined when no lower fits. */
export function fewerMinutes(limit: number): number | undefined {
  const next = Math.max(LOWEST_LIMIT, limit - LESS_MINUTES);
  return next < limit ? next : undefined;
}

/** A first limit for a site without one: a little under today's minutes there, between 5 and 60. */
export function firstSiteLimit(minutesToday: number): number {
  if (minutesToday <= LESS_MINUTES) return 15;
  return Math.min(60, Math.max(LOWEST_LIMIT, Math.floor((minutesToday - LESS_MINUTES) / 5) * 5));
}

const hasPreset = (boundaries: Settings['boundaries'], preset: FeedFreePreset) => {
  const { start, end, days } = FEED_FREE_PRESETS[preset];
  return boundaries.feedFreeWindows.some(
    (window) => window.start === start && window.end === end && days.every((day) => window.days.includes(day)),
  );
};

/** The boundaries step 3 offers here, in order ("none" is the flow's own). */
export function boundaryOptions(context: ReflectionContext): BoundaryChoice[] {
  const options: BoundaryChoice[] = [];
  const { site, boundaries } = context;
  if (site && context.topAccounts.length > 0) {
    options.push({
      kind: 'hide-accounts',
      site: site.id,
      handles: context.topAccounts.slice(0, MAX_HIDE).map((account) => account.handle),
    });
  }
  if (site) {
    const limit = (boundaries.siteLimits as Record<string, number | undefined>)[site.id];
    const minutes = limit === undefined ? firstSiteLimit(context.siteMinutesToday) : fewerMinutes(limit);
    if (minutes !== undefined) options.push({ kind: 'site-limit', site: site.id, minutes });
  }
  const daily = boundaries.dailyLimitMinutes === null ? FIRST_DAILY_LIMIT : fewerMinutes(boundaries.dailyLimitMinutes);
  if (daily !== undefined) options.push({ kind: 'daily-limit', minutes: daily });
  options.push({ kind: 'feed-free-tonight' });
  if (boundaries.feedFreeWindows.length < MAX_FEED_FREE_WINDOWS) {
    for (const preset of FEED_FREE_PRESET_IDS) {
      if (!hasPreset(boundaries, preset)) options.push({ kind: 'feed-free-time', preset });
    }
  }
  return options;
}

/** A ready-made reflection: what she might say (a message key), the feeling, and its boundary. */
export interface ReadyReflection {
  id: 'comparing' | 'running_on_empty' | 'more_time';
  feelings: Feeling[];
  choice: BoundaryChoice;
}

/**
 * Two or three reflections for one click, chosen from what happened: the accounts she saw (hide
 * them), the time of day (the rest of this evening, or a feed-free evening ahead), the site she
 * is on (a few minutes less there) or, off the feeds, her overall limit.
 */
export function readyReflections(context: ReflectionContext): ReadyReflection[] {
  const options = boundaryOptions(context);
  const find = <K extends BoundaryChoice['kind']>(
    kind: K,
    test: (choice: Extract<BoundaryChoice, { kind: K }>) => boolean = () => true,
  ) =>
    options.find(
      (choice): choice is Extract<BoundaryChoice, { kind: K }> => choice.kind === kind && test(choice as never),
    );
  const ready: ReadyReflection[] = [];
  const hide = find('hide-accounts');
  if (hide) ready.push({ id: 'comparing', feelings: ['compared'], choice: hide });
  const rest = isEvening(context.hour, context.dayStartHour)
    ? find('feed-free-tonight')
    : (find('feed-free-time', (choice) => choice.preset === 'evenings') ?? find('feed-free-tonight'));
  if (rest) ready.push({ id: 'running_on_empty', feelings: ['tired'], choice: rest });
  const less = find('site-limit') ?? find('daily-limit');
  if (less) ready.push({ id: 'more_time', feelings: [], choice: less });
  return ready.slice(0, 3);
}

/** Settings with `choice` applied, and what was applied (with what it replaced). */
export function applyToSettings(
  settings: Settings,
  choice: Extract<BoundaryChoice, { kind: 'site-limit' | 'daily-limit' | 'feed-free-time' }>,
  windowId: string,
  label: string,
): { settings: Settings; applied: AppliedBoundary } | { refused: 'too-many-windows' } {
  const next = structuredClone(settings);
  const limits = next.boundaries.siteLimits as Record<string, number>;
  switch (choice.kind) {
    case 'site-limit': {
      const before = limits[choice.site] ?? null;
      limits[choice.site] = choice.minutes;
      return { settings: next, applied: { kind: 'site-limit', site: choice.site, minutes: choice.minutes, before } };
    }
    case 'daily-limit': {
      const before = next.boundaries.dailyLimitMinutes;
      next.boundaries.dailyLimitMinutes = choice.minutes;
      return { settings: next, applied: { kind: 'daily-limit', minutes: choice.minutes, before } };
    }
    case 'feed-free-time': {
      if (next.boundaries.feedFreeWindows.length >= MAX_FEED_FREE_WINDOWS) return { refused: 'too-many-windows' };
      const { start, end, days } = FEED_FREE_PRESETS[choice.preset];
      next.boundaries.feedFreeWindows.push({ id: windowId, start, end, days: [...days], label });
      return { settings: next, applied: { kind: 'feed-free-time', windowId, start, end, days: [...days] } };
    }
  }
}

/**
 * Settings with an applied boundary taken back: the limit it replaced (unless she changed that
 * limit again since, which is then hers to keep), the feed-free time it added. Undefined when
 * there is nothing in the settings to take back.
 */
export function undoInSettings(settings: Settings, applied: AppliedBoundary): Settings | undefined {
  const next = structuredClone(settings);
  const limits = next.boundaries.siteLimits as Record<string, number>;
  switch (applied.kind) {
    case 'site-limit':
      if (limits[applied.site] !== applied.minutes) return undefined;
      if (applied.before === null) delete limits[applied.site];
      else limits[applied.site] = applied.before;
      return next;
    case 'daily-limit':
      if (next.boundaries.dailyLimitMinutes !== applied.minutes) return undefined;
      next.boundaries.dailyLimitMinutes = applied.before;
      return next;
    case 'feed-free-time': {
      const kept = next.boundaries.feedFreeWindows.filter((window) => window.id !== applied.windowId);
      if (kept.length === next.boundaries.feedFreeWindows.length) return undefined;
      next.boundaries.feedFreeWindows = kept;
      return next;
    }
    default:
      return undefined;
  }
}
