/**
 * The background's side of time tracking: takes validated reports from content scripts,
 * gathers those that arrive close together, and writes them to the ledger in one
 * transaction before answering, so a report is only forgotten by its tab once it is stored.
 */

import type { ActivityReportReply } from '@/utils/messaging';
import { siteForUrl } from '@/utils/sites/registry';
import type { LedgerStore, SpanBatch } from '@/utils/storage/ledgerStore';
import type { Interval } from '@/utils/time/intervals';
import type { TimelineStore } from './timelineStore';

/** Reports arriving within this window share one write. */
export const WRITE_BATCH_MS = 250;

export interface ReportSender {
  url?: string;
  frameId?: number;
  tab?: { id?: number; windowId?: number };
}

interface Queued {
  batch: SpanBatch;
  resolve: (reply: ActivityReportReply) => void;
}

export interface TrackingDeps {
  ledger: LedgerStore;
  timeline: TimelineStore;
  now: () => number;
  dayStartHour: () => Promise<number>;
  /** Called after each write (badge refresh). */
  afterWrite?: () => void;
  batchMs?: number;
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
      for (const item of taken) {
        item.resolve({ ok: false, settled: 0, countedMs: 0, error: String(error) });
      }
    }
  }

  return {
    /** Handle one report. The site comes from the sender's URL, never from the message. */
    async report(spans: Interval[], sender: ReportSender): Promise<ActivityReportReply> {
      const site = sender.url ? siteForUrl(sender.url) : undefined;
      if (!site || sender.frameId !== 0) {
        // Not a tracked site's top frame: nothing there counts; let the sender drop it.
        return { ok: true, settled: spans.length, countedMs: 0 };
      }
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
}
