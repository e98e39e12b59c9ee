/**
 * The one message protocol: every request a page or extension page sends the background, with
 * the valibot schema its data must pass and the type of its reply, in one map. Anything
 * arriving from a content script is untrusted (a page can be hostile): the background parses it
 * here before acting, and a site is never taken from the data, only from the sender.
 * A new message is one entry in `REQUESTS` and one in `Replies`. Pure.
 *
 * On the wire: `{ type, data }`. A malformed message, an unknown type or a failed handler gets
 * `{ error }` (see `MessageError`), the same for every type.
 */
import * as v from 'valibot';
import type { BoundaryActionReply } from '../limits/decide';
import { NUDGE_OUTCOMES } from '../nudges/rotation';
import type { NudgeBlockReason } from '../nudges/scheduler';

/** At most this many spans per report; content scripts send every few seconds. */
export const MAX_SPANS_PER_REPORT = 500;

const Finite = v.pipe(v.number(), v.finite());
const Milliseconds = v.pipe(Finite, v.minValue(0));

const SpanSchema = v.pipe(
  v.strictTuple([Finite, Finite]),
  v.check(([start, end]) => end > start),
);

const Empty = v.strictObject({});

export const REQUESTS = {
  /** Page → background: closed spans of activity on this tab's page. */
  'activity/report': v.strictObject({ spans: v.pipe(v.array(SpanSchema), v.maxLength(MAX_SPANS_PER_REPORT)) }),
  /** Boundary screen → background: a few more minutes, after the pause that began at `pauseStartedAt`. */
  'boundary/extend': v.strictObject({ pauseStartedAt: Milliseconds }),
  /** Boundary screen → background: limits off for the rest of today, after the same pause. */
  'boundary/pauseToday': v.strictObject({ pauseStartedAt: Milliseconds }),
  /** Page → background: today's quiet warning was shown on this site. */
  'boundary/warned': Empty,
  /** Boundary screen → background: close this tab. */
  'boundary/leave': Empty,
  /** Boundary screen → background: open the place to reflect. */
  'boundary/reflect': Empty,
  /** Feed page → background: may a reminder show now? */
  'nudge/request': v.strictObject({
    activeMsOnPage: Milliseconds,
    activeMsSinceLastNudge: Milliseconds,
    scrollPxSinceLastNudge: Milliseconds,
    typingAt: v.optional(Milliseconds),
    pageVisible: v.boolean(),
    boundaryShown: v.boolean(),
  }),
  /** Feed page → background: what she did with a reminder. */
  'nudge/outcome': v.strictObject({
    nudgeId: v.pipe(v.string(), v.maxLength(200)),
    outcome: v.picklist(NUDGE_OUTCOMES),
  }),
} as const;

export interface ActivityReportReply {
  ok: boolean;
  /** Spans the background is done with (stored, or refused as invalid): forget them. */
  settled: number;
  countedMs: number;
}

export type NudgeReply =
  | { show: true; nudgeId: string; messageKey: string; shownAt: number }
  | { show: false; reason: NudgeBlockReason | 'not-tracked' };

/** The reply to each request. */
export interface Replies {
  'activity/report': ActivityReportReply;
  'boundary/extend': BoundaryActionReply;
  'boundary/pauseToday': BoundaryActionReply;
  'boundary/warned': BoundaryActionReply;
  'boundary/leave': BoundaryActionReply;
  'boundary/reflect': BoundaryActionReply;
  'nudge/request': NudgeReply;
  'nudge/outcome': { ok: boolean };
}

export type MessageType = keyof typeof REQUESTS & keyof Replies;
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof REQUESTS)[K]>;
export type ReplyOf<K extends MessageType> = Replies[K];

/** The one error reply: the message was not one of ours, or its handler failed. */
export type MessageError = { error: 'invalid-message' | 'failed' };

export type Envelope = { [K in MessageType]: { type: K; data: RequestOf<K> } }[MessageType];

export function isMessageError(reply: unknown): reply is MessageError {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}

/** A message as sent, or undefined when it is not a well-formed request of a known type. */
export function parseMessage(message: unknown): Envelope | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(REQUESTS, type)) return undefined;
  const parsed = v.safeParse(REQUESTS[type as MessageType], data);
  return parsed.success ? ({ type, data: parsed.output } as Envelope) : undefined;
}
