/**
 * Sends a message into the background's `runtime.onMessage` listeners as a given sender
 * would (WXT's fake `sendMessage` has no sender), and waits for the answer the way Chrome
 * delivers it: at once through `sendResponse`, or later after the listener returned true.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Sender = { id?: string; url?: string; frameId?: number; tab?: { id: number; windowId: number } };

/** A top-frame page of this extension's content script at `url`. */
export const sender = (url: string, tabId = 1, windowId = 1): Sender => ({
  id: fakeBrowser.runtime.id,
  url,
  frameId: 0,
  tab: { id: tabId, windowId },
});

export async function sendAs<T>(message: unknown, from: Sender): Promise<T | undefined> {
  let answered = false;
  let respond: (reply: T) => void = () => undefined;
  const reply = new Promise<T>((resolve) => {
    respond = (value) => {
      answered = true;
      resolve(value);
    };
  });
  const results = await fakeBrowser.runtime.onMessage.trigger(message, from as never, respond);
  if (!answered && !results.some((result: unknown) => result === true)) return undefined;
  return reply;
}
