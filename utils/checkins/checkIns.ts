/**
 * Check-ins after long sessions: one tap on how she feels after a feed session of 15 active
 * minutes or more, asked where it doesn't interrupt (the popup, the boundary screen when a limit
 * ends the session, a small card after 20 minutes of continuous scrolling), never more than 3
 * times a day, and never again once she says "Don't ask me this". Kept in the ledger beside the
 * sessions (`checkins/<day the session began>`, one entry per session), so tracking's writes
 * and these never touch the same record. Pure.
 */
import * as v from 'valibot';
import { type DayKey, dayKeyOf, isDayKey } from '../time/day';
import { SESSION_GAP_MS, type SessionRecord } from '../time/sessions';

export const CHECK_IN_SCHEMA_VERSION = 1;
/** A session this long (active time) is worth asking about when it ends. */
export const CHECK_IN_MIN_ACTIVE_MS = 15 * 60_000;
/** Continuous scrolling this long brings the question to the feed's corner. */
export const CHECK_IN_CARD_AFTER_MS = 20 * 60_000;
/** The popup asks about the latest long session for this long after it ended. */
export const CHECK_IN_PENDING_MS = 12 * 60 * 60_000;
/** Questions a day, at most, wherever they are asked. */
export const MAX_CHECK_INS_PER_DAY = 3;
/** Characters in the optional note. */
export const MAX_CHECK_IN_NOTE = 500;

export const AFTER_FEELINGS = ['better', 'same', 'bit-worse', 'much-worse'] as const;
export type AfterFeeling = (typeof AFTER_FEELINGS)[number];

/** Where the question was first put to her. */
export const ASKED_WHERE = ['popup', 'boundary', 'feed'] as const;
export type AskedWhere = (typeof ASKED_WHERE)[number];

const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const Short = v.pipe(v.string(), v.maxLength(200));

const CheckInSchema = v.object({
  sessionId: Short,
  site: Short,
  /** The session as it was when she was asked (or answered). */
  start: Time,
  activeMs: Time,
  /** Reminders shown during the session, and comparison-trap posts seen in it. */
  remindersShown: v.optional(Count),
  trapPosts: v.optional(Count),
  askedAt: v.optional(Time),
  askedWhere: v.optional(v.picklist(ASKED_WHERE)),
  feeling: v.optional(v.picklist(AFTER_FEELINGS)),
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_CHECK_IN_NOTE))),
  answeredAt: v.optional(Time),
  /** She closed the question without answering: not asked about this session again. */
  dismissedAt: v.optional(Time),
});
export type CheckIn = v.InferOutput<typeof CheckInSchema>;

export const DayCheckInsSchema = v.object({
  schemaVersion: v.literal(CHECK_IN_SCHEMA_VERSION),
  day: v.pipe(
    v.string(),
    v.check((value) => isDayKey(value)),
  ),
  checkIns: v.pipe(v.array(CheckInSchema), v.maxLength(500)),
});
export type DayCheckInsRecord = { schemaVersion: number; day: DayKey; checkIns: CheckIn[] };

export const emptyDayCheckIns = (day: DayKey): DayCheckInsRecord => ({
  schemaVersion: CHECK_IN_SCHEMA_VERSION,
  day,
  checkIns: [],
});

/** A session worth asking about, with where it is filed. */
export interface CheckInQuestion {
  day: DayKey;
  sessionId: string;
  site: string;
  start: number;
  end: number;
  activeMs: number;
}

export interface AskContext {
  now: number;
  dayStartHour: number;
  /** She said "Don't ask me this". */
  off: boolean;
  where: AskedWhere;
  /** The site whose limit just ended its session (the boundary screen), or the feed she scrolls. */
  site?: string;
}

/** How many questions were put to her on the day containing `now`. */
export function askedToday(checkIns: Iterable<CheckIn>, now: number, dayStartHour: number): number {
  const today = dayKeyOf(now, dayStartHour);
  let count = 0;
  for (const checkIn of checkIns) {
    if (checkIn.askedAt !== undefined && dayKeyOf(checkIn.askedAt, dayStartHour) === today) count++;
  }
  return count;
}

/**
 * The session to ask about here and now, if any: the latest long one, not answered or closed.
 * - popup: one that has ended (no activity for the session gap), within 12 hours; the popup
 *   keeps asking about it until she answers or closes it, as one question;
 * - boundary: this site's session, which the limit has just ended;
 * - feed: this site's session while it goes on, once it has 20 continuous minutes.
 * Nothing when she turned the question off, or 3 were asked today (one already put to her
 * about the same session doesn't count again).
 */
export function questionFor(
  sessions: readonly (SessionRecord & { day: DayKey })[],
  checkIns: readonly CheckIn[],
  context: AskContext,
): CheckInQuestion | undefined {
  if (context.off) return undefined;
  const { now, where, site } = context;
  const known = new Map(checkIns.map((checkIn) => [checkIn.sessionId, checkIn]));
  const asked = askedToday(checkIns, now, context.dayStartHour);
  const candidates = sessions
    .filter((session) => {
      const checkIn = known.get(session.id);
      if (checkIn?.feeling !== undefined || checkIn?.dismissedAt !== undefined) return false;
      // Asked once where it interrupts; the popup may show an unanswered one again.
      if (checkIn?.askedAt !== undefined && where !== 'popup') return false;
      if (checkIn?.askedAt === undefined && asked >= MAX_CHECK_INS_PER_DAY) return false;
      if (where === 'popup') {
        return (
          session.activeMs >= CHECK_IN_MIN_ACTIVE_MS &&
          now - session.end > SESSION_GAP_MS &&
          now - session.end <= CHECK_IN_PENDING_MS
        );
      }
      if (session.site !== site || now - session.end > SESSION_GAP_MS) return false;
      return session.activeMs >= (where === 'feed' ? CHECK_IN_CARD_AFTER_MS : CHECK_IN_MIN_ACTIVE_MS);
    })
    .sort((a, b) => b.end - a.end);
  const session = candidates[0];
  return session
    ? {
        day: session.day,
        sessionId: session.id,
        site: session.site,
        start: session.start,
        end: session.end,
        activeMs: session.activeMs,
      }
    : undefined;
}

/** The day's record with `change` applied to the entry for `question`'s session (made if new). */
export function withCheckIn(
  record: DayCheckInsRecord,
  question: Pick<CheckInQuestion, 'sessionId' | 'site' | 'start' | 'activeMs'>,
  change: (checkIn: CheckIn) => void,
): void {
  let checkIn = record.checkIns.find((entry) => entry.sessionId === question.sessionId);
  if (!checkIn) {
    checkIn = {
      sessionId: question.sessionId,
      site: question.site,
      start: question.start,
      activeMs: question.activeMs,
    };
    record.checkIns.push(checkIn);
  }
  checkIn.activeMs = Math.max(checkIn.activeMs, question.activeMs);
  change(checkIn);
}
