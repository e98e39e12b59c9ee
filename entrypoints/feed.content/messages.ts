/**
 * The page's one way to the background: a typed message, and `undefined` instead of an error
 * when the worker is restarting or the extension was updated (callers keep their state and
 * try again later).
 */
import { browser } from 'wxt/browser';
import type { ContentToBackground } from '@/utils/messaging';

export async function sendToBackground<T>(message: ContentToBackground): Promise<T | undefined> {
  try {
    return (await browser.runtime.sendMessage(message)) as T | undefined;
  } catch {
    return undefined;
  }
}
