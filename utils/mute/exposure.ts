/**
 * Exposure per account: which accounts showed her comparison-trap posts, how many and for how
 * long, per day. Kept in the ledger (`exposure/<YYYY-MM-DD>`, records.ts), on this device only,
 * for 30 days; each day holds at most `MAX_ACCOUNTS_PER_DAY` accounts, the smallest dropped
 * first. Pure.
 */
import * as v from 'valibot';
import { plainRecord } from '../storage/recordKind';
import { type DayKey, isDayKey } from '../time/day';

export const EXPOSURE_SCHEMA_VERSION = 1;
/** Days of exposure kept; older days are deleted when a new day begins. */
export const EXPOSURE_KEEP_DAYS = 30;
export const MAX_ACCOUNTS_PER_DAY = 300;
/** At most this many accounts per report from a page. */
export const MAX_SIGHTINGS_PER_REPORT = 100;
/** One post is on screen for at most this long per report (a tab left open on one post). */
export const MAX_SECONDS_PER_SIGHTING = 600;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const Seconds = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(86_400));
const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
const Short = v.pipe(v.string(), v.maxLength(200));
export const Handle = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
export const DisplayName = v.pipe(v.string(), v.maxLength(200));

const AccountDaySchema = v.object({
  site: Short,
  handle: Handle,
  name: v.optional(DisplayName),
  /** Comparison-trap posts from this account she scrolled past that day. */
  trapPosts: Count,
  /** Seconds those posts were on screen. */
  seconds: Seconds,
  lastSeen: Time,
  /** Trap posts per theme. */
  themes: plainRecord(Short, Count),
});

export type AccountDay = v.InferOutput<typeof AccountDaySchema>;

export const DayExposureSchema = v.object({
  schemaVersion: v.literal(EXPOSURE_SCHEMA_VERSION),
  day: v.pipe(
    v.string(),
    v.check((value) => isDayKey(value)),
  ),
  accounts: v.pipe(v.array(AccountDaySchema), v.maxLength(MAX_ACCOUNTS_PER_DAY)),
});

export type DayExposureRecord = { schemaVersion: number; day: DayKey; accounts: AccountDay[] };

export const emptyDayExposure = (day: DayKey): DayExposureRecord => ({
  schemaVersion: EXPOSURE_SCHEMA_VERSION,
  day,
  accounts: [],
});

/** What a page saw of one account since its last report. */
export const SightingSchema = v.strictObject({
  handle: Handle,
  name: v.optional(DisplayName),
  trapPosts: v.pipe(Count, v.maxValue(1_000)),
  seconds: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_SECONDS_PER_SIGHTING)),
  themes: v.pipe(
    plainRecord(v.pipe(v.string(), v.maxLength(40)), v.pipe(Count, v.maxValue(1_000))),
    v.check((themes) => Object.keys(themes).length <= 12),
  ),
});

export type Sighting = v.InferOutput<typeof SightingSchema>;

/** `site/handle`: one account on one site (handles are compared as the site writes them, lower-cased). */
export const accountKey = (site: string, handle: string): string => `${site}/${handle.toLowerCase()}`;

/** How much an account weighs in a day, for dropping the smallest when a day is full. */
const weight = (account: AccountDay) => account.trapPosts * 1_000 + account.seconds;

/** Add a page's sightings on `site` to a day's record (in place), then keep it within bounds. */
export function addSightings(
  record: DayExposureRecord,
  site: string,
  sightings: readonly Sighting[],
  now: number,
): void {
  const byKey = new Map(record.accounts.map((account) => [accountKey(account.site, account.handle), account]));
  for (const sighting of sightings) {
    if (sighting.trapPosts === 0 && sighting.seconds === 0) continue;
    const key = accountKey(site, sighting.handle);
    let account = byKey.get(key);
    if (!account) {
      account = { site, handle: sighting.handle, trapPosts: 0, seconds: 0, lastSeen: now, themes: {} };
      byKey.set(key, account);
      record.accounts.push(account);
    }
    if (sighting.name) account.name = sighting.name;
    account.trapPosts += sighting.trapPosts;
    account.seconds = Math.min(86_400, account.seconds + sighting.seconds);
    account.lastSeen = Math.max(account.lastSeen, now);
    for (const [theme, count] of Object.entries(sighting.themes)) {
      account.themes[theme] = (account.themes[theme] ?? 0) + count;
    }
  }
  if (record.accounts.length > MAX_ACCOUNTS_PER_DAY) {
    record.accounts.sort((a, b) => weight(b) - weight(a) || b.lastSeen - a.lastSeen);
    record.accounts.length = MAX_ACCOUNTS_PER_DAY;
  }
}

/** An account's exposure over several days. */
export interface AccountExposure {
  site: string;
  handle: string;
  name?: string;
  trapPosts: number;
  seconds: number;
  lastSeen: number;
  themes: Record<string, number>;
}

/** Sum days of exposure per account (`accountKey`), most trap posts first. */
export function exposureByAccount(days: Iterable<DayExposureRecord>): Map<string, AccountExposure> {
  const totals = new Map<string, AccountExposure>();
  for (const day of days) {
    for (const account of day.accounts) {
      const key = accountKey(account.site, account.handle);
      const total = totals.get(key) ?? {
        site: account.site,
        handle: account.handle,
        trapPosts: 0,
        seconds: 0,
        lastSeen: 0,
        themes: {},
      };
      total.trapPosts += account.trapPosts;
      total.seconds += account.seconds;
      if (account.lastSeen >= total.lastSeen) {
        total.lastSeen = account.lastSeen;
        if (account.name) total.name = account.name;
      }
      for (const [theme, count] of Object.entries(account.themes))
        total.themes[theme] = (total.themes[theme] ?? 0) + count;
      totals.set(key, total);
    }
  }
  return new Map([...totals].sort(([, a], [, b]) => b.trapPosts - a.trapPosts || b.lastSeen - a.lastSeen));
}

/** The theme an account's trap posts showed most (ties: the first in the account's record). */
export function mainTheme(themes: Record<string, number>): string | undefined {
  let best: string | undefined;
  for (const [theme, count] of Object.entries(themes))
    if (best === undefined || count > (themes[best] ?? 0)) best = theme;
  return best;
}
