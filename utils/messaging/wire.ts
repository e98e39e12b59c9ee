/**
 * What the page's script needs of the protocol, apart from its schemas (so it does not pull
 * every request's schema into the page): the one error reply, and the bound on a report.
 */

/** At most this many spans per report; content scripts send every few seconds. */
export const MAX_SPANS_PER_REPORT = 500;

export type MessageError = { error: 'invalid-message' | 'failed' };

export function isMessageError(reply: unknown): reply is MessageError {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}
