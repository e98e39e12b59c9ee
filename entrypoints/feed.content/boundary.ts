/**
 * Boundaries on the page: every second, decide with the pure core (settings, today's usage
 * published by the background plus this page's own not-yet-stored time, and the day state)
 * and show the quiet warning notice or the full-page boundary screen. Other tabs of the site
 * hear of a new total through storage change events, so the screen reaches them within a
 * moment; pages loaded later decide on their first tick.
 */
import { h } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BoundaryScreen } from '@/components/BoundaryScreen';
import overlayCss from '@/components/overlay.css?inline';
import { WarningNotice } from '@/components/WarningNotice';
import {
  type BoundaryActionReply,
  DAY_STATE_KEY,
  type PublishedUsage,
  USAGE_KEY,
} from '@/entrypoints/background/boundaries';
import { type BoundaryDecision, decideBoundary } from '@/utils/limits/decide';
import type { BoundaryDayState } from '@/utils/limits/stateRecords';
import type { BoundaryMessage } from '@/utils/messaging';
import { siteForUrl } from '@/utils/sites/registry';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import { loadSettings, watchSettings } from '@/utils/storage/settingsStorage';
import type { ActivityTracker } from '@/utils/time/activity';
import { dayKeyOf } from '@/utils/time/day';
import { sendToBackground } from './messages';
import { OverlayHost } from './overlayHost';
import { PageLock } from './pageLock';

const DECIDE_EVERY_MS = 1_000;

async function ask(message: BoundaryMessage): Promise<BoundaryActionReply> {
  const reply = await sendToBackground<BoundaryActionReply>(message);
  return reply ?? { ok: false, reason: 'The extension is restarting. Please try again in a moment.' };
}

export function startBoundaries(
  ctx: ContentScriptContext,
  tracker: ActivityTracker,
  /** Sends this page's unsent time now, so the other tabs of the site hear of it at once. */
  flush: () => Promise<void>,
  win: Window = window,
) {
  const doc = win.document;
  const found = siteForUrl(win.location.href);
  if (!found) return { shown: () => false };
  const site = found;
  let settings: Settings = DEFAULT_SETTINGS;
  let usage: PublishedUsage | undefined;
  let dayState: BoundaryDayState | undefined;
  let noticeDismissed = false;
  let pauseStartedAt: number | undefined;
  const screenHost = new OverlayHost({ name: 'outside-the-frame-boundary', css: overlayCss, fullPage: true }, doc);
  const noticeHost = new OverlayHost({ name: 'outside-the-frame-notice', css: overlayCss, fullPage: false }, doc);
  const lock = new PageLock(doc);

  const pageActive = () => doc.visibilityState === 'visible' && doc.hasFocus();

  function showScreen(decision: Extract<BoundaryDecision, { kind: 'limit' | 'feed-free' }>) {
    if (!screenHost.mounted && decision.kind === 'limit') void flush();
    noticeHost.unmount();
    lock.lock();
    const boundaries = settings.boundaries;
    screenHost.render(
      h(BoundaryScreen, {
        kind: decision.kind,
        siteName: site?.name ?? '',
        scope: decision.kind === 'limit' ? decision.scope : undefined,
        limitMinutes: decision.kind === 'limit' ? decision.limitMinutes : undefined,
        windowLabel: decision.kind === 'feed-free' ? decision.window.label : undefined,
        liftsAt: decision.liftsAt,
        extensionsLeft: decision.extensionsLeft,
        extraMinutes: boundaries.extraMinutes,
        pauseSeconds: boundaries.pauseSeconds,
        pageActive: pageActive(),
        onLeave: () => void ask({ type: 'boundary/leave' }),
        onReflect: () => void ask({ type: 'boundary/reflect' }),
        onPauseStart: () => {
          pauseStartedAt = Date.now();
        },
        onExtend: () => ask({ type: 'boundary/extend', pauseStartedAt: pauseStartedAt ?? Date.now() }),
        onPauseToday: () => ask({ type: 'boundary/pauseToday', pauseStartedAt: pauseStartedAt ?? Date.now() }),
      }),
    );
  }

  function hideScreen() {
    if (!screenHost.mounted) return;
    screenHost.unmount();
    lock.unlock();
  }

  function decide() {
    if (ctx.isInvalid) return;
    const now = Date.now();
    // Usage from an earlier day (or from the future, after a clock change) doesn't count today.
    const today = dayKeyOf(now, settings.tracking.dayStartHour);
    const published = usage && usage.at <= now && usage.day === today ? usage : undefined;
    const todayMsBySite = { ...(published?.todayMsBySite ?? {}) };
    // Time this page saw that the background may not have stored yet.
    todayMsBySite[site.id] = (todayMsBySite[site.id] ?? 0) + tracker.activeMsSince(published?.at ?? now, now);
    const decision = decideBoundary({
      now,
      site: site.id,
      settings: settings.boundaries,
      usage: { todayMsBySite },
      dayState,
      dayStartHour: settings.tracking.dayStartHour,
    });
    if (decision.kind === 'limit' || decision.kind === 'feed-free') {
      showScreen(decision);
      return;
    }
    hideScreen();
    if (decision.kind === 'warning' && decision.showNotice && !noticeDismissed && pageActive()) {
      noticeDismissed = true;
      void ask({ type: 'boundary/warned' });
      noticeHost.render(
        h(WarningNotice, {
          siteName: site.name,
          minutesLeft: decision.minutesLeft,
          scope: decision.scope,
          onDismiss: () => noticeHost.unmount(),
        }),
      );
    }
  }

  const readLocal = async () => {
    const stored = await browser.storage.local.get([USAGE_KEY, DAY_STATE_KEY]);
    usage = stored[USAGE_KEY] as PublishedUsage | undefined;
    dayState = stored[DAY_STATE_KEY] as BoundaryDayState | undefined;
  };
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (USAGE_KEY in changes) usage = changes[USAGE_KEY]?.newValue as PublishedUsage | undefined;
    if (DAY_STATE_KEY in changes) dayState = changes[DAY_STATE_KEY]?.newValue as BoundaryDayState | undefined;
    decide();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    hideScreen();
    noticeHost.unmount();
  });
  const stopWatching = watchSettings((result) => {
    settings = result.settings;
    decide();
  });
  ctx.onInvalidated(stopWatching);

  void Promise.all([loadSettings(), readLocal()]).then(([result]) => {
    settings = result.settings;
    decide();
  });
  ctx.setInterval(decide, DECIDE_EVERY_MS);
  ctx.addEventListener(doc, 'visibilitychange', decide);
  ctx.addEventListener(win, 'focus', decide);
  ctx.addEventListener(win, 'blur', decide);
  return { shown: () => screenHost.mounted || noticeHost.mounted };
}
