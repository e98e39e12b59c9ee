/**
 * Reminders while she scrolls a feed: this page counts its own active time and scroll
 * distance, notices typing, and every few seconds — only on feed pages, only while active —
 * asks the background whether a reminder may show (the pure scheduler decides, with one
 * state shared by all tabs). The card sits in a bottom corner, never takes focus, and
 * reports what she did with it.
 */
import { h } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NudgeCard, type NudgeCardOutcome } from '@/components/NudgeCard';
import nudgeCss from '@/components/nudge.css?inline';
import { FREQUENCY_OVERRIDE_KEY, NUDGE_STATE_KEY, type NudgeReply } from '@/entrypoints/background/nudges';
import { decideNudge, readNudgeState } from '@/utils/nudges/scheduler';
import { isFeedUrl } from '@/utils/sites/registry';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import { loadSettings, watchSettings } from '@/utils/storage/settingsStorage';
import type { ActivityTracker } from '@/utils/time/activity';
import { sendToBackground } from './messages';
import { OverlayHost } from './overlayHost';

const TICK_MS = 1_000;
/** How often an active feed page asks; the scheduler's gaps are minutes, so this is plenty. */
const ASK_EVERY_MS = 5_000;
/** A card nobody touches leaves by itself (counted as ignored). */
export const CARD_AUTO_HIDE_MS = 25_000;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

export function startNudges(
  ctx: ContentScriptContext,
  tracker: ActivityTracker,
  boundaryShown: () => boolean,
  win: Window = window,
) {
  const doc = win.document;
  const host = new OverlayHost(
    { name: 'outside-the-frame-nudge', css: nudgeCss, fullPage: false, corner: 'left' },
    doc,
  );
  let activeMsOnPage = 0;
  let activeMsSinceLastNudge = 0;
  let scrollPx = 0;
  let lastScrollY = win.scrollY;
  let typingAt: number | undefined;
  let sinceAsk = 0;
  let asking = false;
  let showing = false;
  // What the background will decide with, read here too so this page only asks when the
  // answer is likely yes (asking wakes the background).
  let settings: Settings = DEFAULT_SETTINGS;
  let storedState: unknown;
  let testFrequency = false;
  void loadSettings().then((result) => {
    settings = result.settings;
  });
  ctx.onInvalidated(
    watchSettings((result) => {
      settings = result.settings;
    }),
  );
  const readLocal = async () => {
    const stored = await browser.storage.local.get([NUDGE_STATE_KEY, FREQUENCY_OVERRIDE_KEY]);
    storedState = stored[NUDGE_STATE_KEY];
    testFrequency = stored[FREQUENCY_OVERRIDE_KEY] === 'test';
  };
  void readLocal();
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (NUDGE_STATE_KEY in changes || FREQUENCY_OVERRIDE_KEY in changes)) void readLocal();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  function likelyYes(): boolean {
    const now = Date.now();
    const hour = settings.tracking.dayStartHour;
    return decideNudge(readNudgeState(storedState, now, hour).state, {
      now,
      dayStartHour: hour,
      frequency: testFrequency ? 'test' : settings.nudges.frequency,
      isFeedPage: true,
      pageVisible: doc.visibilityState === 'visible' && doc.hasFocus(),
      boundaryShown: boundaryShown(),
      typingAt,
      activeMsOnPage,
      activeMsSinceLastNudge,
      scrollPxSinceLastNudge: scrollPx,
    }).show;
  }

  const resetPage = () => {
    activeMsOnPage = 0;
    activeMsSinceLastNudge = 0;
    scrollPx = 0;
  };

  ctx.addEventListener(
    win,
    'scroll',
    () => {
      scrollPx += Math.abs(win.scrollY - lastScrollY);
      lastScrollY = win.scrollY;
    },
    { passive: true },
  );
  // Feeds that scroll an inner container move the wheel, not the window.
  ctx.addEventListener(
    win,
    'wheel',
    (event: WheelEvent) => {
      if (win.scrollY === lastScrollY) scrollPx += Math.abs(event.deltaY);
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(
    win,
    'keydown',
    (event: KeyboardEvent) => {
      if (isEditable(event.target) || isEditable(doc.activeElement)) typingAt = Date.now();
    },
    { capture: true },
  );
  // In-page navigation to messages or settings: a new visit as far as reminders go.
  ctx.addEventListener(win, 'wxt:locationchange', resetPage);

  function show(reply: Extract<NudgeReply, { show: true }>) {
    const text = browser.i18n.getMessage(reply.messageKey as Parameters<typeof browser.i18n.getMessage>[0]);
    if (!text) return;
    showing = true;
    activeMsSinceLastNudge = 0;
    scrollPx = 0;
    host.render(
      h(NudgeCard, {
        text,
        autoHideMs: CARD_AUTO_HIDE_MS,
        onOutcome: (outcome: NudgeCardOutcome) => {
          showing = false;
          host.unmount();
          void sendToBackground({ type: 'nudge/outcome', nudgeId: reply.nudgeId, outcome });
        },
      }),
    );
  }

  async function ask() {
    if (asking || showing) return;
    asking = true;
    try {
      const reply = await sendToBackground<NudgeReply>({
        type: 'nudge/request',
        activeMsOnPage,
        activeMsSinceLastNudge,
        scrollPxSinceLastNudge: scrollPx,
        typingAt,
        pageVisible: doc.visibilityState === 'visible' && doc.hasFocus(),
        boundaryShown: boundaryShown(),
      });
      if (reply?.show && !ctx.isInvalid && !boundaryShown()) show(reply);
    } finally {
      asking = false;
    }
  }

  ctx.setInterval(() => {
    if (!isFeedUrl(win.location.href) || !tracker.isActive) return;
    activeMsOnPage += TICK_MS;
    activeMsSinceLastNudge += TICK_MS;
    sinceAsk += TICK_MS;
    if (sinceAsk >= ASK_EVERY_MS && !boundaryShown() && likelyYes()) {
      sinceAsk = 0;
      void ask();
    }
  }, TICK_MS);
  ctx.onInvalidated(() => host.unmount());
}
