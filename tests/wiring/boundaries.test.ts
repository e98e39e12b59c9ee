/**
 * The background's boundary side, wired to the fake browser: the usage it publishes for
 * content scripts, the toolbar badge, and the boundary screen's actions (extend, pause for
 * today, warned, leave), with an injected clock.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import { BADGE_COLORS } from '@/utils/limits/badge';
import { type BoundarySettings, defaultBoundarySettings } from '@/utils/limits/boundarySettings';
import type { BoundaryDayState } from '@/utils/limits/stateRecords';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import type { Interval } from '@/utils/time/intervals';
import { useTimeZone } from '../helpers/timeZone';
import { type Sender, sendAs, sender } from './messages';

const S = 1000;
const MIN = 60 * S;
const NOW = Date.UTC(2026, 10, 22, 15, 0);
const TODAY = '2026-11-22';
const INSTAGRAM = 'https://www.instagram.com/';

let databaseCount = 0;
let ledger: LedgerStore;
let clock = NOW;

type Reply = { ok: boolean; reason?: unknown; error?: string; settled?: number; countedMs?: number };

const send = (message: unknown, from: Sender = sender(INSTAGRAM)) => sendAs<Reply>(message, from);
const ask = (type: string, data: unknown = {}, from: Sender = sender(INSTAGRAM)) => send({ type, data }, from);
const report = (spans: Interval[], from: Sender = sender(INSTAGRAM)) => ask('activity/report', { spans }, from);
const extend = (pauseStartedAt: number, from?: Sender) => ask('boundary/extend', { pauseStartedAt }, from);
const pauseToday = (pauseStartedAt: number, from?: Sender) => ask('boundary/pauseToday', { pauseStartedAt }, from);
const NOT_HERE = { ok: false, reason: { code: 'not-here' } };

async function local<T>(key: string): Promise<T | undefined> {
  return (await fakeBrowser.storage.local.get(key))[key] as T | undefined;
}
const dayState = () => local<BoundaryDayState>('boundaryDay');

/** Settings v2 with a 30-minute overall limit unless told otherwise. */
async function useSettings(boundaries: Partial<BoundarySettings> = {}): Promise<Settings> {
  const settings: Settings = {
    ...structuredClone(DEFAULT_SETTINGS),
    tracking: { idleThresholdSeconds: 60, dayStartHour: 4 },
    boundaries: { ...defaultBoundarySettings(), dailyLimitMinutes: 30, ...boundaries },
  };
  await fakeBrowser.storage.sync.set({ settings });
  return settings;
}

function start() {
  return startBackground(fakeBrowser as never, { ledger, now: () => clock, batchMs: 5 });
}

/** `#RRGGBB` as the RGBA array `getBadgeBackgroundColor` answers with. */
function rgba(hex: string): number[] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

async function badge() {
  return {
    text: await fakeBrowser.action.getBadgeText({}),
    color: await fakeBrowser.action.getBadgeBackgroundColor({}),
    title: await fakeBrowser.action.getTitle({}),
  };
}

const PAUSE_OVER = () => clock - 10 * S;

/** `minutes` of activity ending at `end`, in 5-minute spans (the ledger refuses spans over 15 min). */
function activity(minutes: number, end = NOW): Interval[] {
  const spans: Interval[] = [];
  for (let from = end - minutes * MIN; from < end; from += 5 * MIN) spans.push([from, Math.min(end, from + 5 * MIN)]);
  return spans;
}

useTimeZone('UTC');

beforeEach(() => {
  clock = NOW;
  databaseCount += 1;
  ledger = new LedgerStore(createStore(`boundaries-${databaseCount}`, 'ledger'));
});

describe('published usage', () => {
  it('stores today’s usage per site with the time it was computed', async () => {
    await useSettings();
    start();
    clock = NOW + 7 * S;
    expect(await report([[NOW - 90 * S, NOW]])).toMatchObject({ ok: true, countedMs: 90 * S });
    await vi.waitFor(async () =>
      expect(await local('boundaryUsage')).toEqual({
        schemaVersion: 1,
        day: TODAY,
        todayMsBySite: { instagram: 90 * S },
        at: NOW + 7 * S,
      }),
    );
  });

  it('publishes on wake, before any report, with the day of the day start', async () => {
    await useSettings();
    // 03:00 UTC on the 23rd is before the 04:00 day start: still the 22nd.
    clock = Date.UTC(2026, 10, 23, 3, 0);
    start();
    await vi.waitFor(async () =>
      expect(await local('boundaryUsage')).toEqual({ schemaVersion: 1, day: TODAY, todayMsBySite: {}, at: clock }),
    );
  });
});

describe('badge', () => {
  it.each([
    // used minutes, text, colour, title
    [0, '30', BADGE_COLORS.calm, '30 min of feeds left today'],
    [2, '28', BADGE_COLORS.calm, '28 min of feeds left today'],
    [23, '7', BADGE_COLORS.calm, '7 min of feeds left today'],
    [24, '6', BADGE_COLORS.warning, 'Nearly at today’s limit: 6 min of feeds left'],
    [29, '1', BADGE_COLORS.warning, 'Nearly at today’s limit: 1 min of feeds left'],
    [30, '0', BADGE_COLORS.limit, 'You’ve reached today’s 30 min of feeds'],
    [45, '0', BADGE_COLORS.limit, 'You’ve reached today’s 30 min of feeds'],
  ])('after %i min of a 30 min limit: "%s", %s, "%s"', async (used, text, color, title) => {
    await useSettings();
    start();
    if (used > 0) expect(await report(activity(used))).toMatchObject({ ok: true, countedMs: used * MIN });
    await vi.waitFor(async () => expect(await badge()).toEqual({ text, color: rgba(color), title }));
  });

  it('counts minutes over all sites against the overall limit', async () => {
    await useSettings();
    start();
    // Time is counted once, whichever tab claims it: the two sites' minutes don't overlap.
    await report(activity(12, NOW - 12 * MIN), sender(INSTAGRAM, 1));
    await report(activity(12), sender('https://www.reddit.com/', 2, 2));
    await vi.waitFor(async () =>
      expect(await badge()).toEqual({
        text: '6',
        color: rgba(BADGE_COLORS.warning),
        title: 'Nearly at today’s limit: 6 min of feeds left',
      }),
    );
  });

  it('without a limit shows today’s minutes in the calm colour', async () => {
    await useSettings({ dailyLimitMinutes: null });
    start();
    expect(await report(activity(40))).toMatchObject({ countedMs: 40 * MIN });
    await vi.waitFor(async () =>
      expect(await badge()).toEqual({ text: '40', color: rgba(BADGE_COLORS.calm), title: '40 min of feeds today' }),
    );
  });

  it('gives the extra minutes back on the badge after an extension at the limit', async () => {
    await useSettings();
    start();
    expect(await report(activity(30))).toMatchObject({ countedMs: 30 * MIN });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('0'));
    expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
    expect(await badge()).toEqual({
      text: '5',
      color: rgba(BADGE_COLORS.warning),
      title: 'Nearly at today’s limit: 5 min of feeds left',
    });
  });
});

describe('boundary/extend', () => {
  it.each([
    ['just now', 0, 10],
    ['5 s ago', 5 * S, 5],
    ['9.5 s ago', 9.5 * S, 1],
  ])('is refused while the pause runs (started %s) and changes nothing', async (_label, ago, secondsLeft) => {
    await useSettings();
    start();
    expect(await extend(clock - ago)).toEqual({ ok: false, reason: { code: 'pause-not-over', secondsLeft } });
    expect(await dayState()).toBeUndefined();
  });

  it('is refused for a pause that claims to start in the future', async () => {
    await useSettings();
    start();
    expect(await extend(clock + 60 * S)).toMatchObject({ ok: false });
    expect(await dayState()).toBeUndefined();
  });

  it.each([
    ['exactly at the end of the pause', 10 * S],
    ['well after the pause', 5 * MIN],
  ])('is granted %s: one extension used, 5 min granted', async (_label, ago) => {
    await useSettings();
    start();
    expect(await extend(clock - ago)).toEqual({ ok: true });
    expect(await dayState()).toEqual({
      schemaVersion: 1,
      day: TODAY,
      extensionsUsed: 1,
      extraMsGranted: 5 * MIN,
      pausedForToday: false,
      warnedSites: [],
    });
  });

  it.each([1, 2, 3])('after %i grants (the daily cap) the next is refused', async (perDay) => {
    const reason = { code: 'no-extra-left', perDay };
    await useSettings({ extensionsPerDay: perDay, extraMinutes: 4 });
    start();
    for (let grant = 1; grant <= perDay; grant++) {
      clock += MIN;
      expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
      expect(await dayState()).toMatchObject({ extensionsUsed: grant, extraMsGranted: grant * 4 * MIN });
    }
    clock += MIN;
    expect(await extend(PAUSE_OVER())).toEqual({ ok: false, reason });
    expect(await dayState()).toMatchObject({ extensionsUsed: perDay, extraMsGranted: perDay * 4 * MIN });
  });

  it('is refused when she chose no extra time at all', async () => {
    await useSettings({ extensionsPerDay: 0 });
    start();
    expect(await extend(PAUSE_OVER())).toEqual({ ok: false, reason: { code: 'no-extra-chosen' } });
    expect(await dayState()).toBeUndefined();
  });

  it('uses the pause length from settings', async () => {
    await useSettings({ pauseSeconds: 30 });
    start();
    expect(await extend(clock - 20 * S)).toEqual({ ok: false, reason: { code: 'pause-not-over', secondsLeft: 10 } });
    expect(await extend(clock - 30 * S)).toEqual({ ok: true });
  });

  it('grants exactly one of two asked at the same moment when one a day is allowed', async () => {
    await useSettings({ extensionsPerDay: 1 });
    start();
    const replies = await Promise.all([
      extend(PAUSE_OVER(), sender(INSTAGRAM, 1)),
      extend(PAUSE_OVER(), sender('https://www.reddit.com/', 2, 2)),
    ]);
    expect(replies.filter((reply) => reply?.ok)).toHaveLength(1);
    expect(replies.filter((reply) => reply?.ok === false)).toEqual([
      { ok: false, reason: { code: 'no-extra-left', perDay: 1 } },
    ]);
    expect(await dayState()).toMatchObject({ extensionsUsed: 1, extraMsGranted: 5 * MIN });
  });

  it('grants exactly two of five asked at once with the default two a day', async () => {
    await useSettings();
    start();
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, tab) => extend(PAUSE_OVER(), sender(INSTAGRAM, tab + 1))),
    );
    expect(replies.filter((reply) => reply?.ok)).toHaveLength(2);
    expect(await dayState()).toMatchObject({ extensionsUsed: 2, extraMsGranted: 10 * MIN });
  });

  it('starts the count afresh at the next day start', async () => {
    await useSettings();
    start();
    expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
    expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
    expect(await extend(PAUSE_OVER())).toMatchObject({ ok: false });
    // 03:59 on the 23rd still belongs to the 22nd; 04:00 starts the 23rd.
    clock = Date.UTC(2026, 10, 23, 3, 59);
    expect(await extend(PAUSE_OVER())).toMatchObject({ ok: false });
    clock = Date.UTC(2026, 10, 23, 4, 0);
    expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
    expect(await dayState()).toMatchObject({ day: '2026-11-23', extensionsUsed: 1, extraMsGranted: 5 * MIN });
  });

  it('ignores a request from another extension', async () => {
    await useSettings();
    start();
    expect(await extend(PAUSE_OVER(), { ...sender(INSTAGRAM), id: 'someone-else' })).toBeUndefined();
    expect(await dayState()).toBeUndefined();
  });
});

describe('boundary/pauseToday', () => {
  it('is refused while the pause runs and changes nothing', async () => {
    await useSettings();
    start();
    expect(await pauseToday(clock - 4 * S)).toEqual({ ok: false, reason: { code: 'pause-not-over', secondsLeft: 6 } });
    expect(await dayState()).toBeUndefined();
  });

  it('after the pause turns limits off for today, and the badge says so', async () => {
    await useSettings();
    start();
    expect(await report(activity(31))).toMatchObject({ countedMs: 31 * MIN });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('0'));
    expect(await pauseToday(PAUSE_OVER())).toEqual({ ok: true });
    expect(await dayState()).toMatchObject({ day: TODAY, pausedForToday: true, extensionsUsed: 0 });
    expect(await badge()).toEqual({
      text: '31',
      color: rgba(BADGE_COLORS.calm),
      title: 'Limits are off for today; 31 min of feeds so far',
    });
  });

  it('keeps extensions already used today', async () => {
    await useSettings();
    start();
    expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
    expect(await pauseToday(PAUSE_OVER())).toEqual({ ok: true });
    expect(await dayState()).toMatchObject({ pausedForToday: true, extensionsUsed: 1, extraMsGranted: 5 * MIN });
  });
});

describe('boundary/warned', () => {
  it.each([
    ['Instagram', INSTAGRAM, 'instagram'],
    ['Reddit', 'https://www.reddit.com/r/all/', 'reddit'],
  ])('from a %s tab records the site once', async (_label, url, site) => {
    await useSettings();
    start();
    expect(await ask('boundary/warned', {}, sender(url))).toEqual({ ok: true });
    expect(await ask('boundary/warned', {}, sender(url))).toEqual({ ok: true });
    expect(await dayState()).toMatchObject({ day: TODAY, warnedSites: [site], extensionsUsed: 0 });
  });

  it.each([
    ['a non-tracked page', 'https://example.com/'],
    ['a look-alike host', 'https://instagram.com.evil.example/'],
  ])('from %s is refused and changes nothing', async (_label, url) => {
    await useSettings();
    start();
    expect(await ask('boundary/warned', {}, sender(url))).toEqual(NOT_HERE);
    expect(await dayState()).toBeUndefined();
  });

  it('without a sender URL is refused', async () => {
    await useSettings();
    start();
    const { url: _url, ...noUrl } = sender(INSTAGRAM);
    expect(await ask('boundary/warned', {}, noUrl)).toEqual(NOT_HERE);
    expect(await dayState()).toBeUndefined();
  });
});

describe('boundary/leave', () => {
  it('closes the sender’s tab and no other', async () => {
    await useSettings();
    start();
    // The fake browser's tabs.remove looks up the window by the *tab* id, so the feed tab
    // lives in a window with the same id (window 1, tab 1).
    const windowId = (await fakeBrowser.windows.create())?.id as number;
    const feed = await fakeBrowser.tabs.create({ url: INSTAGRAM, windowId });
    const kept = await fakeBrowser.tabs.create({ url: 'https://example.com/', windowId });
    const feedId = feed.id as number;
    expect(feedId).toBe(windowId);
    expect(await fakeBrowser.tabs.get(feedId)).toBeDefined();
    expect(await ask('boundary/leave', {}, sender(INSTAGRAM, feedId, feed.windowId as number))).toEqual({ ok: true });
    const ids = (await fakeBrowser.tabs.query({})).map((tab) => tab.id);
    expect(ids).not.toContain(feedId);
    expect(ids).toContain(kept.id);
    // A real browser rejects; the fake answers undefined.
    expect(await fakeBrowser.tabs.get(feedId)).toBeUndefined();
  });

  it('without a tab answers so and closes nothing', async () => {
    await useSettings();
    start();
    const before = (await fakeBrowser.tabs.query({})).length;
    const { tab: _tab, ...noTab } = sender(INSTAGRAM);
    expect(await ask('boundary/leave', {}, noTab)).toEqual(NOT_HERE);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
  });
});

describe('malformed boundary messages', () => {
  it.each([
    ['extend without data', { type: 'boundary/extend' }],
    ['extend without pauseStartedAt', { type: 'boundary/extend', data: {} }],
    ['extend in the old flat shape', { type: 'boundary/extend', pauseStartedAt: NOW - 60 * S }],
    ['extend with a negative pauseStartedAt', { type: 'boundary/extend', data: { pauseStartedAt: -1 } }],
    [
      'extend with a string pauseStartedAt',
      { type: 'boundary/extend', data: { pauseStartedAt: String(NOW - 60 * S) } },
    ],
    ['extend with NaN', { type: 'boundary/extend', data: { pauseStartedAt: Number.NaN } }],
    ['extend with Infinity', { type: 'boundary/extend', data: { pauseStartedAt: Number.NEGATIVE_INFINITY } }],
    ['extend with null', { type: 'boundary/extend', data: { pauseStartedAt: null } }],
    ['extend with a claimed site', { type: 'boundary/extend', data: { pauseStartedAt: NOW - 60 * S, site: 'x' } }],
    ['pauseToday without pauseStartedAt', { type: 'boundary/pauseToday', data: {} }],
    ['pauseToday with a string', { type: 'boundary/pauseToday', data: { pauseStartedAt: 'earlier' } }],
    ['an unknown boundary type', { type: 'boundary/resetDay', data: {} }],
    ['a prototype key as the type', { type: '__proto__', data: {} }],
    ['no type', { data: { pauseStartedAt: NOW - 60 * S } }],
    ['not an object', 'boundary/extend'],
  ])('%s: answered with the one error reply and nothing changes', async (_label, message) => {
    await useSettings();
    start();
    await vi.waitFor(async () => expect(await local('boundaryUsage')).toBeDefined());
    const before = await fakeBrowser.storage.local.get();
    const tabsBefore = await fakeBrowser.tabs.query({});
    expect(await send(message)).toEqual({ error: 'invalid-message' });
    expect(await fakeBrowser.storage.local.get()).toEqual(before);
    expect(await fakeBrowser.tabs.query({})).toEqual(tabsBefore);
    expect(await dayState()).toBeUndefined();
  });
});

describe('a day state that can’t be read', () => {
  it.each([
    ['a bad day', { schemaVersion: 1, day: 'nope' }, 'invalid day'],
    ['a negative count', { ...freshToday(), extensionsUsed: -1 }, 'invalid extensionsUsed'],
    ['a string', 'corrupt', 'not-a-record'],
    ['a newer version', { ...freshToday(), schemaVersion: 2 }, 'newer-version 2'],
  ])(
    '(%s) is kept aside in the ledger with why, and extend works from a fresh state',
    async (_label, stored, reason) => {
      await useSettings();
      await fakeBrowser.storage.local.set({ boundaryDay: stored });
      start();
      clock = NOW + MIN;
      expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
      const keptAside = (await ledger.snapshot()).unreadable;
      expect(keptAside).toEqual([{ key: 'local:boundaryDay', value: stored, reason, at: expect.any(Number) }]);
      expect(await dayState()).toEqual({ ...freshToday(), extensionsUsed: 1, extraMsGranted: 5 * MIN });
      // The fresh state written over it is readable: nothing more is kept aside.
      clock += MIN;
      expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
      expect((await ledger.snapshot()).unreadable).toEqual(keptAside);
      expect(await dayState()).toMatchObject({ extensionsUsed: 2 });
    },
  );

  it('from yesterday is not corrupt: today starts fresh and nothing is kept aside', async () => {
    await useSettings();
    await fakeBrowser.storage.local.set({
      boundaryDay: { ...freshToday(), day: '2026-11-21', extensionsUsed: 2, extraMsGranted: 10 * MIN },
    });
    start();
    expect(await extend(PAUSE_OVER())).toEqual({ ok: true });
    expect(await dayState()).toEqual({ ...freshToday(), extensionsUsed: 1, extraMsGranted: 5 * MIN });
    expect((await ledger.snapshot()).unreadable).toEqual([]);
  });
});

function freshToday(): BoundaryDayState {
  return { schemaVersion: 1, day: TODAY, extensionsUsed: 0, extraMsGranted: 0, pausedForToday: false, warnedSites: [] };
}
