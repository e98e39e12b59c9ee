/**
 * Reading an export file back (the dashboard's Import): its size is bounded, its JSON parsed
 * with prototype-polluting keys refused, every field checked (types, lengths, ids without
 * markup, times, known values), and an older file (made before some fields existed) read with
 * those fields empty. What it holds becomes the ledger's own records, each checked again by its
 * registered kind, plus her accounts and settings; a summary says what is in it. Merging with
 * what she has keeps both, and the same record twice once. Pure: nothing is written here.
 */
import * as v from 'valibot';
import { AFTER_FEELINGS, ASKED_WHERE, type CheckIn } from '../checkins/checkIns';
import { AppliedBoundarySchema, FEELINGS, type JournalEntry, MAX_ENTRY_CHARS, MAX_FED_CHARS } from '../journal/entries';
import { type AccountMark, AccountsKind, type AccountsState, emptyAccounts, MAX_TRIGGER_WORDS } from '../mute/accounts';
import { NUDGE_OUTCOMES } from '../nudges/rotation';
import { type DayKey, dayKeyOf, isDayKey } from '../time/day';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION } from './exportData';
import { type KeptAsideRecord, keptAsideEntry } from './keptAside';
import { issuePath, readRecord } from './recordKind';
import { type LedgerTypeName, readLedgerRecord, typeOfKey } from './records';
import { type Settings, SettingsKind } from './settings';

/** The largest file read: years of use come to a few megabytes. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
const MAX_ITEMS = 200_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportProblem =
  | { code: 'too-large'; limitMb: number }
  | { code: 'not-json' }
  | { code: 'forbidden-key'; key: string }
  | { code: 'not-ours' }
  | { code: 'newer-version'; version: number }
  | { code: 'invalid'; path: string };

export interface ImportSummary {
  days: number;
  sessions: number;
  entries: number;
  checkIns: number;
  reminders: number;
  accounts: number;
  settings: boolean;
}

export interface ImportPlan {
  /** Ledger records under their keys, each readable as its registered kind. */
  records: [key: string, value: unknown][];
  accounts: AccountsState | null;
  settings: Settings | null;
  /** The file's records that could not be read where they came from, kept aside again. */
  keptAside: [key: string, record: KeptAsideRecord][];
  summary: ImportSummary;
}

// ---- the file's shape -------------------------------------------------------------------
/** Ids, sites and handles: short, and never markup. */
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100), v.regex(/^[^<>"'`\s]+$/));
const Day = v.pipe(
  v.string(),
  v.check((value) => isDayKey(value)),
);
const Iso = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((value) => Number.isFinite(Date.parse(value))),
  v.transform((value) => Date.parse(value)),
);
const Seconds = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(86_400 * 2));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
/**
 * Free text (her words, names): any characters she could have typed, since the extension only
 * ever shows them as text; but not the shapes of an injected script, which no export of ours
 * holds (a file with them was made or changed by something else).
 */
const SCRIPT_LIKE =
  /<\s*\/?\s*(?:script|iframe|object|embed|svg|img|style|link|meta|form)\b|javascript:|<[a-z][^<>]*\son[a-z]+\s*=/i;
const Text = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.check((value) => !SCRIPT_LIKE.test(value), 'script-like'),
  );
const list = <T extends v.GenericSchema>(item: T) => v.optional(v.pipe(v.array(item), v.maxLength(MAX_ITEMS)), []);

const FileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.optional(Iso),
  settings: v.optional(v.nullable(v.unknown()), null),
  activeTime: list(v.object({ day: Day, site: Id, seconds: Seconds })),
  sessions: list(v.object({ site: Id, day: Day, start: Iso, end: Iso, activeSeconds: Seconds })),
  nudges: list(
    v.object({
      reminderId: Id,
      tag: Id,
      site: Id,
      shownAt: Iso,
      outcome: v.nullable(v.picklist(NUDGE_OUTCOMES)),
      outcomeAt: v.nullable(Iso),
    }),
  ),
  accountExposure: list(
    v.object({
      day: Day,
      site: Id,
      handle: Id,
      name: v.nullable(Text(200)),
      trapPosts: Count,
      secondsOnScreen: Seconds,
      themes: v.record(Id, Count),
      lastSeen: Iso,
    }),
  ),
  accounts: list(
    v.object({
      site: Id,
      handle: Id,
      name: v.nullable(Text(200)),
      hidden: v.nullable(Iso),
      neverSuggest: v.nullable(Iso),
      markedWorse: v.nullable(Iso),
      notNowUntil: v.nullable(Iso),
    }),
  ),
  triggerWords: v.optional(v.pipe(v.array(Text(200)), v.maxLength(MAX_TRIGGER_WORDS)), []),
  journal: list(
    v.object({
      id: Id,
      day: Day,
      writtenAt: Iso,
      editedAt: v.nullable(Iso),
      text: Text(MAX_ENTRY_CHARS),
      promptId: v.nullable(Id),
      site: v.nullable(Id),
      feelings: v.pipe(v.array(v.picklist(FEELINGS)), v.maxLength(FEELINGS.length)),
      whatFedIt: v.nullable(Text(MAX_FED_CHARS)),
      boundary: v.nullable(v.unknown()),
    }),
  ),
  checkIns: list(
    v.object({
      site: Id,
      sessionDay: Day,
      sessionStart: Iso,
      activeSeconds: Seconds,
      remindersShown: v.nullable(Count),
      trapPosts: v.nullable(Count),
      askedAt: v.nullable(Iso),
      askedWhere: v.nullable(v.picklist(ASKED_WHERE)),
      feeling: v.nullable(v.picklist(AFTER_FEELINGS)),
      note: v.nullable(Text(500)),
      answeredAt: v.nullable(Iso),
      dismissedAt: v.nullable(Iso),
    }),
  ),
  unreadableRecords: list(v.object({ key: Text(500), reason: Text(500), value: v.unknown() })),
});
type ImportFile = v.InferOutput<typeof FileSchema>;

// ---- reading ----------------------------------------------------------------------------
type Read<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };
const fail = <T>(problem: ImportProblem): Read<T> => ({ ok: false, problem });

/** JSON with no key that could reach an object's prototype. */
function parseJson(text: string): Read<unknown> {
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return item;
    });
  } catch {
    return fail({ code: 'not-json' });
  }
  return forbidden ? fail({ code: 'forbidden-key', key: forbidden }) : { ok: true, value };
}

const ms = (seconds: number) => Math.round(seconds * 1000);
const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** Read an export file's text: the plan, or what is wrong with it (nothing is written). */
export function readImport(text: string, fallbackDayStartHour = 4): Read<ImportPlan> {
  if (text.length > MAX_IMPORT_BYTES) return fail({ code: 'too-large', limitMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const json = parseJson(text);
  if (!json.ok) return json;
  const raw = json.value as { format?: unknown; schemaVersion?: unknown } | null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || raw.format !== EXPORT_FORMAT) {
    return fail({ code: 'not-ours' });
  }
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > EXPORT_SCHEMA_VERSION) {
    return fail({ code: 'newer-version', version: raw.schemaVersion });
  }
  const parsed = v.safeParse(FileSchema, raw);
  if (!parsed.success) return fail({ code: 'invalid', path: issuePath(parsed.issues) });
  const file = parsed.output;

  let settings: Settings | null = null;
  if (file.settings !== null) {
    const read = readRecord(SettingsKind, file.settings);
    if (!read.ok) return fail({ code: 'invalid', path: 'settings' });
    settings = read.value;
  }
  const hour = settings?.tracking.dayStartHour ?? fallbackDayStartHour;
  const built = buildRecords(file, hour);
  if (!built.ok) return built;

  const accounts = accountsOf(file);
  if (!accounts.ok) return accounts;
  const now = Date.now();
  const keptAside = file.unreadableRecords.map(({ key, reason, value }) => keptAsideEntry(key, value, reason, now));
  return {
    ok: true,
    value: {
      records: built.value,
      accounts: accounts.value,
      settings,
      keptAside,
      summary: {
        days: new Set(file.activeTime.map((item) => item.day)).size,
        sessions: file.sessions.length,
        entries: file.journal.length,
        checkIns: file.checkIns.length,
        reminders: file.nudges.length,
        accounts: file.accounts.length,
        settings: settings !== null,
      },
    },
  };
}

/** The file's data as ledger records by key, each checked by its registered kind. */
function buildRecords(file: ImportFile, hour: number): Read<[string, unknown][]> {
  const records = new Map<string, Record<string, unknown>>();
  const recordFor = (key: string, make: () => Record<string, unknown>) => {
    let record = records.get(key);
    if (!record) {
      record = make();
      records.set(key, record);
    }
    return record;
  };
  const perDay = (prefix: string, day: DayKey, field: string, empty: unknown) =>
    recordFor(`${prefix}${day}`, () => ({ schemaVersion: 1, day, [field]: empty }));

  for (const { day, site, seconds } of file.activeTime) {
    const totals = perDay('day/', day, 'ms', {}).ms as Record<string, number>;
    totals[site] = (totals[site] ?? 0) + ms(seconds);
  }
  for (const session of file.sessions) {
    (perDay('sessions/', session.day, 'sessions', []).sessions as unknown[]).push({
      id: `${session.site}-${session.start}`,
      site: session.site,
      day: session.day,
      start: session.start,
      end: session.end,
      activeMs: ms(session.activeSeconds),
    });
  }
  for (const nudge of file.nudges) {
    (perDay('nudges/', dayKeyOf(nudge.shownAt, hour), 'nudges', []).nudges as unknown[]).push({
      id: `${nudge.shownAt}-${nudge.reminderId}`,
      reminderId: nudge.reminderId,
      tag: nudge.tag,
      site: nudge.site,
      shownAt: nudge.shownAt,
      ...(nudge.outcome ? { outcome: nudge.outcome } : {}),
      ...(nudge.outcomeAt !== null ? { outcomeAt: nudge.outcomeAt } : {}),
    });
  }
  for (const item of file.accountExposure) {
    (perDay('exposure/', item.day, 'accounts', []).accounts as unknown[]).push({
      site: item.site,
      handle: item.handle,
      ...(item.name ? { name: item.name } : {}),
      trapPosts: item.trapPosts,
      seconds: item.secondsOnScreen,
      lastSeen: item.lastSeen,
      themes: { ...item.themes },
    });
  }
  for (const item of file.journal) {
    const entry: JournalEntry = {
      id: item.id,
      at: item.writtenAt,
      text: item.text,
      ...(item.editedAt !== null ? { editedAt: item.editedAt } : {}),
      ...(item.promptId ? { promptId: item.promptId } : {}),
      ...(item.site ? { site: item.site } : {}),
      ...(item.feelings.length > 0 ? { feelings: item.feelings } : {}),
      ...(item.whatFedIt ? { fed: item.whatFedIt } : {}),
    };
    if (item.boundary !== null) {
      const exported = item.boundary as { kind?: unknown; until?: unknown };
      const boundary = v.safeParse(
        AppliedBoundarySchema,
        exported?.kind === 'feed-free-tonight' && typeof exported.until === 'string'
          ? { ...exported, until: Date.parse(exported.until) }
          : exported,
      );
      if (!boundary.success) return fail({ code: 'invalid', path: `journal.boundary.${issuePath(boundary.issues)}` });
      entry.boundary = boundary.output;
    }
    (perDay('journal/', item.day, 'entries', []).entries as unknown[]).push(entry);
  }
  for (const item of file.checkIns) {
    const checkIn: CheckIn = {
      sessionId: `${item.site}-${item.sessionStart}`,
      site: item.site,
      start: item.sessionStart,
      activeMs: ms(item.activeSeconds),
      remindersShown: orUndefined(item.remindersShown),
      trapPosts: orUndefined(item.trapPosts),
      askedAt: orUndefined(item.askedAt),
      askedWhere: orUndefined(item.askedWhere),
      feeling: orUndefined(item.feeling),
      note: orUndefined(item.note),
      answeredAt: orUndefined(item.answeredAt),
      dismissedAt: orUndefined(item.dismissedAt),
    };
    for (const key of Object.keys(checkIn) as (keyof CheckIn)[]) if (checkIn[key] === undefined) delete checkIn[key];
    (perDay('checkins/', item.sessionDay, 'checkIns', []).checkIns as unknown[]).push(checkIn);
  }

  const out: [string, unknown][] = [];
  for (const [key, record] of records) {
    const read = readLedgerRecord(key, record);
    if (!read.ok) {
      return fail({ code: 'invalid', path: `${key}${read.problem.code === 'invalid' ? ` ${read.problem.path}` : ''}` });
    }
    out.push([key, read.value]);
  }
  return { ok: true, value: out };
}

function accountsOf(file: ImportFile): Read<AccountsState | null> {
  if (file.accounts.length === 0 && file.triggerWords.length === 0) return { ok: true, value: null };
  const state = {
    schemaVersion: 1,
    accounts: file.accounts.map((item) => {
      const mark: Record<string, unknown> = { site: item.site, handle: item.handle };
      if (item.name) mark.name = item.name;
      if (item.hidden !== null) mark.hiddenAt = item.hidden;
      if (item.neverSuggest !== null) mark.silencedAt = item.neverSuggest;
      if (item.markedWorse !== null) mark.markedAt = item.markedWorse;
      if (item.notNowUntil !== null) mark.notNowUntil = item.notNowUntil;
      return mark;
    }),
    triggerWords: file.triggerWords,
  };
  const read = readRecord(AccountsKind, state);
  return read.ok ? { ok: true, value: read.value } : fail({ code: 'invalid', path: `accounts ${read.problem.code}` });
}

// ---- merging ----------------------------------------------------------------------------
/** Two lists as one: one item per id; for the same id, `pick` chooses. */
function union<T>(mine: readonly T[], theirs: readonly T[], id: (item: T) => string, pick: (a: T, b: T) => T): T[] {
  const byId = new Map(mine.map((item) => [id(item), item]));
  for (const item of theirs) {
    const existing = byId.get(id(item));
    byId.set(id(item), existing ? pick(existing, item) : item);
  }
  return [...byId.values()];
}

const later = <T extends { at?: number; editedAt?: number }>(a: T, b: T) =>
  (b.editedAt ?? b.at ?? 0) > (a.editedAt ?? a.at ?? 0) ? b : a;

/**
 * One record from hers (`mine`) and the file's (`theirs`) under the same key: nothing of hers is
 * lost, and the same item twice is kept once (a day's minutes per site: the larger of the two).
 */
export function mergeRecord(type: LedgerTypeName, mine: unknown, theirs: unknown): unknown {
  const a = mine as Record<string, unknown>;
  const b = theirs as Record<string, unknown>;
  switch (type) {
    case 'day': {
      const merged = { ...(a.ms as Record<string, number>) };
      for (const [site, value] of Object.entries(b.ms as Record<string, number>)) {
        merged[site] = Math.max(merged[site] ?? 0, value);
      }
      return { ...a, ms: merged };
    }
    case 'sessions':
      return {
        ...a,
        sessions: union(
          a.sessions as { id: string; activeMs: number }[],
          b.sessions as { id: string; activeMs: number }[],
          (s) => s.id,
          (x, y) => (y.activeMs > x.activeMs ? y : x),
        ),
      };
    case 'nudges':
      return {
        ...a,
        nudges: union(
          a.nudges as { id: string; outcome?: string }[],
          b.nudges as { id: string; outcome?: string }[],
          (n) => n.id,
          (x, y) => (x.outcome ? x : y),
        ),
      };
    case 'exposure':
      return {
        ...a,
        accounts: union(
          a.accounts as { site: string; handle: string; trapPosts: number }[],
          b.accounts as { site: string; handle: string; trapPosts: number }[],
          (item) => `${item.site}/${item.handle.toLowerCase()}`,
          (x, y) => (y.trapPosts > x.trapPosts ? y : x),
        ),
      };
    case 'journal':
      return { ...a, entries: union(a.entries as JournalEntry[], b.entries as JournalEntry[], (e) => e.id, later) };
    case 'checkIns':
      return {
        ...a,
        checkIns: union(
          a.checkIns as CheckIn[],
          b.checkIns as CheckIn[],
          (c) => c.sessionId,
          (x, y) => (x.feeling ? x : y),
        ),
      };
    default:
      return a;
  }
}

/** Her accounts and the file's: every account of both; for one in both, each decision she made on either. */
export function mergeAccounts(mine: AccountsState | null, theirs: AccountsState | null): AccountsState | null {
  if (!theirs) return mine;
  if (!mine) return theirs;
  const accounts = union<AccountMark>(
    mine.accounts,
    theirs.accounts,
    (mark) => `${mark.site}/${mark.handle.toLowerCase()}`,
    (x, y) => ({ ...y, ...x }),
  );
  const words = [...new Set([...mine.triggerWords, ...theirs.triggerWords])].slice(0, MAX_TRIGGER_WORDS);
  return { ...emptyAccounts(), accounts, triggerWords: words };
}

/** Which registered type a ledger key belongs to (for `mergeRecord`). */
export const typeOf = (key: string): LedgerTypeName | undefined => typeOfKey(key)?.type;
