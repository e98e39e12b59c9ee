/**
 * The ledger in IndexedDB (idb-keyval), in the extension's own origin only: the background
 * writes it, extension pages read it. Every record kind is registered in records.ts; this
 * store reads them by day or day range, writes a batch of reports in one transaction, keeps
 * unreadable records aside (keptAside.ts), deletes by kind or everything, imports many
 * records in one transaction, and lists everything for the export.
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { DayKey } from '../time/day';
import type { Interval } from '../time/intervals';
import { accountSpans, type SpanRejection } from '../time/ledger';
import { extendSession, type SessionRecord } from '../time/sessions';
import { asKeptAside, KEPT_ASIDE_PREFIX, type KeptAsideRecord, keptAsideEntry, readOrKeepAside } from './keptAside';
import type { RecordProblem, RecordRead } from './recordKind';
import {
  dayKeyFor,
  LEDGER_TYPES,
  type LedgerTypeName,
  type NudgeRecord,
  type PerDayTypeName,
  type RecordOf,
  readLedgerRecord,
} from './records';

export interface SpanBatch {
  site: string;
  spans: readonly Interval[];
  /** When the reporting tab was in front. */
  allowed: (span: Interval) => Interval[];
}

export interface BatchOutcome {
  countedMs: number;
  rejected: { span: Interval; reason: SpanRejection }[];
}

export interface LedgerSnapshot {
  days: RecordOf<'day'>[];
  sessions: SessionRecord[];
  nudges: NudgeRecord[];
  /** Comparison-trap posts per account, per day. */
  exposure: RecordOf<'exposure'>[];
  /** Her journal entries, per day written. */
  journal: RecordOf<'journal'>[];
  /** Check-ins after long sessions, per day the session began. */
  checkIns: RecordOf<'checkIns'>[];
  /** Records that could not be read, where they are, and why. */
  unreadable: KeptAsideRecord[];
}

/** A snapshot of an empty ledger (nothing stored yet). */
export const emptySnapshot = (): LedgerSnapshot => ({
  days: [],
  sessions: [],
  nudges: [],
  exposure: [],
  journal: [],
  checkIns: [],
  unreadable: [],
});

/** Records for a range of days, and the stored ones that could not be read. */
export interface DayRecords<T> {
  records: Map<DayKey, T>;
  unreadable: KeptAsideRecord[];
}

/** An import refused before anything was written: which entries, and why. */
export class LedgerImportError extends Error {
  constructor(readonly problems: { key: string; problem: RecordProblem }[]) {
    super(`${problems.length} record(s) could not be imported`);
  }
}

let defaultStore: UseStore | undefined;
export function ledgerDatabase(): UseStore {
  defaultStore ??= createStore('outside-the-frame', 'ledger');
  return defaultStore;
}

/** Every key under `prefix`: `prefix` ≤ key < `prefix` + U+FFFF. */
const prefixRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

type Writes = Map<string, unknown>;

export class LedgerStore {
  constructor(private readonly store: UseStore = ledgerDatabase()) {}

  /**
   * Read the record stored under a registered `key` (as its registered kind, so the cast is the
   * registry's promise); an unreadable value is kept aside (in `writes`) and `empty` used instead.
   */
  private readOrKeepAside<T>(key: string, raw: unknown, empty: () => T, writes: Writes, now: number): T {
    const read = (value: unknown) => readLedgerRecord(key, value) as RecordRead<T>;
    return readOrKeepAside(key, raw, read, empty, ([asideKey, aside]) => writes.set(asideKey, aside), now);
  }

  private async getMany(keys: readonly string[]): Promise<unknown[]> {
    return this.store('readonly', (store) => Promise.all(keys.map((key) => promisifyRequest(store.get(key)))));
  }

  private async putMany(writes: Writes): Promise<void> {
    if (writes.size === 0) return;
    await this.store('readwrite', (store) => {
      for (const [key, value] of writes) store.put(value, key);
      return promisifyRequest(store.transaction);
    });
  }

  /** Account a set of reports and write everything they change in one transaction. */
  async record(batches: readonly SpanBatch[], now: number, dayStartHour: number): Promise<BatchOutcome[]> {
    const writes: Writes = new Map();
    const stateType = LEDGER_TYPES.trackingState;
    const [rawState] = await this.getMany([stateType.key]);
    const state = this.readOrKeepAside(stateType.key, rawState, stateType.empty, writes, now);

    const outcomes: BatchOutcome[] = [];
    const pieces: { site: string; day: DayKey; start: number; end: number }[] = [];
    let counted = state.counted;
    for (const batch of batches) {
      const result = accountSpans({ spans: batch.spans, now, dayStartHour, counted, allowed: batch.allowed });
      counted = result.counted;
      let countedMs = 0;
      for (const piece of result.pieces) {
        pieces.push({ site: batch.site, ...piece });
        countedMs += piece.end - piece.start;
      }
      outcomes.push({ countedMs, rejected: result.rejected });
    }
    const nextState = { ...state, counted, latestSession: { ...state.latestSession } };
    writes.set(stateType.key, nextState);

    if (pieces.length > 0) {
      const dayKeys = [...new Set(pieces.map((piece) => piece.day))];
      const sessionDays = [
        ...new Set([...dayKeys, ...Object.values(state.latestSession).map((pointer) => pointer.day)]),
      ];
      const totals = await this.loadDaysForUpdate('day', dayKeys, writes, now);
      const sessions = await this.loadDaysForUpdate('sessions', sessionDays, writes, now);
      const touchedSessionDays = new Set<DayKey>();

      for (const piece of pieces) {
        const dayTotals = totals.get(piece.day) as RecordOf<'day'>;
        dayTotals.ms[piece.site] = (dayTotals.ms[piece.site] ?? 0) + (piece.end - piece.start);

        const pointer = nextState.latestSession[piece.site];
        const latest = pointer
          ? sessions.get(pointer.day)?.sessions.find((session) => session.id === pointer.id)
          : undefined;
        const updated = extendSession(latest, piece);
        let bucket = sessions.get(updated.day);
        if (!bucket) {
          bucket = LEDGER_TYPES.sessions.empty(updated.day);
          sessions.set(updated.day, bucket);
        }
        const index = bucket.sessions.findIndex((session) => session.id === updated.id);
        if (index >= 0) bucket.sessions[index] = updated;
        else bucket.sessions.push(updated);
        touchedSessionDays.add(updated.day);
        nextState.latestSession[piece.site] = { id: updated.id, day: updated.day };
      }
      for (const [day, record] of totals) writes.set(dayKeyFor('day', day), record);
      for (const day of touchedSessionDays) writes.set(dayKeyFor('sessions', day), sessions.get(day));
    }

    await this.putMany(writes);
    return outcomes;
  }

  private async loadDaysForUpdate<K extends PerDayTypeName>(
    type: K,
    days: readonly DayKey[],
    writes: Writes,
    now: number,
  ): Promise<Map<DayKey, RecordOf<K>>> {
    const definition = LEDGER_TYPES[type];
    const keys = days.map((day) => dayKeyFor(type, day));
    const values = await this.getMany(keys);
    const records = new Map<DayKey, RecordOf<K>>();
    days.forEach((day, index) => {
      const empty = () => definition.empty(day) as RecordOf<K>;
      records.set(day, this.readOrKeepAside(keys[index] as string, values[index], empty, writes, now));
    });
    return records;
  }

  /** Change one day's record of a per-day type, keeping an unreadable one aside first. */
  async updateDay<K extends PerDayTypeName>(
    type: K,
    day: DayKey,
    now: number,
    change: (record: RecordOf<K>) => void,
  ): Promise<void> {
    const writes: Writes = new Map();
    const record = (await this.loadDaysForUpdate(type, [day], writes, now)).get(day) as RecordOf<K>;
    change(record);
    writes.set(dayKeyFor(type, day), record);
    await this.putMany(writes);
  }

  /** Add a shown nudge, or update one already logged (its outcome), in the day it was shown. */
  async logNudge(day: DayKey, nudge: NudgeRecord, now: number): Promise<void> {
    await this.updateDay('nudges', day, now, ({ nudges }) => {
      const index = nudges.findIndex((entry) => entry.id === nudge.id);
      if (index >= 0) nudges[index] = { ...nudges[index], ...nudge };
      else nudges.push(nudge);
    });
  }

  /** Record what she did with a shown nudge. */
  async setNudgeOutcome(day: DayKey, id: string, outcome: string, at: number): Promise<void> {
    await this.updateDay('nudges', day, at, ({ nudges }) => {
      const entry = nudges.find((candidate) => candidate.id === id);
      if (entry) {
        entry.outcome = outcome;
        entry.outcomeAt = at;
      }
    });
  }

  /** The records of `type` for the given days; missing days are absent, unreadable ones listed. */
  async readDays<K extends PerDayTypeName>(type: K, days: readonly DayKey[]): Promise<DayRecords<RecordOf<K>>> {
    const keys = days.map((day) => dayKeyFor(type, day));
    const values = await this.getMany(keys);
    const result: DayRecords<RecordOf<K>> = { records: new Map(), unreadable: [] };
    keys.forEach((key, index) => {
      const raw = values[index];
      if (raw === undefined) return;
      const read = readLedgerRecord(key, raw);
      if (read.ok) result.records.set(days[index] as DayKey, read.value as RecordOf<K>);
      else result.unreadable.push(keptAsideEntry(key, raw, read.problem, Date.now())[1]);
    });
    return result;
  }

  /** The records of `type` from day `from` to day `to` (inclusive), by key range: never the whole database. */
  async readRange<K extends PerDayTypeName>(type: K, from: DayKey, to: DayKey): Promise<DayRecords<RecordOf<K>>> {
    const range = IDBKeyRange.bound(dayKeyFor(type, from), dayKeyFor(type, to));
    const [keys, values] = await this.store('readonly', (store) =>
      Promise.all([promisifyRequest(store.getAllKeys(range)), promisifyRequest(store.getAll(range))]),
    );
    const result: DayRecords<RecordOf<K>> = { records: new Map(), unreadable: [] };
    keys.forEach((rawKey, index) => {
      const key = String(rawKey);
      const read = readLedgerRecord(key, values[index]);
      const day = key.slice(LEDGER_TYPES[type].prefix.length);
      if (read.ok) result.records.set(day, read.value as RecordOf<K>);
      else result.unreadable.push(keptAsideEntry(key, values[index], read.problem, Date.now())[1]);
    });
    return result;
  }

  /**
   * The records of `type` on the latest `count` days that have one, newest first, by a cursor
   * walking back from the newest key (a journal written weeks ago is still found, and nothing
   * older than needed is read).
   */
  async readLatest<K extends PerDayTypeName>(type: K, count: number): Promise<DayRecords<RecordOf<K>>> {
    const prefix = LEDGER_TYPES[type].prefix;
    const result: DayRecords<RecordOf<K>> = { records: new Map(), unreadable: [] };
    if (count <= 0) return result;
    await this.store('readonly', (store) => {
      const request = store.openCursor(prefixRange(prefix), 'prev');
      return new Promise<void>((resolve, reject) => {
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve();
          const key = String(cursor.key);
          const read = readLedgerRecord(key, cursor.value);
          if (read.ok) result.records.set(key.slice(prefix.length), read.value as RecordOf<K>);
          else result.unreadable.push(keptAsideEntry(key, cursor.value, read.problem, Date.now())[1]);
          if (result.records.size >= count) resolve();
          else cursor.continue();
        };
      });
    });
    return result;
  }

  /** Where the site's latest session is filed, if it has one. */
  async latestSession(site: string): Promise<{ id: string; day: DayKey } | undefined> {
    const [raw] = await this.getMany([LEDGER_TYPES.trackingState.key]);
    const read = readLedgerRecord(LEDGER_TYPES.trackingState.key, raw);
    return read.ok ? (read.value as RecordOf<'trackingState'>).latestSession[site] : undefined;
  }

  /** Active ms per site for the given days (missing or unreadable days are empty). */
  async dayTotals(days: readonly DayKey[]): Promise<Map<DayKey, Record<string, number>>> {
    const { records } = await this.readDays('day', days);
    return new Map(days.map((day) => [day, { ...(records.get(day)?.ms ?? {}) }]));
  }

  /** Keep a value from elsewhere (a storage item) aside; the same value twice leaves one entry. */
  async keepAside([asideKey, record]: [string, KeptAsideRecord]): Promise<void> {
    await this.store('readwrite', async (store) => {
      if ((await promisifyRequest(store.getKey(asideKey))) === undefined) store.put(record, asideKey);
      return promisifyRequest(store.transaction);
    });
  }

  /** How many values are kept aside. */
  async keptAsideCount(): Promise<number> {
    return this.store('readonly', (store) => promisifyRequest(store.count(prefixRange(KEPT_ASIDE_PREFIX))));
  }

  /** Delete every record of one kind (kept-aside values stay: they are hers until she deletes all). */
  async deleteKind(type: LedgerTypeName): Promise<void> {
    const definition = LEDGER_TYPES[type];
    await this.store('readwrite', (store) => {
      store.delete(definition.perDay ? prefixRange(definition.prefix) : definition.key);
      return promisifyRequest(store.transaction);
    });
  }

  /** Delete the records of a per-day type for days before `day` (retention). */
  async deleteDaysBefore(type: PerDayTypeName, day: DayKey): Promise<void> {
    const prefix = LEDGER_TYPES[type].prefix;
    await this.store('readwrite', (store) => {
      store.delete(IDBKeyRange.bound(prefix, dayKeyFor(type, day), false, true));
      return promisifyRequest(store.transaction);
    });
  }

  /** Delete everything the ledger holds, kept-aside values included. */
  async deleteAll(): Promise<void> {
    await this.store('readwrite', (store) => {
      store.clear();
      return promisifyRequest(store.transaction);
    });
  }

  /**
   * Write many records in one transaction: all or nothing. Each must be a registered kind under
   * its own key and readable (older versions are migrated first); otherwise nothing is written
   * and `LedgerImportError` says which and why. With `replace`, every record of the registered
   * kinds is deleted in the same transaction first.
   */
  async importRecords(
    entries: readonly (readonly [key: string, value: unknown])[],
    options: { replace?: boolean } = {},
  ) {
    const writes: Writes = new Map();
    const problems: LedgerImportError['problems'] = [];
    for (const [key, value] of entries) {
      const read = readLedgerRecord(key, value);
      if (read.ok) writes.set(key, read.value);
      else problems.push({ key, problem: read.problem });
    }
    if (problems.length > 0) throw new LedgerImportError(problems);
    await this.store('readwrite', (store) => {
      if (options.replace) {
        for (const definition of Object.values(LEDGER_TYPES)) {
          store.delete(definition.perDay ? prefixRange(definition.prefix) : definition.key);
        }
      }
      for (const [key, value] of writes) store.put(value, key);
      return promisifyRequest(store.transaction);
    });
  }

  /**
   * Write many records, merging each with what is stored under its key (`merge(key, stored,
   * incoming)`), in one transaction: all or nothing. Incoming records must be registered kinds
   * under their own keys (as `importRecords` checks); a stored record that can't be read is kept
   * aside first and the incoming one written.
   */
  async mergeRecords(
    entries: readonly (readonly [key: string, value: unknown])[],
    merge: (key: string, stored: unknown, incoming: unknown) => unknown,
  ): Promise<void> {
    const problems: LedgerImportError['problems'] = [];
    const incoming = new Map<string, unknown>();
    for (const [key, value] of entries) {
      const read = readLedgerRecord(key, value);
      if (read.ok) incoming.set(key, read.value);
      else problems.push({ key, problem: read.problem });
    }
    if (problems.length > 0) throw new LedgerImportError(problems);
    const keys = [...incoming.keys()];
    const stored = await this.getMany(keys);
    const writes: Writes = new Map();
    const now = Date.now();
    keys.forEach((key, index) => {
      const raw = stored[index];
      const value = incoming.get(key);
      const read = raw === undefined ? undefined : readLedgerRecord(key, raw);
      if (read?.ok) writes.set(key, merge(key, read.value, value));
      else {
        if (read) writes.set(...keptAsideEntry(key, raw, read.problem, now));
        writes.set(key, value);
      }
    });
    await this.putMany(writes);
  }

  /** Everything stored, read for the export; unreadable records are listed, not hidden. */
  async snapshot(): Promise<LedgerSnapshot> {
    const [keys, values] = await this.store('readonly', (store) =>
      Promise.all([promisifyRequest(store.getAllKeys()), promisifyRequest(store.getAll())]),
    );
    const snapshot = emptySnapshot();
    const now = Date.now();
    keys.forEach((rawKey, index) => {
      const key = String(rawKey);
      const value = values[index];
      if (key.startsWith(KEPT_ASIDE_PREFIX)) {
        snapshot.unreadable.push(asKeptAside(key, value));
        return;
      }
      const read = readLedgerRecord(key, value);
      if (!read.ok) {
        snapshot.unreadable.push(keptAsideEntry(key, value, read.problem, now)[1]);
        return;
      }
      if (read.type === 'day') snapshot.days.push(read.value as RecordOf<'day'>);
      else if (read.type === 'sessions') snapshot.sessions.push(...(read.value as RecordOf<'sessions'>).sessions);
      else if (read.type === 'nudges') snapshot.nudges.push(...(read.value as RecordOf<'nudges'>).nudges);
      else if (read.type === 'exposure') snapshot.exposure.push(read.value as RecordOf<'exposure'>);
      else if (read.type === 'journal') snapshot.journal.push(read.value as RecordOf<'journal'>);
      else if (read.type === 'checkIns') snapshot.checkIns.push(read.value as RecordOf<'checkIns'>);
    });
    snapshot.days.sort((a, b) => a.day.localeCompare(b.day));
    snapshot.sessions.sort((a, b) => a.start - b.start);
    snapshot.nudges.sort((a, b) => a.shownAt - b.shownAt);
    return snapshot;
  }
}
