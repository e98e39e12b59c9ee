/**
 * The words of the boundary screen and the warning notice: which message says what, the local
 * time a boundary lifts, and why a request was refused. Components stay free of sentence-building.
 */
import { t } from '@/utils/i18n';
import type { BoundaryRefusal } from '@/utils/limits/decide';
import { atText, numberText } from './format';

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
  /** Now (for "tomorrow at …"); the clock's time by default. */
  now?: number;
}

export function boundaryHeading({ kind, siteName, scope }: BoundaryWords): string {
  if (kind !== 'limit') return t('boundaryFeedFreeHeading');
  return scope === 'overall' ? t('boundaryOverallHeading') : t('boundaryLimitHeading', siteName);
}

/** What boundary she set and when it lifts. */
export function boundaryText(words: BoundaryWords): string {
  const time = atText(words.liftsAt, words.now);
  if (words.kind === 'feed-free') {
    const label = words.windowLabel?.trim();
    return label
      ? t('boundaryFeedFreeTextNamed', [label, words.siteName, time])
      : t('boundaryFeedFreeText', [words.siteName, time]);
  }
  const minutes = numberText(words.limitMinutes ?? 0);
  return words.scope === 'site'
    ? t('boundaryLimitTextSite', [minutes, words.siteName, time])
    : t('boundaryLimitTextOverall', [minutes, time]);
}

export function warningText(scope: 'overall' | 'site', minutesLeft: number, siteName: string): string {
  const minutes = numberText(Math.max(1, Math.ceil(minutesLeft)));
  return scope === 'site' ? t('warningSite', [minutes, siteName]) : t('warningOverall', minutes);
}

/** Why the screen's request was refused; `undefined` (no answer, an error) reads as "try again". */
export function refusalText(refusal: BoundaryRefusal | undefined): string {
  switch (refusal?.code) {
    case 'no-extra-chosen':
      return t('refusalNoExtraChosen');
    case 'no-extra-left':
      return t('refusalNoExtraLeft', numberText(refusal.perDay));
    case 'pause-not-over':
      return refusal.secondsLeft === 1
        ? t('refusalPauseOneSecond')
        : t('refusalPauseSeconds', numberText(refusal.secondsLeft));
    case 'not-here':
      return t('refusalNotHere');
    default:
      return t('refusalTryAgain');
  }
}
