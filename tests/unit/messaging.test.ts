import { describe, expect, it } from 'vitest';
import { MAX_SPANS_PER_REPORT, parseContentMessage } from '@/utils/messaging';

describe('parseContentMessage', () => {
  it('accepts a well-formed report and drops extra fields such as a claimed site', () => {
    expect(parseContentMessage({ type: 'activity/report', spans: [[1, 2]], site: 'x' })).toEqual({
      type: 'activity/report',
      spans: [[1, 2]],
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'activity/report'],
    ['an unknown type', { type: 'ledger/wipe', spans: [] }],
    ['spans not an array', { type: 'activity/report', spans: '1-2' }],
    ['a span with three numbers', { type: 'activity/report', spans: [[1, 2, 3]] }],
    ['a span of strings', { type: 'activity/report', spans: [['1', '2']] }],
    ['a backwards span', { type: 'activity/report', spans: [[5, 1]] }],
    ['an infinite span', { type: 'activity/report', spans: [[1, Number.POSITIVE_INFINITY]] }],
    [
      'too many spans',
      { type: 'activity/report', spans: Array.from({ length: MAX_SPANS_PER_REPORT + 1 }, (_, i) => [i, i + 0.5]) },
    ],
  ])('refuses %s', (_label, message) => {
    expect(parseContentMessage(message)).toBeUndefined();
  });
});
