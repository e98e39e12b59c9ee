/**
 * The page runner: starts each page feature, gives them what they share, and keeps the page
 * cheap. Per page there is one read and one `storage.onChanged` subscription for settings and
 * every stored item features use, one passive listener per input event type (it only notes a
 * timestamp), one activity tracker, and one clock:
 *
 * - The clock ticks about once a second only while the page is in active use (visible, focused,
 *   and input within the idle time or media playing). Otherwise nothing ticks; an input event
 *   wakes it.
 * - A feature that must act at a known moment (a feed-free time starts, a report is due) asks
 *   for that moment with `wakeAt`: one timer for the earliest. In a hidden tab no timer runs at
 *   all; showing the tab again (visibility and focus events) brings everything up to date.
 * - Features run in isolation: a throw is caught, reported to the console once, and that
 *   feature stops; the others go on. Each declares up front where it runs: every page of the
 *   site, or feed pages only (started and stopped as in-page navigation moves between them).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BoundaryDayState } from '@/utils/limits/stateRecords';
import type { PublishedUsage } from '@/utils/limits/usage';
import type { AccountsState } from '@/utils/mute/accounts';
import type { NudgeState } from '@/utils/nudges/scheduler';
import { siteForUrl } from '@/utils/sites/registry';
import type { FeedSite } from '@/utils/sites/types';
import { watchedSiteForUrl } from '@/utils/sites/userSites';
import { getRaw, watchItems } from '@/utils/storage/itemStore';
import {
  accounts,
  boundaryDay,
  nudgeFrequencyOverride,
  nudgeState,
  publishedUsage,
  readItem,
  type StoredItem,
} from '@/utils/storage/items';
import type { Settings } from '@/utils/storage/settings';
import { SETTINGS_ITEMS, settingsFromRaw } from '@/utils/storage/settingsStorage';
import { ActivityTracker, DEFAULT_IDLE_MS } from '@/utils/time/activity';

/** What changed, as features hear it. `page`: visibility or focus; `location`: in-page navigation. */
export type PageInput = 'settings' | 'usage' | 'dayState' | 'nudgeState' | 'accounts' | 'page' | 'location';

/** The stored inputs every feature reads, always current. */
export interface PageInputs {
  settings: Settings;
  published: PublishedUsage | null;
  dayState: BoundaryDayState | null;
  nudgeState: NudgeState | null;
  /** Her decisions about accounts (hidden, marked...) and her own trigger words. */
  accounts: AccountsState | null;
  /** Automated browser tests only: reminders use the scheduler's short preset. */
  testFrequency: boolean;
}

/** What features publish for each other. */
export interface PageShared {
  /** A boundary screen or notice is on the page (reminders stay away). */
  boundaryShown: boolean;
  /** Send this page's unsent time now (the activity feature provides it). */
  flush: () => Promise<void>;
  /**
   * Share of the posts she scrolled past lately that looked like comparison traps (0..1), when
   * the post features know it (the reminders come a little sooner when it is high).
   */
  comparisonSignal?: number;
}

export interface Page {
  readonly win: Window;
  readonly doc: Document;
  readonly site: FeedSite;
  readonly inputs: PageInputs;
  readonly tracker: ActivityTracker;
  readonly shared: PageShared;
  /** Aborted when the feature stops (navigation away from a feed, the extension updated). */
  readonly signal: AbortSignal;
  /** Whether the extension was updated or removed (then the whole page stops); asks the browser. */
  extensionGone(): boolean;
  now(): number;
  /** The tab is visible. */
  visible(): boolean;
  /** Visible and its window focused. */
  inFront(): boolean;
  isFeedPage(): boolean;
  /**
   * Scroll distance so far on this page, in CSS pixels: the scroll positions (of the window, or
   * of the inner box the site scrolls) are read when this is called, and the moves between
   * calls add up. Call it from `afterFrame`, every few seconds: read at any other moment, a
   * position can make the browser lay out a busy page there and then.
   */
  scrolledPx(): number;
  /**
   * Run `read` just after the next frame is drawn, when layout is fresh and reading it (scroll
   * positions, sizes) costs nothing. Never in a hidden tab (no frames are drawn there).
   */
  afterFrame(read: () => void): void;
  /** When she last typed in an editable field, if she did. */
  typingAt(): number | undefined;
  /** Call this feature's `wake` at `time` (Infinity: never); replaces its earlier request. */
  wakeAt(time: number): void;
}

export interface FeatureRun {
  /** Inputs changed. */
  update?(changed: ReadonlySet<PageInput>): void;
  /** About once a second while the page is in active use. Keep it to a few comparisons. */
  tick?(now: number): void;
  /** The moment asked for with `wakeAt` came. */
  wake?(now: number): void;
  stop?(): void;
}

export interface PageFeature {
  /** Named in the console when it fails. */
  readonly id: string;
  readonly runsOn: 'site' | 'feed';
  /**
   * Runs at once when the page starts, before the stored inputs are read: only what must be in
   * place before the site's first frame (a style rule). Keep it to that. Returns how to take it
   * back, for a site she switched off.
   */
  prepare?(doc: Document, site: FeedSite): (() => void) | undefined;
  start(page: Page): FeatureRun | undefined;
}

export const TICK_MS = 1_000;
/** A tick gap longer than this means timers were stalled (sleep, a frozen tab). */
const STALLED_TICK_MS = 5_000;
/** Input that comes one event at a time: always listened to. */
const DISCRETE_INPUT = ['pointerdown', 'touchstart'] as const;
/**
 * Input that comes in floods (every frame while the wheel turns or the mouse moves, a key held
 * down): while the clock ticks, one event a second is enough to know she is there, so after one
 * the listener is removed until the next tick. The latest input is then known to within a second.
 * `scroll` is not input: it follows the wheel, keys and touch that are, and it fires every frame.
 */
const FLOOD_INPUT = ['wheel', 'pointermove', 'keydown'] as const;
/** Keys older than this don't count as typing now (the scheduler waits 5 s after typing). */
const RECENT_KEY_MS = 60_000;
const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'emptied', 'abort', 'error'] as const;
const STORED_ITEMS: readonly StoredItem<unknown>[] = [
  ...SETTINGS_ITEMS,
  accounts,
  publishedUsage,
  boundaryDay,
  nudgeState,
  nudgeFrequencyOverride,
];
const INPUT_OF_ITEM = new Map<StoredItem<unknown>, PageInput>([
  ...SETTINGS_ITEMS.map((item): [StoredItem<unknown>, PageInput] => [item, 'settings']),
  [publishedUsage, 'usage'],
  [boundaryDay, 'dayState'],
  [nudgeState, 'nudgeState'],
  [nudgeFrequencyOverride, 'settings'],
  [accounts, 'accounts'],
]);

/**
 * The inner box a feed scrolls instead of the window, from an element inside it: the nearest
 * ancestor that can scroll vertically; null when there is none. Reads layout: only after a frame.
 */
function scrollingBoxOf(target: EventTarget | null): Element | null {
  let element = target instanceof Element ? target : null;
  while (element && element !== element.ownerDocument.documentElement && element !== element.ownerDocument.body) {
    if (element.scrollHeight > element.clientHeight + 1) {
      const overflow = element.ownerDocument.defaultView?.getComputedStyle(element).overflowY;
      if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return element;
    }
    element = element.parentElement;
  }
  return null;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

interface RunningFeature {
  feature: PageFeature;
  run: FeatureRun | undefined;
  controller: AbortController;
  wakeAt: number;
  failed: boolean;
}

export interface PageRunner {
  readonly page: Omit<Page, 'signal' | 'wakeAt'>;
  /** Whether the clock is ticking now (for tests). */
  ticking(): boolean;
  /** Whether a wake-up timer is set now (for tests). */
  timerSet(): boolean;
  /** Resolves once stored inputs are read and features started. */
  ready: Promise<void>;
}

export function runPage(
  ctx: ContentScriptContext,
  features: readonly PageFeature[],
  win: Window = window,
  log: (...args: unknown[]) => void = console.error,
): PageRunner | undefined {
  const doc = win.document;
  // A built-in site is known at once; a site she added (where the browser runs this script only
  // because she added it) once her settings are read.
  let site: FeedSite = siteForUrl(win.location.href) ?? { id: '', name: '', domains: [], isFeed: () => true };
  /** Stops the page: the extension updated or removed, or the site switched off. */
  const life = new AbortController();
  ctx.onInvalidated(() => life.abort());
  const now = () => Date.now();
  const tracker = new ActivityTracker({ idleMs: DEFAULT_IDLE_MS, maxTickGapMs: STALLED_TICK_MS });
  const inputs: PageInputs = {
    settings: settingsFromRaw(undefined, undefined, undefined).settings,
    published: null,
    dayState: null,
    nudgeState: null,
    accounts: null,
    testFrequency: false,
  };
  const shared: PageShared = { boundaryShown: false, flush: async () => undefined };
  const raw = new Map<StoredItem<unknown>, unknown>();
  const running: RunningFeature[] = [];
  let href = win.location.href;
  let feedPage = site.isFeed(new URL(href));

  // Signals, kept current by events rather than asked for on every tick.
  let visible = doc.visibilityState === 'visible';
  let focused = doc.hasFocus();
  const playing = new Set<HTMLMediaElement>();
  const signals = () => ({ visible, focused, mediaPlaying: playing.size > 0 });

  // The one input listener's notes: a timestamp (event time, monotonic), and what the site's
  // scroll and key events were aimed at.
  let inputStamp = Number.NEGATIVE_INFINITY;
  /** The stamp of the latest input the tracker knows of (stamps, not converted times: those drift). */
  let notedStamp = Number.NEGATIVE_INFINITY;
  let keyStamp = Number.NEGATIVE_INFINITY;
  let keyTarget: EventTarget | null = null;
  /** The inner box the feed scrolls, where the window itself doesn't (found after a frame, then kept). */
  let scrollingBox: Element | null = null;
  let scrollBase: { target: EventTarget | null; position: number } = { target: null, position: 0 };
  let scrolled = 0;
  const floodListening = new Set<string>();
  const listen = { capture: true, passive: true, signal: life.signal };
  // `once`: the browser itself removes a flood listener after its event; the next tick adds it again.
  const floodListen = { capture: true, passive: true, once: true };

  // `ctx.isInvalid` asks the browser whether the extension is still there: too dear for every
  // tick. The activity feature asks it before each report, which stops everything when it's gone.
  const stopped = () => life.signal.aborted;
  const epochOf = (stamp: number, at: number) => at - (win.performance.now() - stamp);
  // In-page navigation: the Navigation API where the browser has it, else a look at each tick.
  const candidate = (win as Window & { navigation?: EventTarget }).navigation;
  const navigation = typeof candidate?.addEventListener === 'function' ? candidate : undefined;

  // ---- isolation --------------------------------------------------------------------------
  function guard(entry: RunningFeature, call: (run: FeatureRun) => void): void {
    if (entry.failed || !entry.run) return;
    try {
      call(entry.run);
    } catch (error) {
      entry.failed = true;
      entry.controller.abort();
      log(`Outside the Frame: the page feature "${entry.feature.id}" stopped after an error.`, error);
      try {
        entry.run.stop?.();
      } catch {
        // Already reported once.
      }
    }
  }

  // ---- the clock --------------------------------------------------------------------------
  let tickTimer: number | undefined;
  let wakeTimer: number | undefined;
  let lastTick = Number.NEGATIVE_INFINITY;

  const inUse = () => visible && focused && tracker.isActive;

  /** Bring the tracker to `at` with the current signals. */
  function trackAt(at: number): void {
    tracker.tick(at, signals());
    lastTick = at;
  }

  function scheduleTick(): void {
    if (tickTimer !== undefined) return;
    if (stopped() || !inUse()) {
      // The clock stops: any input must wake it.
      listenToFloods();
      return;
    }
    tickTimer = win.setTimeout(tick, TICK_MS);
  }

  function scrolledPx(): number {
    const root = doc.scrollingElement;
    let target: Element | Window = win;
    if (!root || root.scrollHeight <= root.clientHeight + 1) {
      if (!scrollingBox?.isConnected) {
        scrollingBox = scrollingBoxOf(doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2));
      }
      target = scrollingBox ?? win;
    }
    const position = target instanceof Element ? target.scrollTop : win.scrollY;
    if (scrollBase.target === target) scrolled += Math.abs(position - scrollBase.position);
    scrollBase = { target, position };
    return scrolled;
  }

  /** Listen again to every flood type (after a tick, or when the clock stops and any input must wake it). */
  function listenToFloods(): void {
    for (const type of FLOOD_INPUT) {
      if (floodListening.has(type)) continue;
      floodListening.add(type);
      // No `signal` here: each add with one would leave an abort step on it, every second.
      win.addEventListener(type, onInput, floodListen);
    }
  }

  function tick(): void {
    tickTimer = undefined;
    if (stopped()) return;
    const at = now();
    // The latest input since the last tick (the listener only noted its time).
    if (inputStamp > notedStamp) {
      notedStamp = inputStamp;
      tracker.noteInput(Math.min(at, Math.max(epochOf(inputStamp, at), lastTick)));
    }
    for (const media of playing) {
      if (media.paused || media.ended || !media.isConnected) playing.delete(media);
    }
    trackAt(at);
    if (!navigation && win.location.href !== href) onLocation();
    for (const entry of running) guard(entry, (run) => run.tick?.(at));
    listenToFloods();
    scheduleTick();
  }

  /** When the wake timer is set for (Infinity: not set). */
  let wakeTimerAt = Number.POSITIVE_INFINITY;

  function armWakeTimer(): void {
    let next = Number.POSITIVE_INFINITY;
    if (visible && !stopped()) {
      for (const entry of running) if (!entry.failed && entry.wakeAt < next) next = entry.wakeAt;
    }
    if (next === wakeTimerAt) return;
    if (wakeTimer !== undefined) win.clearTimeout(wakeTimer);
    wakeTimer = undefined;
    wakeTimerAt = next;
    if (Number.isFinite(next)) wakeTimer = win.setTimeout(onWakeTimer, Math.max(0, next - now()));
  }

  function onWakeTimer(): void {
    wakeTimer = undefined;
    wakeTimerAt = Number.POSITIVE_INFINITY;
    const at = now();
    for (const entry of running) {
      if (entry.wakeAt > at) continue;
      entry.wakeAt = Number.POSITIVE_INFINITY;
      guard(entry, (run) => run.wake?.(at));
    }
    armWakeTimer();
  }

  // ---- features ---------------------------------------------------------------------------
  function startFeature(feature: PageFeature): void {
    const controller = new AbortController();
    const entry: RunningFeature = {
      feature,
      run: undefined,
      controller,
      wakeAt: Number.POSITIVE_INFINITY,
      failed: false,
    };
    running.push(entry);
    const view: Page = {
      ...page,
      signal: controller.signal,
      wakeAt: (time) => {
        entry.wakeAt = time;
        armWakeTimer();
      },
    };
    try {
      entry.run = feature.start(view);
    } catch (error) {
      entry.failed = true;
      controller.abort();
      log(`Outside the Frame: the page feature "${feature.id}" could not start.`, error);
    }
  }

  function stopFeature(entry: RunningFeature): void {
    guard(entry, (run) => run.stop?.());
    entry.controller.abort();
    running.splice(running.indexOf(entry), 1);
  }

  function notify(changed: ReadonlySet<PageInput>): void {
    for (const entry of [...running]) guard(entry, (run) => run.update?.(changed));
    armWakeTimer();
  }

  function onLocation(): void {
    href = win.location.href;
    const nowFeed = site.isFeed(new URL(href));
    if (nowFeed !== feedPage) {
      feedPage = nowFeed;
      for (const entry of running.filter((candidate) => candidate.feature.runsOn === 'feed')) stopFeature(entry);
      if (feedPage)
        for (const feature of features.filter((candidate) => candidate.runsOn === 'feed')) startFeature(feature);
    }
    notify(new Set(['location']));
  }

  // ---- stored inputs ----------------------------------------------------------------------
  function applyStored(changed: Map<StoredItem<unknown>, unknown>): Set<PageInput> {
    for (const [item, value] of changed) raw.set(item, value);
    const names = new Set<PageInput>();
    for (const item of changed.keys()) {
      const name = INPUT_OF_ITEM.get(item);
      if (name) names.add(name);
    }
    if (names.has('settings')) {
      const [syncRaw, localRaw, localWinsRaw] = SETTINGS_ITEMS.map((item) => raw.get(item));
      inputs.settings = settingsFromRaw(syncRaw, localRaw, localWinsRaw).settings;
      inputs.testFrequency = readItem(nudgeFrequencyOverride, raw.get(nudgeFrequencyOverride)).value === 'test';
      tracker.setIdleMs(inputs.settings.tracking.idleThresholdSeconds * 1000);
    }
    if (names.has('usage')) inputs.published = readItem(publishedUsage, raw.get(publishedUsage)).value;
    if (names.has('dayState')) inputs.dayState = readItem(boundaryDay, raw.get(boundaryDay)).value;
    if (names.has('nudgeState')) inputs.nudgeState = readItem(nudgeState, raw.get(nudgeState)).value;
    if (names.has('accounts')) inputs.accounts = readItem(accounts, raw.get(accounts)).value;
    return names;
  }

  // ---- page events ------------------------------------------------------------------------
  function wake(): void {
    const at = now();
    notedStamp = inputStamp;
    tracker.noteInput(at);
    lastTick = at;
    scheduleTick();
  }

  // Runs for every listened input event: reads as little of the event as it can (its time; its
  // target only for keys, to tell typing).
  const onInput = (event: Event) => {
    const type = event.type;
    inputStamp = event.timeStamp;
    if (type === 'keydown') {
      keyStamp = inputStamp;
      keyTarget = event.target;
    }
    floodListening.delete(type);
    if (tickTimer === undefined) wake();
  };

  const onMedia = (event: Event) => {
    const target = event.target;
    if (!(target instanceof HTMLMediaElement)) return;
    if (event.type === 'play' || event.type === 'playing') playing.add(target);
    else playing.delete(target);
    trackAt(now());
    scheduleTick();
  };

  const onPageState = () => {
    visible = doc.visibilityState === 'visible';
    focused = doc.hasFocus();
    trackAt(now());
    if (!visible && tickTimer !== undefined) {
      win.clearTimeout(tickTimer);
      tickTimer = undefined;
      listenToFloods();
    }
    if (visible && win.location.href !== href) onLocation();
    notify(new Set(['page']));
    scheduleTick();
  };

  const page: Omit<Page, 'signal' | 'wakeAt'> = {
    win,
    doc,
    site,
    inputs,
    extensionGone: () => ctx.isInvalid,
    tracker,
    shared,
    now,
    visible: () => visible,
    inFront: () => visible && focused,
    isFeedPage: () => feedPage,
    scrolledPx,
    afterFrame: (read) => {
      win.requestAnimationFrame(() => {
        win.setTimeout(() => {
          if (!stopped()) read();
        }, 0);
      });
    },
    typingAt: () => {
      if (!Number.isFinite(keyStamp) || win.performance.now() - keyStamp > RECENT_KEY_MS) return undefined;
      return isEditable(keyTarget) || isEditable(doc.activeElement) ? epochOf(keyStamp, now()) : undefined;
    },
  };

  for (const type of DISCRETE_INPUT) win.addEventListener(type, onInput, listen);
  listenToFloods();
  for (const type of MEDIA_EVENTS) doc.addEventListener(type, onMedia, listen);
  doc.addEventListener('visibilitychange', onPageState, { signal: life.signal });
  win.addEventListener('focus', onPageState, { signal: life.signal });
  win.addEventListener('blur', onPageState, { signal: life.signal });
  win.addEventListener('popstate', () => onLocation(), { signal: life.signal });
  navigation?.addEventListener(
    'currententrychange',
    () => {
      if (win.location.href !== href) onLocation();
    },
    { signal: life.signal },
  );
  // Media that was already playing when we arrived (autoplaying feeds).
  for (const media of doc.querySelectorAll('video, audio')) {
    if (media instanceof HTMLMediaElement && !media.paused) playing.add(media);
  }
  trackAt(now());

  /** The first read of the stored inputs is in. */
  let read = false;
  const stopWatching = watchItems(STORED_ITEMS, (changed) => {
    const names = applyStored(changed);
    // Switched off while the page is open: everything stops here at once. (Before the first
    // read is in, the settings may be only half known: that read decides.)
    if (read && names.has('settings') && !watchedSiteForUrl(href, inputs.settings.sites)) life.abort();
    else notify(names);
  });
  life.signal.addEventListener('abort', () => {
    stopWatching();
    for (const type of floodListening) win.removeEventListener(type, onInput, floodListen);
    floodListening.clear();
    win.clearTimeout(tickTimer);
    win.clearTimeout(wakeTimer);
    tickTimer = undefined;
    wakeTimer = undefined;
    wakeTimerAt = Number.POSITIVE_INFINITY;
    for (const entry of [...running]) stopFeature(entry);
    for (const undo of prepared) undo?.();
  });

  // Before anything is read: what must be in place before the site's first frame.
  const prepared = features.map((feature) => {
    try {
      return feature.prepare?.(doc, site);
    } catch (error) {
      log(`Outside the Frame: the page feature "${feature.id}" could not prepare.`, error);
      return undefined;
    }
  });

  const ready = getRaw(STORED_ITEMS).then((values) => {
    if (ctx.isInvalid || stopped()) return;
    applyStored(new Map(STORED_ITEMS.map((item, index) => [item, values[index]])));
    read = true;
    const watched = watchedSiteForUrl(href, inputs.settings.sites);
    if (!watched) return life.abort();
    site = (page as { site: FeedSite }).site = watched;
    feedPage = site.isFeed(new URL(href));
    for (const feature of features) if (feature.runsOn === 'site' || feedPage) startFeature(feature);
    notify(new Set(['settings', 'usage', 'dayState', 'nudgeState']));
    scheduleTick();
  });

  return {
    page,
    ticking: () => tickTimer !== undefined,
    timerSet: () => wakeTimer !== undefined,
    ready,
  };
}
