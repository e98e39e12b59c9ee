import { describe, expect, it } from 'vitest';
import type { Interval } from '@/utils/time/intervals';
import { accountSpans, checkSpan, MAX_SPAN_LENGTH_MS } from '@/utils/time/ledger';
import { activeIntervals, recordActivation } from '@/utils/time/tabTimeline';
import { useTimeZone } from '../../helpers/timeZone';

const S = 1000;
const NOW = Date.UTC(2026, 10, 22, 15, 0);
useTimeZone('UTC');

const everywhere = (span: Interval) => [span];
const total = (pieces: { start: number; end: number }[]) => pieces.reduce((sum, p) => sum + p.end - p.start, 0);

describe('checkSpan', () => {
  it.each<[string, Interval, string | undefined]>([
    ['a normal span', [NOW - 10 * S, NOW], undefined],
    ['ends before it starts', [NOW, NOW - S], 'malformed'],
    ['empty', [NOW, NOW], 'malformed'],
    ['not a number', [Number.NaN, NOW], 'malformed'],
    ['infinite', [NOW - S, Number.POSITIVE_INFINITY], 'malformed'],
    ['from the future', [NOW + 60 * S, NOW + 70 * S], 'future'],
    ['a little clock skew is fine', [NOW - S, NOW + 2 * S], undefined],
    ['two days old', [NOW - 49 * 3_600_000, NOW - 48 * 3_600_000], 'stale'],
    ['implausibly long (sleep through)', [NOW - MAX_SPAN_LENGTH_MS - S, NOW], 'too-long'],
  ])('%s', (_label, span, expected) => {
    expect(checkSpan(span, NOW)).toBe(expected);
  });
});

describe('accountSpans', () => {
  it('counts a fresh span once and remembers it', () => {
    const result = accountSpans({
      spans: [[NOW - 30 * S, NOW - 20 * S]],
      now: NOW,
      dayStartHour: 4,
      counted: [],
      allowed: everywhere,
    });
    expect(total(result.pieces)).toBe(10 * S);
    expect(result.counted).toEqual([[NOW - 30 * S, NOW - 20 * S]]);
  });

  it('a re-sent span counts nothing the second time (idempotent)', () => {
    const span: Interval = [NOW - 30 * S, NOW - 20 * S];
    const first = accountSpans({ spans: [span], now: NOW, dayStartHour: 4, counted: [], allowed: everywhere });
    const again = accountSpans({
      spans: [span, span],
      now: NOW,
      dayStartHour: 4,
      counted: first.counted,
      allowed: everywhere,
    });
    expect(again.pieces).toEqual([]);
    expect(again.counted).toEqual(first.counted);
  });

  it('a re-send that overlaps and extends counts only the new part', () => {
    const first = accountSpans({
      spans: [[NOW - 30 * S, NOW - 20 * S]],
      now: NOW,
      dayStartHour: 4,
      counted: [],
      allowed: everywhere,
    });
    const next = accountSpans({
      spans: [[NOW - 25 * S, NOW - 10 * S]],
      now: NOW,
      dayStartHour: 4,
      counted: first.counted,
      allowed: everywhere,
    });
    expect(total(next.pieces)).toBe(10 * S);
  });

  it('two tabs reporting the same minute count it once', () => {
    const tabA: Interval = [NOW - 60 * S, NOW];
    const tabB: Interval = [NOW - 45 * S, NOW - 15 * S];
    const result = accountSpans({ spans: [tabA, tabB], now: NOW, dayStartHour: 4, counted: [], allowed: everywhere });
    expect(total(result.pieces)).toBe(60 * S);
  });

  it('clips a span to when its tab was in front (tab switch)', () => {
    // Tab 1 in front until NOW-30s, then tab 2.
    let timeline = recordActivation({}, 7, 1, NOW - 120 * S);
    timeline = recordActivation(timeline, 7, 2, NOW - 30 * S);
    const tab1 = accountSpans({
      spans: [[NOW - 60 * S, NOW]],
      now: NOW,
      dayStartHour: 4,
      counted: [],
      allowed: ([s, e]) => activeIntervals(timeline, 7, 1, s, e),
    });
    expect(total(tab1.pieces)).toBe(30 * S);
    const tab2 = accountSpans({
      spans: [[NOW - 60 * S, NOW]],
      now: NOW,
      dayStartHour: 4,
      counted: tab1.counted,
      allowed: ([s, e]) => activeIntervals(timeline, 7, 2, s, e),
    });
    expect(total(tab2.pieces)).toBe(30 * S);
  });

  it('splits at the day boundary', () => {
    const boundary = Date.UTC(2026, 10, 22, 4, 0);
    const result = accountSpans({
      spans: [[boundary - 5 * S, boundary + 5 * S]],
      now: boundary + 10 * S,
      dayStartHour: 4,
      counted: [],
      allowed: everywhere,
    });
    expect(result.pieces.map((p) => [p.day, p.end - p.start])).toEqual([
      ['2026-11-21', 5 * S],
      ['2026-11-22', 5 * S],
    ]);
  });

  it('rejects bad spans with a reason and still counts the good ones', () => {
    const result = accountSpans({
      spans: [
        [NOW + 3_600_000, NOW + 3_700_000],
        [NOW - 10 * S, NOW],
      ],
      now: NOW,
      dayStartHour: 4,
      counted: [],
      allowed: everywhere,
    });
    expect(result.rejected.map((r) => r.reason)).toEqual(['future']);
    expect(total(result.pieces)).toBe(10 * S);
  });

  it('forgets counted time older than it needs for de-duplication', () => {
    const result = accountSpans({
      spans: [],
      now: NOW,
      dayStartHour: 4,
      counted: [
        [NOW - 30 * 3_600_000, NOW - 29 * 3_600_000],
        [NOW - 60 * S, NOW],
      ],
      allowed: everywhere,
    });
    expect(result.counted).toEqual([[NOW - 60 * S, NOW]]);
  });
});

describe('tab timeline', () => {
  it('trusts the report before anything is known about the window', () => {
    expect(activeIntervals({}, 1, 5, 0, 10)).toEqual([[0, 10]]);
    const timeline = recordActivation({}, 1, 5, 20);
    expect(activeIntervals(timeline, 1, 6, 0, 30)).toEqual([[0, 20]]);
  });

  it('a tab that goes back and forth gets each of its stretches', () => {
    let timeline = recordActivation({}, 1, 5, 0);
    timeline = recordActivation(timeline, 1, 6, 10);
    timeline = recordActivation(timeline, 1, 5, 20);
    timeline = recordActivation(timeline, 1, 6, 30);
    expect(activeIntervals(timeline, 1, 5, 0, 40)).toEqual([
      [0, 10],
      [20, 30],
    ]);
  });

  it('windows are independent', () => {
    let timeline = recordActivation({}, 1, 5, 0);
    timeline = recordActivation(timeline, 2, 9, 0);
    expect(activeIntervals(timeline, 2, 9, 0, 10)).toEqual([[0, 10]]);
    expect(activeIntervals(timeline, 1, 9, 0, 10)).toEqual([]);
  });

  it('re-activating the same tab changes nothing', () => {
    const timeline = recordActivation({}, 1, 5, 0);
    expect(recordActivation(timeline, 1, 5, 50)).toBe(timeline);
  });

  it('prunes old events but keeps the one that tells who was in front', () => {
    const hour = 3_600_000;
    let timeline = recordActivation({}, 1, 5, 0);
    timeline = recordActivation(timeline, 1, 6, hour);
    timeline = recordActivation(timeline, 1, 7, 10 * hour);
    expect(timeline['1']?.map((e) => e.tabId)).toEqual([6, 7]);
  });
});
