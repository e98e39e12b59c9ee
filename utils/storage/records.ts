/**
 * The record kinds the ledger keeps in IndexedDB, registered in one table (`LEDGER_TYPES`):
 * each with its key shape, its valibot schema and version (recordKind.ts), and an empty record.
 * A new kind of ledger record is one entry here; the ledger store reads, writes, deletes,
 * imports and exports every registered kind the same way. Pure.
 *
 * Keys: `tracking-state`, `day/<YYYY-MM-DD>` (ms per site), `sessions/<YYYY-MM-DD>` (sessions by
 * the day they began), `nudges/<YYYY-MM-DD>` (reminders shown that day), `exposure/<YYYY-MM-DD>`
 * (comparison-trap posts per account that day; mute/exposure.ts), `journal/<YYYY-MM-DD>` (her journal
 * entries written that day; journal/entries.ts), `checkins/<YYYY-MM-DD>` (how she felt after the
 * long sessions that began that day; checkins/checkIns.ts), and `kept-aside/…`
 * (records that could not be read; keptAside.ts).
 */
import * as v from 'valibot';
import {
  CHECK_IN_SCHEMA_VERSION,
  type DayCheckInsRecord,
  DayCheckInsSchema,
  emptyDayCheckIns,
} from '../checkins/checkIns';
import { type DayJournalRecord, DayJournalSchema, emptyDayJournal, JOURNAL_SCHEMA_VERSION } from '../journal/entries';
import { type DayExposureRecord, DayExposureSchema, EXPOSURE_SCHEMA_VERSION, emptyDayExposure } from '../mute/exposure';
import { type DayKey, isDayKey } from '../time/day';
import type { Interval } from '../time/intervals';
import type { SessionRecord } from '../time/sessions';
import { isPlainRecord, plainRecord, type RecordKind, type RecordRead, readRecord } from './recordKind';

export const LEDGER_SCHEMA_VERSION = 1;

const Milliseconds = v.pipe(v.number(), v.finite(), v.minValue(0));
const Day = v.pipe(
  v.string(),
  v.check((value) => isDayKey(value)),
);
/** Ids and site ids are short; a huge string is not ours. */
const Id = v.pipe(v.string(), v.maxLength(200));

const SessionSchema = v.pipe(
  v.object({ id: Id, site: Id, day: Day, start: Milliseconds, end: Milliseconds, activeMs: Milliseconds }),
  v.check((session) => session.end >= session.start),
);

const IntervalSchema = v.pipe(
  v.strictTuple([Milliseconds, Milliseconds]),
  v.check(([start, end]) => end >= start),
);

const NudgeRecordSchema = v.object({
  id: Id,
  reminderId: Id,
  tag: Id,
  site: Id,
  shownAt: Milliseconds,
  /** helped, not-now, dismissed-fast, snoozed-hour, snoozed-today, ignored; absent while shown. */
  outcome: v.optional(Id),
  outcomeAt: v.optional(Milliseconds),
});

export type NudgeRecord = v.InferOutput<typeof NudgeRecordSchema>;

const DayTotalsSchema = v.object({
  schemaVersion: v.literal(LEDGER_SCHEMA_VERSION),
  day: Day,
  /** Active milliseconds per site id. */
  ms: plainRecord(Id, Milliseconds),
});

const DaySessionsSchema = v.object({
  schemaVersion: v.literal(LEDGER_SCHEMA_VERSION),
  day: Day,
  sessions: v.array(SessionSchema),
});

const DayNudgesSchema = v.object({
  schemaVersion: v.literal(LEDGER_SCHEMA_VERSION),
  day: Day,
  nudges: v.array(NudgeRecordSchema),
});

const TrackingStateSchema = v.object({
  schemaVersion: v.literal(LEDGER_SCHEMA_VERSION),
  /** Union of recently counted time, for de-duplication. */
  counted: v.array(IntervalSchema),
  /** The latest session per site: where to find it. */
  latestSession: plainRecord(Id, v.object({ id: Id, day: Day })),
});

export type DayTotalsRecord = v.InferOutput<typeof DayTotalsSchema>;
export type DaySessionsRecord = { schemaVersion: number; day: DayKey; sessions: SessionRecord[] };
export type DayNudgesRecord = v.InferOutput<typeof DayNudgesSchema>;
export type TrackingStateRecord = {
  schemaVersion: number;
  counted: Interval[];
  latestSession: Record<string, { id: string; day: DayKey }>;
};

const kind = <T>(name: string, schema: v.GenericSchema<unknown, T>): RecordKind<T> => ({
  name,
  version: LEDGER_SCHEMA_VERSION,
  schema,
  migrations: {},
});

export const DayTotalsKind = kind<DayTotalsRecord>('day-totals', DayTotalsSchema);
export const DaySessionsKind = kind<DaySessionsRecord>('day-sessions', DaySessionsSchema);
export const DayNudgesKind = kind<DayNudgesRecord>('day-nudges', DayNudgesSchema);
export const TrackingStateKind = kind<TrackingStateRecord>('tracking-state', TrackingStateSchema);
export const DayExposureKind: RecordKind<DayExposureRecord> = {
  name: 'day-exposure',
  version: EXPOSURE_SCHEMA_VERSION,
  schema: DayExposureSchema as v.GenericSchema<unknown, DayExposureRecord>,
  migrations: {},
};

export const DayCheckInsKind: RecordKind<DayCheckInsRecord> = {
  name: 'day-check-ins',
  version: CHECK_IN_SCHEMA_VERSION,
  schema: DayCheckInsSchema as v.GenericSchema<unknown, DayCheckInsRecord>,
  migrations: {},
};

export const DayJournalKind: RecordKind<DayJournalRecord> = {
  name: 'day-journal',
  version: JOURNAL_SCHEMA_VERSION,
  schema: DayJournalSchema as v.GenericSchema<unknown, DayJournalRecord>,
  migrations: {},
};

/** A kind of record the ledger keeps: one per day under a key prefix, or a single record. */
export type LedgerType<T> =
  | { readonly perDay: true; readonly prefix: string; readonly kind: RecordKind<T>; readonly empty: (day: DayKey) => T }
  | { readonly perDay: false; readonly key: string; readonly kind: RecordKind<T>; readonly empty: () => T };

export const LEDGER_TYPES = {
  day: {
    perDay: true,
    prefix: 'day/',
    kind: DayTotalsKind,
    empty: (day: DayKey): DayTotalsRecord => ({ schemaVersion: LEDGER_SCHEMA_VERSION, day, ms: {} }),
  },
  sessions: {
    perDay: true,
    prefix: 'sessions/',
    kind: DaySessionsKind,
    empty: (day: DayKey): DaySessionsRecord => ({ schemaVersion: LEDGER_SCHEMA_VERSION, day, sessions: [] }),
  },
  nudges: {
    perDay: true,
    prefix: 'nudges/',
    kind: DayNudgesKind,
    empty: (day: DayKey): DayNudgesRecord => ({ schemaVersion: LEDGER_SCHEMA_VERSION, day, nudges: [] }),
  },
  exposure: {
    perDay: true,
    prefix: 'exposure/',
    kind: DayExposureKind,
    empty: (day: DayKey): DayExposureRecord => emptyDayExposure(day),
  },
  journal: {
    perDay: true,
    prefix: 'journal/',
    kind: DayJournalKind,
    empty: (day: DayKey): DayJournalRecord => emptyDayJournal(day),
  },
  checkIns: {
    perDay: true,
    prefix: 'checkins/',
    kind: DayCheckInsKind,
    empty: (day: DayKey): DayCheckInsRecord => emptyDayCheckIns(day),
  },
  trackingState: {
    perDay: false,
    key: 'tracking-state',
    kind: TrackingStateKind,
    empty: (): TrackingStateRecord => ({ schemaVersion: LEDGER_SCHEMA_VERSION, counted: [], latestSession: {} }),
  },
} as const satisfies Record<string, LedgerType<unknown>>;

export type LedgerTypeName = keyof typeof LEDGER_TYPES;
export type PerDayTypeName = {
  [K in LedgerTypeName]: (typeof LEDGER_TYPES)[K]['perDay'] extends true ? K : never;
}[LedgerTypeName];
/** The record a ledger type holds. */
export type RecordOf<K extends LedgerTypeName> = ReturnType<(typeof LEDGER_TYPES)[K]['empty']>;

export const dayKeyFor = (type: PerDayTypeName, day: DayKey): string => `${LEDGER_TYPES[type].prefix}${day}`;

/** Which registered type a stored key belongs to, and its day for a per-day type. */
export function typeOfKey(key: string): { type: LedgerTypeName; day?: DayKey } | undefined {
  for (const [name, type] of Object.entries(LEDGER_TYPES) as [LedgerTypeName, LedgerType<unknown>][]) {
    if (type.perDay && key.startsWith(type.prefix)) {
      const day = key.slice(type.prefix.length);
      return isDayKey(day) ? { type: name, day } : undefined;
    }
    if (!type.perDay && key === type.key) return { type: name };
  }
  return undefined;
}

/**
 * Read a stored ledger value under `key`: its registered kind, and for a per-day record, a day
 * inside that matches the key's (a record filed under the wrong day is not trusted).
 */
export function readLedgerRecord(key: string, raw: unknown): RecordRead<unknown> & { type?: LedgerTypeName } {
  const found = typeOfKey(key);
  if (!found) return { ok: false, problem: { code: 'unknown-key' } };
  const read = readRecord(LEDGER_TYPES[found.type].kind as RecordKind<unknown>, raw);
  if (!read.ok) return read;
  if (found.day !== undefined && isPlainRecord(read.value) && read.value.day !== found.day) {
    return { ok: false, problem: { code: 'invalid', path: 'day' } };
  }
  return { ...read, type: found.type };
}
