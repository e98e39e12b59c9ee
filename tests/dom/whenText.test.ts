// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { boundaryText } from '@/components/text/boundary';
import { atText, resetFormatters, untilText } from '@/components/text/format';
import { useTimeZone } from '../helpers/timeZone';

useTimeZone('UTC');
beforeEach(() => resetFormatters());

/** 22 November 2026 at `hour`:00 UTC. */
const at = (hour: number, day = 22) => Date.UTC(2026, 10, day, hour, 0);

describe('times that may be past midnight', () => {
  it('says “at” for later today and “tomorrow at” after midnight', () => {
    expect(atText(at(23), at(22))).toMatch(/^at 11:00\s?PM$/);
    expect(atText(at(4, 23), at(22))).toMatch(/^tomorrow at 04:00\s?AM$/);
    expect(untilText(at(20), at(19))).toMatch(/^until 08:00\s?PM$/);
    expect(untilText(at(4, 23), at(22))).toMatch(/^until tomorrow at 04:00\s?AM$/);
  });

  it('a boundary screen at 22:00 that lifts at 04:00 says tomorrow', () => {
    const text = boundaryText({
      kind: 'limit',
      siteName: 'Instagram',
      scope: 'overall',
      limitMinutes: 30,
      liftsAt: at(4, 23),
      now: at(22),
    });
    expect(text).toMatch(/^Your 30-minute limit for feeds today is reached\. It lifts tomorrow at 04:00\s?AM\.$/);
  });
});
