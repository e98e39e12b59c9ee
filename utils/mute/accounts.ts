/**
 * What she decided about accounts: hidden on this device, never suggested ("not for this
 * account"), marked to always treat as comparison traps, or "not now" until a date; and her own
 * trigger words. One stored record (`storage.local` `accounts`, items.ts) that pages read at
 * once to hide posts before they show; only the background writes it. And the rule for when
 * an account is worth a suggestion. Pure.
 */
import * as v from 'valibot';
import type { RecordKind } from '../storage/recordKind';
import { type AccountExposure, accountKey, DisplayName, Handle, mainTheme } from './exposure';

export const ACCOUNTS_SCHEMA_VERSION = 1;
export const MAX_ACCOUNTS = 1_000;
export const MAX_TRIGGER_WORDS = 50;
export const MAX_TRIGGER_WORD_LENGTH = 60;
/** Comparison-trap posts from one account within `SUGGEST_WINDOW_DAYS` that bring a suggestion. */
export const SUGGEST_THRESHOLD = 3;
export const SUGGEST_WINDOW_DAYS = 7;
/** "Not now": no suggestion for that account for this long. */
export const NOT_NOW_MS = 30 * 24 * 3_600_000;
/** A suggestion she closed without choosing comes back no sooner than this. */
export const RESUGGEST_MS = 24 * 3_600_000;

const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
const Site = v.pipe(v.string(), v.maxLength(200));

const AccountMarkSchema = v.object({
  site: Site,
  handle: Handle,
  name: v.optional(DisplayName),
  /** Her posts collapse to a one-line placeholder on every page of the site. */
  hiddenAt: v.optional(Time),
  /** "Not for this account": never suggested, until she undoes it. */
  silencedAt: v.optional(Time),
  /** Always treated as a comparison trap ("this made me feel worse"). */
  markedAt: v.optional(Time),
  /** "Not now": no suggestion until then. */
  notNowUntil: v.optional(Time),
  /** When a suggestion for it last showed (none again within a day, if she just closed it). */
  suggestedAt: v.optional(Time),
});

export type AccountMark = v.InferOutput<typeof AccountMarkSchema>;

const TriggerWord = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TRIGGER_WORD_LENGTH));

const AccountsSchema = v.object({
  schemaVersion: v.literal(ACCOUNTS_SCHEMA_VERSION),
  accounts: v.pipe(v.array(AccountMarkSchema), v.maxLength(MAX_ACCOUNTS)),
  triggerWords: v.pipe(v.array(TriggerWord), v.maxLength(MAX_TRIGGER_WORDS)),
});

export type AccountsState = v.InferOutput<typeof AccountsSchema>;

export const AccountsKind: RecordKind<AccountsState> = {
  name: 'accounts',
  version: ACCOUNTS_SCHEMA_VERSION,
  schema: AccountsSchema,
  migrations: {},
};

export const emptyAccounts = (): AccountsState => ({
  schemaVersion: ACCOUNTS_SCHEMA_VERSION,
  accounts: [],
  triggerWords: [],
});

/** What she can do about one account, from the card, the popup or the context menu. */
export const ACCOUNT_ACTIONS = ['hide', 'unhide', 'silence', 'unsilence', 'mark', 'unmark', 'not-now'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export function findMark(state: AccountsState, site: string, handle: string): AccountMark | undefined {
  const key = accountKey(site, handle);
  return state.accounts.find((mark) => accountKey(mark.site, mark.handle) === key);
}

const holdsSomething = (mark: AccountMark, now: number) =>
  mark.hiddenAt !== undefined ||
  mark.silencedAt !== undefined ||
  mark.markedAt !== undefined ||
  (mark.notNowUntil !== undefined && mark.notNowUntil > now) ||
  (mark.suggestedAt !== undefined && mark.suggestedAt + RESUGGEST_MS > now);

/** Remember that a suggestion for this account just showed. */
export function noteSuggested(
  state: AccountsState,
  target: { site: string; handle: string; name?: string },
  now: number,
): AccountsState {
  return applyAccountAction(state, target, 'suggested', now);
}

/**
 * Apply `action` to one account: a new state (the old one is not changed). An account with
 * nothing left to remember is dropped; past the bound, the oldest "not now" ones go first.
 */
export function applyAccountAction(
  state: AccountsState,
  target: { site: string; handle: string; name?: string },
  action: AccountAction | 'suggested',
  now: number,
): AccountsState {
  const key = accountKey(target.site, target.handle);
  const existing = state.accounts.find((mark) => accountKey(mark.site, mark.handle) === key);
  const mark: AccountMark = existing ? { ...existing } : { site: target.site, handle: target.handle };
  if (target.name) mark.name = target.name;
  switch (action) {
    case 'hide':
      mark.hiddenAt = now;
      break;
    case 'unhide':
      delete mark.hiddenAt;
      break;
    case 'silence':
      mark.silencedAt = now;
      break;
    case 'unsilence':
      delete mark.silencedAt;
      break;
    case 'mark':
      mark.markedAt = now;
      break;
    case 'unmark':
      delete mark.markedAt;
      break;
    case 'not-now':
      mark.notNowUntil = now + NOT_NOW_MS;
      break;
    case 'suggested':
      mark.suggestedAt = now;
      break;
  }
  const others = state.accounts.filter((candidate) => accountKey(candidate.site, candidate.handle) !== key);
  const accounts = holdsSomething(mark, now) ? [...others, mark] : others;
  while (accounts.length > MAX_ACCOUNTS) {
    const expendable = accounts.findIndex(
      (candidate) => !holdsSomething({ ...candidate, notNowUntil: undefined, suggestedAt: undefined }, now),
    );
    accounts.splice(Math.max(expendable, 0), 1);
  }
  return { ...state, accounts };
}

/** Her own trigger words, trimmed, without repeats (compared without case), within bounds. */
export function withTriggerWords(state: AccountsState, words: readonly string[]): AccountsState {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of words) {
    const word = raw.trim().replace(/\s+/g, ' ');
    const folded = word.toLowerCase();
    if (!word || word.length > MAX_TRIGGER_WORD_LENGTH || seen.has(folded)) continue;
    seen.add(folded);
    kept.push(word);
    if (kept.length === MAX_TRIGGER_WORDS) break;
  }
  return { ...state, triggerWords: kept };
}

/** Handles hidden on `site`, for the page's hiding rule. */
export function hiddenHandles(state: AccountsState | null, site: string): string[] {
  return (state?.accounts ?? [])
    .filter((mark) => mark.site === site && mark.hiddenAt !== undefined)
    .map((mark) => mark.handle);
}

/** Whether posts from this account always count as comparison traps. */
export function isMarked(state: AccountsState | null, site: string, handle: string): boolean {
  return state ? findMark(state, site, handle)?.markedAt !== undefined : false;
}

export type SuggestionReason = 'threshold' | 'marked';

export interface Suggestion {
  site: string;
  handle: string;
  name?: string;
  /** The theme its trap posts showed most, when known. */
  theme?: string;
  trapPosts: number;
  reason: SuggestionReason;
}

/**
 * Whether to suggest muting this account now: she marked it ("at once"), or its trap posts in
 * the last week reached the threshold; never when it is hidden already, silenced for good, or
 * in its "not now" month.
 */
export function suggestionFor(
  state: AccountsState,
  exposure: AccountExposure | undefined,
  target: { site: string; handle: string; name?: string },
  now: number,
  options: { justMarked?: boolean; threshold?: number } = {},
): Suggestion | null {
  const mark = findMark(state, target.site, target.handle);
  if (mark?.hiddenAt !== undefined || mark?.silencedAt !== undefined) return null;
  if (!options.justMarked) {
    if (mark?.notNowUntil !== undefined && mark.notNowUntil > now) return null;
    if (mark?.suggestedAt !== undefined && mark.suggestedAt + RESUGGEST_MS > now) return null;
  }
  const trapPosts = exposure?.trapPosts ?? 0;
  const reason: SuggestionReason | null = options.justMarked
    ? 'marked'
    : trapPosts >= (options.threshold ?? SUGGEST_THRESHOLD)
      ? 'threshold'
      : null;
  if (!reason) return null;
  const theme = mainTheme(exposure?.themes ?? {});
  return {
    site: target.site,
    handle: target.handle,
    name: target.name ?? exposure?.name ?? mark?.name,
    theme,
    trapPosts,
    reason,
  };
}
