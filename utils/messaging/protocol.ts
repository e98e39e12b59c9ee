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
import { AFTER_FEELINGS, type CheckInQuestion, MAX_CHECK_IN_NOTE } from '../checkins/checkIns';
import { type AppliedBoundary, FEELINGS, type FiledEntry, MAX_ENTRY_CHARS } from '../journal/entries';
import { BoundaryChoiceSchema, type ReflectionContext } from '../journal/reflection';
import type { BoundaryActionReply } from '../limits/decide';
import { ACCOUNT_ACTIONS, type AccountsState, type Suggestion } from '../mute/accounts';
import { DisplayName, Handle, MAX_SIGHTINGS_PER_REPORT, SightingSchema } from '../mute/exposure';
import { MAX_TEXT_LENGTH, MAX_TEXTS_PER_REQUEST } from '../mute/limits';
import { NUDGE_OUTCOMES } from '../nudges/rotation';
import type { NudgeBlockReason } from '../nudges/scheduler';
import { type ImportProblem, type ImportSummary, MAX_IMPORT_BYTES } from '../storage/importData';

import { MAX_SPANS_PER_REPORT } from './wire';

export { MAX_SPANS_PER_REPORT };

const Finite = v.pipe(v.number(), v.finite());
const Milliseconds = v.pipe(Finite, v.minValue(0));

const SpanSchema = v.pipe(
  v.strictTuple([Finite, Finite]),
  v.check(([start, end]) => end > start),
);

const Empty = v.strictObject({});
const ShortId = v.pipe(v.string(), v.maxLength(100));
/**
 * Journal text as sent: more than an entry may hold, so an entry too long is refused with a
 * reason she can act on rather than as a malformed message.
 */
const MAX_JOURNAL_TEXT = 4 * MAX_ENTRY_CHARS;

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
  /** A card's frame → background: what she chose, for the page's script of its tab (utils/frames.ts). */
  'frame/done': v.strictObject({ frame: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), what: ShortId }),
  /** Feed page → background: may a reminder show now? */
  'nudge/request': v.strictObject({
    activeMsOnPage: Milliseconds,
    activeMsSinceLastNudge: Milliseconds,
    scrollPxSinceLastNudge: Milliseconds,
    typingAt: v.optional(Milliseconds),
    pageVisible: v.boolean(),
    boundaryShown: v.boolean(),
    /** Share of recent posts that looked like comparison traps, when the page knows it. */
    comparisonSignal: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  }),
  /** Feed page → background: what she did with a reminder. */
  'nudge/outcome': v.strictObject({
    nudgeId: v.pipe(v.string(), v.maxLength(200)),
    outcome: v.picklist(NUDGE_OUTCOMES),
  }),
  /** Feed page → background: comparison-trap posts seen per account since the last report. */
  'posts/seen': v.strictObject({
    sightings: v.pipe(v.array(SightingSchema), v.maxLength(MAX_SIGHTINGS_PER_REPORT)),
  }),
  /** Feed page → background: "this made me feel worse" about the account behind a post. */
  'posts/markWorse': v.strictObject({ handle: Handle, name: v.optional(DisplayName) }),
  /** Feed page → background: what she chose on a suggestion card, for an account on this site. */
  'posts/act': v.strictObject({
    handle: Handle,
    name: v.optional(DisplayName),
    action: v.picklist(ACCOUNT_ACTIONS),
  }),
  /** Feed page → background: which of these post texts look like comparison traps. */
  'posts/classify': v.strictObject({
    texts: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH))), v.maxLength(MAX_TEXTS_PER_REQUEST)),
  }),
  /** Mute suggestion card → background: open the reflection for this site (in the popup). */
  'posts/reflect': Empty,
  /** Feed page → background: whether post detection finds posts on this site's feed. */
  'posts/detection': v.strictObject({ working: v.boolean() }),
  /** Popup → background: undo or change a decision about an account on any site. */
  'accounts/act': v.strictObject({
    site: v.pipe(v.string(), v.maxLength(40)),
    handle: Handle,
    action: v.picklist(ACCOUNT_ACTIONS),
  }),
  /** Popup → background: her own trigger words (replacing the list). */
  'accounts/triggerWords': v.strictObject({
    words: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200)),
  }),
  /** Extension page → background: save a journal entry written after a prompt. */
  'journal/save': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_JOURNAL_TEXT)),
    promptId: v.optional(ShortId),
    /** The feed site she had open, if any. */
    site: v.optional(ShortId),
  }),
  /** Extension page → background: her newest entries. */
  'journal/recent': v.strictObject({ limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)) }),
  /** Extension page → background: change the words of one entry. */
  'journal/edit': v.strictObject({
    day: ShortId,
    id: ShortId,
    text: v.pipe(v.string(), v.maxLength(MAX_JOURNAL_TEXT)),
  }),
  /** Extension page → background: delete one entry. */
  'journal/delete': v.strictObject({ day: ShortId, id: ShortId }),
  /** Extension page → background: what the reflection flow needs to know of this moment on `site`. */
  'reflection/context': v.strictObject({ site: v.optional(ShortId) }),
  /** Extension page → background: save a reflection and apply its boundary, both or neither. */
  'reflection/save': v.strictObject({
    site: v.optional(ShortId),
    feelings: v.pipe(v.array(v.picklist(FEELINGS)), v.maxLength(FEELINGS.length)),
    text: v.pipe(v.string(), v.maxLength(MAX_JOURNAL_TEXT)),
    fed: v.pipe(v.string(), v.maxLength(MAX_JOURNAL_TEXT)),
    choice: v.optional(BoundaryChoiceSchema),
  }),
  /** Extension page → background: take back the boundary set with an entry (the entry stays). */
  'reflection/undo': v.strictObject({ day: ShortId, id: ShortId }),
  /** Extension page → background: a long session to ask about here, if any (it counts as asked). */
  'checkin/question': v.strictObject({ where: v.picklist(['popup', 'boundary']), site: v.optional(ShortId) }),
  /** Extension page → background: how she feels after a session, and a note if she wrote one. */
  'checkin/answer': v.strictObject({
    day: ShortId,
    sessionId: ShortId,
    feeling: v.picklist(AFTER_FEELINGS),
    note: v.optional(v.pipe(v.string(), v.maxLength(MAX_CHECK_IN_NOTE))),
  }),
  /** Extension page → background: she closed the question about a session without answering. */
  'checkin/dismiss': v.strictObject({ day: ShortId, sessionId: ShortId }),
  /** Extension page → background: "Don't ask me this" (or ask again). */
  'checkin/off': v.strictObject({ off: v.boolean() }),
  /** Dashboard → background: delete everything this extension keeps. */
  'data/deleteAll': Empty,
  /** Dashboard → background: import an export file (read again there), merged with hers or replacing it. */
  'data/import': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES + 1)),
    mode: v.picklist(['merge', 'replace']),
  }),
} as const;

/** Why a journal entry was not saved (the page says it in words; her text stays where it was). */
export type JournalRefusal = 'empty' | 'too-long' | 'day-full' | 'not-found' | 'not-here';
export type JournalReply = { ok: true; entry: FiledEntry } | { ok: false; reason: JournalRefusal };

/** Why a reflection was not saved; nothing of it was applied or kept. */
export type ReflectionRefusal = JournalRefusal | 'boundary-failed' | 'too-many-windows' | 'entry-failed';
export type ReflectionReply =
  | { ok: true; entry: FiledEntry; applied: AppliedBoundary | null }
  | { ok: false; reason: ReflectionRefusal };

export interface ActivityReportReply {
  ok: boolean;
  /** Spans the background is done with (stored, or refused as invalid): forget them. */
  settled: number;
  countedMs: number;
}

export type NudgeReply =
  /** `first`: her first reminder ever (the card says, once, that reminders change). */
  | { show: true; nudgeId: string; messageKey: string; shownAt: number; first?: true }
  /** Instead of a reminder, the one-tap question about this long session (it counts as one). */
  | { show: true; checkIn: CheckInQuestion }
  | { show: false; reason: NudgeBlockReason | 'not-tracked' };

/** The reply to each request. */
export interface Replies {
  'activity/report': ActivityReportReply;
  'boundary/extend': BoundaryActionReply;
  'boundary/pauseToday': BoundaryActionReply;
  'boundary/warned': BoundaryActionReply;
  'boundary/leave': BoundaryActionReply;
  /** Whether it reached the page. */
  'frame/done': boolean;
  'nudge/request': NudgeReply;
  'nudge/outcome': { ok: boolean };
  'posts/seen': { suggestion: Suggestion | null };
  'posts/classify': { verdicts: { trap: boolean; themes: string[] }[] };
  'posts/markWorse': { suggestion: Suggestion | null };
  'posts/act': { ok: boolean };
  'posts/detection': { ok: boolean };
  'posts/reflect': { ok: boolean };
  'accounts/act': { ok: boolean; accounts: AccountsState };
  'accounts/triggerWords': { ok: boolean; accounts: AccountsState };
  'journal/save': JournalReply;
  'journal/recent': { entries: FiledEntry[]; unreadable: number };
  'journal/edit': JournalReply;
  'journal/delete': { ok: boolean };
  'reflection/context': ReflectionContext;
  'reflection/save': ReflectionReply;
  'reflection/undo': { ok: boolean };
  'checkin/question': { question: CheckInQuestion | null };
  'checkin/answer': { ok: boolean };
  'checkin/dismiss': { ok: boolean };
  'checkin/off': { ok: boolean };
  'data/deleteAll': { ok: boolean };
  'data/import':
    | { ok: true; summary: ImportSummary }
    | { ok: false; problem: ImportProblem | { code: 'not-here' } | { code: 'failed' } };
}

export type MessageType = keyof typeof REQUESTS & keyof Replies;
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof REQUESTS)[K]>;
export type ReplyOf<K extends MessageType> = Replies[K];

/** The one error reply: the message was not one of ours, or its handler failed (errors.ts). */
export { isMessageError, type MessageError } from './wire';

export type Envelope = { [K in MessageType]: { type: K; data: RequestOf<K> } }[MessageType];

/** A message as sent, or undefined when it is not a well-formed request of a known type. */
export function parseMessage(message: unknown): Envelope | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(REQUESTS, type)) return undefined;
  const parsed = v.safeParse(REQUESTS[type as MessageType], data);
  return parsed.success ? ({ type, data: parsed.output } as Envelope) : undefined;
}
