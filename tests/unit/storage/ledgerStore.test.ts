import 'fake-indexeddb/auto';
import { createStore, get, keys, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport } from '@/utils/storage/exportData';
import { LedgerStore, type SpanBatch } from '@/utils/storage/ledgerStore';
import type { Interval } from '@/utils/time/intervals';

const S = 1000;
const NOW = Date.UTC(2026, 10, 22, 15, 0);
const TODAY = '2026-11-22';
const originalTz = process.env.TZ;
let databaseCount = 0;
let store: ReturnType<typeof createStore>;

beforeEach(() => {
  process.env.TZ = 'UTC';
  databaseCount += 1;
  store = createStore(`ledger-test-${databaseCount}`, 'ledger');
});
afterEach(() => {
  process.env.TZ = originalTz;
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
    expect(snapshot.unreadable[0]).toMatchObject({ key: `day/${TODAY}`, reason: 'invalid time for instagram' });
    expect(snapshot.unreadable[0]?.value).toEqual(garbage);
    expect((await keys(store)).some((key) => String(key).startsWith('kept-aside/'))).toBe(true);
  });

  it.each([
    [
      'a record from a newer version',
      { schemaVersion: 9, day: TODAY, ms: {} },
      'written by a newer version (schema 9)',
    ],
    ['a string', 'hello', 'not an object'],
    ['no version', { day: TODAY, ms: {} }, 'missing or invalid schemaVersion'],
    ['the wrong day', { schemaVersion: 1, day: '2026-01-01', ms: {} }, 'day does not match its key'],
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
    expect(unreadable).toEqual([expect.objectContaining({ key: 'mystery', reason: 'unknown record', value: 42 })]);
  });

  it('exports what it stored in the documented shape', async () => {
    const ledger = new LedgerStore(store);
    await ledger.record([batch('instagram', [[NOW - 61_250, NOW]])], NOW, 4);
    const file = buildExport(await ledger.snapshot(), new Date(NOW));
    expect(file).toEqual({
      format: 'outside-the-frame',
      schemaVersion: 1,
      exportedAt: '2026-11-22T15:00:00.000Z',
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
