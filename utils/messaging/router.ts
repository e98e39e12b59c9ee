/**
 * The background's side of the protocol: one `runtime.onMessage` listener that parses each
 * message (protocol.ts) and dispatches it to its handler. Handlers live in each feature's
 * background module; this table only joins them, and the type checker makes sure every request
 * type has exactly one. A malformed message gets `{ error: 'invalid-message' }`; a handler that
 * throws is logged once and answered `{ error: 'failed' }`.
 */
import { type MessageError, type MessageType, parseMessage, type ReplyOf, type RequestOf } from './protocol';

/** Who sent a message, as the browser says (never as the message says). */
export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; windowId?: number };
}

export type Handler<K extends MessageType> = (data: RequestOf<K>, sender: MessageSender) => Promise<ReplyOf<K>>;
export type Handlers = { [K in MessageType]: Handler<K> };

export const INVALID_MESSAGE: MessageError = { error: 'invalid-message' };
export const FAILED: MessageError = { error: 'failed' };

type Listener = (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => boolean;

/** The `runtime.onMessage` listener for `handlers`; messages from other extensions are ignored. */
export function createRouter(
  handlers: Handlers,
  ownId: string,
  log: (error: unknown) => void = console.error,
): Listener {
  return (message, sender, sendResponse) => {
    if (sender.id !== ownId) return false;
    const envelope = parseMessage(message);
    if (!envelope) {
      sendResponse(INVALID_MESSAGE);
      return false;
    }
    const handler = handlers[envelope.type] as Handler<MessageType>;
    Promise.resolve()
      .then(() => handler(envelope.data, sender))
      .then(sendResponse, (error: unknown) => {
        log(error);
        sendResponse(FAILED);
      });
    // The answer comes later: Chrome and Firefox keep the channel open when the listener returns true.
    return true;
  };
}
