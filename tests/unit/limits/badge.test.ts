import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, BADGE_TITLES, type Badge, badgeFor, badgeNumber } from '@/utils/limits/badge';
import { type BoundarySettings, DEFAULT_BOUNDARY_SETTINGS, type FeedFreeWindow } from '@/utils/limits/boundarySettings';
import { type BoundaryDayState, freshDayState } from '@/utils/limits/stateRecords';
import { useTimeZone } from '../../helpers/timeZone';

useTimeZone('Europe/Berlin');

const MINUTE = 60_000;
const DAY_START = 4;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const local = (h: number, mi = 0) => new Date(2026, 10, 21, h, mi).getTime(); // Saturday 2026-11-21
const settingsWith = (patch: Partial<BoundarySettings>): BoundarySettings => ({
  ...DEFAULT_BOUNDARY_SETTINGS,
  ...patch,
});
const state = (patch: Partial<BoundaryDayState> = {}): BoundaryDayState => ({
  ...freshDayState('2026-11-21'),
  ...patch,
});
const usage = (bySite: Record<string, number>) => ({
  todayMsBySite: Object.fromEntries(Object.entries(bySite).map(([site, value]) => [site, value * MINUTE])),
});
const win = (id: string, start: string, end: string, label = ''): FeedFreeWindow => ({
  id,
  start,
  end,
  days: EVERY_DAY,
  label,
});

function badge(
  patch: Partial<BoundarySettings>,
  used: Record<string, number>,
  options: { dayState?: BoundaryDayState; site?: string; at?: [number, number] } = {},
): Badge {
  return badgeFor({
    now: local(...(options.at ?? [15, 0])),
    settings: settingsWith(patch),
    usage: usage(used),
    dayState: options.dayState ?? state(),
    dayStartHour: DAY_START,
    site: options.site,
  });
}

describe('badgeFor', () => {
  it.each<[string, Partial<BoundarySettings>, Record<string, number>, string, keyof typeof BADGE_COLORS, string]>([
    ['no limit: today’s minutes', {}, { instagram: 30, tiktok: 12.7 }, '42', 'calm', '42 min of feeds today'],
    ['nothing yet', {}, {}, '0', 'calm', '0 min of feeds today'],
    [
      'overall limit: minutes left',
      { dailyLimitMinutes: 30 },
      { instagram: 18 },
      '12',
      'calm',
      '12 min of feeds left today',
    ],
    [
      'at the warning point: amber, and said in words',
      { dailyLimitMinutes: 30 },
      { instagram: 24 },
      '6',
      'warning',
      'Nearly at today’s limit: 6 min of feeds left',
    ],
    [
      'at the limit: rose, 0',
      { dailyLimitMinutes: 30 },
      { instagram: 30 },
      '0',
      'limit',
      'Today’s 30 min of feeds are used up',
    ],
    [
      'past the limit: still 0',
      { dailyLimitMinutes: 30 },
      { instagram: 95 },
      '0',
      'limit',
      'Today’s 30 min of feeds are used up',
    ],
    [
      'site limits only, without a site: today’s minutes, not another site’s count-down',
      { siteLimits: { tiktok: 5 } },
      { tiktok: 4, instagram: 20 },
      '24',
      'calm',
      '24 min of feeds today',
    ],
    [
      'a large limit shows whole minutes up to 999',
      { dailyLimitMinutes: 1440 },
      { instagram: 500 },
      '940',
      'calm',
      '940 min of feeds left today',
    ],
    ['a very long day shows hours', {}, { youtube: 1300 }, '21h', 'calm', '1300 min of feeds today'],
  ])('%s', (_label, patch, used, text, level, title) => {
    const result = badge(patch, used);
    expect(result).toMatchObject({ text, level, color: BADGE_COLORS[level], title });
    expect(result.text.length).toBeLessThanOrEqual(4);
  });

  it('with a site: the tighter of its own limit and the overall one, named', () => {
    const patch = { dailyLimitMinutes: 30, siteLimits: { instagram: 10 } };
    expect(badge(patch, { instagram: 4 }, { site: 'instagram' })).toMatchObject({
      text: '6',
      level: 'calm',
      title: '6 min of Instagram left today',
    });
    expect(badge(patch, { instagram: 9 }, { site: 'instagram' })).toMatchObject({
      text: '1',
      level: 'warning',
      title: 'Nearly at today’s limit for Instagram: 1 min left',
    });
    expect(badge(patch, { instagram: 10 }, { site: 'instagram' })).toMatchObject({
      text: '0',
      level: 'limit',
      title: 'Today’s 10 min of Instagram are used up',
    });
    expect(badge(patch, { instagram: 4, reddit: 25 }, { site: 'instagram' })).toMatchObject({
      text: '1',
      title: 'Nearly at today’s limit: 1 min of feeds left',
    });
  });

  it('extra minutes taken at the limit count as minutes left', () => {
    expect(
      badge(
        { dailyLimitMinutes: 30 },
        { instagram: 31 },
        { dayState: state({ extensionsUsed: 1, extraMsGranted: 5 * MINUTE }) },
      ),
    ).toMatchObject({ text: '4', level: 'warning' });
  });

  it('during a feed-free time: "off" in rose, until when in words', () => {
    const patch = { feedFreeWindows: [win('bedtime', '19:00', '20:00', 'Bedtime routine')], dailyLimitMinutes: 30 };
    expect(badge(patch, { instagram: 5 }, { at: [19, 30] })).toMatchObject({
      text: 'off',
      level: 'limit',
      color: BADGE_COLORS.limit,
      title: 'Feed-free time until 20:00: Bedtime routine',
      message: { key: 'badgeTitleFeedFreeNamed', substitutions: ['20:00', 'Bedtime routine'] },
    });
    const unnamed = { feedFreeWindows: [win('w', '19:00', '20:00'), win('v', '20:00', '21:30')] };
    expect(badge(unnamed, {}, { at: [19, 30] }).title).toBe('Feed-free time until 21:30');
  });

  it('while extra minutes from a feed-free time run: those minutes, in amber', () => {
    const patch = { feedFreeWindows: [win('bedtime', '19:00', '20:00')] };
    const dayState = state({ extensionsUsed: 1, extraUntil: local(19, 34) });
    expect(badge(patch, {}, { at: [19, 30], dayState })).toMatchObject({
      text: '4',
      level: 'warning',
      title: 'A few more minutes: 4 min left',
    });
  });

  it('paused for today: today’s minutes, and the title says limits are off', () => {
    expect(
      badge({ dailyLimitMinutes: 30 }, { instagram: 45 }, { dayState: state({ pausedForToday: true }) }),
    ).toMatchObject({ text: '45', level: 'calm', title: 'Limits are off for today; 45 min of feeds so far' });
  });

  it('gives the i18n key and substitutions for every title', () => {
    const result = badge({ dailyLimitMinutes: 30 }, { instagram: 18 });
    expect(result.message).toEqual({ key: 'badgeTitleLeft', substitutions: ['12'] });
    expect(BADGE_TITLES[result.message.key].replace('$1', '12')).toBe(result.title);
  });
});

describe('badgeNumber: at most 4 characters', () => {
  it.each([
    [0, '0'],
    [12, '12'],
    [999, '999'],
    [1000, '16h'],
    [5999, '99h'],
    [6000, '99h+'],
    [1e9, '99h+'],
    [-3, '0'],
    [Number.NaN, '0'],
    [7.9, '7'],
  ])('%d → %s', (minutes, text) => {
    expect(badgeNumber(minutes)).toBe(text);
  });
});
