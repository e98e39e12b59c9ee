/**
 * Wires the background's events to the core. Every listener is registered synchronously
 * when the worker starts, so events that wake a stopped worker are not missed; all state is
 * re-read from storage on wake, none is only in memory. Messages go through one router whose
 * handlers live in each feature's module (tracking, boundaries, nudges).
 */
import type { browser } from 'wxt/browser';
import { createRouter } from '@/utils/messaging/router';
import { contentScriptMatches } from '@/utils/sites/registry';
import { saveItem, watchItems } from '@/utils/storage/itemStore';
import { LEGACY_KEPT_ASIDE_KEYS, reflectionRequest } from '@/utils/storage/items';
import { keptAsideEntry } from '@/utils/storage/keptAside';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { loadSettings, SETTINGS_ITEMS } from '@/utils/storage/settingsStorage';
import { nextDayStartAfter } from '@/utils/time/day';
import { createBoundaries } from './boundaries';
import { createCheckIns } from './checkIns';
import { createData } from './data';
import { createFrames } from './frames';
import { createJournal } from './journal';
import { createNudges } from './nudges';
import { createPosts } from './posts';
import { createReflection } from './reflection';
import { createItemReader } from './storedItems';
import { TimelineStore } from './timelineStore';
import { createTracking } from './tracking';
import { createUserSites } from './userSites';

const DAY_ROLLOVER_ALARM = 'day-rollover';
const FELT_WORSE_MENU = 'felt-worse';
const FELT_WORSE_COMMAND = 'felt-worse';

export interface BackgroundOptions {
  ledger?: LedgerStore;
  now?: () => number;
  batchMs?: number;
  random?: () => number;
}

export function startBackground(api: typeof browser, options: BackgroundOptions = {}) {
  const now = options.now ?? Date.now;
  const ledger = options.ledger ?? new LedgerStore();
  const items = createItemReader(ledger, now);
  const timeline = new TimelineStore();

  /** The settings in force; an unreadable stored copy is kept aside (never overwritten). */
  const readSettings = async (): Promise<Settings> => {
    const loaded = await loadSettings();
    if (loaded.problem) await items.keepAside(loaded.from, loaded.raw, loaded.problem).catch(console.error);
    return loaded.settings;
  };
  let settings = readSettings();
  const userSites = createUserSites({ api, sites: async () => (await settings).sites });
  watchItems(SETTINGS_ITEMS, () => {
    settings = readSettings();
    void updateBadgeAndRollover();
    void userSites.sync();
  });
  const dayStartHour = async () => (await settings).tracking.dayStartHour;

  const boundaries = createBoundaries({ api, ledger, items, now, settings: () => settings });
  const publish = () => boundaries.publish().catch(console.error);
  const ownPages = api.runtime.getURL('/');
  const fromOwnPage = (sender: { url?: string }) => sender.url?.startsWith(ownPages) === true;
  const checkIns = createCheckIns({ ledger, now, settings: () => settings, fromOwnPage });
  const nudges = createNudges({
    ledger,
    items,
    now,
    settings: () => settings,
    random: options.random,
    checkInAfterScrolling: (site) => checkIns.ask('feed', site),
  });
  const posts = createPosts({
    ledger,
    items,
    now,
    settings: () => settings,
    fromOwnPage,
    language: () => api.i18n.getUILanguage(),
    onTrapPosts: (site, count) => void checkIns.noteTrapPosts(site, count).catch(console.error),
  });
  const journal = createJournal({ ledger, now, settings: () => settings, fromOwnPage, random: options.random });
  const reflection = createReflection({
    ledger,
    now,
    settings: () => settings,
    fromOwnPage,
    journal,
    posts,
    setRestOfDay: boundaries.setRestOfDay,
    presetLabel: (preset) => api.i18n.getMessage(`feedFreePreset_${preset}`),
    openReflection: async (site) => {
      await saveItem(reflectionRequest, { site, at: now() });
      await Promise.resolve(api.action.openPopup?.()).catch(() =>
        api.tabs.create({ url: api.runtime.getURL('/popup.html') }),
      );
    },
  });

  async function updateBadgeAndRollover(): Promise<void> {
    const hour = await dayStartHour();
    await publish();
    await api.alarms.create(DAY_ROLLOVER_ALARM, { when: nextDayStartAfter(now(), hour) + 1_000 });
  }

  // Whoever is in front now; events after this keep the timeline current.
  async function seedTimeline(): Promise<void> {
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
  }
  const seeded = seedTimeline();

  const data = createData({
    api,
    ledger,
    items,
    fromOwnPage,
    dayStartHour,
    // Afterwards as after a fresh install, or with what was imported: read and publish again.
    afterChange: async () => {
      settings = readSettings();
      await seedTimeline();
      await updateBadgeAndRollover();
    },
  });

  const tracking = createTracking({
    ledger,
    timeline,
    now,
    dayStartHour,
    sites: async () => (await settings).sites,
    ready: seeded,
    batchMs: options.batchMs,
    afterWrite: () => void publish(),
  });

  api.runtime.onMessage.addListener(
    createRouter(
      {
        ...tracking.handlers,
        ...boundaries.handlers,
        ...nudges.handlers,
        ...posts.handlers,
        ...journal.handlers,
        ...reflection.handlers,
        ...checkIns.handlers,
        ...data.handlers,
        ...createFrames(api).handlers,
      },
      api.runtime.id,
    ),
  );

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
  api.runtime.onStartup.addListener(() => {
    void updateBadgeAndRollover();
    void userSites.sync();
  });
  api.runtime.onInstalled.addListener(({ reason }) => {
    // The first-run page, once: on install, not on updates.
    if (reason === 'install')
      void api.tabs.create({ url: api.runtime.getURL('/welcome.html?first') }).catch(console.error);
    void userSites.sync();
    void moveLegacyKeptAside();
    void updateBadgeAndRollover();
    void createMenu();
  });

  // "This made me feel worse": the page finds the post (under the pointer, or most in view).
  const askPageToMark = (tabId: number | undefined) => {
    if (tabId === undefined || tabId < 0) return;
    api.tabs.sendMessage(tabId, { type: 'page/markWorse' }, { frameId: 0 }).catch(() => undefined);
  };
  api.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FELT_WORSE_MENU) askPageToMark(tab?.id);
  });
  api.commands?.onCommand.addListener((command, tab) => {
    if (command !== FELT_WORSE_COMMAND) return;
    if (tab?.id !== undefined) askPageToMark(tab.id);
    else void api.tabs.query({ active: true, currentWindow: true }).then(([active]) => askPageToMark(active?.id));
  });

  async function createMenu(): Promise<void> {
    if (!api.contextMenus) return;
    await api.contextMenus.removeAll();
    api.contextMenus.create({
      id: FELT_WORSE_MENU,
      title: api.i18n.getMessage('menuFeltWorse'),
      contexts: ['page', 'link', 'image', 'video', 'selection'],
      documentUrlPatterns: contentScriptMatches(),
    });
  }

  /** Values earlier versions kept aside under their own keys move to the one keep-aside store. */
  async function moveLegacyKeptAside(): Promise<void> {
    const stored = await api.storage.local.get([...LEGACY_KEPT_ASIDE_KEYS]);
    for (const key of LEGACY_KEPT_ASIDE_KEYS) {
      const kept = stored[key] as { value?: unknown; at?: unknown; reason?: unknown } | undefined;
      if (kept === undefined) continue;
      const at = typeof kept.at === 'number' ? kept.at : now();
      await ledger.keepAside(keptAsideEntry(`local:${key}`, kept.value ?? kept, 'kept-aside-by-earlier-version', at));
      await api.storage.local.remove(key);
    }
  }

  // Her sites' permissions changed (granted from the dashboard, or taken back in the browser).
  api.permissions.onAdded.addListener(() => void userSites.sync());
  api.permissions.onRemoved.addListener(() => void userSites.sync());

  // Each wake: publish today's usage so pages loaded now decide from fresh numbers.
  void publish();

  return { ledger, timeline, seeded, boundaries, nudges, tracking, posts, journal, checkIns, userSites };
}
