/**
 * The words of the boundary screen and the warning notice: which message says what, and the
 * local time a boundary lifts. Components stay free of sentence-building.
 */
import { t } from '@/utils/i18n';

/** "04:00" (or "4:00 AM", as her locale writes it): when feeds open again. */
export function liftTime(epochMs: number, locale?: string): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

export interface BoundaryWords {
  kind: 'limit' | 'feed-free';
  /** "Instagram". */
  siteName: string;
  /** For a limit: which limit was reached. */
  scope?: 'overall' | 'site';
  /** For a limit: its minutes. */
  limitMinutes?: number;
  /** For a feed-free time: its name ("Bedtime routine"); may be empty. */
  windowLabel?: string;
  /** Epoch ms when the boundary lifts, shown as local time. */
  liftsAt: number;
}

export function boundaryHeading({ kind, siteName }: BoundaryWords): string {
  return kind === 'limit' ? t('boundaryLimitHeading', siteName) : t('boundaryFeedFreeHeading');
}

/** What boundary she set and when it lifts. */
export function boundaryText(words: BoundaryWords): string {
  const time = liftTime(words.liftsAt);
  if (words.kind === 'feed-free') {
    const label = words.windowLabel?.trim();
    return label
      ? t('boundaryFeedFreeTextNamed', [label, words.siteName, time])
      : t('boundaryFeedFreeText', [words.siteName, time]);
  }
  const minutes = String(words.limitMinutes ?? 0);
  return words.scope === 'site'
    ? t('boundaryLimitTextSite', [minutes, words.siteName, time])
    : t('boundaryLimitTextOverall', [minutes, time]);
}

export function warningText(scope: 'overall' | 'site', minutesLeft: number, siteName: string): string {
  const minutes = String(Math.max(1, Math.ceil(minutesLeft)));
  return scope === 'site' ? t('warningSite', [minutes, siteName]) : t('warningOverall', minutes);
}
