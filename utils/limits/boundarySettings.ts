/**
 * Boundary settings: daily feed limits, feed-free times and the "a few more minutes" rules.
 * Shape, defaults, validation with friendly messages, and merging of overlapping feed-free
 * times. Pure: no `browser.*`, no DOM, no clock. Meant to be embedded in the main settings
 * as `settings.boundaries` (stored in `storage.sync`).
 *
 * Default choices (from the research on limits and on bypassing them):
 * - `dailyLimitMinutes` is `null` (no limit) until she chooses one. Limits are a tool she
 *   picks, not something we impose: a limit she never set would put a full-page boundary
 *   screen in front of her on day one, which is exactly the nagging the brief rules out.
 *   The UI offers `SUGGESTED_DAILY_LIMIT_MINUTES` (30 min in all, after Hunt et al. 2018)
 *   pre-filled, one tap to accept; per site it suggests `SUGGESTED_SITE_LIMIT_MINUTES` (10).
 * - A warning at 80% of a limit; "a few more minutes" is 5 minutes, twice a day, after a
 *   10-second pause: a delay, not a password, with a daily cap (LeechBlock-style).
 */
import * as v from 'valibot';
import { BUILT_IN_SITE_IDS, type BuiltInSiteId } from '../sites/types';
import { plainRecord } from '../storage/recordKind';

export const SUGGESTED_DAILY_LIMIT_MINUTES = 30;
export const SUGGESTED_SITE_LIMIT_MINUTES = 10;
export const MAX_LIMIT_MINUTES = 1440;
/** How much the −/+ buttons change a limit. */
export const SITE_LIMIT_STEP = 5;
/** The lowest limit: "−5" stops here (no limit is "none", never 0). */
export const MIN_SITE_LIMIT = 1;
/** A limit in whole minutes within its bounds. */
export const clampLimit = (minutes: number) =>
  Math.min(MAX_LIMIT_MINUTES, Math.max(MIN_SITE_LIMIT, Math.round(minutes)));
export const MAX_FEED_FREE_WINDOWS = 12;
export const MAX_WINDOW_LABEL_LENGTH = 60;
export const MAX_WINDOW_ID_LENGTH = 64;
export const MINUTES_PER_DAY = 1440;

/**
 * What can be wrong with boundary settings, as codes: valibot reports them as its issue
 * messages, and the UI turns each into words (components/text/problems.ts).
 */
export const SETTINGS_PROBLEM_CODES = [
  'limitRange',
  'limitWhole',
  'unknownSite',
  'time',
  'sameStartEnd',
  'noDays',
  'dayNumber',
  'label',
  'windowId',
  'duplicateId',
  'tooManyWindows',
  'windows',
  'warningPercent',
  'extraMinutes',
  'extensionsPerDay',
  'pauseSeconds',
  'idleRange',
  'idleWhole',
  'dayStartRange',
  'dayStartWhole',
  'frequency',
  /** Not the expected form at all (a wrong type where an object or list belongs). */
  'shape',
] as const;

export type SettingsProblemCode = (typeof SETTINGS_PROBLEM_CODES)[number];

const M = Object.fromEntries(SETTINGS_PROBLEM_CODES.map((code) => [code, code])) as {
  readonly [C in SettingsProblemCode]: C;
};

/**
 * A whole number in [min, max], with exactly one message when it isn't: the range message for
 * a wrong type, NaN, infinity or out of range; `wholeMessage` for a fraction inside the range.
 */
export function wholeNumber(
  min: number,
  max: number,
  rangeMessage: SettingsProblemCode,
  wholeMessage: SettingsProblemCode = rangeMessage,
) {
  return v.pipe(
    v.number(rangeMessage),
    v.rawCheck<number>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const value = dataset.value;
      if (!Number.isFinite(value) || value < min || value > max) addIssue({ message: rangeMessage });
      else if (!Number.isInteger(value)) addIssue({ message: wholeMessage });
    }),
  );
}

const LimitMinutesSchema = wholeNumber(1, MAX_LIMIT_MINUTES, M.limitRange, M.limitWhole);

/** `HH:MM`, 24-hour, 00:00–23:59. */
export const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export type ClockTime = string;

const ClockSchema = v.pipe(v.string(M.time), v.regex(CLOCK_PATTERN, M.time));

const DaysSchema = v.pipe(
  v.array(wholeNumber(0, 6, M.dayNumber), M.noDays),
  v.minLength(1, M.noDays),
  // Stored sorted and without repeats, so equal schedules look equal.
  v.transform((days) => [...new Set(days)].sort((a, b) => a - b)),
);

export const FeedFreeWindowSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(M.windowId), v.minLength(1, M.windowId), v.maxLength(MAX_WINDOW_ID_LENGTH, M.windowId)),
    start: ClockSchema,
    end: ClockSchema,
    days: DaysSchema,
    label: v.pipe(v.string(M.label), v.trim(), v.maxGraphemes(MAX_WINDOW_LABEL_LENGTH, M.label)),
  }),
  v.forward(
    v.partialCheck([['start'], ['end']], (input) => input.start !== input.end, M.sameStartEnd),
    ['end'],
  ),
);

const FeedFreeWindowsSchema = v.pipe(
  v.array(FeedFreeWindowSchema, M.windows),
  v.maxLength(MAX_FEED_FREE_WINDOWS, M.tooManyWindows),
  v.check((windows) => new Set(windows.map((window) => window.id)).size === windows.length, M.duplicateId),
);

export const BoundarySettingsSchema = v.object({
  /** Feed minutes a day over all sites; `null` = no overall limit (the default). */
  dailyLimitMinutes: v.nullable(LimitMinutesSchema),
  /** Feed minutes a day per built-in site; a site without an entry has no limit of its own. */
  siteLimits: plainRecord(v.picklist(BUILT_IN_SITE_IDS, M.unknownSite), LimitMinutesSchema, M.shape),
  /** Local-time windows without feeds. `end < start` runs across midnight (belongs to the start's day). */
  feedFreeWindows: FeedFreeWindowsSchema,
  /** Percent of a limit at which the quiet warning comes. */
  warningPercent: wholeNumber(50, 95, M.warningPercent),
  /** Minutes one "a few more minutes" gives. */
  extraMinutes: wholeNumber(1, 30, M.extraMinutes),
  /** How many times a day she can take a few more minutes. */
  extensionsPerDay: wholeNumber(0, 10, M.extensionsPerDay),
  /** The deliberate pause before extra minutes, in seconds. */
  pauseSeconds: wholeNumber(10, 60, M.pauseSeconds),
});

export type FeedFreeWindow = v.InferOutput<typeof FeedFreeWindowSchema>;
export type BoundarySettings = v.InferOutput<typeof BoundarySettingsSchema>;
export type SiteLimits = Partial<Record<BuiltInSiteId, number>>;

export const DEFAULT_BOUNDARY_SETTINGS: BoundarySettings = {
  dailyLimitMinutes: null,
  siteLimits: {},
  feedFreeWindows: [],
  warningPercent: 80,
  extraMinutes: 5,
  extensionsPerDay: 2,
  pauseSeconds: 10,
};

export const defaultBoundarySettings = (): BoundarySettings => structuredClone(DEFAULT_BOUNDARY_SETTINGS);

export type BoundaryValidation =
  | { ok: true; settings: BoundarySettings }
  | {
      ok: false;
      /** Distinct problems, in order, for a summary. */
      codes: SettingsProblemCode[];
      /** Each problem with where it is (`feedFreeWindows.2.days`), for showing it next to its field. */
      fields: { path: string; code: SettingsProblemCode }[];
    };

/** Each valibot issue as a settings problem code with its path (valibot's own messages become `shape`). */
export function problemFields(issues: readonly v.BaseIssue<unknown>[]): { path: string; code: SettingsProblemCode }[] {
  return issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '',
    code: (SETTINGS_PROBLEM_CODES as readonly string[]).includes(issue.message)
      ? (issue.message as SettingsProblemCode)
      : 'shape',
  }));
}

/** Validate boundary settings before saving: the cleaned settings, or what to tell her. */
export function validateBoundarySettings(candidate: unknown): BoundaryValidation {
  const result = v.safeParse(BoundarySettingsSchema, candidate);
  if (result.success) return { ok: true, settings: result.output };
  const fields = problemFields(result.issues);
  return { ok: false, codes: [...new Set(fields.map((field) => field.code))], fields };
}

/** Minutes after local midnight of an `HH:MM` time. */
export function clockToMinutes(clock: ClockTime): number {
  const match = CLOCK_PATTERN.exec(clock);
  if (!match) throw new RangeError(`not a HH:MM time: ${clock}`);
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

export function minutesToClock(minutes: number): ClockTime {
  const wrapped = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** Wall-clock length of a window in minutes (1–1439); 0 when start equals end (invalid). */
export function windowLengthMinutes(window: Pick<FeedFreeWindow, 'start' | 'end'>): number {
  const length = clockToMinutes(window.end) - clockToMinutes(window.start);
  return ((length % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

// ---------------------------------------------------------------------------------------
// Merging overlapping feed-free times
// ---------------------------------------------------------------------------------------

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

const mod = (value: number, by: number) => ((value % by) + by) % by;

/** One day's occurrence of a window on the weekly wall-clock circle (minute 0 = Sunday 00:00). */
interface Occurrence {
  window: number;
  day: number;
  start: number;
  length: number;
}

/** Whether two arcs on the week circle overlap or touch end to start. */
function touches(a: Occurrence, b: Occurrence): boolean {
  return mod(b.start - a.start, MINUTES_PER_WEEK) <= a.length || mod(a.start - b.start, MINUTES_PER_WEEK) <= b.length;
}

/** The single arc covered by a connected set of arcs, or null when they wrap the whole week. */
function unionArc(arcs: readonly Occurrence[]): { start: number; length: number } | null {
  // The union starts at an arc start that no other arc covers or touches from the left.
  const first = arcs.find((candidate) =>
    arcs.every((other) => {
      const offset = mod(candidate.start - other.start, MINUTES_PER_WEEK);
      return offset === 0 || offset > other.length;
    }),
  );
  if (!first) return null;
  let reach = 0;
  const ordered = [...arcs].sort(
    (a, b) => mod(a.start - first.start, MINUTES_PER_WEEK) - mod(b.start - first.start, MINUTES_PER_WEEK),
  );
  for (const arc of ordered) {
    const offset = mod(arc.start - first.start, MINUTES_PER_WEEK);
    if (offset > reach) break;
    reach = Math.max(reach, offset + arc.length);
  }
  return { start: first.start, length: reach };
}

export interface WindowMerge {
  /** The id of the window that now holds the merged time. */
  into: string;
  /** The ids of the windows whose time (on some or all of their days) went into it. */
  from: string[];
}

export interface NormalizedWindows {
  windows: FeedFreeWindow[];
  /** Empty when nothing overlapped: then `windows` equals the input (days sorted). */
  merged: WindowMerge[];
}

/**
 * Merge feed-free times that overlap or touch on the same days, so the list she sees has no
 * hidden doubles ("overlapping feed-free times were merged").
 *
 * Works day by day on the weekly wall clock: "Mon–Fri 19:00–20:00" and "Mon 19:30–21:00"
 * become "Mon 19:00–21:00" and "Tue–Fri 19:00–20:00". Across-midnight windows count on the
 * day they start, and touch the next day's windows after midnight (Sat 23:00–01:00 merges
 * with Sun 00:30–02:00 into Sat 23:00–02:00). Windows that don't overlap anything come back
 * unchanged. A merged window keeps the id and name of a window it came from when it can
 * (the first in list order); when every such id is still in use, it gets a derived id
 * `a+b`. Runs of touching times 24 hours or longer can't be one window (start and end would
 * coincide), so they are left as they are; the schedule still treats them as one stretch.
 * Idempotent: normalizing the result changes nothing.
 */
export function normalizeWindows(windows: readonly FeedFreeWindow[]): NormalizedWindows {
  /** Days each input window keeps as they are. */
  const keptDays = new Map<number, Set<number>>();
  const keep = (window: number, day: number) => {
    const days = keptDays.get(window) ?? new Set<number>();
    days.add(day);
    keptDays.set(window, days);
  };

  const occurrences: Occurrence[] = [];
  windows.forEach((window, index) => {
    const length = windowLengthMinutes(window);
    if (length === 0) {
      // Not a valid window (start equals end): left exactly as it is, for validation to report.
      keptDays.set(index, new Set(window.days));
      return;
    }
    for (const day of new Set(window.days)) {
      occurrences.push({ window: index, day, start: day * MINUTES_PER_DAY + clockToMinutes(window.start), length });
    }
  });

  // Connected groups of touching occurrences (union-find; at most 12 × 7 occurrences).
  const parent = occurrences.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    return root;
  };
  for (let a = 0; a < occurrences.length; a++) {
    for (let b = a + 1; b < occurrences.length; b++) {
      if (touches(occurrences[a] as Occurrence, occurrences[b] as Occurrence)) parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, Occurrence[]>();
  occurrences.forEach((occurrence, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), occurrence]);
  });

  /** Merged time, grouped by identical clock times and sources so days share one window. */
  const mergedGroups = new Map<string, { start: number; end: number; sources: number[]; days: Set<number> }>();
  for (const group of groups.values()) {
    const arc = group.length > 1 ? unionArc(group) : null;
    if (!arc || arc.length >= MINUTES_PER_DAY) {
      for (const occurrence of group) keep(occurrence.window, occurrence.day);
      continue;
    }
    const sources = [...new Set(group.map((occurrence) => occurrence.window))].sort((a, b) => a - b);
    const start = arc.start % MINUTES_PER_DAY;
    const end = (arc.start + arc.length) % MINUTES_PER_DAY;
    const key = `${start}|${end}|${sources.join(',')}`;
    const entry = mergedGroups.get(key) ?? { start, end, sources, days: new Set<number>() };
    entry.days.add(Math.floor(arc.start / MINUTES_PER_DAY));
    mergedGroups.set(key, entry);
  }

  if (mergedGroups.size === 0) {
    return {
      windows: windows.map((window) => ({ ...window, days: [...new Set(window.days)].sort(byNumber) })),
      merged: [],
    };
  }

  // A merged stretch whose times equal one of its own windows' times is absorbed by that window.
  const absorbed = new Map<number, number[]>();
  const fresh: { start: number; end: number; sources: number[]; days: Set<number> }[] = [];
  for (const entry of mergedGroups.values()) {
    const absorber = entry.sources.find((index) => {
      const window = windows[index] as FeedFreeWindow;
      return clockToMinutes(window.start) === entry.start && clockToMinutes(window.end) === entry.end;
    });
    if (absorber === undefined) {
      fresh.push(entry);
      continue;
    }
    for (const day of entry.days) keep(absorber, day);
    absorbed.set(absorber, [...(absorbed.get(absorber) ?? []), ...entry.sources.filter((index) => index !== absorber)]);
  }

  const inputIds = new Set(windows.map((window) => window.id));
  const usedIds = new Set<string>();
  const output: { order: [number, number, number]; window: FeedFreeWindow }[] = [];
  const merges = new Map<string, Set<string>>();
  const noteMerge = (into: string, from: readonly number[]) => {
    const ids = merges.get(into) ?? new Set<string>();
    for (const index of from) {
      const id = (windows[index] as FeedFreeWindow).id;
      if (id !== into) ids.add(id);
    }
    merges.set(into, ids);
  };

  for (const [index, days] of keptDays) {
    const window = windows[index] as FeedFreeWindow;
    usedIds.add(window.id);
    output.push({ order: [index, 0, 0], window: { ...window, days: [...days].sort(byNumber) } });
    const from = absorbed.get(index);
    if (from && from.length > 0) noteMerge(window.id, from);
  }

  fresh.sort((a, b) => (a.sources[0] as number) - (b.sources[0] as number) || a.start - b.start);
  for (const entry of fresh) {
    const sourceWindows = entry.sources.map((index) => windows[index] as FeedFreeWindow);
    let id = sourceWindows.find((window) => !usedIds.has(window.id))?.id;
    if (id === undefined) {
      const base = sourceWindows
        .map((window) => window.id)
        .join('+')
        .slice(0, MAX_WINDOW_ID_LENGTH - 4);
      id = base;
      for (let suffix = 2; usedIds.has(id) || inputIds.has(id); suffix++) id = `${base}~${suffix}`;
    }
    usedIds.add(id);
    const days = [...entry.days].sort(byNumber);
    output.push({
      order: [entry.sources[0] as number, 1, (days[0] as number) * MINUTES_PER_DAY + entry.start],
      window: {
        id,
        start: minutesToClock(entry.start),
        end: minutesToClock(entry.end),
        days,
        label: sourceWindows.find((window) => window.label !== '')?.label ?? '',
      },
    });
    noteMerge(id, entry.sources);
  }

  output.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2]);
  // Windows whose every occurrence was merged into others are gone (listed in `merged`).
  return {
    windows: output.map((item) => item.window),
    merged: [...merges].filter(([, from]) => from.size > 0).map(([into, from]) => ({ into, from: [...from] })),
  };
}

function byNumber(a: number, b: number): number {
  return a - b;
}
