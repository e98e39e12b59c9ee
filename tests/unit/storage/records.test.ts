import { describe, expect, it } from 'vitest';
import type { RecordProblem } from '@/utils/storage/recordKind';
import {
  dayKeyFor,
  LEDGER_TYPES,
  type LedgerTypeName,
  type PerDayTypeName,
  readLedgerRecord,
  typeOfKey,
} from '@/utils/storage/records';

const DAY = '2026-11-22';
const session = { id: 'x-1', site: 'x', day: DAY, start: 10, end: 20, activeMs: 10 };
const sessions = (list: unknown[]) => ({ schemaVersion: 1, day: DAY, sessions: list });
const trackingState = (patch: Record<string, unknown>) => ({
  schemaVersion: 1,
  counted: [],
  latestSession: {},
  ...patch,
});

const PER_DAY = (Object.keys(LEDGER_TYPES) as LedgerTypeName[]).filter(
  (name): name is PerDayTypeName => LEDGER_TYPES[name].perDay,
);

describe('typeOfKey', () => {
  it.each<[string, ReturnType<typeof typeOfKey>]>([
    [`day/${DAY}`, { type: 'day', day: DAY }],
    [`sessions/${DAY}`, { type: 'sessions', day: DAY }],
    [`nudges/${DAY}`, { type: 'nudges', day: DAY }],
    ['tracking-state', { type: 'trackingState' }],
    ['day/2026-13-40', undefined],
    ['day/', undefined],
    [`day/${DAY}/x`, undefined],
    [`days/${DAY}`, undefined],
    ['tracking-state/2', undefined],
    [`kept-aside/day/${DAY}/0badf00d`, undefined],
    ['mystery', undefined],
  ])('%s → %j', (key, expected) => {
    expect(typeOfKey(key)).toEqual(expected);
  });

  it.each(PER_DAY)('finds the type and day of every key dayKeyFor gives (%s)', (type) => {
    expect(typeOfKey(dayKeyFor(type, DAY))).toEqual({ type, day: DAY });
  });
});

describe('LEDGER_TYPES', () => {
  it('no two types share a key or a prefix that could catch the other’s keys', () => {
    const names = Object.values(LEDGER_TYPES).map((type) => (type.perDay ? type.prefix : type.key));
    for (const a of names) for (const b of names) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  it.each(PER_DAY)('the empty %s record is a readable record of its day', (type) => {
    const key = dayKeyFor(type, DAY);
    const empty = LEDGER_TYPES[type].empty(DAY);
    expect(readLedgerRecord(key, empty)).toEqual({ ok: true, value: empty, migrated: false, type });
  });

  it('the empty tracking state is readable', () => {
    const empty = LEDGER_TYPES.trackingState.empty();
    expect(readLedgerRecord('tracking-state', empty)).toEqual({
      ok: true,
      value: empty,
      migrated: false,
      type: 'trackingState',
    });
  });
});

describe('readLedgerRecord', () => {
  it('reads valid sessions and says their type', () => {
    expect(readLedgerRecord(`sessions/${DAY}`, sessions([session]))).toEqual({
      ok: true,
      value: sessions([session]),
      migrated: false,
      type: 'sessions',
    });
  });

  it.each<[string, string, unknown, RecordProblem]>([
    [
      'a session that ends before it starts',
      `sessions/${DAY}`,
      sessions([{ ...session, end: 5 }]),
      { code: 'invalid', path: 'sessions.0' },
    ],
    [
      'a session with negative active time',
      `sessions/${DAY}`,
      sessions([session, { ...session, activeMs: -1 }]),
      { code: 'invalid', path: 'sessions.1.activeMs' },
    ],
    [
      'backwards counted time',
      'tracking-state',
      trackingState({ counted: [[5, 1]] }),
      { code: 'invalid', path: 'counted.0' },
    ],
    [
      'counted time with three ends',
      'tracking-state',
      trackingState({ counted: [[1, 2, 3]] }),
      { code: 'invalid', path: 'counted.0.2' },
    ],
    [
      'latest sessions as a list',
      'tracking-state',
      trackingState({ latestSession: [] }),
      { code: 'invalid', path: 'latestSession' },
    ],
    [
      'a latest session with a numeric id',
      'tracking-state',
      trackingState({ latestSession: { x: { id: 1, day: DAY } } }),
      { code: 'invalid', path: 'latestSession.x.id' },
    ],
    [
      'a day total that is not a number',
      `day/${DAY}`,
      { schemaVersion: 1, day: DAY, ms: { instagram: 'lots' } },
      { code: 'invalid', path: 'ms.instagram' },
    ],
    [
      'day totals as a list',
      `day/${DAY}`,
      { schemaVersion: 1, day: DAY, ms: [60_000] },
      { code: 'invalid', path: 'ms' },
    ],
    [
      'a nudge log that is not a list',
      `nudges/${DAY}`,
      { schemaVersion: 1, day: DAY, nudges: 'x' },
      { code: 'invalid', path: 'nudges' },
    ],
    [
      'a record filed under another day',
      `day/${DAY}`,
      { schemaVersion: 1, day: '2026-01-01', ms: {} },
      { code: 'invalid', path: 'day' },
    ],
    [
      'a day that is not a calendar day',
      `day/${DAY}`,
      { schemaVersion: 1, day: '2026-02-30', ms: {} },
      { code: 'invalid', path: 'day' },
    ],
    ['a newer version', `day/${DAY}`, { schemaVersion: 2, day: DAY, ms: {} }, { code: 'newer-version', version: 2 }],
    ['no version', `day/${DAY}`, { day: DAY, ms: {} }, { code: 'no-version' }],
    ['a string', `day/${DAY}`, 'hello', { code: 'not-a-record' }],
    ['an unknown key', 'mystery', { schemaVersion: 1 }, { code: 'unknown-key' }],
    [
      'a per-day key without a valid day',
      'day/yesterday',
      { schemaVersion: 1, day: DAY, ms: {} },
      { code: 'unknown-key' },
    ],
  ])('refuses %s', (_label, key, raw, problem) => {
    expect(readLedgerRecord(key, raw)).toEqual({ ok: false, problem });
  });

  it('a valid record of one type under another type’s key is refused', () => {
    const totals = { schemaVersion: 1, day: DAY, ms: {} };
    expect(readLedgerRecord(`sessions/${DAY}`, totals)).toEqual({
      ok: false,
      problem: { code: 'invalid', path: 'sessions' },
    });
  });
});
