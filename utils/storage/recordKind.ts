/**
 * The one way to read a stored record. Every stored shape is a record kind: a name, the
 * current schema version (kept inside each record as `schemaVersion`, so exports and kept-aside
 * copies carry it), a valibot schema for the current version, and migrations from each older
 * version to the next. `readRecord` migrates an older record in memory, and refuses a corrupt
 * record or one from a newer version with a problem code; the caller then uses its fallback
 * and, where it may write, keeps the original aside (keptAside.ts). Nothing is dropped.
 * Pure: no `browser.*`, no DOM.
 */
import * as v from 'valibot';

export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

export interface RecordKind<T> {
  /** Stable name, used where a kept-aside copy says what it was. */
  readonly name: string;
  /** The current version. */
  readonly version: number;
  /** The current version's shape, `schemaVersion` included. */
  readonly schema: v.GenericSchema<unknown, T>;
  /** Upgrades from version N to N+1, keyed by N. */
  readonly migrations: Readonly<Record<number, Migration>>;
  /**
   * Values stored before the kind had a version: turned into version 1, or left unread
   * (undefined) when they are not that old shape either.
   */
  readonly adoptUnversioned?: (value: Record<string, unknown>) => Record<string, unknown> | undefined;
}

/** Why a stored value could not be read, as a code (the UI turns codes into words). */
export type RecordProblem =
  | { code: 'not-a-record' }
  | { code: 'no-version' }
  | { code: 'newer-version'; version: number }
  | { code: 'no-migration'; version: number }
  | { code: 'migration-failed'; version: number }
  | { code: 'invalid'; path: string }
  /** A key that no registered kind owns (the ledger, an import). */
  | { code: 'unknown-key' };

export type RecordRead<T> = { ok: true; value: T; migrated: boolean } | { ok: false; problem: RecordProblem };

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `v.record` with arrays refused: valibot's record accepts any object, so a list stored where
 * a map belongs would read as `{ 0: … }`. Every map inside a stored record uses this.
 */
export function plainRecord<
  const Key extends v.GenericSchema<string, string | number | symbol>,
  const Value extends v.GenericSchema,
>(key: Key, value: Value, message?: string) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainRecord, message), v.record(key, value, message));
}

const refuse = <T>(problem: RecordProblem): RecordRead<T> => ({ ok: false, problem });

/** The first issue's place in the value (`ms.instagram`), or '' for the value itself. */
export function issuePath(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  return first ? (v.getDotPath(first) ?? '') : '';
}

/** Read a stored value as `kind`: the current record, or why it can't be one. */
export function readRecord<T>(kind: RecordKind<T>, raw: unknown): RecordRead<T> {
  if (!isPlainRecord(raw)) return refuse({ code: 'not-a-record' });
  let record: Record<string, unknown> = raw;
  if (record.schemaVersion === undefined && kind.adoptUnversioned) {
    const adopted = kind.adoptUnversioned(record);
    if (adopted) record = { ...adopted, schemaVersion: 1 };
  }
  const stored = record.schemaVersion;
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) return refuse({ code: 'no-version' });
  if (stored > kind.version) return refuse({ code: 'newer-version', version: stored });
  let version = stored;
  while (version < kind.version) {
    const step = kind.migrations[version];
    if (!step) return refuse({ code: 'no-migration', version });
    try {
      record = { ...step(record), schemaVersion: version + 1 };
    } catch {
      return refuse({ code: 'migration-failed', version });
    }
    version += 1;
  }
  const parsed = v.safeParse(kind.schema, record);
  if (!parsed.success) return refuse({ code: 'invalid', path: issuePath(parsed.issues) });
  return { ok: true, value: parsed.output, migrated: raw !== record };
}

/** A problem as one short code line, for the export file and the console: `invalid ms.instagram`. */
export function problemCode(problem: RecordProblem): string {
  switch (problem.code) {
    case 'invalid':
      return problem.path ? `invalid ${problem.path}` : 'invalid';
    case 'newer-version':
    case 'no-migration':
    case 'migration-failed':
      return `${problem.code} ${problem.version}`;
    default:
      return problem.code;
  }
}
