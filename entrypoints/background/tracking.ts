/**
 * The background's side of time tracking: takes validated reports from content scripts,
 * gathers those that arrive close together, and writes them to the ledger in one
 * transaction before answering, so a report is only forgotten by its tab once it is stored.
 */
import type { ActivityReportReply } from '@/utils/messaging/protocol';
import type { Handlers } from '@/utils/messaging/router';
import type { SiteSettings } from '@/utils/sites/userSites';
import type { LedgerStore, SpanBatch } from '@/utils/storage/ledgerStore';
import { watchedTopFrameSite } from './senders';
import type { TimelineStore } from './timelineStore';

/** Reports arriving within this window share one write. */
export const WRITE_BATCH_MS = 250;

interface Queued {
  batch: SpanBatch;
  resolve: (reply: ActivityReportReply) => void;
}

export interface TrackingDeps {
  ledger: LedgerStore;
  timeline: TimelineStore;
  now: () => number;
  dayStartHour: () => Promise<number>;
  /** The sites she switched off and added (reports from a site not watched count for nothing). */
  sites: () => Promise<SiteSettings>;
  /** Called after each write (publish today's usage, refresh the badge). */
  afterWrite?: () => void;
  /** Resolves once the timeline knows which tabs are in front (spans are clipped to it). */
  ready?: Promise<unknown>;
  batchMs?: number;
  log?: (error: unknown) => void;
}

export function createTracking(deps: TrackingDeps) {
  let queue: Queued[] = [];
  let writeScheduled = false;
  let writing: Promise<void> = Promise.resolve();

  async function writeQueued(): Promise<void> {
    writeScheduled = false;
    const taken = queue;
    queue = [];
    if (taken.length === 0) return;
    try {
      const outcomes = await deps.ledger.record(
        taken.map((item) => item.batch),
        deps.now(),
        await deps.dayStartHour(),
      );
      taken.forEach((item, index) => {
        item.resolve({ ok: true, settled: item.batch.spans.length, countedMs: outcomes[index]?.countedMs ?? 0 });
      });
      deps.afterWrite?.();
    } catch (error) {
      // Nothing was stored: the tabs keep their spans and send them again.
      (deps.log ?? console.error)(error);
      for (const item of taken) item.resolve({ ok: false, settled: 0, countedMs: 0 });
    }
  }

  const handlers: Pick<Handlers, 'activity/report'> = {
    /** The site comes from the sender's URL, never from the message. */
    'activity/report': async ({ spans }, sender) => {
      await deps.ready;
      const site = watchedTopFrameSite(sender, await deps.sites());
      // Not a tracked site's top frame: nothing there counts; let the sender drop it.
      if (!site) return { ok: true, settled: spans.length, countedMs: 0 };
      const allowed = await deps.timeline.clipperFor(sender.tab?.windowId, sender.tab?.id);
      return new Promise((resolve) => {
        queue.push({ batch: { site: site.id, spans, allowed }, resolve });
        if (writeScheduled) return;
        writeScheduled = true;
        setTimeout(() => {
          writing = writing.then(writeQueued);
        }, deps.batchMs ?? WRITE_BATCH_MS);
      });
    },
  };

  return { handlers };
}
