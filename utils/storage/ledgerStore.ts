/**
 * The active-time ledger in IndexedDB (idb-keyval), in the extension's own origin only:
 * the background writes it, extension pages read it. One transaction per batch of reports.
 *
 * Keys: `tracking-state`, `day/<YYYY-MM-DD>` (ms per site), `sessions/<YYYY-MM-DD>`
 * (sessions by the day they began), `kept-aside/<time>/<key>` (records that could not be
 * read, kept with the reason instead of being dropped).
 */
import { createStore, entries, get, getMany, setMany, type UseStore } from 'idb-keyval';
import type { DayKey } from '../time/day';
import type { Interval } from '../time/intervals';
import { accountSpans, type SpanRejection } from '../time/ledger';
import { extendSession, type SessionRecord } from '../time/sessions';
import {
  type DayTotalsRecord,
  emptyDayNudges,
  emptyDaySessions,
  emptyDayTotals,
  emptyTrackingState,
  type NudgeRecord,
  type ReadResult,
  readDayNudges,
  readDaySessions,
  readDayTotals,
  readTrackingState,
  type TrackingStateRecord,
} from './records';

export const STATE_KEY = 'tracking-state';
export const dayKeyFor = (day: DayKey) => `day/${day}`;
export const sessionsKeyFor = (day: DayKey) => `sessions/${day}`;
export const nudgesKeyFor = (day: DayKey) => `nudges/${day}`;
const KEPT_ASIDE_PREFIX = 'kept-aside/';

export interface KeptAsideRecord {
  key: string;
  reason: string;
  at: number;
  value: unknown;
}

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
  days: DayTotalsRecord[];
  sessions: SessionRecord[];
  nudges: NudgeRecord[];
  /** Records that could not be read, where they are, and why. */
  unreadable: KeptAsideRecord[];
}

let defaultStore: UseStore | undefined;
export function ledgerDatabase(): UseStore {
  defaultStore ??= createStore('outside-the-frame', 'ledger');
  return defaultStore;
}

export class LedgerStore {
  constructor(private readonly store: UseStore = ledgerDatabase()) {}

  /** Account a set of reports and write everything they change in one transaction. */
  async record(batches: readonly SpanBatch[], now: number, dayStartHour: number): Promise<BatchOutcome[]> {
    const writes = new Map<string, unknown>();
    const keepAside = (key: string, value: unknown, reason: string) => {
      writes.set(`${KEPT_ASIDE_PREFIX}${now}/${key}`, { key, reason, at: now, value } satisfies KeptAsideRecord);
    };

    const rawState = await get(STATE_KEY, this.store);
    let state: TrackingStateRecord = emptyTrackingState();
    if (rawState !== undefined) {
      const read = readTrackingState(rawState);
      if (read.ok) state = read.value;
      else keepAside(STATE_KEY, rawState, read.reason);
    }

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
    const nextState: TrackingStateRecord = { ...state, counted, latestSession: { ...state.latestSession } };
    writes.set(STATE_KEY, nextState);

    if (pieces.length > 0) {
      const dayKeys = [...new Set(pieces.map((piece) => piece.day))];
      const sessionDays = [
        ...new Set([...dayKeys, ...Object.values(state.latestSession).map((pointer) => pointer.day)]),
      ];
      const totals = await this.loadForUpdate(dayKeys, dayKeyFor, readDayTotals, emptyDayTotals, keepAside);
      const sessions = await this.loadForUpdate(
        sessionDays,
        sessionsKeyFor,
        readDaySessions,
        emptyDaySessions,
        keepAside,
      );
      const touchedSessionDays = new Set<DayKey>();

      for (const piece of pieces) {
        const dayTotals = totals.get(piece.day) as DayTotalsRecord;
        dayTotals.ms[piece.site] = (dayTotals.ms[piece.site] ?? 0) + (piece.end - piece.start);

        const pointer = nextState.latestSession[piece.site];
        const latest = pointer
          ? sessions.get(pointer.day)?.sessions.find((session) => session.id === pointer.id)
          : undefined;
        const updated = extendSession(latest, piece);
        const bucketDay = updated.day;
        let bucket = sessions.get(bucketDay);
        if (!bucket) {
          bucket = emptyDaySessions(bucketDay);
          sessions.set(bucketDay, bucket);
        }
        const index = bucket.sessions.findIndex((session) => session.id === updated.id);
        if (index >= 0) bucket.sessions[index] = updated;
        else bucket.sessions.push(updated);
        touchedSessionDays.add(bucketDay);
        nextState.latestSession[piece.site] = { id: updated.id, day: updated.day };
      }
      for (const [day, record] of totals) writes.set(dayKeyFor(day), record);
      for (const day of touchedSessionDays) writes.set(sessionsKeyFor(day), sessions.get(day));
    }

    await setMany([...writes.entries()], this.store);
    return outcomes;
  }

  private async loadForUpdate<T>(
    days: DayKey[],
    keyFor: (day: DayKey) => string,
    read: (value: unknown, day: DayKey) => ReadResult<T>,
    empty: (day: DayKey) => T,
    keepAside: (key: string, value: unknown, reason: string) => void,
  ): Promise<Map<DayKey, T>> {
    const values = await getMany(days.map(keyFor), this.store);
    const records = new Map<DayKey, T>();
    days.forEach((day, index) => {
      const raw = values[index];
      if (raw === undefined) {
        records.set(day, empty(day));
        return;
      }
      const result = read(raw, day);
      if (result.ok) {
        records.set(day, result.value);
      } else {
        keepAside(keyFor(day), raw, result.reason);
        records.set(day, empty(day));
      }
    });
    return records;
  }

  /**
   * Add a shown nudge, or update one already logged (its outcome), in the day it was shown.
   * An unreadable day record is kept aside first, as everywhere in the ledger.
   */
  async logNudge(day: DayKey, nudge: NudgeRecord, now: number): Promise<void> {
    await this.updateDayNudges(day, now, (nudges) => {
      const index = nudges.findIndex((entry) => entry.id === nudge.id);
      if (index >= 0) nudges[index] = { ...nudges[index], ...nudge };
      else nudges.push(nudge);
    });
  }

  /** Record what she did with a shown nudge. */
  async setNudgeOutcome(day: DayKey, id: string, outcome: string, at: number): Promise<void> {
    await this.updateDayNudges(day, at, (nudges) => {
      const entry = nudges.find((candidate) => candidate.id === id);
      if (entry) {
        entry.outcome = outcome;
        entry.outcomeAt = at;
      }
    });
  }

  private async updateDayNudges(day: DayKey, now: number, change: (nudges: NudgeRecord[]) => void): Promise<void> {
    const key = nudgesKeyFor(day);
    const raw = await get(key, this.store);
    const writes: [string, unknown][] = [];
    let record = emptyDayNudges(day);
    if (raw !== undefined) {
      const result = readDayNudges(raw, day);
      if (result.ok) record = result.value;
      else writes.push([`${KEPT_ASIDE_PREFIX}${now}/${key}`, { key, reason: result.reason, at: now, value: raw }]);
    }
    change(record.nudges);
    writes.push([key, record]);
    await setMany(writes, this.store);
  }

  /** Active ms per site for the given days (missing or unreadable days are empty). */
  async dayTotals(days: readonly DayKey[]): Promise<Map<DayKey, Record<string, number>>> {
    const values = await getMany(days.map(dayKeyFor), this.store);
    const totals = new Map<DayKey, Record<string, number>>();
    days.forEach((day, index) => {
      const result = values[index] === undefined ? undefined : readDayTotals(values[index], day);
      totals.set(day, result?.ok ? { ...result.value.ms } : {});
    });
    return totals;
  }

  /** Everything stored, read for display and export; unreadable records are listed, not hidden. */
  async snapshot(): Promise<LedgerSnapshot> {
    const all = await entries(this.store);
    const snapshot: LedgerSnapshot = { days: [], sessions: [], nudges: [], unreadable: [] };
    for (const [rawKey, value] of all) {
      const key = String(rawKey);
      if (key === STATE_KEY) {
        const result = readTrackingState(value);
        if (!result.ok) snapshot.unreadable.push({ key, reason: result.reason, at: Date.now(), value });
      } else if (key.startsWith('day/')) {
        const result = readDayTotals(value, key.slice('day/'.length));
        if (result.ok) snapshot.days.push(result.value);
        else snapshot.unreadable.push({ key, reason: result.reason, at: Date.now(), value });
      } else if (key.startsWith('sessions/')) {
        const result = readDaySessions(value, key.slice('sessions/'.length));
        if (result.ok) snapshot.sessions.push(...result.value.sessions);
        else snapshot.unreadable.push({ key, reason: result.reason, at: Date.now(), value });
      } else if (key.startsWith('nudges/')) {
        const result = readDayNudges(value, key.slice('nudges/'.length));
        if (result.ok) snapshot.nudges.push(...result.value.nudges);
        else snapshot.unreadable.push({ key, reason: result.reason, at: Date.now(), value });
      } else if (key.startsWith(KEPT_ASIDE_PREFIX)) {
        snapshot.unreadable.push(value as KeptAsideRecord);
      } else {
        snapshot.unreadable.push({ key, reason: 'unknown record', at: Date.now(), value });
      }
    }
    snapshot.days.sort((a, b) => a.day.localeCompare(b.day));
    snapshot.sessions.sort((a, b) => a.start - b.start);
    snapshot.nudges.sort((a, b) => a.shownAt - b.shownAt);
    return snapshot;
  }
}
