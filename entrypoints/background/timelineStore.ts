/**
 * Keeps the tab-activation timeline (utils/time/tabTimeline.ts) in `storage.session`, which
 * outlives a stopped service worker but not the browser session. Falls back to memory
 * where session storage is missing.
 */

import { loadItem, saveItem } from '@/utils/storage/itemStore';
import { tabTimeline } from '@/utils/storage/items';
import type { Interval } from '@/utils/time/intervals';
import { activeIntervals, forgetWindow, recordActivation, type TabTimeline } from '@/utils/time/tabTimeline';

export class TimelineStore {
  private timeline: TabTimeline = {};
  private loaded: Promise<void> | undefined;
  private saving: Promise<void> = Promise.resolve();

  load(): Promise<void> {
    this.loaded ??= (async () => {
      try {
        // An unreadable timeline is not kept aside: it only ever held the last hours' tab switches.
        const { value } = await loadItem(tabTimeline);
        this.timeline = { ...value.windows, ...this.timeline };
      } catch {
        // Session storage unavailable: the timeline lives in memory for this run.
      }
    })();
    return this.loaded;
  }

  private persist(): Promise<void> {
    const snapshot = this.timeline;
    this.saving = this.saving
      .then(() => saveItem(tabTimeline, { schemaVersion: 1, windows: snapshot }))
      .catch(() => undefined);
    return this.saving;
  }

  async activated(windowId: number, tabId: number, at: number): Promise<void> {
    await this.load();
    const next = recordActivation(this.timeline, windowId, tabId, at);
    if (next === this.timeline) return;
    this.timeline = next;
    await this.persist();
  }

  async windowClosed(windowId: number): Promise<void> {
    await this.load();
    this.timeline = forgetWindow(this.timeline, windowId);
    await this.persist();
  }

  /** A clipper for spans reported by one tab. */
  async clipperFor(windowId: number | undefined, tabId: number | undefined): Promise<(span: Interval) => Interval[]> {
    await this.load();
    const timeline = this.timeline;
    if (windowId === undefined || tabId === undefined) return (span) => [span];
    return ([start, end]) => activeIntervals(timeline, windowId, tabId, start, end);
  }
}
