/**
 * Which tab was the active one in each window, and since when. Content scripts cannot tell
 * reliably whether their tab is in front (headless and some window managers report every tab
 * visible), so the background clips each reported span to the time its tab was active.
 * Plain data, kept in `storage.session` so it survives the service worker being stopped.
 */
import * as v from 'valibot';
import { plainRecord, type RecordKind } from '../storage/recordKind';
import type { Interval } from './intervals';

export interface ActivationEvent {
  /** When the tab became active in its window. */
  at: number;
  tabId: number;
}

/** windowId (as a string key) → activation events, oldest first. */
export type TabTimeline = Record<string, ActivationEvent[]>;

/** The timeline as stored (storage.session): versioned like every stored record. */
export interface StoredTabTimeline {
  schemaVersion: 1;
  windows: TabTimeline;
}

const EventSchema = v.object({ at: v.pipe(v.number(), v.finite()), tabId: v.pipe(v.number(), v.integer()) });

export const TabTimelineKind: RecordKind<StoredTabTimeline> = {
  name: 'tab-timeline',
  version: 1,
  schema: v.object({ schemaVersion: v.literal(1), windows: plainRecord(v.string(), v.array(EventSchema)) }),
  migrations: {},
  // Before it had a version, the timeline was stored bare: window id → events.
  adoptUnversioned: (value) => ({ windows: value }),
};

/** How long activation history is kept; spans older than this are not re-sent in practice. */
export const TIMELINE_KEEP_MS = 6 * 60 * 60_000;

export function recordActivation(timeline: TabTimeline, windowId: number, tabId: number, at: number): TabTimeline {
  const key = String(windowId);
  const events = timeline[key] ?? [];
  const last = events[events.length - 1];
  if (last && last.tabId === tabId) return timeline;
  const next = [...events, { at, tabId }].sort((a, b) => a.at - b.at);
  return { ...timeline, [key]: pruneEvents(next, at - TIMELINE_KEEP_MS) };
}

/** Forget a closed window. */
export function forgetWindow(timeline: TabTimeline, windowId: number): TabTimeline {
  const { [String(windowId)]: _removed, ...rest } = timeline;
  return rest;
}

function pruneEvents(events: ActivationEvent[], cutoff: number): ActivationEvent[] {
  // Keep the last event before the cutoff: it says who was active when the kept part begins.
  let firstKept = 0;
  for (let index = 0; index < events.length; index++) {
    if ((events[index]?.at ?? 0) <= cutoff) firstKept = index;
  }
  return events.slice(firstKept);
}

/**
 * The parts of [from, to) during which `tabId` was active in `windowId`. Before the first
 * event we know of for that window, nothing contradicts the content script, so that part is
 * kept as reported.
 */
export function activeIntervals(
  timeline: TabTimeline,
  windowId: number,
  tabId: number,
  from: number,
  to: number,
): Interval[] {
  const events = timeline[String(windowId)];
  if (!events || events.length === 0) return to > from ? [[from, to]] : [];
  const pieces: Interval[] = [];
  const first = events[0];
  if (first && from < first.at) pieces.push([from, Math.min(to, first.at)]);
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (!event || event.tabId !== tabId) continue;
    const until = events[index + 1]?.at ?? Number.POSITIVE_INFINITY;
    const start = Math.max(from, event.at);
    const end = Math.min(to, until);
    if (end > start) pieces.push([start, end]);
  }
  return pieces;
}
