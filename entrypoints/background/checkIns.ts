/**
 * The background's side of check-ins after long sessions: which session to ask about where
 * (checkins/checkIns.ts decides), what she answered, the question she closed, "Don't ask me
 * this". It alone writes the check-in records, in one queue; it also counts the comparison-trap
 * posts seen in each session as the page reports them, and the reminders shown in it.
 */
import {
  type AskedWhere,
  type CheckIn,
  type CheckInQuestion,
  questionFor,
  withCheckIn,
} from '@/utils/checkins/checkIns';
import type { Handlers, MessageSender } from '@/utils/messaging/router';
import { loadItem, saveItem } from '@/utils/storage/itemStore';
import { checkInsOff } from '@/utils/storage/items';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { isDayKey, recentDayKeys } from '@/utils/time/day';
import { createSerialQueue } from './serial';

interface CheckInDeps {
  ledger: LedgerStore;
  now: () => number;
  settings: () => Promise<Settings>;
  fromOwnPage: (sender: MessageSender) => boolean;
}

/** Days read for a question: sessions of the last 12 hours began today or the day before. */
const DAYS_LOOKED_AT = 2;

export function createCheckIns({ ledger, now, settings, fromOwnPage }: CheckInDeps) {
  const serial = createSerialQueue();

  async function nearby(at: number, hour: number) {
    const days = recentDayKeys(at, DAYS_LOOKED_AT, hour);
    const [sessions, checkIns] = await Promise.all([
      ledger.readDays('sessions', days),
      ledger.readDays('checkIns', days),
    ]);
    return {
      sessions: [...sessions.records.values()].flatMap((record) =>
        record.sessions.map((session) => ({ ...session, day: record.day })),
      ),
      checkIns: [...checkIns.records.values()].flatMap((record) => record.checkIns),
    };
  }

  /** Reminders shown on the session's site while it ran. */
  async function remindersDuring(question: CheckInQuestion, hour: number): Promise<number> {
    const days = [...new Set([question.day, ...recentDayKeys(question.end, 1, hour)])];
    const { records } = await ledger.readDays('nudges', days);
    let count = 0;
    for (const record of records.values()) {
      for (const nudge of record.nudges) {
        if (nudge.site === question.site && nudge.shownAt >= question.start && nudge.shownAt <= question.end) count++;
      }
    }
    return count;
  }

  /** The session to ask about at `where` now, marked as asked (so it counts once, and only once). */
  function ask(where: AskedWhere, site?: string): Promise<CheckInQuestion | undefined> {
    return serial(async () => {
      const at = now();
      const hour = (await settings()).tracking.dayStartHour;
      const off = (await loadItem(checkInsOff)).value;
      const { sessions, checkIns } = await nearby(at, hour);
      const question = questionFor(sessions, checkIns, { now: at, dayStartHour: hour, off, where, site });
      if (!question) return undefined;
      await ledger.updateDay('checkIns', question.day, at, (record) =>
        withCheckIn(record, question, (checkIn) => {
          if (checkIn.askedAt === undefined) {
            checkIn.askedAt = at;
            checkIn.askedWhere = where;
          }
        }),
      );
      return question;
    });
  }

  /** Change the entry for a session she was asked about; false when there is none. */
  function change(day: string, sessionId: string, edit: (checkIn: CheckIn) => void): Promise<boolean> {
    if (!isDayKey(day)) return Promise.resolve(false);
    return serial(async () => {
      let found = false;
      await ledger.updateDay('checkIns', day, now(), (record) => {
        const checkIn = record.checkIns.find((entry) => entry.sessionId === sessionId);
        if (!checkIn?.askedAt) return;
        edit(checkIn);
        found = true;
      });
      return found;
    });
  }

  /** Comparison-trap posts a page saw, added to the session running on its site now. */
  function noteTrapPosts(site: string, trapPosts: number): Promise<void> {
    if (trapPosts <= 0) return Promise.resolve();
    return serial(async () => {
      const at = now();
      const pointer = await ledger.latestSession(site);
      if (!pointer) return;
      const { records } = await ledger.readDays('sessions', [pointer.day]);
      const session = records.get(pointer.day)?.sessions.find((candidate) => candidate.id === pointer.id);
      if (!session) return;
      await ledger.updateDay('checkIns', pointer.day, at, (record) =>
        withCheckIn(
          record,
          { sessionId: session.id, site, start: session.start, activeMs: session.activeMs },
          (entry) => {
            entry.trapPosts = (entry.trapPosts ?? 0) + trapPosts;
          },
        ),
      );
    });
  }

  const handlers: Pick<Handlers, 'checkin/question' | 'checkin/answer' | 'checkin/dismiss' | 'checkin/off'> = {
    'checkin/question': async ({ where, site }, sender) => {
      if (!fromOwnPage(sender)) return { question: null };
      return { question: (await ask(where, site)) ?? null };
    },

    'checkin/answer': async ({ day, sessionId, feeling, note }, sender) => {
      if (!fromOwnPage(sender) || !isDayKey(day)) return { ok: false };
      const hour = (await settings()).tracking.dayStartHour;
      const sessions = (await ledger.readDays('sessions', [day])).records.get(day)?.sessions ?? [];
      const session = sessions.find((candidate) => candidate.id === sessionId);
      const reminders = session ? await remindersDuring({ ...session, day, sessionId }, hour) : undefined;
      const ok = await change(day, sessionId, (checkIn) => {
        checkIn.feeling = feeling;
        checkIn.answeredAt = now();
        if (note?.trim()) checkIn.note = note.trim();
        if (session) checkIn.activeMs = Math.max(checkIn.activeMs, session.activeMs);
        if (reminders !== undefined) checkIn.remindersShown = reminders;
        delete checkIn.dismissedAt;
      });
      return { ok };
    },

    'checkin/dismiss': async ({ day, sessionId }, sender) => {
      if (!fromOwnPage(sender)) return { ok: false };
      const ok = await change(day, sessionId, (checkIn) => {
        if (checkIn.feeling === undefined) checkIn.dismissedAt = now();
      });
      return { ok };
    },

    'checkin/off': async ({ off }, sender) => {
      if (!fromOwnPage(sender)) return { ok: false };
      await saveItem(checkInsOff, off);
      return { ok: true };
    },
  };

  return { handlers, ask, noteTrapPosts };
}
