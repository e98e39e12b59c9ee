/**
 * Wires the background's events to the core. Every listener is registered synchronously
 * when the worker starts, so events that wake a stopped worker are not missed; all state is
 * re-read from storage on wake, none is only in memory.
 */
import type { browser } from 'wxt/browser';
import { type ContentToBackground, parseContentMessage } from '@/utils/messaging';
import { siteForUrl } from '@/utils/sites/registry';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { loadSettings, watchSettings } from '@/utils/storage/settingsStorage';
import { nextDayStartAfter } from '@/utils/time/day';
import { createBoundaries } from './boundaries';
import { createNudges } from './nudges';
import { TimelineStore } from './timelineStore';
import { createTracking } from './tracking';

const DAY_ROLLOVER_ALARM = 'day-rollover';

export interface BackgroundOptions {
  ledger?: LedgerStore;
  now?: () => number;
  batchMs?: number;
}

export function startBackground(api: typeof browser, options: BackgroundOptions = {}) {
  const now = options.now ?? Date.now;
  const ledger = options.ledger ?? new LedgerStore();
  const timeline = new TimelineStore();
  let settings: Promise<Settings> = loadSettings().then((result) => result.settings);
  watchSettings((result) => {
    settings = Promise.resolve(result.settings);
    void updateBadgeAndRollover();
  });
  const dayStartHour = async () => (await settings).tracking.dayStartHour;
  const boundaries = createBoundaries({ api, ledger, now, settings: () => settings });
  const publish = () => boundaries.publish().catch(() => undefined);
  const nudges = createNudges({ api, ledger, now, settings: () => settings });

  async function updateBadgeAndRollover(): Promise<void> {
    const hour = await dayStartHour();
    await publish();
    await api.alarms.create(DAY_ROLLOVER_ALARM, { when: nextDayStartAfter(now(), hour) + 1_000 });
  }

  const tracking = createTracking({
    ledger,
    timeline,
    now,
    dayStartHour,
    batchMs: options.batchMs,
    afterWrite: () => void publish(),
  });

  // Whoever is in front now; events after this keep the timeline current.
  const seeded = (async () => {
    try {
      const activeTabs = await api.tabs.query({ active: true });
      for (const tab of activeTabs) {
        if (tab.id !== undefined && tab.windowId !== undefined) {
          await timeline.activated(tab.windowId, tab.id, now());
        }
      }
    } catch {
      // Without the list of tabs, spans are trusted as reported until the next tab switch.
    }
  })();

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id) return false;
    const parsed: ContentToBackground | undefined = parseContentMessage(message);
    if (!parsed) {
      sendResponse({ ok: false, settled: 0, countedMs: 0, error: 'invalid message' });
      return false;
    }
    const tabId = sender.tab?.id;
    let reply: Promise<unknown>;
    switch (parsed.type) {
      case 'activity/report':
        reply = seeded.then(() => tracking.report(parsed.spans, sender));
        break;
      case 'boundary/extend':
        reply = boundaries.extend(parsed.pauseStartedAt);
        break;
      case 'boundary/pauseToday':
        reply = boundaries.pauseToday(parsed.pauseStartedAt);
        break;
      case 'boundary/warned': {
        const site = sender.url && sender.frameId === 0 ? siteForUrl(sender.url) : undefined;
        reply = site ? boundaries.warned(site.id) : Promise.resolve({ ok: false, reason: 'not a tracked site' });
        break;
      }
      case 'boundary/leave':
        reply =
          tabId === undefined
            ? Promise.resolve({ ok: false, reason: 'no tab' })
            : api.tabs.remove(tabId).then(() => ({ ok: true }));
        break;
      case 'nudge/request': {
        const { type: _type, ...request } = parsed;
        reply =
          sender.frameId === 0
            ? nudges.request(request, sender.url)
            : Promise.resolve({ show: false, reason: 'not-tracked' });
        break;
      }
      case 'nudge/outcome':
        reply = nudges.outcome(parsed.nudgeId, parsed.outcome);
        break;
      case 'boundary/reflect':
        // The reflection flow lives in the popup; where it can't open from here, a tab shows it.
        reply = Promise.resolve(api.action.openPopup?.())
          .catch(() => api.tabs.create({ url: api.runtime.getURL('/popup.html') }))
          .then(() => ({ ok: true }));
        break;
    }
    reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, reason: String(error) }));
    return true;
  });

  api.tabs.onActivated.addListener(({ tabId, windowId }) => {
    const at = now();
    void seeded.then(() => timeline.activated(windowId, tabId, at));
  });
  api.windows.onRemoved.addListener((windowId) => {
    void timeline.windowClosed(windowId);
  });
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAY_ROLLOVER_ALARM) void updateBadgeAndRollover();
  });
  api.runtime.onStartup.addListener(() => void updateBadgeAndRollover());
  api.runtime.onInstalled.addListener(() => void updateBadgeAndRollover());

  // Each wake: publish today's usage so pages loaded now decide from fresh numbers.
  void publish();

  return { ledger, timeline, tracking, seeded, boundaries };
}
