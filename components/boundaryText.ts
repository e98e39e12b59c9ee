/**
 * The words of the boundary screen and the warning notice: which message says what, and the
 * local time a boundary lifts. Components stay free of sentence-building.
 */
import { type MessageKey, t } from '@/utils/i18n';

/** Every message the boundary screen and the warning notice use (listed in public/_locales/en). */
export type BoundaryMessageKey =
  | 'boundaryLimitHeading'
  | 'boundaryFeedFreeHeading'
  | 'boundaryLimitTextOverall'
  | 'boundaryLimitTextSite'
  | 'boundaryFeedFreeText'
  | 'boundaryFeedFreeTextNamed'
  | 'boundaryCareLine'
  | 'boundaryLeave'
  | 'boundaryReflect'
  | 'boundaryMoreMinutes'
  | 'boundaryNoExtraLeft'
  | 'boundaryPauseTodayLink'
  | 'boundaryPausePanelLabel'
  | 'boundaryPauseStarted'
  | 'boundaryPauseDone'
  | 'boundaryExtend'
  | 'boundaryPauseToday'
  | 'boundaryBack'
  | 'boundaryExtendFailed'
  | 'boundaryPauseTodayFailed'
  | 'warningOverall'
  | 'warningSite'
  | 'warningDismiss';

/**
 * `t` for these keys. The cast only bridges the time between writing a message here and WXT
 * regenerating its typed key list from messages.json.
 */
export function say(key: BoundaryMessageKey, substitutions?: string | string[]): string {
  return t(key as string as MessageKey, substitutions);
}

/** "04:00" (or "4:00 AM", as her locale writes it): when feeds open again. */
export function liftTime(epochMs: number, locale?: string): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

export interface BoundaryWords {
  kind: 'limit' | 'feed-free';
  siteName: string;
  scope?: 'overall' | 'site';
  limitMinutes?: number;
  windowLabel?: string;
  liftsAt: number;
}

export function boundaryHeading({ kind, siteName }: BoundaryWords): string {
  return kind === 'limit' ? say('boundaryLimitHeading', siteName) : say('boundaryFeedFreeHeading');
}

/** What boundary she set and when it lifts. */
export function boundaryText(words: BoundaryWords): string {
  const time = liftTime(words.liftsAt);
  if (words.kind === 'feed-free') {
    const label = words.windowLabel?.trim();
    return label
      ? say('boundaryFeedFreeTextNamed', [label, words.siteName, time])
      : say('boundaryFeedFreeText', [words.siteName, time]);
  }
  const minutes = String(words.limitMinutes ?? 0);
  return words.scope === 'site'
    ? say('boundaryLimitTextSite', [minutes, words.siteName, time])
    : say('boundaryLimitTextOverall', [minutes, time]);
}

export function warningText(scope: 'overall' | 'site', minutesLeft: number, siteName: string): string {
  const minutes = String(Math.max(1, Math.ceil(minutesLeft)));
  return scope === 'site' ? say('warningSite', [minutes, siteName]) : say('warningOverall', minutes);
}
