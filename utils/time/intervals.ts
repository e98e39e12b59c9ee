/**
 * Sorted, non-overlapping sets of half-open time intervals [start, end) in epoch ms.
 * The ledger keeps the union of all time it has counted as such a set, which is what
 * makes re-sent spans idempotent and two tabs' overlapping spans count once.
 */

export type Interval = readonly [start: number, end: number];

/** Parts of `interval` not covered by `set` (set must be sorted and disjoint). */
export function subtract(interval: Interval, set: readonly Interval[]): Interval[] {
  const pieces: Interval[] = [];
  let cursor = interval[0];
  const end = interval[1];
  for (const [start, stop] of set) {
    if (stop <= cursor) continue;
    if (start >= end) break;
    if (start > cursor) pieces.push([cursor, start]);
    cursor = Math.max(cursor, stop);
    if (cursor >= end) break;
  }
  if (cursor < end) pieces.push([cursor, end]);
  return pieces;
}

/** Add intervals to a set, merging neighbours that touch or overlap. */
export function union(set: readonly Interval[], added: readonly Interval[]): Interval[] {
  const all = [...set, ...added].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of all) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Intersect one interval with a set. */
export function intersect(interval: Interval, set: readonly Interval[]): Interval[] {
  const pieces: Interval[] = [];
  for (const [start, end] of set) {
    const from = Math.max(start, interval[0]);
    const to = Math.min(end, interval[1]);
    if (to > from) pieces.push([from, to]);
  }
  return pieces;
}

/** Drop everything before `cutoff`, clipping an interval that straddles it. */
export function pruneBefore(set: readonly Interval[], cutoff: number): Interval[] {
  const kept: Interval[] = [];
  for (const [start, end] of set) {
    if (end <= cutoff) continue;
    kept.push([Math.max(start, cutoff), end]);
  }
  return kept;
}

export function totalLength(set: readonly Interval[]): number {
  return set.reduce((sum, [start, end]) => sum + (end - start), 0);
}
