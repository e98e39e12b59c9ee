/**
 * Typed messages between contexts, and their validation. Anything arriving from a content
 * script is untrusted (a page can be hostile): it is parsed here before the background acts,
 * and the site is never taken from the payload, only from the sender.
 */
import * as v from 'valibot';
import type { Interval } from './time/intervals';

/** At most this many spans per report; content scripts send every few seconds. */
export const MAX_SPANS_PER_REPORT = 500;

const SpanSchema = v.pipe(
  v.strictTuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]),
  v.check(([start, end]) => end > start, 'A span ends after it starts.'),
);

/** content → background: closed spans of activity on this tab's page. */
export const ActivityReportSchema = v.object({
  type: v.literal('activity/report'),
  spans: v.pipe(v.array(SpanSchema), v.maxLength(MAX_SPANS_PER_REPORT)),
});

export type ActivityReport = { type: 'activity/report'; spans: Interval[] };

export interface ActivityReportReply {
  ok: boolean;
  /** Spans the background is done with (stored, or refused as invalid): forget them. */
  settled: number;
  countedMs: number;
  error?: string;
}

const PauseStartedAt = v.pipe(v.number(), v.finite(), v.minValue(0));

/** Boundary screen → background: the actions it offers. The site comes from the sender. */
export const BoundaryMessageSchema = v.variant('type', [
  v.object({ type: v.literal('boundary/extend'), pauseStartedAt: PauseStartedAt }),
  v.object({ type: v.literal('boundary/pauseToday'), pauseStartedAt: PauseStartedAt }),
  v.object({ type: v.literal('boundary/warned') }),
  v.object({ type: v.literal('boundary/leave') }),
  v.object({ type: v.literal('boundary/reflect') }),
]);

export type BoundaryMessage = v.InferOutput<typeof BoundaryMessageSchema>;

const Milliseconds = v.pipe(v.number(), v.finite(), v.minValue(0));

/** Feed page → background: may a reminder show now? And what she did with one. */
export const NudgeMessageSchema = v.variant('type', [
  v.object({
    type: v.literal('nudge/request'),
    activeMsOnPage: Milliseconds,
    activeMsSinceLastNudge: Milliseconds,
    scrollPxSinceLastNudge: Milliseconds,
    typingAt: v.optional(Milliseconds),
    pageVisible: v.boolean(),
    boundaryShown: v.boolean(),
  }),
  v.object({
    type: v.literal('nudge/outcome'),
    nudgeId: v.pipe(v.string(), v.maxLength(200)),
    outcome: v.picklist(['helped', 'not-now', 'dismissed-fast', 'snoozed-hour', 'snoozed-today', 'ignored']),
  }),
]);

export type NudgeMessage = v.InferOutput<typeof NudgeMessageSchema>;

export type ContentToBackground = ActivityReport | BoundaryMessage | NudgeMessage;

export function parseContentMessage(message: unknown): ContentToBackground | undefined {
  const report = v.safeParse(ActivityReportSchema, message);
  if (report.success) return { type: report.output.type, spans: report.output.spans };
  const boundary = v.safeParse(BoundaryMessageSchema, message);
  if (boundary.success) return boundary.output;
  const nudge = v.safeParse(NudgeMessageSchema, message);
  return nudge.success ? nudge.output : undefined;
}
