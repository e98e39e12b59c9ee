import { describe, expect, it } from 'vitest';
import {
  type AskContext,
  askedToday,
  type CheckIn,
  MAX_CHECK_INS_PER_DAY,
  questionFor,
} from '@/utils/checkins/checkIns';
import type { SessionRecord } from '@/utils/time/sessions';
import { useTimeZone } from '../../helpers/timeZone';

useTimeZone('UTC');

const MIN = 60_000;
/** Friday 4 December 2026, 20:00 UTC. */
const NOW = Date.UTC(2026, 11, 4, 20);
const DAY = '2026-12-04';

const session = (
  id: string,
  site: string,
  endMinutesAgo: number,
  activeMinutes: number,
): SessionRecord & { day: string } => ({
  id,
  site,
  day: DAY,
  start: NOW - (endMinutesAgo + activeMinutes) * MIN,
  end: NOW - endMinutesAgo * MIN,
  activeMs: activeMinutes * MIN,
});

const at = (where: AskContext['where'], site?: string, patch: Partial<AskContext> = {}): AskContext => ({
  now: NOW,
  dayStartHour: 4,
  off: false,
  where,
  ...(site ? { site } : {}),
  ...patch,
});

const asked = (sessionId: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  sessionId,
  site: 'instagram',
  start: 0,
  activeMs: 20 * MIN,
  askedAt: NOW - 60 * MIN,
  ...extra,
});

describe('questionFor', () => {
  it.each([
    ['a 15-minute session ended 6 minutes ago', [session('a', 'instagram', 6, 15)], 'a'],
    ['a 14-minute session', [session('a', 'instagram', 6, 14)], undefined],
    ['a long session still going (ended 2 minutes ago)', [session('a', 'instagram', 2, 40)], undefined],
    ['a long session ended 13 hours ago', [session('a', 'instagram', 13 * 60, 40)], undefined],
    ['the latest of two long sessions', [session('old', 'x', 120, 30), session('new', 'instagram', 30, 16)], 'new'],
  ])('popup: %s', (_name, sessions, expected) => {
    expect(questionFor(sessions, [], at('popup'))?.sessionId).toBe(expected);
  });

  it('the popup asks again about one it asked before but not one answered or closed', () => {
    const sessions = [session('a', 'instagram', 30, 20)];
    expect(questionFor(sessions, [asked('a')], at('popup'))?.sessionId).toBe('a');
    expect(questionFor(sessions, [asked('a', { feeling: 'same' })], at('popup'))).toBeUndefined();
    expect(questionFor(sessions, [asked('a', { dismissedAt: NOW })], at('popup'))).toBeUndefined();
  });

  it('the boundary screen asks about this site’s session, which the limit ends now', () => {
    const sessions = [session('a', 'instagram', 0, 15), session('b', 'x', 0, 30)];
    expect(questionFor(sessions, [], at('boundary', 'instagram'))?.sessionId).toBe('a');
    expect(questionFor([session('a', 'instagram', 0, 10)], [], at('boundary', 'instagram'))).toBeUndefined();
  });

  it('the feed asks after 20 continuous minutes, once', () => {
    expect(questionFor([session('a', 'instagram', 0, 19)], [], at('feed', 'instagram'))).toBeUndefined();
    expect(questionFor([session('a', 'instagram', 0, 20)], [], at('feed', 'instagram'))?.sessionId).toBe('a');
    expect(questionFor([session('a', 'instagram', 0, 25)], [asked('a')], at('feed', 'instagram'))).toBeUndefined();
    expect(questionFor([session('a', 'instagram', 0, 25)], [], at('feed', 'x'))).toBeUndefined();
  });

  it('asks nothing once she said "Don’t ask me this"', () => {
    expect(questionFor([session('a', 'instagram', 6, 30)], [], at('popup', undefined, { off: true }))).toBeUndefined();
  });

  it('never more than three questions a day: a fourth session waits; one already asked still shows', () => {
    const today = ['p', 'q', 'r'].map((id) => asked(id, { askedAt: NOW - 30 * MIN, feeling: 'same' }));
    expect(askedToday(today, NOW, 4)).toBe(MAX_CHECK_INS_PER_DAY);
    expect(questionFor([session('a', 'instagram', 6, 30)], today, at('popup'))).toBeUndefined();
    const withA = [...today.slice(0, 2), asked('a', { askedAt: NOW - 10 * MIN })];
    expect(questionFor([session('a', 'instagram', 6, 30)], withA, at('popup'))?.sessionId).toBe('a');
  });

  it('counts the day by her day start: asked at 02:00 is the evening before', () => {
    const lateNight = asked('z', { askedAt: Date.UTC(2026, 11, 5, 2) });
    expect(askedToday([lateNight], Date.UTC(2026, 11, 4, 22), 4)).toBe(1);
    expect(askedToday([lateNight], Date.UTC(2026, 11, 5, 5), 4)).toBe(0);
  });
});
