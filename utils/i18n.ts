/**
 * Product text comes from `browser.i18n` messages (public/_locales). This is the one place
 * that reads them, so a missing key is visible instead of an empty string.
 */
import { browser } from 'wxt/browser';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: MessageKey, substitutions?: string | string[]): string {
  const message = browser.i18n.getMessage(key, substitutions as string[]);
  return message || `[${key}]`;
}

/** An extension page's title and language, from the messages (ready for another locale). */
export function nameThisPage(title: MessageKey): void {
  document.title = t(title);
  document.documentElement.lang = t('@@ui_locale').replace('_', '-');
}
