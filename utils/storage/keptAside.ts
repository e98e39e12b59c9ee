/**
 * The one keep-aside store: stored values that could not be read (corrupt, or written by a
 * newer version) are copied here exactly as they were, with why and when, instead of being
 * dropped. It lives in the ledger's IndexedDB (extension origin only), so only the background
 * and extension pages write it; the export lists every entry, and the dashboard counts them.
 *
 * An entry's key is `kept-aside/<where>/<fingerprint of the value>`: keeping the same value
 * aside twice (a corrupt item read on every wake) leaves one entry.
 */
import { problemCode, type RecordProblem, type RecordRead } from './recordKind';

export const KEPT_ASIDE_PREFIX = 'kept-aside/';

export interface KeptAsideRecord {
  /** Where the value was: a ledger key (`day/2026-11-20`) or a storage item (`sync:settings`). */
  key: string;
  /** Why it could not be read, as a code (`invalid ms.instagram`, `newer-version 3`). */
  reason: string;
  at: number;
  value: unknown;
}

/** FNV-1a over the value's JSON: a short, stable name for "this exact value". */
export function fingerprint(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  let hash = 0x811c9dc5;
  for (let index = 0; index < json.length; index++) {
    hash ^= json.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The IndexedDB key and record that keep `value` (found at `key`) aside; `problem` may be a code line already. */
export function keptAsideEntry(
  key: string,
  value: unknown,
  problem: RecordProblem | string,
  at: number,
): [storeKey: string, record: KeptAsideRecord] {
  const reason = typeof problem === 'string' ? problem : problemCode(problem);
  return [`${KEPT_ASIDE_PREFIX}${key}/${fingerprint(value)}`, { key, reason, at, value }];
}

/** A stored keep-aside entry, read leniently: it is shown and exported whatever its shape. */
export function asKeptAside(storeKey: string, value: unknown): KeptAsideRecord {
  if (typeof value === 'object' && value !== null && 'key' in value && 'reason' in value) {
    const record = value as Partial<KeptAsideRecord>;
    return {
      key: String(record.key),
      reason: String(record.reason),
      at: typeof record.at === 'number' ? record.at : 0,
      value: record.value,
    };
  }
  return { key: storeKey.slice(KEPT_ASIDE_PREFIX.length), reason: 'unknown', at: 0, value };
}

/**
 * The one read-migrate-or-keep-aside step, for any store: read `raw` (found at `key`) with
 * `read`; when it can't be read, hand a keep-aside entry to `keep` and use the fallback.
 * Absent values (undefined, null) take the fallback and keep nothing.
 */
export function readOrKeepAside<T>(
  key: string,
  raw: unknown,
  read: (raw: unknown) => RecordRead<T>,
  fallback: () => T,
  keep: (entry: [storeKey: string, record: KeptAsideRecord]) => void,
  now: number,
): T {
  if (raw === undefined || raw === null) return fallback();
  const result = read(raw);
  if (result.ok) return result.value;
  keep(keptAsideEntry(key, raw, result.problem, now));
  return fallback();
}
