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

export type ContentToBackground = ActivityReport;

export function parseContentMessage(message: unknown): ContentToBackground | undefined {
  const result = v.safeParse(ActivityReportSchema, message);
  return result.success ? { type: result.output.type, spans: result.output.spans } : undefined;
}
