/**
 * Reminders while she scrolls a feed: this page counts its own active time and scroll
 * distance, and every few seconds of active scrolling checks with the pure scheduler whether a
 * reminder is likely (`worthAsking`, over the shared state as last stored); only then does it
 * ask the background, which decides with one state shared by all tabs. The card (an extension
 * page in a frame: `frameCard.ts`) sits in a bottom corner, never takes focus, and reports what
 * she did with it.
 */
import type { NudgeCardOutcome } from '@/components/NudgeCard';
import { sendMessage } from '@/utils/messaging/client';
import type { NudgeReply } from '@/utils/messaging/protocol';
import { worthAsking } from '@/utils/nudges/scheduler';
import { frameCardHost } from './frameCard';
import type { PageFeature } from './runner';

/** How often an active feed page checks; the scheduler's gaps are minutes, so this is plenty. */
export const CHECK_EVERY_MS = 10_000;
/** Ticks further apart than this were stalled timers, not active time. */
const MAX_TICK_STEP_MS = 2_000;

export const reminders: PageFeature = {
  id: 'reminders',
  runsOn: 'feed',
  start(page) {
    const card = frameCardHost(page.doc, 'outside-the-frame-nudge', 'left');
    let activeMsOnPage = 0;
    let activeMsSinceLastNudge = 0;
    let scrollBase = 0;
    page.afterFrame(() => {
      scrollBase = page.scrolledPx();
    });
    let sinceCheck = 0;
    let lastTick = page.now();
    let asking = false;
    let showing = false;

    const visit = () => {
      activeMsOnPage = 0;
      activeMsSinceLastNudge = 0;
      page.afterFrame(() => {
        scrollBase = page.scrolledPx();
      });
    };

    function requestNow() {
      const { inputs } = page;
      return {
        activeMsOnPage,
        activeMsSinceLastNudge,
        scrollPxSinceLastNudge: page.scrolledPx() - scrollBase,
        typingAt: page.typingAt(),
        pageVisible: page.inFront(),
        boundaryShown: page.shared.boundaryShown,
        ...(page.shared.comparisonSignal === undefined ? {} : { comparisonSignal: page.shared.comparisonSignal }),
        frequency: inputs.testFrequency ? ('test' as const) : inputs.settings.nudges.frequency,
      };
    }

    function show(reply: Extract<NudgeReply, { show: true }>) {
      showing = true;
      activeMsSinceLastNudge = 0;
      if ('checkIn' in reply) {
        const { day, sessionId, site, activeMs } = reply.checkIn;
        // The one-tap question after a long stretch of scrolling, in the same corner. It stays
        // until she answers or closes it.
        card.show({
          path: `/checkin.html?${new URLSearchParams({ day, id: sessionId, site, ms: String(activeMs) })}`,
          title: 'checkInFrameTitle',
          onDone: () => {
            showing = false;
          },
        });
        return;
      }
      page.afterFrame(() => {
        scrollBase = page.scrolledPx();
      });
      card.show({
        path: `/nudge.html?${new URLSearchParams({ key: reply.messageKey, ...(reply.first ? { first: '1' } : {}) })}`,
        title: 'nudgeFrameTitle',
        onDone: (outcome) => {
          showing = false;
          if (outcome !== 'closed') {
            void sendMessage('nudge/outcome', { nudgeId: reply.nudgeId, outcome: outcome as NudgeCardOutcome });
          }
        },
      });
    }

    async function ask(request: ReturnType<typeof requestNow>) {
      asking = true;
      try {
        const { frequency: _frequency, ...data } = request;
        const reply = await sendMessage('nudge/request', data);
        if (reply?.show && !page.signal.aborted && !page.shared.boundaryShown) show(reply);
      } finally {
        asking = false;
      }
    }

    /** Read the scroll distance after a frame (no forced layout), and ask when a reminder is likely. */
    function check() {
      if (asking || showing || page.shared.boundaryShown || page.signal.aborted) return;
      const request = requestNow();
      const now = page.now();
      const { inputs } = page;
      const context = {
        ...request,
        now,
        dayStartHour: inputs.settings.tracking.dayStartHour,
        isFeedPage: page.isFeedPage(),
      };
      if (worthAsking(inputs.nudgeState, context)) void ask(request);
    }

    return {
      update(changed) {
        // In-page navigation (one reel to the next, a feed to another): a new visit for reminders.
        if (changed.has('location')) visit();
      },
      tick(now) {
        const step = Math.min(Math.max(0, now - lastTick), MAX_TICK_STEP_MS);
        lastTick = now;
        if (!page.tracker.isActive) return;
        activeMsOnPage += step;
        activeMsSinceLastNudge += step;
        sinceCheck += step;
        if (sinceCheck < CHECK_EVERY_MS || asking || showing || page.shared.boundaryShown) return;
        sinceCheck = 0;
        page.afterFrame(check);
      },
      stop: () => card.close(),
    };
  },
};
