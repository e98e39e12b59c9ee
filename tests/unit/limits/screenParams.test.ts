import { describe, expect, it } from 'vitest';
import { readScreenQuery, type ScreenParams, screenQuery } from '@/utils/limits/screenParams';

const limit: ScreenParams = {
  kind: 'limit',
  site: 'instagram',
  scope: 'site',
  limitMinutes: 15,
  liftsAt: Date.UTC(2026, 11, 5, 4),
  extensionsLeft: 2,
  extraMinutes: 5,
  pauseSeconds: 10,
};

describe('the boundary screen’s address', () => {
  it('carries a limit and a named feed-free time there and back', () => {
    expect(readScreenQuery(screenQuery(limit))).toEqual({ ...limit, siteName: 'Instagram' });
    const feedFree: ScreenParams = {
      ...limit,
      kind: 'feed-free',
      scope: undefined,
      limitMinutes: undefined,
      windowLabel: 'Tea & homework',
    };
    const { scope, limitMinutes, ...expected } = feedFree;
    expect(readScreenQuery(`?${screenQuery(feedFree)}`)).toEqual({ ...expected, siteName: 'Instagram' });
  });

  it('falls back to calm defaults when the address was tampered with', () => {
    const read = readScreenQuery(
      '?kind=<script>&site=evil.example&scope=everything&limit=-3&lifts=soon&left=99&extra=0&pause=1&label=' +
        'x'.repeat(500),
    );
    expect(read).toMatchObject({
      kind: 'limit',
      site: '',
      siteName: '',
      limitMinutes: 1,
      extensionsLeft: 0,
      extraMinutes: 5,
      pauseSeconds: 10,
    });
    expect(read).not.toHaveProperty('scope');
    expect(read.windowLabel).toHaveLength(60);
    expect(Number.isFinite(read.liftsAt)).toBe(true);
  });
});
