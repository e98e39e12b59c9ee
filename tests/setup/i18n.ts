/**
 * WXT's fake browser has no i18n: give it one that reads our real English messages (and says
 * the browser's language is US English),
 * with Chrome's placeholder rules, so tests see the text users see (and a missing key shows).
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en/messages.json';

type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (messages as Record<string, MessageEntry>)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_match, index: string) => subs[Number(index) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_match, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : '';
  });
}

function install() {
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
  // Tests that need another language spy on it.
  (fakeBrowser.i18n as { getUILanguage: () => string }).getUILanguage = () => 'en-US';
}

install();
beforeEach(() => {
  fakeBrowser.reset();
  install();
});
