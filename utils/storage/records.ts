/**
 * The shapes the ledger stores in IndexedDB, each with a schema version, and how an
 * unknown value is read: migrated when it is an older version, refused with a reason when
 * it is corrupt or from a newer version (the caller keeps it aside; nothing is dropped).
 */
import { type DayKey, isDayKey } from '../time/day';
import type { Interval } from '../time/intervals';
import type { SessionRecord } from '../time/sessions';

export const LEDGER_SCHEMA_VERSION = 1;

export interface DayTotalsRecord {
  schemaVersion: number;
  day: DayKey;
  /** Active milliseconds per site id. */
  ms: Record<string, number>;
}

export interface DaySessionsRecord {
  schemaVersion: number;
  day: DayKey;
  sessions: SessionRecord[];
}

/** One reminder card that was shown, and what she did with it. */
export interface NudgeRecord {
  id: string;
  reminderId: string;
  tag: string;
  site: string;
  shownAt: number;
  /** helped, not-now, dismissed-fast, snoozed-hour, snoozed-today, ignored; absent while shown. */
  outcome?: string;
  outcomeAt?: number;
}

export interface DayNudgesRecord {
  schemaVersion: number;
  day: DayKey;
  nudges: NudgeRecord[];
}

export interface TrackingStateRecord {
  schemaVersion: number;
  /** Union of recently counted time, for de-duplication. */
  counted: Interval[];
  /** The latest session per site: where to find it. */
  latestSession: Record<string, { id: string; day: DayKey }>;
}

export type ReadResult<T> = { ok: true; value: T; migrated: boolean } | { ok: false; reason: string };

/** Upgrades from version N to N+1, per record kind. Empty while there is only version 1. */
export type Migrations = Record<number, (value: Record<string, unknown>) => Record<string, unknown>>;

export const dayTotalsMigrations: Migrations = {};
export const daySessionsMigrations: Migrations = {};
export const trackingStateMigrations: Migrations = {};
export const dayNudgesMigrations: Migrations = {};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNonNegativeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Bring a record to the current version, or say why it can't be. */
export function migrate(
  value: unknown,
  migrations: Migrations,
  current = LEDGER_SCHEMA_VERSION,
): ReadResult<Record<string, unknown>> {
  if (!isObject(value)) return { ok: false, reason: 'not an object' };
  let version = value.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'missing or invalid schemaVersion' };
  }
  if (version > current) return { ok: false, reason: `written by a newer version (schema ${version})` };
  let record = value;
  const migrated = version < current;
  while (version < current) {
    const step = migrations[version];
    if (!step) return { ok: false, reason: `no migration from schema ${version}` };
    record = { ...step(record), schemaVersion: version + 1 };
    version += 1;
  }
  return { ok: true, value: record, migrated };
}

export function readDayTotals(value: unknown, expectedDay: DayKey): ReadResult<DayTotalsRecord> {
  const result = migrate(value, dayTotalsMigrations);
  if (!result.ok) return result;
  const { day, ms } = result.value;
  if (day !== expectedDay) return { ok: false, reason: 'day does not match its key' };
  if (!isObject(ms)) return { ok: false, reason: 'ms is not an object' };
  for (const [site, amount] of Object.entries(ms)) {
    if (!isNonNegativeNumber(amount)) return { ok: false, reason: `invalid time for ${site}` };
  }
  return { ok: true, value: result.value as unknown as DayTotalsRecord, migrated: result.migrated };
}

function isSession(value: unknown): value is SessionRecord {
  if (!isObject(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.site === 'string' &&
    isDayKey(value.day) &&
    isNonNegativeNumber(value.start) &&
    isNonNegativeNumber(value.end) &&
    value.end >= value.start &&
    isNonNegativeNumber(value.activeMs)
  );
}

export function readDaySessions(value: unknown, expectedDay: DayKey): ReadResult<DaySessionsRecord> {
  const result = migrate(value, daySessionsMigrations);
  if (!result.ok) return result;
  const { day, sessions } = result.value;
  if (day !== expectedDay) return { ok: false, reason: 'day does not match its key' };
  if (!Array.isArray(sessions) || !sessions.every(isSession)) return { ok: false, reason: 'invalid sessions' };
  return { ok: true, value: result.value as unknown as DaySessionsRecord, migrated: result.migrated };
}

function isNudge(value: unknown): value is NudgeRecord {
  if (!isObject(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.reminderId === 'string' &&
    typeof value.tag === 'string' &&
    typeof value.site === 'string' &&
    isNonNegativeNumber(value.shownAt) &&
    (value.outcome === undefined || typeof value.outcome === 'string') &&
    (value.outcomeAt === undefined || isNonNegativeNumber(value.outcomeAt))
  );
}

export function readDayNudges(value: unknown, expectedDay: DayKey): ReadResult<DayNudgesRecord> {
  const result = migrate(value, dayNudgesMigrations);
  if (!result.ok) return result;
  const { day, nudges } = result.value;
  if (day !== expectedDay) return { ok: false, reason: 'day does not match its key' };
  if (!Array.isArray(nudges) || !nudges.every(isNudge)) return { ok: false, reason: 'invalid nudges' };
  return { ok: true, value: result.value as unknown as DayNudgesRecord, migrated: result.migrated };
}

function isInterval(value: unknown): value is Interval {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    isNonNegativeNumber(value[0]) &&
    isNonNegativeNumber(value[1]) &&
    value[1] >= value[0]
  );
}

export function readTrackingState(value: unknown): ReadResult<TrackingStateRecord> {
  const result = migrate(value, trackingStateMigrations);
  if (!result.ok) return result;
  const { counted, latestSession } = result.value;
  if (!Array.isArray(counted) || !counted.every(isInterval)) return { ok: false, reason: 'invalid counted time' };
  if (!isObject(latestSession)) return { ok: false, reason: 'invalid latest sessions' };
  for (const pointer of Object.values(latestSession)) {
    if (!isObject(pointer) || typeof pointer.id !== 'string' || !isDayKey(pointer.day)) {
      return { ok: false, reason: 'invalid latest sessions' };
    }
  }
  return { ok: true, value: result.value as unknown as TrackingStateRecord, migrated: result.migrated };
}

export const emptyTrackingState = (): TrackingStateRecord => ({
  schemaVersion: LEDGER_SCHEMA_VERSION,
  counted: [],
  latestSession: {},
});

export const emptyDayTotals = (day: DayKey): DayTotalsRecord => ({
  schemaVersion: LEDGER_SCHEMA_VERSION,
  day,
  ms: {},
});

export const emptyDayNudges = (day: DayKey): DayNudgesRecord => ({
  schemaVersion: LEDGER_SCHEMA_VERSION,
  day,
  nudges: [],
});

export const emptyDaySessions = (day: DayKey): DaySessionsRecord => ({
  schemaVersion: LEDGER_SCHEMA_VERSION,
  day,
  sessions: [],
});
