/**
 * The toolbar badge in words: its tooltip (colour is never the only signal) and, during a
 * feed-free time, its one short word.
 */
import { t } from '@/utils/i18n';
import type { Badge, BadgeTitle } from '@/utils/limits/badge';
import { getSite } from '@/utils/sites/registry';
import { numberText, untilText } from './format';

const siteName = (id: string) => getSite(id)?.name ?? id;

export function badgeTitleText(title: BadgeTitle): string {
  switch (title.kind) {
    case 'today':
      return t('badgeTitleToday', numberText(title.minutes));
    case 'paused':
      return t('badgeTitlePaused', numberText(title.minutes));
    case 'extra':
      return t('badgeTitleExtra', numberText(title.minutes));
    case 'feed-free':
      return title.label
        ? t('badgeTitleFeedFreeNamed', [untilText(title.until), title.label])
        : t('badgeTitleFeedFree', untilText(title.until));
    case 'left':
      return title.site === undefined
        ? t('badgeTitleLeft', numberText(title.minutes))
        : t('badgeTitleLeftSite', [numberText(title.minutes), siteName(title.site)]);
    case 'nearly':
      return title.site === undefined
        ? t('badgeTitleNearly', numberText(title.minutes))
        : t('badgeTitleNearlySite', [numberText(title.minutes), siteName(title.site)]);
    case 'reached':
      return title.site === undefined
        ? t('badgeTitleReached', numberText(title.limitMinutes))
        : t('badgeTitleReachedSite', [numberText(title.limitMinutes), siteName(title.site)]);
  }
}

/** The badge's text: its number, or the short word for a feed-free time. */
export function badgeText(badge: Badge): string {
  return badge.title.kind === 'feed-free' ? t('badgeTextFeedFree') : badge.text;
}
