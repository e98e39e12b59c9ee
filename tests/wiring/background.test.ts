import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import type { ActivityReportReply } from '@/utils/messaging/protocol';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Interval } from '@/utils/time/intervals';
import { useTimeZone } from '../helpers/timeZone';
import { type Sender, sendAs, sender } from './messages';

const S = 1000;
const NOW = Date.UTC(2026, 10, 22, 15, 0);
const TODAY = '2026-11-22';
const INSTAGRAM = 'https://www.instagram.com/';

let databaseCount = 0;
let ledger: LedgerStore;
let store: ReturnType<typeof createStore>;
let clock = NOW;

const send = (message: unknown, from: Sender) => sendAs<ActivityReportReply>(message, from);
const report = (spans: Interval[], from: Sender) => send({ type: 'activity/report', data: { spans } }, from);
const today = async () => (await ledger.dayTotals([TODAY])).get(TODAY);

function start() {
  return startBackground(fakeBrowser as never, { ledger, now: () => clock, batchMs: 5 });
}

useTimeZone('UTC');

beforeEach(() => {
  clock = NOW;
  databaseCount += 1;
  store = createStore(`wiring-${databaseCount}`, 'ledger');
  ledger = new LedgerStore(store);
});

describe('background wiring', () => {
  it('stores a report under the sender’s site and shows today’s minutes on the badge', async () => {
    start();
    const reply = await report([[NOW - 150 * S, NOW]], sender(INSTAGRAM));
    expect(reply).toEqual({ ok: true, settled: 1, countedMs: 150 * S });
    expect(await today()).toEqual({ instagram: 150 * S });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
    expect(await fakeBrowser.action.getTitle({})).toBe('2 min of feeds today');
  });

  it('takes the site from the sender, never from the message: a claimed site is refused', async () => {
    start();
    expect(
      await send({ type: 'activity/report', data: { spans: [[NOW - 10 * S, NOW]], site: 'x' } }, sender(INSTAGRAM)),
    ).toEqual({ error: 'invalid-message' });
    await report([[NOW - 10 * S, NOW]], sender('https://x.com/home'));
    expect(await today()).toEqual({ x: 10 * S });
  });

  it.each([
    ['a page that is not a tracked site', { ...sender('https://instagram.com.evil.example/') }],
    ['a sub-frame', { ...sender(INSTAGRAM), frameId: 4 }],
  ])('counts nothing from %s but lets it forget the spans', async (_label, from) => {
    start();
    expect(await report([[NOW - 10 * S, NOW]], from)).toEqual({ ok: true, settled: 1, countedMs: 0 });
    expect(await today()).toEqual({});
  });

  it('ignores messages from other extensions', async () => {
    start();
    expect(await report([[NOW - 10 * S, NOW]], { ...sender(INSTAGRAM), id: 'someone-else' })).toBeUndefined();
    expect(await today()).toEqual({});
  });

  it.each([
    ['a span with a string', { type: 'activity/report', data: { spans: [[1, 'now']] } }],
    ['the old flat shape', { type: 'activity/report', spans: [[NOW - 10 * S, NOW]] }],
    ['an unknown type', { type: 'ledger/wipe', data: {} }],
  ])('answers %s with the one error reply and stores nothing', async (_label, message) => {
    start();
    expect(await send(message, sender(INSTAGRAM))).toEqual({ error: 'invalid-message' });
    expect(await today()).toEqual({});
  });

  it('refuses a span forged for the future but counts the honest ones', async () => {
    start();
    const reply = await report(
      [
        [NOW + 3_600_000, NOW + 3_660_000],
        [NOW - 5 * S, NOW],
      ],
      sender(INSTAGRAM),
    );
    expect(reply).toEqual({ ok: true, settled: 2, countedMs: 5 * S });
  });

  it('counts only the tab in front: a tab switch clips the other tab’s report', async () => {
    await fakeBrowser.tabs.create({ url: INSTAGRAM, active: true });
    const { seeded } = start();
    await seeded;
    const [instagramTab] = await fakeBrowser.tabs.query({ active: true });
    const instagramId = instagramTab?.id as number;
    const windowId = instagramTab?.windowId as number;
    clock = NOW + 30 * S;
    const xTab = await fakeBrowser.tabs.create({ url: 'https://x.com/home', active: true });
    await vi.waitFor(async () => {
      const active = await fakeBrowser.tabs.query({ active: true });
      expect(active[0]?.id).toBe(xTab.id);
    });
    clock = NOW + 60 * S;
    // Headless-like: both tabs claim the whole minute.
    await report([[NOW, NOW + 60 * S]], sender(INSTAGRAM, instagramId, windowId));
    await report([[NOW, NOW + 60 * S]], sender('https://x.com/home', xTab.id as number, windowId));
    expect(await today()).toEqual({ instagram: 30 * S, x: 30 * S });
  });

  it('after a service-worker restart, re-sent spans are not counted twice and the timeline is kept', async () => {
    start();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 1, windowId: 1 });
    clock = NOW + 20 * S;
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 });
    clock = NOW + 40 * S;
    await report([[NOW, NOW + 40 * S]], sender(INSTAGRAM, 1, 1));
    expect(await today()).toEqual({ instagram: 20 * S });

    // The worker is stopped: memory is gone, session storage and IndexedDB stay.
    const session = await fakeBrowser.storage.session.get();
    fakeBrowser.reset();
    await fakeBrowser.storage.session.set(session);
    ledger = new LedgerStore(store);
    start();
    // The tab never got its answer, so it sends the same span again, plus new time.
    await report([[NOW, NOW + 40 * S]], sender(INSTAGRAM, 1, 1));
    await report([[NOW + 20 * S, NOW + 40 * S]], sender('https://x.com/home', 2, 1));
    expect(await today()).toEqual({ instagram: 20 * S, x: 20 * S });
  });

  it('writes reports that arrive together in one transaction', async () => {
    const record = vi.spyOn(ledger, 'record');
    start();
    await Promise.all([
      report([[NOW - 10 * S, NOW - 5 * S]], sender(INSTAGRAM, 1)),
      report([[NOW - 5 * S, NOW]], sender('https://www.reddit.com/', 2, 2)),
    ]);
    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0]?.[0]).toHaveLength(2);
    expect(await today()).toEqual({ instagram: 5 * S, reddit: 5 * S });
  });

  it('tells the tab to keep its spans when the write fails', async () => {
    vi.spyOn(ledger, 'record').mockRejectedValue(new Error('disk full'));
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    start();
    expect(await report([[NOW - 10 * S, NOW]], sender(INSTAGRAM))).toEqual({ ok: false, settled: 0, countedMs: 0 });
    expect(log).toHaveBeenCalledWith(new Error('disk full'));
  });

  it('schedules the badge refresh for the start of the next day', async () => {
    start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => {
      const alarm = await fakeBrowser.alarms.get('day-rollover');
      expect(alarm?.scheduledTime).toBe(Date.UTC(2026, 10, 23, 4, 0) + 1000);
    });
  });

  it('opens the first-run page once, on install, and not on an update', async () => {
    start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const welcomeTabs = async () =>
      (await fakeBrowser.tabs.query({})).filter((tab) => tab.url === fakeBrowser.runtime.getURL('/welcome.html?first'));
    expect(await welcomeTabs()).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await welcomeTabs()).toHaveLength(1));
  });

  it('uses the day start from settings', async () => {
    await fakeBrowser.storage.sync.set({
      settings: {
        schemaVersion: 1,
        tracking: { idleThresholdSeconds: 60, dayStartHour: 16 } /* version 1, migrated on read */,
      },
    });
    start();
    await report([[NOW - 10 * S, NOW]], sender(INSTAGRAM));
    // 15:00 UTC is before a 16:00 day start: it belongs to the 21st.
    expect((await ledger.dayTotals(['2026-11-21'])).get('2026-11-21')).toEqual({ instagram: 10 * S });
  });
});
