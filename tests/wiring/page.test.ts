// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.instagram.com/" }
/**
 * The feed page's content script, wired to WXT's fake browser with a stand-in background: the
 * runner (one storage read and subscription, one clock that sleeps, isolated features, where
 * each runs), activity reporting, boundaries and reminders on the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { activityReporting, REPORT_EVERY_MS } from '@/entrypoints/feed.content/activity';
import { boundaries } from '@/entrypoints/feed.content/boundary';
import { RETIRE_MS } from '@/entrypoints/feed.content/frameCard';
import { CHECK_EVERY_MS, reminders } from '@/entrypoints/feed.content/nudges';
import { type PageFeature, type PageRunner, runPage, TICK_MS } from '@/entrypoints/feed.content/runner';
import { defaultBoundarySettings } from '@/utils/limits/boundarySettings';
import { readScreenQuery } from '@/utils/limits/screenParams';
import { initialNudgeState } from '@/utils/nudges/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import type { Interval } from '@/utils/time/intervals';
import { useTimeZone } from '../helpers/timeZone';
import { cardFrame, type Envelope, fakePageClock, standInBackground } from './pageHarness';

const S = 1000;
const MIN = 60 * S;
/** Sunday 22 November 2026, 15:00 UTC. */
const NOW = Date.UTC(2026, 10, 22, 15, 0);
const TODAY = '2026-11-22';

let received: Envelope[];
let workerDown: boolean;
let nudgeReply: unknown;
let ctx: ContentScriptContext;
let focused: boolean;
let visibility: DocumentVisibilityState;

const reports = () => received.filter((m) => m.type === 'activity/report').map((m) => m.data.spans as Interval[]);
const sent = (type: string) => received.filter((m) => m.type === type);
const total = (spans: Interval[]) => spans.reduce((sum, [start, end]) => sum + end - start, 0);
const boundaryScreen = () => document.querySelector('outside-the-frame-boundary');
/** What the boundary screen's frame was asked to show (its page reads the same address). */
const screenShows = () => {
  const frame = boundaryScreen()?.shadowRoot?.querySelector('iframe');
  return frame ? readScreenQuery(new URL(frame.src).search) : undefined;
};
const reminderCard = () => document.querySelector('outside-the-frame-nudge');

useTimeZone('UTC');

beforeEach(() => {
  fakePageClock(NOW);
  focused = true;
  visibility = 'visible';
  vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  received = [];
  workerDown = false;
  nudgeReply = { show: false, reason: 'too-soon' };
  standInBackground(received, (message) => {
    if (workerDown) throw new Error('Could not establish connection. Receiving end does not exist.');
    const spans = (message.data.spans as Interval[] | undefined) ?? [];
    return message.type === 'activity/report'
      ? { ok: true, settled: spans.length, countedMs: 0 }
      : message.type === 'nudge/request'
        ? nudgeReply
        : { ok: true };
  });
  ctx = new ContentScriptContext('feed');
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
  for (const host of document.documentElement.querySelectorAll(
    'outside-the-frame-boundary, outside-the-frame-nudge, outside-the-frame-notice',
  ))
    host.remove();
  history.replaceState({}, '', '/');
});

async function start(features: readonly PageFeature[] = [activityReporting]): Promise<PageRunner> {
  const runner = runPage(ctx, features, window, vi.fn());
  if (!runner) throw new Error('not a tracked site');
  await runner.ready;
  return runner;
}

/** Turn the wheel once a second for `seconds` seconds (and scroll the window with it). */
async function scrollFor(seconds: number, px = 400) {
  for (let i = 0; i < seconds; i++) {
    window.scrollTo(0, window.scrollY + px);
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: px }));
    await vi.advanceTimersByTimeAsync(S);
  }
}

async function setPage(state: { visible?: boolean; focused?: boolean }) {
  if (state.visible !== undefined) visibility = state.visible ? 'visible' : 'hidden';
  if (state.focused !== undefined) focused = state.focused;
  document.dispatchEvent(new Event('visibilitychange'));
  window.dispatchEvent(new Event(focused ? 'focus' : 'blur'));
  await vi.advanceTimersByTimeAsync(0);
}

function settingsWith(boundaries: Partial<Settings['boundaries']> = {}, extra: Partial<Settings> = {}): Settings {
  return {
    ...structuredClone(DEFAULT_SETTINGS),
    boundaries: { ...defaultBoundarySettings(), ...boundaries },
    ...extra,
  };
}

describe('page runner: reporting active time', () => {
  it('reports scrolling time every so often, from the first input', async () => {
    await start();
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports()).toHaveLength(1);
    expect(total(reports()[0] ?? [])).toBeGreaterThanOrEqual(REPORT_EVERY_MS - 2 * S);
    expect(reports()[0]?.[0]?.[0]).toBe(NOW);
  });

  it('reports nothing, and runs no timer at all, while the page sits untouched', async () => {
    const runner = await start();
    await vi.advanceTimersByTimeAsync(3 * REPORT_EVERY_MS);
    expect(reports()).toEqual([]);
    expect(runner.ticking()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps spans while the worker is unreachable and sends them again', async () => {
    await start();
    workerDown = true;
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports()).toEqual([]);
    workerDown = false;
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports()).toHaveLength(1);
    const spans = reports()[0] ?? [];
    expect(spans[0]?.[0]).toBe(NOW);
    expect(total(spans)).toBeGreaterThanOrEqual(2 * REPORT_EVERY_MS - 3 * S);
  });

  it('stops counting and reports at once when the window loses focus', async () => {
    await start();
    await scrollFor(4);
    await setPage({ focused: false });
    expect(reports()).toHaveLength(1);
    // The last wheel turn was 3 s in; its second counts up to the blur at 4 s.
    expect(total(reports()[0] ?? [])).toBe(4 * S);
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports()).toHaveLength(1);
  });

  it('counts a playing video without input', async () => {
    await start();
    const video = document.createElement('video');
    document.body.append(video);
    Object.defineProperty(video, 'paused', { configurable: true, get: () => false });
    video.dispatchEvent(new Event('play'));
    await vi.advanceTimersByTimeAsync(REPORT_EVERY_MS);
    expect(total(reports()[0] ?? [])).toBe(REPORT_EVERY_MS);
  });

  it('after she stops, the span ends at the idle time and the clock stops', async () => {
    const runner = await start();
    await scrollFor(5);
    await vi.advanceTimersByTimeAsync(DEFAULT_SETTINGS.tracking.idleThresholdSeconds * S + 3 * S);
    expect(runner.ticking()).toBe(false);
    const spans = reports().flat();
    // Scrolled from 0 to 4 s; the last input (at 4 s, known to the second) plus 60 s.
    expect(total(spans)).toBe(4 * S + DEFAULT_SETTINGS.tracking.idleThresholdSeconds * S);
    await vi.advanceTimersByTimeAsync(5 * MIN);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops when the extension is updated or removed (context invalidated)', async () => {
    await start();
    ctx.abort();
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('page runner: one of each', () => {
  it('reads stored inputs once per storage area and listens to storage changes once', async () => {
    const getLocal = vi.spyOn(fakeBrowser.storage.local, 'get');
    const getSync = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const listen = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    await start([activityReporting, boundaries, reminders]);
    expect(getLocal).toHaveBeenCalledTimes(1);
    expect(getSync).toHaveBeenCalledTimes(1);
    expect(listen).toHaveBeenCalledTimes(1);
  });

  it('keeps a feature that throws from stopping the others, and says so once', async () => {
    const log = vi.fn();
    const broken: PageFeature = {
      id: 'broken',
      runsOn: 'site',
      start: () => ({
        tick() {
          throw new Error('boom');
        },
      }),
    };
    const cannotStart: PageFeature = {
      id: 'cannot-start',
      runsOn: 'site',
      start() {
        throw new Error('no');
      },
    };
    const runner = runPage(ctx, [cannotStart, broken, activityReporting], window, log);
    await runner?.ready;
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports()).toHaveLength(1);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls.map((call) => call[0])).toEqual([
      expect.stringContaining('"cannot-start"'),
      expect.stringContaining('"broken"'),
    ]);
  });

  it('runs a feed-only feature on feed pages only, following in-page navigation', async () => {
    const started: string[] = [];
    const feedOnly: PageFeature = {
      id: 'feed-only',
      runsOn: 'feed',
      start(page) {
        started.push(page.win.location.pathname);
        return { stop: () => started.push('stopped') };
      },
    };
    await start([feedOnly]);
    expect(started).toEqual(['/']);
    history.pushState({}, '', '/direct/inbox/');
    await scrollFor(2);
    expect(started).toEqual(['/', 'stopped']);
    history.pushState({}, '', '/');
    await scrollFor(2);
    expect(started).toEqual(['/', 'stopped', '/']);
  });
});

describe('page runner: a site she switched off', () => {
  it('starts nothing, counts nothing and runs no timer, and takes back what it prepared', async () => {
    await fakeBrowser.storage.sync.set({ settings: settingsWith({}, { sites: { off: ['instagram'], added: [] } }) });
    const undone = vi.fn();
    const started = vi.fn();
    const prepared: PageFeature = { id: 'prepared', runsOn: 'site', prepare: () => undone, start: started };
    const runner = runPage(ctx, [prepared, activityReporting], window, vi.fn());
    await runner?.ready;
    expect(undone).toHaveBeenCalledOnce();
    expect(started).not.toHaveBeenCalled();
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops everything at once when she switches it off while the page is open', async () => {
    await fakeBrowser.storage.sync.set({ settings: settingsWith({ dailyLimitMinutes: 1 }) });
    await fakeBrowser.storage.local.set({
      boundaryUsage: { schemaVersion: 1, day: TODAY, todayMsBySite: { instagram: 2 * MIN }, at: NOW },
    });
    await start([activityReporting, boundaries]);
    expect(boundaryScreen()).not.toBeNull();
    await fakeBrowser.storage.sync.set({
      settings: settingsWith({ dailyLimitMinutes: 1 }, { sites: { off: ['instagram'], added: [] } }),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(boundaryScreen()).toBeNull();
    expect(document.documentElement.getAttribute('style') ?? '').not.toContain('overflow:hidden');
    await scrollFor(REPORT_EVERY_MS / S);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('page runner: a hidden tab', () => {
  it('runs no timer while hidden, even with a feed-free time coming, and catches up when shown', async () => {
    await fakeBrowser.storage.sync.set({
      settings: settingsWith({
        feedFreeWindows: [{ id: 'soon', start: '15:02', end: '16:00', days: [0], label: 'Tea' }],
      }),
    });
    const runner = await start([activityReporting, boundaries, reminders]);
    await scrollFor(3);
    await setPage({ visible: false });
    expect(runner.ticking()).toBe(false);
    expect(runner.timerSet()).toBe(false);
    // Let the last report's answer arrive, then nothing is scheduled at all.
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5 * MIN);
    expect(boundaryScreen()).toBeNull();
    await setPage({ visible: true });
    expect(boundaryScreen()).not.toBeNull();
  });
});

describe('boundaries on the page', () => {
  it('shows the screen when this page’s own unsent time reaches the limit, before any report is stored', async () => {
    await fakeBrowser.storage.sync.set({ settings: settingsWith({ dailyLimitMinutes: 1 }) });
    await fakeBrowser.storage.local.set({
      boundaryUsage: { schemaVersion: 1, day: TODAY, todayMsBySite: { instagram: 50 * S }, at: NOW },
    });
    await start([activityReporting, boundaries]);
    await scrollFor(8);
    expect(boundaryScreen()).toBeNull();
    await scrollFor(4);
    expect(boundaryScreen()).not.toBeNull();
    // The site underneath holds still while the screen is up.
    expect(document.documentElement.getAttribute('style')).toContain('overflow:hidden!important');
    // It is the overall limit's screen (not the site's), saying so.
    expect(screenShows()).toMatchObject({ kind: 'limit', scope: 'overall', limitMinutes: 1, site: 'instagram' });
    // Reaching the limit sends this page's time at once, so other tabs hear of it.
    expect(reports()).toHaveLength(1);
  });

  it('shows the screen on a page that sits still when another tab’s time reaches the limit', async () => {
    await fakeBrowser.storage.sync.set({ settings: settingsWith({ dailyLimitMinutes: 30 }) });
    await start([activityReporting, boundaries]);
    expect(boundaryScreen()).toBeNull();
    await fakeBrowser.storage.local.set({
      boundaryUsage: { schemaVersion: 1, day: TODAY, todayMsBySite: { x: 30 * MIN }, at: NOW },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(screenShows()).toMatchObject({ kind: 'limit', scope: 'overall', limitMinutes: 30 });
  });

  it('ignores published totals from another day', async () => {
    await fakeBrowser.storage.sync.set({ settings: settingsWith({ dailyLimitMinutes: 30 }) });
    await fakeBrowser.storage.local.set({
      boundaryUsage: {
        schemaVersion: 1,
        day: '2026-11-21',
        todayMsBySite: { instagram: 40 * MIN },
        at: NOW - 12 * 60 * MIN,
      },
    });
    await start([activityReporting, boundaries]);
    expect(boundaryScreen()).toBeNull();
  });

  it('brings up a feed-free time at its start on a page left open, with no clock ticking before', async () => {
    await fakeBrowser.storage.sync.set({
      settings: settingsWith({
        feedFreeWindows: [{ id: 'tea', start: '15:10', end: '16:00', days: [0], label: 'Tea' }],
      }),
    });
    const runner = await start([activityReporting, boundaries]);
    expect(runner.ticking()).toBe(false);
    expect(runner.timerSet()).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * MIN - S);
    expect(boundaryScreen()).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * S);
    expect(screenShows()).toMatchObject({ kind: 'feed-free', windowLabel: 'Tea' });
  });
});

describe('reminders on the page', () => {
  const feedSettings = async () => {
    await fakeBrowser.storage.sync.set({ settings: settingsWith() });
    await fakeBrowser.storage.local.set({ nudgeFrequencyOverride: 'test' });
  };

  it('asks the background after enough scrolling, and shows the card it answers with', async () => {
    await feedSettings();
    nudgeReply = {
      show: true,
      nudgeId: `${NOW}-counter_past_the_edge`,
      messageKey: 'reminder_counter_past_the_edge',
      shownAt: NOW,
      first: true,
    };
    await start([activityReporting, boundaries, reminders]);
    await scrollFor(CHECK_EVERY_MS / S + 2);
    expect(sent('nudge/request')).toHaveLength(1);
    expect(sent('nudge/request')[0]?.data).toMatchObject({ pageVisible: true, boundaryShown: false });
    await vi.advanceTimersByTimeAsync(20);
    const { frame, says, posted, chooses } = cardFrame('outside-the-frame-nudge');
    const src = new URL(frame?.src ?? 'about:blank');
    expect([src.pathname, src.searchParams.get('key'), src.searchParams.get('first')]).toEqual([
      '/nudge.html',
      'reminder_counter_past_the_edge',
      '1',
    ]);
    expect(frame?.title).toBe('Outside the Frame: a reminder');
    // The frame grows to its card; Esc on the site's page is passed on to it.
    says('outside-the-frame:height:180');
    expect(frame?.style.height).toBe('182px');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(posted).toEqual(['outside-the-frame:escape']);
    // What she did with it comes back through the background (never as a window message the
    // site could hear), goes to the background as the outcome, and the card goes.
    says('outside-the-frame:done:helped');
    expect(reminderCard()).not.toBeNull();
    await chooses('helped');
    await vi.advanceTimersByTimeAsync(10);
    expect(sent('nudge/outcome').map((m) => m.data)).toEqual([
      { nudgeId: `${NOW}-counter_past_the_edge`, outcome: 'helped' },
    ]);
    // Out of view at once; the frame itself goes a moment later (done with her click by then).
    expect(frame?.style.visibility).toBe('hidden');
    await vi.advanceTimersByTimeAsync(RETIRE_MS);
    expect(reminderCard()).toBeNull();
  });

  it('passes Esc on to the card only when she is not typing on the site', async () => {
    await feedSettings();
    nudgeReply = { show: true, nudgeId: `${NOW}-x`, messageKey: 'reminder_counter_past_the_edge', shownAt: NOW };
    await start([activityReporting, boundaries, reminders]);
    await scrollFor(CHECK_EVERY_MS / S + 2);
    await vi.advanceTimersByTimeAsync(20);
    const { posted } = cardFrame('outside-the-frame-nudge');
    const field = document.createElement('input');
    document.body.append(field);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(posted).toEqual([]);
    field.remove();
  });

  it('shows the check-in the background answers with in a small frame, until that frame says it is done', async () => {
    await feedSettings();
    nudgeReply = {
      show: true,
      checkIn: { day: TODAY, sessionId: 'instagram-1', site: 'instagram', start: NOW, end: NOW, activeMs: 21 * MIN },
    };
    await start([activityReporting, boundaries, reminders]);
    await scrollFor(CHECK_EVERY_MS / S + 2);
    await vi.advanceTimersByTimeAsync(20);
    const { frame, says } = cardFrame('outside-the-frame-nudge');
    const src = new URL(frame?.src ?? 'about:blank');
    expect(src.pathname).toBe('/checkin.html');
    expect(Object.fromEntries(src.searchParams)).toEqual({
      day: TODAY,
      id: 'instagram-1',
      site: 'instagram',
      ms: String(21 * MIN),
      frame: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(frame?.title).toBe('Outside the Frame: how do you feel?');
    // A message that is not from that frame changes nothing; one from it takes the card away.
    says('outside-the-frame:done:closed', window);
    expect(reminderCard()).not.toBeNull();
    says('outside-the-frame:done:closed');
    expect(frame?.style.visibility).toBe('hidden');
    await vi.advanceTimersByTimeAsync(RETIRE_MS);
    expect(reminderCard()).toBeNull();
    expect(sent('nudge/outcome')).toEqual([]);
  });

  it('does not ask while the shared state says a reminder was shown moments ago (the page’s own check)', async () => {
    await feedSettings();
    await fakeBrowser.storage.local.set({ nudgeState: { ...initialNudgeState(NOW, 4), lastShownAt: NOW - 5 * S } });
    await start([activityReporting, boundaries, reminders]);
    await scrollFor(CHECK_EVERY_MS / S + 2);
    expect(sent('nudge/request')).toEqual([]);
    // The test preset's gap is 20 s: once it has passed, the page asks.
    await scrollFor(CHECK_EVERY_MS / S + 2);
    expect(sent('nudge/request')).toHaveLength(1);
  });

  it('never asks on a messages page', async () => {
    await feedSettings();
    history.replaceState({}, '', '/direct/inbox/');
    await start([activityReporting, boundaries, reminders]);
    await scrollFor((3 * CHECK_EVERY_MS) / S);
    expect(sent('nudge/request')).toEqual([]);
  });

  it('does not ask while a boundary screen is up', async () => {
    await feedSettings();
    await fakeBrowser.storage.sync.set({ settings: settingsWith({ dailyLimitMinutes: 1 }) });
    await fakeBrowser.storage.local.set({
      boundaryUsage: { schemaVersion: 1, day: TODAY, todayMsBySite: { instagram: 2 * MIN }, at: NOW },
    });
    await start([activityReporting, boundaries, reminders]);
    await scrollFor((3 * CHECK_EVERY_MS) / S);
    expect(boundaryScreen()).not.toBeNull();
    expect(sent('nudge/request')).toEqual([]);
  });
});

describe('the clock', () => {
  it('ticks about once a second while she scrolls', async () => {
    const ticks: number[] = [];
    const counter: PageFeature = {
      id: 'counter',
      runsOn: 'site',
      start: () => ({ tick: (now) => void ticks.push(now) }),
    };
    await start([counter]);
    await scrollFor(5);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.every((at, index) => index === 0 || at - (ticks[index - 1] as number) === TICK_MS)).toBe(true);
  });
});
