import { describe, expect, it } from 'vitest';
import { extendSession, SESSION_GAP_MS } from '@/utils/time/sessions';

const MIN = 60_000;
const piece = (start: number, end: number, site = 'instagram') => ({ site, day: '2026-11-22', start, end });

describe('extendSession', () => {
  it('starts a session when there is none', () => {
    expect(extendSession(undefined, piece(0, MIN))).toEqual({
      id: 'instagram-0',
      site: 'instagram',
      day: '2026-11-22',
      start: 0,
      end: MIN,
      activeMs: MIN,
    });
  });

  it.each([
    ['a short break continues the session', 2 * MIN, true],
    ['a break exactly the gap continues it', SESSION_GAP_MS, true],
    ['a longer break starts a new one', SESSION_GAP_MS + 1, false],
  ])('%s', (_label, gap, continues) => {
    const first = extendSession(undefined, piece(0, MIN));
    const next = extendSession(first, piece(MIN + gap, 2 * MIN + gap));
    expect(next.id === first.id).toBe(continues);
    expect(next.activeMs).toBe(continues ? 2 * MIN : MIN);
  });

  it('a piece arriving late (from another report) widens the session without double time', () => {
    const first = extendSession(undefined, piece(10 * MIN, 11 * MIN));
    const late = extendSession(first, piece(9 * MIN, 10 * MIN));
    expect([late.start, late.end, late.activeMs]).toEqual([9 * MIN, 11 * MIN, 2 * MIN]);
  });

  it('another site never extends the session', () => {
    const first = extendSession(undefined, piece(0, MIN, 'x'));
    expect(extendSession(first, piece(MIN, 2 * MIN)).id).not.toBe(first.id);
  });
});
