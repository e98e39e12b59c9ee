import 'fake-indexeddb/auto';
import { createStore, get, keys, set, setMany, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildExport } from '@/utils/storage/exportData';
import { fingerprint, type KeptAsideRecord, keptAsideEntry } from '@/utils/storage/keptAside';
import { LedgerImportError, LedgerStore, type SpanBatch } from '@/utils/storage/ledgerStore';
import type { RecordKind } from '@/utils/storage/recordKind';
import { LEDGER_TYPES, type NudgeRecord } from '@/utils/storage/records';
import type { Interval } from '@/utils/time/intervals';
import type { SessionRecord } from '@/utils/time/sessions';
import { useTimeZone } from '../../helpers/timeZone';

const S = 1000;
const NOW = Date.UTC(2026, 10, 22, 15, 0);
const TODAY = '2026-11-22';
let databaseCount = 0;
let store: UseStore;

useTimeZone('UTC');
beforeEach(() => {
  databaseCount += 1;
  store = createStore(`ledger-test-${databaseCount}`, 'ledger');
});

const batch = (site: string, spans: Interval[]): SpanBatch => ({ site, spans, allowed: (span) => [span] });

describe('LedgerStore', () => {
  it('records per day and site, in one write, and reads it back', async () => {
    const ledger = new LedgerStore(store);
    const outcomes = await ledger.record(
      [batch('instagram', [[NOW - 60 * S, NOW - 30 * S]]), batch('x', [[NOW - 20 * S, NOW]])],
      NOW,
      4,
    );
    expect(outcomes.map((o) => o.countedMs)).toEqual([30 * S, 20 * S]);
    expect((await ledger.dayTotals([TODAY])).get(TODAY)).toEqual({ instagram: 30 * S, x: 20 * S });
  });

  it('after a worker restart (a new instance), re-sent spans are not counted twice', async () => {
    const spans: Interval[] = [[NOW - 60 * S, NOW - 30 * S]];
    await new LedgerStore(store).record([batch('instagram', spans)], NOW, 4);
    const restarted = new LedgerStore(store);
    const outcomes = await restarted.record([batch('instagram', spans)], NOW + 5 * S, 4);
    expect(outcomes[0]?.countedMs).toBe(0);
    expect((await restarted.dayTotals([TODAY])).get(TODAY)).toEqual({ instagram: 30 * S });
  });

  it('builds sessions across reports and starts a new one after a long break', async () => {
    const ledger = new LedgerStore(store);
    await ledger.record([batch('instagram', [[NOW - 600 * S, NOW - 590 * S]])], NOW, 4);
    await ledger.record([batch('instagram', [[NOW - 580 * S, NOW - 570 * S]])], NOW, 4);
    await ledger.record([batch('instagram', [[NOW - 10 * S, NOW]])], NOW, 4);
    const { sessions } = await ledger.snapshot();
    expect(sessions.map((s) => [s.site, s.activeMs, s.end - s.start])).toEqual([
      ['instagram', 20 * S, 30 * S],
      ['instagram', 10 * S, 10 * S],
    ]);
  });

  it('keeps a corrupt day record aside with its reason and goes on counting', async () => {
    const garbage = { schemaVersion: 1, day: TODAY, ms: { instagram: 'lots' } };
    await set(`day/${TODAY}`, garbage, store);
    const ledger = new LedgerStore(store);
    expect((await ledger.snapshot()).unreadable).toMatchObject([{ key: `day/${TODAY}`, value: garbage }]);

    await ledger.record([batch('x', [[NOW - 10 * S, NOW]])], NOW, 4);
    expect((await ledger.dayTotals([TODAY])).get(TODAY)).toEqual({ x: 10 * S });
    const snapshot = await ledger.snapshot();
    expect(snapshot.unreadable).toHaveLength(1);
    expect(snapshot.unreadable[0]).toMatchObject({ key: `day/${TODAY}`, reason: 'invalid ms.instagram' });
    expect(snapshot.unreadable[0]?.value).toEqual(garbage);
    expect((await keys(store)).some((key) => String(key).startsWith('kept-aside/'))).toBe(true);
  });

  it.each([
    ['a record from a newer version', { schemaVersion: 9, day: TODAY, ms: {} }, 'newer-version 9'],
    ['a string', 'hello', 'not-a-record'],
    ['no version', { day: TODAY, ms: {} }, 'no-version'],
    ['the wrong day', { schemaVersion: 1, day: '2026-01-01', ms: {} }, 'invalid day'],
  ])('keeps aside %s', async (_label, value, reason) => {
    await set(`day/${TODAY}`, value, store);
    const ledger = new LedgerStore(store);
    await ledger.record([batch('x', [[NOW - 10 * S, NOW]])], NOW, 4);
    const { unreadable } = await ledger.snapshot();
    expect(unreadable).toEqual([expect.objectContaining({ key: `day/${TODAY}`, reason, value })]);
  });

  it('survives a corrupt tracking state: keeps it aside and starts a fresh one', async () => {
    await set('tracking-state', { schemaVersion: 1, counted: 'nope', latestSession: {} }, store);
    const ledger = new LedgerStore(store);
    await ledger.record([batch('reddit', [[NOW - 10 * S, NOW]])], NOW, 4);
    expect((await ledger.dayTotals([TODAY])).get(TODAY)).toEqual({ reddit: 10 * S });
    expect(await get('tracking-state', store)).toMatchObject({ schemaVersion: 1, counted: [[NOW - 10 * S, NOW]] });
    expect((await ledger.snapshot()).unreadable.map((r) => r.key)).toEqual(['tracking-state']);
  });

  it('lists records it does not know instead of hiding them', async () => {
    await set('mystery', 42, store);
    const { unreadable } = await new LedgerStore(store).snapshot();
    expect(unreadable).toEqual([expect.objectContaining({ key: 'mystery', reason: 'unknown-key', value: 42 })]);
  });

  it('exports what it stored in the documented shape', async () => {
    const ledger = new LedgerStore(store);
    await ledger.record([batch('instagram', [[NOW - 61_250, NOW]])], NOW, 4);
    const file = buildExport(await ledger.snapshot(), new Date(NOW));
    expect(file).toEqual({
      format: 'outside-the-frame',
      schemaVersion: 1,
      exportedAt: '2026-11-22T15:00:00.000Z',
      settings: null,
      activeTime: [{ day: TODAY, site: 'instagram', seconds: 61.3 }],
      sessions: [
        {
          site: 'instagram',
          day: TODAY,
          start: new Date(NOW - 61_250).toISOString(),
          end: '2026-11-22T15:00:00.000Z',
          activeSeconds: 61.3,
        },
      ],
      nudges: [],
      accountExposure: [],
      accounts: [],
      triggerWords: [],
      journal: [],
      checkIns: [],
      unreadableRecords: [],
    });
  });

  it('logs a shown nudge and its outcome, and exports both', async () => {
    const ledger = new LedgerStore(store);
    const shown = {
      id: 'n1',
      reminderId: 'steam_on_the_mirror',
      tag: 'highlight-reel',
      site: 'instagram',
      shownAt: NOW,
    };
    await ledger.logNudge(TODAY, shown, NOW);
    await ledger.setNudgeOutcome(TODAY, 'n1', 'helped', NOW + 4 * S);
    const snapshot = await ledger.snapshot();
    expect(snapshot.nudges).toEqual([{ ...shown, outcome: 'helped', outcomeAt: NOW + 4 * S }]);
    expect(buildExport(snapshot, new Date(NOW)).nudges).toEqual([
      {
        reminderId: 'steam_on_the_mirror',
        tag: 'highlight-reel',
        site: 'instagram',
        shownAt: '2026-11-22T15:00:00.000Z',
        outcome: 'helped',
        outcomeAt: '2026-11-22T15:00:04.000Z',
      },
    ]);
  });

  it('keeps an unreadable nudge log aside and starts a new one', async () => {
    await set(`nudges/${TODAY}`, { schemaVersion: 1, day: TODAY, nudges: 'x' }, store);
    const ledger = new LedgerStore(store);
    await ledger.logNudge(TODAY, { id: 'n1', reminderId: 'r', tag: 'rest', site: 'x', shownAt: NOW }, NOW);
    const snapshot = await ledger.snapshot();
    expect(snapshot.nudges.map((n) => n.id)).toEqual(['n1']);
    expect(snapshot.unreadable).toEqual([
      expect.objectContaining({ key: `nudges/${TODAY}`, reason: 'invalid nudges' }),
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Reading by day, deleting, keeping aside, importing
// ---------------------------------------------------------------------------------------

/** Ten days, 2026-11-13 to 2026-11-22. */
const TEN_DAYS = Array.from({ length: 10 }, (_, index) => `2026-11-${String(13 + index).padStart(2, '0')}`);
const dayTotals = (day: string, ms = 60_000) => ({ schemaVersion: 1, day, ms: { instagram: ms } });
const daySessions = (day: string): { schemaVersion: number; day: string; sessions: SessionRecord[] } => ({
  schemaVersion: 1,
  day,
  sessions: [{ id: `instagram-${day}`, site: 'instagram', day, start: 1, end: 2, activeMs: 1 }],
});
const dayNudges = (day: string): { schemaVersion: number; day: string; nudges: NudgeRecord[] } => ({
  schemaVersion: 1,
  day,
  nudges: [{ id: `n-${day}`, reminderId: 'r', tag: 'rest', site: 'x', shownAt: 1 }],
});
const tracking = { schemaVersion: 1, counted: [[1, 2]], latestSession: {} };

/** Every kind for each of the ten days, the tracking state, and one kept-aside value. */
async function fillTenDays(): Promise<[string, unknown]> {
  const aside = keptAsideEntry('sync:settings', 'broken', { code: 'not-a-record' }, NOW);
  await setMany(
    [
      ...TEN_DAYS.flatMap((day) => [
        [`day/${day}`, dayTotals(day)],
        [`sessions/${day}`, daySessions(day)],
        [`nudges/${day}`, dayNudges(day)],
      ]),
      ['tracking-state', tracking],
      aside,
    ] as [string, unknown][],
    store,
  );
  return aside;
}

/** The store, with a note of each object-store call that reads many records (and with which range). */
function watchedStore(inner: UseStore) {
  const bulkReads: { method: string; range: unknown }[] = [];
  const transactions: IDBTransactionMode[] = [];
  const use: UseStore = (mode, callback) => {
    transactions.push(mode);
    return inner(mode, (objectStore) =>
      callback(
        new Proxy(objectStore, {
          get(target, property) {
            const value = Reflect.get(target, property, target);
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              if (property === 'getAll' || property === 'getAllKeys' || property === 'openCursor') {
                bulkReads.push({ method: String(property), range: args[0] });
              }
              return value.apply(target, args);
            };
          },
        }),
      ),
    );
  };
  return { use, bulkReads, transactions };
}

const allKeys = async () => (await keys(store)).map(String).sort();

describe('LedgerStore: reading days', () => {
  it('readRange returns the days in the range, of the type asked, and nothing else', async () => {
    await fillTenDays();
    const ledger = new LedgerStore(store);
    const totals = await ledger.readRange('day', '2026-11-15', '2026-11-17');
    expect(totals).toEqual({
      records: new Map([
        ['2026-11-15', dayTotals('2026-11-15')],
        ['2026-11-16', dayTotals('2026-11-16')],
        ['2026-11-17', dayTotals('2026-11-17')],
      ]),
      unreadable: [],
    });
    const sessions = await ledger.readRange('sessions', '2026-11-21', '2026-11-22');
    expect([...sessions.records.keys()]).toEqual(['2026-11-21', '2026-11-22']);
    expect(sessions.records.get('2026-11-22')).toEqual(daySessions('2026-11-22'));
    const oneDay = await ledger.readRange('nudges', '2026-11-13', '2026-11-13');
    expect([...oneDay.records.keys()]).toEqual(['2026-11-13']);
  });

  it('readRange asks the database for the range only, never for everything', async () => {
    await fillTenDays();
    const watched = watchedStore(store);
    await new LedgerStore(watched.use).readRange('day', '2026-11-15', '2026-11-17');
    expect(watched.bulkReads.length).toBeGreaterThan(0);
    for (const { range } of watched.bulkReads) {
      expect(range).toBeInstanceOf(IDBKeyRange);
      const { lower, upper } = range as IDBKeyRange;
      expect([lower, upper]).toEqual(['day/2026-11-15', 'day/2026-11-17']);
    }
  });

  it('readRange lists an unreadable record in the range, and not one outside it', async () => {
    await fillTenDays();
    await set('day/2026-11-16', { schemaVersion: 1, day: '2026-11-16', ms: { instagram: -1 } }, store);
    await set('day/2026-11-20', 'broken', store);
    const { records, unreadable } = await new LedgerStore(store).readRange('day', '2026-11-15', '2026-11-17');
    expect([...records.keys()]).toEqual(['2026-11-15', '2026-11-17']);
    expect(unreadable).toEqual([
      expect.objectContaining({
        key: 'day/2026-11-16',
        reason: 'invalid ms.instagram',
        value: { schemaVersion: 1, day: '2026-11-16', ms: { instagram: -1 } },
      }),
    ]);
  });

  it('readRange of an empty stretch is empty', async () => {
    await fillTenDays();
    expect(await new LedgerStore(store).readRange('day', '2026-12-01', '2026-12-31')).toEqual({
      records: new Map(),
      unreadable: [],
    });
  });

  it('readDays returns the days asked for: missing ones absent, unreadable ones listed', async () => {
    await fillTenDays();
    await set('day/2026-11-14', { day: '2026-11-14', ms: {} }, store);
    const { records, unreadable } = await new LedgerStore(store).readDays('day', [
      '2026-11-13',
      '2026-11-14',
      '2026-11-22',
      '2026-12-01',
    ]);
    expect(records).toEqual(
      new Map([
        ['2026-11-13', dayTotals('2026-11-13')],
        ['2026-11-22', dayTotals('2026-11-22')],
      ]),
    );
    expect(unreadable).toEqual([expect.objectContaining({ key: 'day/2026-11-14', reason: 'no-version' })]);
  });

  it('dayTotals gives every day asked for, empty when missing or unreadable, as a copy', async () => {
    await fillTenDays();
    await set('day/2026-11-14', 'broken', store);
    const ledger = new LedgerStore(store);
    const totals = await ledger.dayTotals(['2026-11-13', '2026-11-14', '2026-12-01']);
    expect(totals).toEqual(
      new Map([
        ['2026-11-13', { instagram: 60_000 }],
        ['2026-11-14', {}],
        ['2026-12-01', {}],
      ]),
    );
  });
});

describe('LedgerStore: deleting', () => {
  it.each([
    ['day', 'day/'],
    ['sessions', 'sessions/'],
    ['nudges', 'nudges/'],
    ['trackingState', 'tracking-state'],
  ] as const)('deleteKind(%s) removes that kind only', async (type, prefix) => {
    await fillTenDays();
    const before = await allKeys();
    await new LedgerStore(store).deleteKind(type);
    expect(await allKeys()).toEqual(before.filter((key) => !key.startsWith(prefix)));
    expect(before.some((key) => key.startsWith(prefix))).toBe(true);
  });

  it('deleteKind keeps kept-aside values (they are hers until she deletes everything)', async () => {
    const [asideKey] = await fillTenDays();
    const ledger = new LedgerStore(store);
    for (const type of Object.keys(LEDGER_TYPES) as (keyof typeof LEDGER_TYPES)[]) await ledger.deleteKind(type);
    expect(await allKeys()).toEqual([asideKey]);
    expect(await ledger.keptAsideCount()).toBe(1);
  });

  it('deleteAll empties the ledger, kept-aside values and unknown keys included', async () => {
    await fillTenDays();
    await set('mystery', 42, store);
    const ledger = new LedgerStore(store);
    await ledger.deleteAll();
    expect(await keys(store)).toEqual([]);
    expect(await ledger.snapshot()).toEqual({
      days: [],
      sessions: [],
      exposure: [],
      nudges: [],
      journal: [],
      checkIns: [],
      unreadable: [],
    });
  });
});

describe('LedgerStore: keeping aside', () => {
  const entry = (value: unknown, at = NOW) => keptAsideEntry('local:nudgeState', value, { code: 'no-version' }, at);

  it('keeps a value once, however often it is kept, and leaves the first entry as it was', async () => {
    const ledger = new LedgerStore(store);
    expect(await ledger.keptAsideCount()).toBe(0);
    await ledger.keepAside(entry({ broken: true }));
    await ledger.keepAside(entry({ broken: true }, NOW + 60_000));
    expect(await ledger.keptAsideCount()).toBe(1);
    const [key] = entry({ broken: true });
    expect(await get(key, store)).toEqual<KeptAsideRecord>({
      key: 'local:nudgeState',
      reason: 'no-version',
      at: NOW,
      value: { broken: true },
    });
    expect(key).toBe(`kept-aside/local:nudgeState/${fingerprint({ broken: true })}`);
  });

  it('keeps another value beside it, and counts only kept-aside values', async () => {
    await fillTenDays();
    const ledger = new LedgerStore(store);
    await ledger.keepAside(entry({ broken: true }));
    await ledger.keepAside(entry({ broken: 'differently' }));
    expect(await ledger.keptAsideCount()).toBe(3);
    const { unreadable } = await ledger.snapshot();
    expect(unreadable.map((record) => record.value)).toEqual(
      expect.arrayContaining([{ broken: true }, { broken: 'differently' }, 'broken']),
    );
  });

  it('an unreadable record found while counting is kept aside once, however often it is met', async () => {
    await set(`day/${TODAY}`, 'broken', store);
    const ledger = new LedgerStore(store);
    await ledger.record([batch('x', [[NOW - 20 * S, NOW - 10 * S]])], NOW, 4);
    await set(`day/${TODAY}`, 'broken', store);
    await ledger.record([batch('x', [[NOW - 10 * S, NOW]])], NOW, 4);
    expect(await ledger.keptAsideCount()).toBe(1);
  });
});

describe('LedgerStore: importing', () => {
  const entries: [string, unknown][] = [
    ['day/2026-11-21', dayTotals('2026-11-21')],
    ['day/2026-11-22', dayTotals('2026-11-22', 5_000)],
    ['sessions/2026-11-22', daySessions('2026-11-22')],
    ['nudges/2026-11-22', dayNudges('2026-11-22')],
    ['tracking-state', tracking],
  ];

  it('writes every record in one transaction', async () => {
    const watched = watchedStore(store);
    await new LedgerStore(watched.use).importRecords(entries);
    expect(watched.transactions).toEqual(['readwrite']);
    for (const [key, value] of entries) expect(await get(key, store)).toEqual(value);
    expect(await allKeys()).toEqual(entries.map(([key]) => key).sort());
  });

  it.each<[string, [string, unknown], { key: string; problem: unknown }]>([
    ['an unknown key', ['mystery', { schemaVersion: 1 }], { key: 'mystery', problem: { code: 'unknown-key' } }],
    [
      'an invalid record',
      ['day/2026-11-20', { schemaVersion: 1, day: '2026-11-20', ms: { x: 'lots' } }],
      { key: 'day/2026-11-20', problem: { code: 'invalid', path: 'ms.x' } },
    ],
    [
      'a record under another day’s key',
      ['day/2026-11-20', dayTotals('2026-11-19')],
      { key: 'day/2026-11-20', problem: { code: 'invalid', path: 'day' } },
    ],
    [
      'a record from a newer version',
      ['tracking-state', { ...tracking, schemaVersion: 5 }],
      { key: 'tracking-state', problem: { code: 'newer-version', version: 5 } },
    ],
    [
      'a kept-aside entry (not a record kind)',
      keptAsideEntry('sync:settings', 'x', 'invalid', NOW),
      { key: `kept-aside/sync:settings/${fingerprint('x')}`, problem: { code: 'unknown-key' } },
    ],
  ])('refuses the whole batch when one entry is %s: nothing is written', async (_label, bad, problem) => {
    await set('day/2026-11-01', dayTotals('2026-11-01'), store);
    const ledger = new LedgerStore(store);
    const error = await ledger.importRecords([...entries, bad], { replace: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LedgerImportError);
    expect((error as LedgerImportError).problems).toEqual([problem]);
    expect(await allKeys()).toEqual(['day/2026-11-01']);
  });

  it('says every entry it refuses, in order', async () => {
    const error = await new LedgerStore(store)
      .importRecords([['a', 1], ...entries, ['day/2026-11-20', 'x']])
      .catch((caught: unknown) => caught);
    expect((error as LedgerImportError).problems).toEqual([
      { key: 'a', problem: { code: 'unknown-key' } },
      { key: 'day/2026-11-20', problem: { code: 'not-a-record' } },
    ]);
  });

  it('without replace, keeps the records it does not overwrite', async () => {
    await set('day/2026-11-01', dayTotals('2026-11-01'), store);
    await set('day/2026-11-22', dayTotals('2026-11-22', 1), store);
    await new LedgerStore(store).importRecords(entries);
    expect(await get('day/2026-11-01', store)).toEqual(dayTotals('2026-11-01'));
    expect(await get('day/2026-11-22', store)).toEqual(dayTotals('2026-11-22', 5_000));
  });

  it('with replace, drops every old record of the registered kinds, and nothing else', async () => {
    const [asideKey] = await fillTenDays();
    await set('mystery', 42, store);
    await new LedgerStore(store).importRecords([['day/2026-11-01', dayTotals('2026-11-01')]], { replace: true });
    expect(await allKeys()).toEqual(['day/2026-11-01', asideKey, 'mystery'].sort());
  });

  it('stores an older record as the current version', async () => {
    // The ledger's kinds are all at version 1 today; a version 2 of day totals (seconds → ms)
    // shows what an import does with a record from an older version.
    const DayTotalsV2: RecordKind<unknown> = {
      name: 'day-totals',
      version: 2,
      schema: v.object({ schemaVersion: v.literal(2), day: v.string(), ms: v.record(v.string(), v.number()) }),
      migrations: {
        1: ({ seconds, ...rest }) => ({
          ...rest,
          ms: Object.fromEntries(Object.entries(seconds as Record<string, number>).map(([k, s]) => [k, s * 1000])),
        }),
      },
    };
    const dayType = LEDGER_TYPES.day as { kind: RecordKind<unknown> };
    const current = dayType.kind;
    dayType.kind = DayTotalsV2;
    try {
      await new LedgerStore(store).importRecords([
        ['day/2026-11-22', { schemaVersion: 1, day: '2026-11-22', seconds: { instagram: 60 } }],
      ]);
    } finally {
      dayType.kind = current;
    }
    expect(await get('day/2026-11-22', store)).toEqual({
      schemaVersion: 2,
      day: '2026-11-22',
      ms: { instagram: 60_000 },
    });
  });

  it('stores what it read, not what it was given: unknown fields are left out', async () => {
    await new LedgerStore(store).importRecords([['day/2026-11-22', { ...dayTotals('2026-11-22'), extra: 'x' }]]);
    expect(await get('day/2026-11-22', store)).toEqual(dayTotals('2026-11-22'));
  });
});

describe('LedgerStore: snapshot', () => {
  it('lists keys no kind owns as unreadable, with their values, next to kept-aside values', async () => {
    const [asideKey, aside] = keptAsideEntry('local:boundaryDay', [1], { code: 'not-a-record' }, NOW);
    await setMany(
      [
        ['mystery', 42],
        ['day/not-a-day', dayTotals('2026-11-22')],
        [asideKey, aside],
        ['day/2026-11-22', dayTotals('2026-11-22')],
      ],
      store,
    );
    const snapshot = await new LedgerStore(store).snapshot();
    expect(snapshot.days).toEqual([dayTotals('2026-11-22')]);
    expect(snapshot.unreadable).toHaveLength(3);
    expect(snapshot.unreadable).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'mystery', reason: 'unknown-key', value: 42 }),
        expect.objectContaining({ key: 'day/not-a-day', reason: 'unknown-key', value: dayTotals('2026-11-22') }),
        aside,
      ]),
    );
  });

  it('lists days in order, and sessions and nudges of every day by time', async () => {
    await fillTenDays();
    const snapshot = await new LedgerStore(store).snapshot();
    expect(snapshot.days.map((record) => record.day)).toEqual(TEN_DAYS);
    expect(snapshot.sessions).toHaveLength(10);
    expect(snapshot.nudges).toHaveLength(10);
  });
});

describe('LedgerStore: latest days', () => {
  const journalDay = (day: string, id: string) => ({
    schemaVersion: 1,
    day,
    entries: [{ id, at: NOW, text: id }],
  });

  it('reads the newest days that have a record, however far back, and nothing older', async () => {
    await setMany(
      [
        ['journal/2026-01-03', journalDay('2026-01-03', 'oldest')],
        ['journal/2026-06-30', journalDay('2026-06-30', 'middle')],
        ['journal/2026-11-20', journalDay('2026-11-20', 'newest')],
        ['nudges/2026-11-21', { schemaVersion: 1, day: '2026-11-21', nudges: [] }],
      ],
      store,
    );
    const ledger = new LedgerStore(store);
    const latest = await ledger.readLatest('journal', 2);
    expect([...latest.records.keys()]).toEqual(['2026-11-20', '2026-06-30']);
    expect((await ledger.readLatest('journal', 10)).records.size).toBe(3);
    expect((await ledger.readLatest('journal', 0)).records.size).toBe(0);
  });

  it('lists an unreadable day instead of stopping at it', async () => {
    await setMany(
      [
        ['journal/2026-11-19', journalDay('2026-11-19', 'kept')],
        ['journal/2026-11-20', { schemaVersion: 1, day: '2026-11-20', entries: 'broken' }],
      ],
      store,
    );
    const latest = await new LedgerStore(store).readLatest('journal', 1);
    expect([...latest.records.keys()]).toEqual(['2026-11-19']);
    expect(latest.unreadable.map((entry) => entry.key)).toEqual(['journal/2026-11-20']);
  });
});
