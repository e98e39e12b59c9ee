/**
 * Numbers, durations and times of day in her browser's language: the words come from the
 * messages, the numbers and clock times from `Intl` for the browser's UI locale. The one place
 * that formats them, so the badge, the popup and the boundary screen say a time the same way.
 */
import { browser } from 'wxt/browser';
import { wholeMinutes } from '@/utils/format';
import { t } from '@/utils/i18n';

let locale: string | undefined;
let numbers: Intl.NumberFormat | undefined;
let clock: Intl.DateTimeFormat | undefined;
let moment: Intl.DateTimeFormat | undefined;

/** The browser's UI language (`en-GB`), or undefined for the runtime's default. */
export function uiLocale(): string | undefined {
  if (locale === undefined) {
    try {
      locale = browser.i18n.getUILanguage?.() || '';
    } catch {
      locale = '';
    }
  }
  return locale || undefined;
}

/** Forget the cached locale and formatters (tests switch languages and time zones). */
export function resetFormatters(): void {
  locale = undefined;
  numbers = undefined;
  clock = undefined;
  moment = undefined;
}

/** A whole number as her locale writes it ("1,440"). */
export function numberText(value: number): string {
  numbers ??= new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 0 });
  return numbers.format(value);
}

/** A local time of day as her locale writes it ("19:00", or "7:00 PM"). */
export function clockText(epochMs: number): string {
  clock ??= new Intl.DateTimeFormat(uiLocale(), { hour: '2-digit', minute: '2-digit' });
  return clock.format(epochMs);
}

/** Whether `epochMs` is on a later calendar day than `now`, in local time (after midnight). */
export function laterDay(epochMs: number, now: number): boolean {
  return epochMs > now && new Date(epochMs).toDateString() !== new Date(now).toDateString();
}

/** "at 19:00", or "tomorrow at 04:00" when the time is past midnight: when something lifts. */
export function atText(epochMs: number, now = Date.now()): string {
  return t(laterDay(epochMs, now) ? 'whenTomorrowAt' : 'whenAt', clockText(epochMs));
}

/** "until 19:00", or "until tomorrow at 04:00". */
export function untilText(epochMs: number, now = Date.now()): string {
  return t(laterDay(epochMs, now) ? 'whenUntilTomorrow' : 'whenUntil', clockText(epochMs));
}

/** A day and time as her locale writes it ("Fri, 4 Dec, 20:15"): when an entry was written. */
export function momentText(epochMs: number): string {
  moment ??= new Intl.DateTimeFormat(uiLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return moment.format(epochMs);
}

/** "under a minute", "7 min", "1 h 5 min". */
export function durationText(ms: number): string {
  const minutes = wholeMinutes(ms);
  if (minutes < 1) return ms > 0 ? t('lessThanAMinute') : t('minutesShort', numberText(0));
  if (minutes < 60) return t('minutesShort', numberText(minutes));
  return t('hoursMinutesShort', [numberText(Math.floor(minutes / 60)), numberText(minutes % 60)]);
}
