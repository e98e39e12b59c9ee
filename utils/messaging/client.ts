/**
 * Sending a request to the background: typed by the request, so the reply's type comes from
 * the protocol and no caller can claim another. `undefined` instead of an error when there is
 * no usable answer (the worker is restarting, the extension was updated, an error reply):
 * callers keep their state and try again later.
 */
import { browser } from 'wxt/browser';
import type { MessageType, ReplyOf, RequestOf } from './protocol';
import { isMessageError } from './wire';

export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ReplyOf<K> | undefined> {
  try {
    const reply: unknown = await browser.runtime.sendMessage({ type, data });
    if (reply === undefined || isMessageError(reply)) return undefined;
    // The protocol's promise: the background answers `type` with `ReplyOf<K>` (router.ts).
    return reply as ReplyOf<K>;
  } catch {
    return undefined;
  }
}
