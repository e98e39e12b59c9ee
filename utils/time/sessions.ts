/**
 * Sessions: a run of counted time on one site with no break longer than a few minutes.
 * Later check-ins and insights ("sessions longer than 20 minutes") are built on them.
 */
import type { DayKey } from './day';

export const SESSION_GAP_MS = 5 * 60_000;

export interface SessionRecord {
  id: string;
  site: string;
  /** The day the session began (its storage bucket). */
  day: DayKey;
  start: number;
  end: number;
  activeMs: number;
}

/**
 * Add a newly counted piece to the site's latest session, or start a new one when the
 * break since it is longer than the gap. Returns the session to store (a new object).
 */
export function extendSession(
  latest: SessionRecord | undefined,
  piece: { site: string; day: DayKey; start: number; end: number },
  gapMs = SESSION_GAP_MS,
): SessionRecord {
  const length = piece.end - piece.start;
  if (latest && latest.site === piece.site && piece.start - latest.end <= gapMs && latest.start - piece.end <= gapMs) {
    return {
      ...latest,
      start: Math.min(latest.start, piece.start),
      end: Math.max(latest.end, piece.end),
      activeMs: latest.activeMs + length,
    };
  }
  return {
    id: `${piece.site}-${piece.start}`,
    site: piece.site,
    day: piece.day,
    start: piece.start,
    end: piece.end,
    activeMs: length,
  };
}
