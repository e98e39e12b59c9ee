/**
 * What the toolbar badge shows: text (at most 4 characters), colour, and a title that says
 * the same in words (colour is never the only signal). Pure.
 *
 * What the number means:
 * - With an overall daily limit: minutes of feeds left today (extra minutes included).
 * - With no overall limit: today's feed minutes, even when some sites have their own limit.
 *   A global badge saying "4" because TikTok has 4 minutes left while she is on Instagram
 *   would mislead; so site limits show only when `site` is given (the tab's site, for a
 *   per-tab badge), and then the tighter of that site's limit and the overall one counts.
 * - During a feed-free time: "off" (feeds are off until it lifts); while extra minutes from a
 *   feed-free time run: the minutes of that extra time left.
 * - Paused for today: today's feed minutes, and the title says limits are off.
 *
 * Colour: calm slate normally, warm amber from the warning point (and while extra time runs),
 * deep rose at the limit and during a feed-free time.
 *
 * Titles come with an i18n key and substitutions (`message`) as well as in English (`title`),
 * so the shell can pass them through `browser.i18n`; `BADGE_TITLES` holds the English texts
 * with `$1`/`$2` for the numbers and names.
 */
import { getSite } from '../sites/registry';
import type { BoundarySettings } from './boundarySettings';
import { type BoundaryUsage, bindingLimit, extraTimeRunning, minutesLeftOf, totalUsedMs } from './decide';
import { activeFeedFreeWindow } from './schedule';
import { type BoundaryDayState, dayStateFor } from './stateRecords';

export const BADGE_COLORS = {
  calm: '#4A5D7A',
  // Darker than a typical amber so the white badge text keeps 4.5:1 contrast.
  warning: '#A35E0C',
  limit: '#A23B5A',
} as const;

export type BadgeLevel = keyof typeof BADGE_COLORS;

/** Badge text during a feed-free time. */
export const BADGE_TEXT_FEED_FREE = 'off';

export const BADGE_TITLES = {
  badgeTitleToday: '$1 min of feeds today',
  badgeTitleLeft: '$1 min of feeds left today',
  badgeTitleLeftSite: '$1 min of $2 left today',
  badgeTitleNearly: 'Nearly at today’s limit: $1 min of feeds left',
  badgeTitleNearlySite: 'Nearly at today’s limit for $2: $1 min left',
  badgeTitleReached: 'Today’s $1 min of feeds are used up',
  badgeTitleReachedSite: 'Today’s $1 min of $2 are used up',
  badgeTitleFeedFree: 'Feed-free time until $1',
  badgeTitleFeedFreeNamed: 'Feed-free time until $1: $2',
  badgeTitleExtra: 'A few more minutes: $1 min left',
  badgeTitlePaused: 'Limits are off for today; $1 min of feeds so far',
} as const;

export type BadgeTitleKey = keyof typeof BADGE_TITLES;

export interface Badge {
  text: string;
  color: (typeof BADGE_COLORS)[BadgeLevel];
  level: BadgeLevel;
  /** The title in English. */
  title: string;
  /** The same title as an i18n message key and its substitutions. */
  message: { key: BadgeTitleKey; substitutions: string[] };
}

export interface BadgeInput {
  now: number;
  settings: BoundarySettings;
  usage: BoundaryUsage;
  dayState: BoundaryDayState | null | undefined;
  dayStartHour: number;
  /** The site of the tab the badge is for; omit for the window-wide badge. */
  site?: string;
}

/** A number of minutes in at most 4 characters: "0", "999", "16h", "99h+". */
export function badgeNumber(minutes: number): string {
  const whole = Number.isFinite(minutes) ? Math.max(0, Math.floor(minutes)) : 0;
  if (whole < 1000) return String(whole);
  const hours = Math.floor(whole / 60);
  return hours < 100 ? `${hours}h` : '99h+';
}

/** Local `HH:MM`. */
function clockOf(time: number): string {
  const date = new Date(time);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function badge(text: string, level: BadgeLevel, key: BadgeTitleKey, substitutions: string[]): Badge {
  const title = BADGE_TITLES[key].replace(/\$(\d)/g, (_match, index: string) => substitutions[Number(index) - 1] ?? '');
  return { text, color: BADGE_COLORS[level], level, title, message: { key, substitutions } };
}

export function badgeFor({ now, settings, usage, dayState, dayStartHour, site }: BadgeInput): Badge {
  const state = dayStateFor(now, dayStartHour, dayState);
  const usedMinutes = Math.floor(totalUsedMs(usage) / 60_000);
  if (state.pausedForToday) {
    return badge(badgeNumber(usedMinutes), 'calm', 'badgeTitlePaused', [String(usedMinutes)]);
  }

  const feedFree = activeFeedFreeWindow(now, settings.feedFreeWindows);
  const binding = bindingLimit(settings, usage, state, site);
  // Extra minutes from a feed-free time lift every boundary while they run (see decide.ts);
  // they show only while a boundary would otherwise hold.
  if (extraTimeRunning(state, now) && (feedFree || (binding && binding.leftMs <= 0))) {
    const left = minutesLeftOf((state.extraUntil as number) - now);
    return badge(badgeNumber(left), 'warning', 'badgeTitleExtra', [String(left)]);
  }
  if (feedFree) {
    const until = clockOf(feedFree.liftsAt);
    const label = feedFree.window.label;
    return label
      ? badge(BADGE_TEXT_FEED_FREE, 'limit', 'badgeTitleFeedFreeNamed', [until, label])
      : badge(BADGE_TEXT_FEED_FREE, 'limit', 'badgeTitleFeedFree', [until]);
  }

  if (!binding) return badge(badgeNumber(usedMinutes), 'calm', 'badgeTitleToday', [String(usedMinutes)]);

  const siteName = binding.scope === 'site' && site !== undefined ? (getSite(site)?.name ?? site) : undefined;
  const withSite = (substitutions: string[]) => (siteName === undefined ? substitutions : [...substitutions, siteName]);
  if (binding.leftMs <= 0) {
    return badge(
      '0',
      'limit',
      siteName === undefined ? 'badgeTitleReached' : 'badgeTitleReachedSite',
      withSite([String(binding.limitMinutes)]),
    );
  }
  const left = minutesLeftOf(binding.leftMs);
  if (binding.warning) {
    return badge(
      badgeNumber(left),
      'warning',
      siteName === undefined ? 'badgeTitleNearly' : 'badgeTitleNearlySite',
      withSite([String(left)]),
    );
  }
  return badge(
    badgeNumber(left),
    'calm',
    siteName === undefined ? 'badgeTitleLeft' : 'badgeTitleLeftSite',
    withSite([String(left)]),
  );
}
