/**
 * Reporting active time: the page's spans (from the runner's tracker) go to the background
 * every few seconds while she is active, at once when the page is hidden, loses focus or goes
 * away, and stay with the page until the background confirms it stored them, so a stopped
 * service worker loses nothing: they are simply sent again.
 */
import { sendMessage } from '@/utils/messaging/client';
import { MAX_SPANS_PER_REPORT } from '@/utils/messaging/wire';
import type { PageFeature } from './runner';

/**
 * While she is active. Each report costs the page a message and every tab a storage event;
 * this page adds its own unsent time to its decisions meanwhile, and reports at once when it
 * is hidden, loses focus, goes away or reaches a limit.
 */
export const REPORT_EVERY_MS = 20_000;

export const activityReporting: PageFeature = {
  id: 'activity',
  runsOn: 'site',
  start(page) {
    const { tracker } = page;
    let sending = false;
    let lastSentAt = page.now();

    async function report(): Promise<void> {
      if (sending || page.signal.aborted || page.extensionGone()) return;
      const batch = tracker
        .takeBatch(page.now())
        .slice(0, MAX_SPANS_PER_REPORT)
        .map(([start, end]): [number, number] => [start, end]);
      if (batch.length === 0) return;
      sending = true;
      lastSentAt = page.now();
      // No answer (the worker is restarting, the extension was updated): the spans stay for next time.
      const reply = await sendMessage('activity/report', { spans: batch });
      if (reply?.ok) tracker.confirm(batch);
      sending = false;
      // Left over (a failed send, or more than one report's worth): try again in a while.
      page.wakeAt(tracker.pendingCount > 0 ? lastSentAt + REPORT_EVERY_MS : Number.POSITIVE_INFINITY);
    }

    page.shared.flush = report;
    page.win.addEventListener('pagehide', () => void report(), { signal: page.signal });

    return {
      update(changed) {
        // Leaving the page or its window: send what we have while we still can.
        if (changed.has('page') && !page.inFront()) void report();
      },
      tick(now) {
        // The tick that sees her go idle closes the span: send it now, the clock stops after this.
        if (now - lastSentAt >= REPORT_EVERY_MS || (!tracker.isActive && tracker.pendingCount > 0)) void report();
      },
      wake: () => void report(),
    };
  },
};
