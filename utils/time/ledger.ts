/**
 * Active-time accounting: the pure decision of which reported time counts, and for which
 * site and day. The background is the only caller and the only writer of the result.
 *
 * Rules: a span is validated against the clock; it is clipped to when its tab was in front;
 * time already counted (for any site, from any tab) is never counted again, which also
 * makes a re-sent span harmless; what remains is split at the user's day boundary.
 */
import { type DayKey, splitByDay } from './day';
import { type Interval, pruneBefore, subtract, union } from './intervals';

/** A span may end at most this far in the future (the page and the worker share a clock). */
export const MAX_FUTURE_SKEW_MS = 5_000;
/** Spans older than this are stale and refused. */
export const MAX_SPAN_AGE_MS = 24 * 60 * 60_000;
/** A single reported span may be at most this long (content scripts send every few seconds). */
export const MAX_SPAN_LENGTH_MS = 15 * 60_000;
/** Counted time is remembered this long for de-duplication. */
export const COUNTED_KEEP_MS = MAX_SPAN_AGE_MS + 60 * 60_000;

export type SpanRejection = 'malformed' | 'future' | 'stale' | 'too-long';

export function checkSpan(span: Interval, now: number): SpanRejection | undefined {
  const [start, end] = span;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return 'malformed';
  if (end > now + MAX_FUTURE_SKEW_MS) return 'future';
  if (start < now - MAX_SPAN_AGE_MS) return 'stale';
  if (end - start > MAX_SPAN_LENGTH_MS) return 'too-long';
  return undefined;
}

export interface CountedPiece {
  day: DayKey;
  start: number;
  end: number;
}

export interface AccountingResult {
  /** The new set of counted time (pruned). */
  counted: Interval[];
  /** Newly counted pieces, split by day. */
  pieces: CountedPiece[];
  rejected: { span: Interval; reason: SpanRejection }[];
}

export interface AccountingInput {
  spans: readonly Interval[];
  now: number;
  dayStartHour: number;
  /** Time already counted, sorted and disjoint. */
  counted: readonly Interval[];
  /** When the reporting tab was in front; spans are clipped to it. */
  allowed: (span: Interval) => Interval[];
}

export function accountSpans(input: AccountingInput): AccountingResult {
  let counted = [...input.counted];
  const pieces: CountedPiece[] = [];
  const rejected: AccountingResult['rejected'] = [];
  for (const span of input.spans) {
    const reason = checkSpan(span, input.now);
    if (reason) {
      rejected.push({ span, reason });
      continue;
    }
    for (const allowedPart of input.allowed(span)) {
      const fresh = subtract(allowedPart, counted);
      if (fresh.length === 0) continue;
      counted = union(counted, fresh);
      for (const [start, end] of fresh) pieces.push(...splitByDay(start, end, input.dayStartHour));
    }
  }
  return { counted: pruneBefore(counted, input.now - COUNTED_KEEP_MS), pieces, rejected };
}
