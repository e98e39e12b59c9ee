import { describe, expect, it } from 'vitest';
import {
  BADGE_COLORS,
  type Badge,
  type BadgeLevel,
  type BadgeTitle,
  badgeFor,
  badgeNumber,
} from '@/utils/limits/badge';
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
  it.each<[string, Partial<BoundarySettings>, Record<string, number>, string, BadgeLevel, BadgeTitle]>([
    ['no limit: today’s minutes', {}, { instagram: 30, tiktok: 12.7 }, '42', 'calm', { kind: 'today', minutes: 42 }],
    ['nothing yet', {}, {}, '0', 'calm', { kind: 'today', minutes: 0 }],
    [
      'overall limit: minutes left',
      { dailyLimitMinutes: 30 },
      { instagram: 18 },
      '12',
      'calm',
      { kind: 'left', minutes: 12 },
    ],
    [
      'seconds used round the minutes left up',
      { dailyLimitMinutes: 30 },
      { instagram: 17.5 },
      '13',
      'calm',
      { kind: 'left', minutes: 13 },
    ],
    [
      'at the warning point: amber, and nearly at the limit',
      { dailyLimitMinutes: 30 },
      { instagram: 24 },
      '6',
      'warning',
      { kind: 'nearly', minutes: 6 },
    ],
    [
      'at the limit: rose, 0',
      { dailyLimitMinutes: 30 },
      { instagram: 30 },
      '0',
      'limit',
      { kind: 'reached', limitMinutes: 30 },
    ],
    [
      'past the limit: still 0',
      { dailyLimitMinutes: 30 },
      { instagram: 95 },
      '0',
      'limit',
      { kind: 'reached', limitMinutes: 30 },
    ],
    [
      'site limits only, without a site: today’s minutes, not another site’s count-down',
      { siteLimits: { tiktok: 5 } },
      { tiktok: 4, instagram: 20 },
      '24',
      'calm',
      { kind: 'today', minutes: 24 },
    ],
    [
      'a large limit shows whole minutes up to 999',
      { dailyLimitMinutes: 1440 },
      { instagram: 500 },
      '940',
      'calm',
      { kind: 'left', minutes: 940 },
    ],
    ['a very long day shows hours', {}, { youtube: 1300 }, '21h', 'calm', { kind: 'today', minutes: 1300 }],
  ])('%s', (_label, patch, used, text, level, title) => {
    expect(badge(patch, used)).toEqual({ text, level, color: BADGE_COLORS[level], title });
  });

  it.each<[string, Record<string, number>, string, BadgeLevel, BadgeTitle]>([
    ['its own limit, named', { instagram: 4 }, '6', 'calm', { kind: 'left', minutes: 6, site: 'instagram' }],
    ['nearly at its own limit', { instagram: 9 }, '1', 'warning', { kind: 'nearly', minutes: 1, site: 'instagram' }],
    [
      'its own limit reached',
      { instagram: 10 },
      '0',
      'limit',
      { kind: 'reached', limitMinutes: 10, site: 'instagram' },
    ],
    [
      'the overall limit, when tighter: no site named',
      { instagram: 4, reddit: 25 },
      '1',
      'warning',
      { kind: 'nearly', minutes: 1 },
    ],
    [
      'the overall limit reached first: no site named',
      { instagram: 4, reddit: 30 },
      '0',
      'limit',
      { kind: 'reached', limitMinutes: 30 },
    ],
  ])('with a site: the tighter of its own limit and the overall one (%s)', (_label, used, text, level, title) => {
    const patch = { dailyLimitMinutes: 30, siteLimits: { instagram: 10 } };
    expect(badge(patch, used, { site: 'instagram' })).toEqual({ text, level, color: BADGE_COLORS[level], title });
  });

  it('with a site that has no limit of its own: the overall limit, no site named', () => {
    expect(badge({ dailyLimitMinutes: 30, siteLimits: { instagram: 10 } }, { x: 10 }, { site: 'x' }).title).toEqual({
      kind: 'left',
      minutes: 20,
    });
  });

  it('extra minutes taken at the limit count as minutes left', () => {
    expect(
      badge(
        { dailyLimitMinutes: 30 },
        { instagram: 31 },
        { dayState: state({ extensionsUsed: 1, extraMsGranted: 5 * MINUTE }) },
      ),
    ).toEqual({ text: '4', level: 'warning', color: BADGE_COLORS.warning, title: { kind: 'nearly', minutes: 4 } });
  });

  it('during a feed-free time: rose, no number, until when and its name', () => {
    const patch = { feedFreeWindows: [win('bedtime', '19:00', '20:00', 'Bedtime routine')], dailyLimitMinutes: 30 };
    expect(badge(patch, { instagram: 5 }, { at: [19, 30] })).toEqual({
      text: '',
      level: 'limit',
      color: BADGE_COLORS.limit,
      title: { kind: 'feed-free', until: local(20), label: 'Bedtime routine' },
    });
    const unnamed = { feedFreeWindows: [win('w', '19:00', '20:00'), win('v', '20:00', '21:30')] };
    expect(badge(unnamed, {}, { at: [19, 30] }).title).toEqual({ kind: 'feed-free', until: local(21, 30), label: '' });
  });

  it('while extra minutes from a feed-free time run: those minutes, in amber', () => {
    const patch = { feedFreeWindows: [win('bedtime', '19:00', '20:00')] };
    const dayState = state({ extensionsUsed: 1, extraUntil: local(19, 34) });
    expect(badge(patch, {}, { at: [19, 30], dayState })).toEqual({
      text: '4',
      level: 'warning',
      color: BADGE_COLORS.warning,
      title: { kind: 'extra', minutes: 4 },
    });
  });

  it('extra minutes from a feed-free time show only while a boundary would hold', () => {
    const patch = { feedFreeWindows: [win('bedtime', '19:00', '20:00')], dailyLimitMinutes: 30 };
    const dayState = state({ extensionsUsed: 1, extraUntil: local(20, 3) });
    expect(badge(patch, { instagram: 10 }, { at: [20, 1], dayState }).title).toEqual({ kind: 'left', minutes: 20 });
    expect(badge(patch, { instagram: 30 }, { at: [20, 1], dayState }).title).toEqual({ kind: 'extra', minutes: 2 });
  });

  it('paused for today: today’s minutes, and the title says limits are off', () => {
    expect(badge({ dailyLimitMinutes: 30 }, { instagram: 45 }, { dayState: state({ pausedForToday: true }) })).toEqual({
      text: '45',
      level: 'calm',
      color: BADGE_COLORS.calm,
      title: { kind: 'paused', minutes: 45 },
    });
  });

  it('a paused state from yesterday does not pause today', () => {
    const yesterday = { ...state({ pausedForToday: true }), day: '2026-11-20' };
    expect(badge({ dailyLimitMinutes: 30 }, { instagram: 45 }, { dayState: yesterday }).title).toEqual({
      kind: 'reached',
      limitMinutes: 30,
    });
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
