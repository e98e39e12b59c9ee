/**
 * Boundaries on the page: the pure plan (utils/limits/usage.ts) decides from her settings,
 * today's usage published by the background plus this page's own not-yet-stored time, and
 * today's state, and says when to decide again. The page shows the quiet warning notice or the
 * full-page boundary screen. Other tabs of the site hear of a new total through the one storage
 * subscription, so the screen reaches them within a moment; pages loaded later decide at once.
 */
import { browser } from 'wxt/browser';
import overlayCss from '@/components/overlay.css?inline';
import { drawScreenFrame } from '@/components/screenFrame';
import { drawWarningNotice } from '@/components/warningNotice';
import { type BoundaryClock, type BoundaryDecision, boundaryClock } from '@/utils/limits/decide';
import { screenQuery } from '@/utils/limits/screenParams';
import { type PageBoundaryPlan, planPageBoundary, publishedForToday, unsentSince } from '@/utils/limits/usage';
import { sendMessage } from '@/utils/messaging/client';
import { USER_SITE_PREFIX } from '@/utils/sites/userSites';
import { OverlayHost } from './overlayHost';
import { PageLock } from './pageLock';
import type { PageFeature, PageInput } from './runner';

export const boundaries: PageFeature = {
  id: 'boundaries',
  runsOn: 'site',
  start(page) {
    const { doc, site, inputs, tracker } = page;
    const screenHost = new OverlayHost(
      {
        name: 'outside-the-frame-boundary',
        css: overlayCss,
        fullPage: true,
        // Put back after the page took it out: its frame is drawn and loads afresh.
        onReattach: () => {
          shownQuery = undefined;
          decide();
        },
      },
      doc,
    );
    const noticeHost = new OverlayHost({ name: 'outside-the-frame-notice', css: overlayCss, fullPage: false }, doc);
    const lock = new PageLock(doc);
    let plan: PageBoundaryPlan | undefined;
    let since = page.now();
    let noticeShown = false;
    /** The screen's address now shown, if any. */
    let shownQuery: string | undefined;

    /** The boundary screen is an extension page in a frame; the same address is not loaded twice. */
    function showScreen(decision: Extract<BoundaryDecision, { kind: 'limit' | 'feed-free' }>) {
      if (!screenHost.mounted && decision.kind === 'limit') void page.shared.flush();
      noticeHost.unmount();
      lock.lock();
      const rules = inputs.settings.boundaries;
      const query = screenQuery({
        kind: decision.kind,
        site: site.id,
        ...(decision.kind === 'limit'
          ? { scope: decision.scope, limitMinutes: decision.limitMinutes }
          : { windowLabel: decision.window.label }),
        liftsAt: decision.liftsAt,
        extensionsLeft: decision.extensionsLeft,
        extraMinutes: rules.extraMinutes,
        pauseSeconds: rules.pauseSeconds,
      });
      if (query === shownQuery) return;
      shownQuery = query;
      // Only the built-in sites may frame the extension's pages (listing every site would let any
      // site tell the extension is there): on a site she added, the plain screen is the screen.
      const src = site.id.startsWith(USER_SITE_PREFIX) ? '' : `${browser.runtime.getURL('/boundary.html')}?${query}`;
      screenHost.render((container) =>
        drawScreenFrame(container, {
          src,
          kind: decision.kind,
          siteName: site.name,
          scope: decision.kind === 'limit' ? decision.scope : undefined,
          limitMinutes: decision.kind === 'limit' ? decision.limitMinutes : undefined,
          windowLabel: decision.kind === 'feed-free' ? decision.window.label : undefined,
          liftsAt: decision.liftsAt,
          onLeave: () => void sendMessage('boundary/leave', {}),
        }),
      );
    }

    function hideScreen() {
      shownQuery = undefined;
      if (!screenHost.mounted) return;
      screenHost.unmount();
      lock.unlock();
    }

    function apply(decision: BoundaryDecision) {
      if (decision.kind === 'limit' || decision.kind === 'feed-free') {
        showScreen(decision);
      } else {
        hideScreen();
        if (decision.kind === 'warning' && decision.showNotice && !noticeShown && page.inFront()) {
          noticeShown = true;
          void sendMessage('boundary/warned', {});
          noticeHost.render((container) =>
            drawWarningNotice(container, {
              siteName: site.name,
              minutesLeft: decision.minutesLeft,
              scope: decision.scope,
              onDismiss: () => {
                noticeHost.unmount();
                page.shared.boundaryShown = screenHost.mounted;
              },
            }),
          );
        }
      }
      page.shared.boundaryShown = screenHost.mounted || noticeHost.mounted;
    }

    /** The clock's part of the decision, kept until it stops holding or settings or the day state change. */
    let clock: BoundaryClock | undefined;

    function decide(changed?: ReadonlySet<PageInput>) {
      const now = page.now();
      const settings = inputs.settings;
      if (!clock || now >= clock.validUntil || changed?.has('settings') || changed?.has('dayState')) {
        clock = boundaryClock(now, settings.boundaries, inputs.dayState, settings.tracking.dayStartHour);
      }
      // Totals from another day (or from the future, after a clock change) don't count today.
      const published = publishedForToday(inputs.published, now, clock.state.day);
      since = unsentSince(published, now);
      plan = planPageBoundary({
        site: site.id,
        settings: settings.boundaries,
        clock,
        published,
        unsentMs: tracker.activeMsSince(since, now),
      });
      apply(plan.decision);
      // A hidden page decides again when it is shown; nothing waits for the clock meanwhile.
      page.wakeAt(page.visible() ? clock.validUntil : Number.POSITIVE_INFINITY);
    }

    return {
      update: decide,
      wake: () => decide(),
      tick(now) {
        if (plan && tracker.activeMsSince(since, now) >= plan.recheckAtUnsentMs) decide();
      },
      stop() {
        hideScreen();
        noticeHost.unmount();
        page.shared.boundaryShown = false;
      },
    };
  },
};
