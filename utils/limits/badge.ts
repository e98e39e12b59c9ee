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
 * - During a feed-free time: a short word ("off": feeds are off until it lifts); while extra minutes from a
 *   feed-free time run: the minutes of that extra time left.
 * - Paused for today: today's feed minutes, and the title says limits are off.
 *
 * Colour: calm slate normally, warm amber from the warning point (and while extra time runs),
 * deep rose at the limit and during a feed-free time.
 *
 * The title is data (`BadgeTitle`: what to say, with its numbers and names); the background
 * puts it into words with the messages (components/text/badge.ts).
 */
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

/**
 * What the badge's title says. `site` is set when a site's own limit is the one meant; times
 * are epoch ms (the words say them as local clock times).
 */
export type BadgeTitle =
  | { kind: 'today'; minutes: number }
  | { kind: 'left'; minutes: number; site?: string }
  | { kind: 'nearly'; minutes: number; site?: string }
  | { kind: 'reached'; limitMinutes: number; site?: string }
  | { kind: 'feed-free'; until: number; label: string }
  | { kind: 'extra'; minutes: number }
  | { kind: 'paused'; minutes: number };

export interface Badge {
  text: string;
  color: (typeof BADGE_COLORS)[BadgeLevel];
  level: BadgeLevel;
  title: BadgeTitle;
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

function badge(text: string, level: BadgeLevel, title: BadgeTitle): Badge {
  return { text, color: BADGE_COLORS[level], level, title };
}

export function badgeFor({ now, settings, usage, dayState, dayStartHour, site }: BadgeInput): Badge {
  const state = dayStateFor(now, dayStartHour, dayState);
  const usedMinutes = Math.floor(totalUsedMs(usage) / 60_000);
  if (state.pausedForToday) return badge(badgeNumber(usedMinutes), 'calm', { kind: 'paused', minutes: usedMinutes });

  const feedFree = activeFeedFreeWindow(now, settings.feedFreeWindows);
  const binding = bindingLimit(settings, usage, state, site);
  // Extra minutes from a feed-free time lift every boundary while they run (see decide.ts);
  // they show only while a boundary would otherwise hold.
  if (extraTimeRunning(state, now) && (feedFree || (binding && binding.leftMs <= 0))) {
    const left = minutesLeftOf((state.extraUntil as number) - now);
    return badge(badgeNumber(left), 'warning', { kind: 'extra', minutes: left });
  }
  if (feedFree) {
    // The badge says a word here, not a number: the words module gives it (`badgeTextFeedFree`).
    return badge('', 'limit', {
      kind: 'feed-free',
      until: feedFree.liftsAt,
      label: feedFree.window.label,
    });
  }

  if (!binding) return badge(badgeNumber(usedMinutes), 'calm', { kind: 'today', minutes: usedMinutes });

  const siteOfLimit = binding.scope === 'site' && site !== undefined ? { site } : {};
  if (binding.leftMs <= 0) {
    return badge('0', 'limit', { kind: 'reached', limitMinutes: binding.limitMinutes, ...siteOfLimit });
  }
  const left = minutesLeftOf(binding.leftMs);
  return binding.warning
    ? badge(badgeNumber(left), 'warning', { kind: 'nearly', minutes: left, ...siteOfLimit })
    : badge(badgeNumber(left), 'calm', { kind: 'left', minutes: left, ...siteOfLimit });
}
